import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { type ContentChanges, type ContentTag, contentTags } from './content-changes.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A rendered page, compressed once, with the content it was built from. */
export interface CachedPage {
  readonly html: Buffer;
  readonly brotli: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
  readonly tags: readonly ContentTag[];
}

export interface BuiltPage {
  readonly html: string;
  /** Everything shown on the page, so a change to any of it drops the page. */
  readonly tags: readonly ContentTag[];
}

/**
 * Rendered reader pages in memory, dropped precisely when something they show changes.
 * Bounded by bytes, least recently used first out.
 */
export class PageCache {
  readonly #pages: LRUCache<string, CachedPage>;
  readonly #keysByTag = new Map<ContentTag, Set<string>>();

  constructor(changes: ContentChanges, options: { maxBytes?: number } = {}) {
    this.#pages = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (page) => page.html.length + page.brotli.length + page.gzip.length,
      dispose: (page, key) => this.#unindex(key, page.tags),
    });
    changes.subscribe((tags) => this.invalidate(tags));
  }

  get(key: string): CachedPage | undefined {
    return this.#pages.get(key);
  }

  async store(key: string, built: BuiltPage): Promise<CachedPage> {
    const html = Buffer.from(built.html);
    const [brotliBody, gzipBody] = await Promise.all([
      brotli(html, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: html.length } }),
      gzipAsync(html, { level: 9 }),
    ]);
    const page: CachedPage = {
      html,
      brotli: brotliBody,
      gzip: gzipBody,
      etag: `W/"${createHash('sha1').update(html).digest('base64url')}"`,
      tags: [...new Set(built.tags)],
    };
    this.#pages.set(key, page);
    for (const tag of page.tags) {
      let keys = this.#keysByTag.get(tag);
      if (!keys) this.#keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return page;
  }

  invalidate(tags: readonly ContentTag[]): void {
    if (tags.includes(contentTags.everything)) return this.clear();
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

/** Sends a cached page: 304 when the browser's copy is current, else the smallest encoding it accepts. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .header('vary', 'Accept-Encoding')
    .header('etag', page.etag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === page.etag || tag.trim() === '*')) {
    return reply.code(304).send();
  }
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(page.brotli);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}
