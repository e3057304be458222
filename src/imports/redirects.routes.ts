import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { findRedirectLocation } from './redirects.ts';

/**
 * WordPress answers `/?p=12` (and `?page_id=`, `?cat=` …) whatever its permalinks are, so old links
 * and shortlinks use it. Gazette's home page ignores unknown parameters, so these are caught before
 * routing rather than on the way to a 404. Only home-page addresses with a query pay the lookup.
 */
export const wordPressQueryRedirects = fp<{ db: Kysely<Database>; clock: Clock }>(async (app, { db, clock }) => {
  app.addHook('onRequest', async (request, reply) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url.startsWith('/?')) return;
    const location = await findRedirectLocation(db, request.url, clock.now());
    if (location !== undefined) return reply.header('cache-control', 'public, max-age=3600').redirect(location, 301);
  });
});
