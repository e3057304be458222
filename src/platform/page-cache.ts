import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from './clock.ts';
import { type ContentChanges, type ContentTag, contentTags } from './content-changes.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const htmlContentType = 'text/html; charset=utf-8';

/** A rendered page, compressed once, with the content it was built from. */
export interface CachedPage {
  readonly body: Buffer;
  readonly brotli: Buffer;
  readonly gzip: Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly lastModified?: Date;
  readonly expiresAt?: Date;
  readonly tags: readonly ContentTag[];
}

interface BuiltContent {
  /** Everything shown on the page, so a change to any of it drops the page. */
  readonly tags: readonly ContentTag[];
  /** Sent as Last-Modified and compared with If-Modified-Since; without it only the ETag validates. */
  readonly lastModified?: Date;
  /** When the page goes stale although nothing it shows changed, e.g. a list of the last 48 hours. */
  readonly expiresAt?: Date;
}

/** An HTML page, or another document (a feed, a sitemap) with its content type. */
export type BuiltPage = BuiltContent & ({ readonly html: string } | { readonly body: string; readonly contentType: string });

/**
 * Rendered reader pages in memory, dropped precisely when something they show changes.
 * Bounded by bytes, least recently used first out.
 */
export class PageCache {
  readonly #pages: LRUCache<string, CachedPage>;
  readonly #keysByTag = new Map<ContentTag, Set<string>>();
  readonly #clock: Clock;

  constructor(changes: ContentChanges, options: { maxBytes?: number; clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#pages = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (page) => page.body.length + page.brotli.length + page.gzip.length,
      dispose: (page, key) => this.#unindex(key, page.tags),
    });
    changes.subscribe((tags) => this.invalidate(tags));
  }

  get(key: string): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (page?.expiresAt && page.expiresAt <= this.#clock.now()) {
      this.#pages.delete(key);
      return undefined;
    }
    return page;
  }

  async store(key: string, built: BuiltPage): Promise<CachedPage> {
    const body = Buffer.from('html' in built ? built.html : built.body);
    const [brotliBody, gzipBody] = await Promise.all([
      brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzipAsync(body, { level: 9 }),
    ]);
    const page: CachedPage = {
      body,
      brotli: brotliBody,
      gzip: gzipBody,
      contentType: 'html' in built ? htmlContentType : built.contentType,
      etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
      lastModified: built.lastModified,
      expiresAt: built.expiresAt,
      tags: [...new Set(built.tags)],
    };
    this.#pages.set(key, page);
    for (const tag of page.tags) {
      const keys = this.#keysByTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.#keysByTag.set(tag, keys);
    }
    return page;
  }

  invalidate(tags: readonly ContentTag[]): void {
    if (tags.includes(contentTags.everything)) {
      this.clear();
      return;
    }
    for (const tag of tags) {
      for (const key of [...(this.#keysByTag.get(tag) ?? [])]) this.#pages.delete(key);
    }
  }

  clear(): void {
    this.#pages.clear();
  }

  get size(): number {
    return this.#pages.size;
  }

  #unindex(key: string, tags: readonly ContentTag[]): void {
    for (const tag of tags) {
      const keys = this.#keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByTag.delete(tag);
    }
  }
}

function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const chosen = negotiate(acceptEncoding, ['br', 'gzip']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/** Answers a reader page from the cache, building it on a miss. */
export async function servePage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  key: string,
  build: () => Promise<BuiltPage>,
): Promise<FastifyReply> {
  return sendPage(request, reply, cache.get(key) ?? (await cache.store(key, await build())));
}

/** If-None-Match decides when it is present; If-Modified-Since counts only without it (RFC 9110 §13.2.2). */
function isUnchangedFor(request: FastifyRequest, page: CachedPage): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === page.etag || tag.trim() === '*');
  const ifModifiedSince = request.headers['if-modified-since'];
  if (!ifModifiedSince || !page.lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates carry whole seconds, so the page's own time is compared at that precision.
  return !Number.isNaN(since) && Math.floor(page.lastModified.getTime() / 1000) * 1000 <= since;
}

/** Sends a cached page: 304 when the browser's copy is current, else the smallest encoding it accepts. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply
    .header('content-type', page.contentType)
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .header('vary', 'Accept-Encoding')
    .header('etag', page.etag);
  if (page.lastModified) reply.header('last-modified', page.lastModified.toUTCString());
  if (isUnchangedFor(request, page)) return reply.code(304).send();
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(page.brotli);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}
