import type { FastifyPluginAsync } from 'fastify';
import { type CollectionDeps, serveCollectionPage } from '../articles/index.ts';
import { sectionUrl } from '../platform/urls.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { findFormerOwner } from '../platform/slug-history.ts';
import type { Static } from '@sinclair/typebox';
import { PageQuery, slugParams } from '../platform/route-schemas.ts';
import { findSectionById, findSectionBySlug } from './sections.queries.ts';
import { pageCacheRoute } from '../platform/page-cache.ts';

const Params = slugParams('sectionSlug');

export const sectionRoutes: FastifyPluginAsync<CollectionDeps> = async (app, deps) => {
  app.get<{ Params: Static<typeof Params>; Querystring: PageQuery }>(
    '/:sectionSlug',
    { ...pageCacheRoute, schema: { params: Params, querystring: PageQuery } },
    async (request, reply) => {
      const section = await findSectionBySlug(deps.db, request.params.sectionSlug);
      if (!section) {
        // Renamed: the old address answers 301 to the new one.
        const formerId = await findFormerOwner(deps.db, 'section', request.params.sectionSlug);
        const current = formerId === undefined ? undefined : await findSectionById(deps.db, formerId);
        if (current) return reply.redirect(sectionUrl(current, request.query.page), 301);
        throw new NotFoundError('There is no section at this address.');
      }
      return serveCollectionPage(
        request,
        reply,
        deps,
        {
          scope: { kind: 'section', sectionId: section.id },
          url: (page) => sectionUrl(section, page),
          eyebrow: (words) => words.text('list.section'),
          heading: section.name,
          description: section.description,
          ogType: 'website',
          entityTag: contentTags.section(section.id),
          feed: { kind: 'section', slug: section.slug },
        },
        request.query.page,
      );
    },
  );
};
