import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { ContentTag } from '../../platform/content-changes.ts';
import { type PageCache, servePage } from '../../platform/page-cache.ts';
import type { SiteContext } from '../../settings/index.ts';
import type { JsonContext } from '../article-json.ts';

/** What every Content API route is given. */
export interface ContentDeps {
  readonly db: Db;
  readonly site: SiteContext;
  readonly pages: PageCache;
}

/** A Content API answer before it is sent: its JSON, and the content it shows (which drops it when changed). */
export interface BuiltJson {
  readonly data: unknown;
  readonly tags: readonly ContentTag[];
}

export function jsonContextOf(site: SiteContext): JsonContext {
  return { publicUrl: site.publicUrl, siteLanguage: site.settings.current().language };
}

/** Reader pages are kept under their paths ("/world"); API answers apart from them. */
const keyPrefix = 'content-api:';

/**
 * The page cache's key for an answer: the path below /api/v1 and the parameters as the route read
 * them (defaults filled in, names sorted), so `?limit=20&x=1` and no query at all share one entry.
 */
export function jsonCacheKey(path: string, query: Readonly<Record<string, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return `${keyPrefix}${path}${search ? `?${search}` : ''}`;
}

/**
 * Answers from the page cache as reader pages are: ETag and 304, the pages' Cache-Control for shared
 * caches, surrogate keys from `tags` (purged on change), X-Cache, and dropped by the same content
 * changes. The JSON is written by the route's response schema (`reply.serialize`), so a field the
 * schema does not name is never sent, cached or not.
 */
export function serveJson(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ContentDeps,
  key: string,
  build: () => Promise<BuiltJson>,
): Promise<FastifyReply> {
  return servePage(request, reply, deps.pages, key, async () => {
    const { data, tags } = await build();
    return { body: reply.serialize(data) as string, contentType: 'application/json; charset=utf-8', tags };
  });
}

/** `?limit=`: how many a page holds, `perPage` when left out. */
export function limitQuery(perPage: number) {
  return Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: perPage, description: `How many to answer, 1 to 100; ${perPage} unless given.` }));
}

/** `next` of a paginated answer. */
export const nextCursor = Type.Union([Type.String(), Type.Null()], {
  description: 'Pass as `cursor` for the next page; null on the last page. Opaque: use it as it is.',
});

/** The 304 a cached answer gives to a current If-None-Match, declared so the document tells the whole truth. */
export const notModified = { 304: { type: 'null', description: 'Not Modified: the copy named in If-None-Match is current.' } };
