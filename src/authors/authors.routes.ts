import type { FastifyPluginAsync } from 'fastify';
import { type CollectionDeps, serveCollectionPage } from '../articles/index.ts';
import { authorUrl } from '../platform/urls.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { findFormerOwner } from '../platform/slug-history.ts';
import type { Static } from '@sinclair/typebox';
import { PageQuery, slugParams } from '../platform/route-schemas.ts';
import { findAuthorById, findAuthorBySlug } from './authors.queries.ts';
import { pageCacheRoute } from '../platform/page-cache.ts';

const Params = slugParams('authorSlug');

export const authorRoutes: FastifyPluginAsync<CollectionDeps> = async (app, deps) => {
  app.get<{ Params: Static<typeof Params>; Querystring: PageQuery }>(
    '/author/:authorSlug',
    { ...pageCacheRoute, schema: { params: Params, querystring: PageQuery } },
    async (request, reply) => {
      const author = await findAuthorBySlug(deps.db, request.params.authorSlug);
      if (!author) {
        // Renamed: the old address answers 301 to the new one.
        const formerId = await findFormerOwner(deps.db, 'author', request.params.authorSlug);
        const current = formerId === undefined ? undefined : await findAuthorById(deps.db, formerId);
        if (current) return reply.redirect(authorUrl(current, request.query.page), 301);
        throw new NotFoundError('There is no author at this address.');
      }
      return serveCollectionPage(
        request,
        reply,
        deps,
        {
          scope: { kind: 'author', authorId: author.id },
          url: (page) => authorUrl(author, page),
          eyebrow: () => author.jobTitle,
          heading: author.name,
          description: author.bio,
          ogType: 'profile',
          entityTag: contentTags.author(author.id),
          feed: { kind: 'author', slug: author.slug },
          ...(author.photo ? { portrait: author.photo } : {}),
        },
        request.query.page,
      );
    },
  );
};
