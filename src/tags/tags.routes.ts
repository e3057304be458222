import type { FastifyPluginAsync } from 'fastify';
import { type CollectionDeps, serveCollectionPage } from '../articles/index.ts';
import { tagUrl } from '../platform/urls.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { findFormerOwner } from '../platform/slug-history.ts';
import type { Static } from '@sinclair/typebox';
import { PageQuery, slugParams } from '../platform/route-schemas.ts';
import { findTagById, findTagBySlug } from './tags.queries.ts';
import { pageCacheRoute } from '../platform/page-cache.ts';

const Params = slugParams('tagSlug');

export const tagRoutes: FastifyPluginAsync<CollectionDeps> = async (app, deps) => {
  app.get<{ Params: Static<typeof Params>; Querystring: PageQuery }>(
    '/tag/:tagSlug',
    { ...pageCacheRoute, schema: { params: Params, querystring: PageQuery } },
    async (request, reply) => {
      const tag = await findTagBySlug(deps.db, request.params.tagSlug);
      if (!tag) {
        // Renamed: the old address answers 301 to the new one.
        const formerId = await findFormerOwner(deps.db, 'tag', request.params.tagSlug);
        const current = formerId === undefined ? undefined : await findTagById(deps.db, formerId);
        if (current) return reply.redirect(tagUrl(current, request.query.page), 301);
        throw new NotFoundError('There is no topic at this address.');
      }
      return serveCollectionPage(
        request,
        reply,
        deps,
        {
          scope: { kind: 'tag', tagId: tag.id },
          url: (page) => tagUrl(tag, page),
          eyebrow: (words) => words.text('list.topic'),
          heading: tag.name,
          description: tag.description,
          ogType: 'website',
          entityTag: contentTags.tag(tag.id),
          feed: { kind: 'tag', slug: tag.slug },
        },
        request.query.page,
      );
    },
  );
};
