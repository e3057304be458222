import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzip, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from './clock.ts';
import { type ContentChanges, type ContentTag, contentTags } from './content-changes.ts';
import { cacheControls, defaultSharedCacheOptions, type SharedCacheOptions, SharedCachePolicy, surrogateKeysOf } from './shared-caching.ts';
import { utf8Bytes } from './utf8-bytes.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A miss is compressed at once at brotli quality 1: the demo's article page (21 KB) in 67 µs of CPU, an
 * article with 50 comments (82 KB) in 111 µs, home (31 KB) in 70 µs, against 131, 218 and 122 µs at
 * quality 3 and 241, 626 and 373 µs at quality 5, for 10–12% more bytes than quality 3. A page the cache
 * keeps is compressed again at quality 5 on the thread pool, and its later readers get that (5,370, 8,002
 * and 5,700 bytes against 6,600, 9,782 and 7,137); quality 9 would take 27–37 ms for the article page.
 * gzip level 6 is as small as 9 at the same cost.
 */
export const brotliAtMiss = 1;
const brotliKept = 5;
const gzipLevel = 6;

/**
 * Pages up to this size are compressed on the spot, which for the article page costs less than
 * handing the work to the thread pool; a larger one (a sitemap) goes there, so it never holds up
 * other requests.
 */
const compressInlineUpTo = 256 * 1024;

/** What compression adds to a kept page's size once both encodings are made (brotli and gzip of HTML: about a quarter each). */
const encodedShare = 0.5;

export type Encoding = 'br' | 'gzip';

function brotliOptions(body: Buffer, quality: number) {
  return { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } };
}

function compress(body: Buffer, encoding: Encoding): Buffer | Promise<Buffer> {
  if (body.length <= compressInlineUpTo)
    return encoding === 'br' ? brotliCompressSync(body, brotliOptions(body, brotliAtMiss)) : gzipSync(body, { level: gzipLevel });
  return encoding === 'br' ? brotli(body, brotliOptions(body, brotliAtMiss)) : gzipAsync(body, { level: gzipLevel });
}

const htmlContentType = 'text/html; charset=utf-8';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers with servePage/sendPage: its bodies come compressed already (see app.ts). */
    readonly servesCachedPages?: boolean;
  }
}

/**
 * Options for a route that answers from the page cache. Its pages carry their own compressed bodies,
 * so the compression plugin's hooks would only cost time on every request (8% of the cached article
 * page's throughput, measured).
 */
export const pageCacheRoute = { config: { servesCachedPages: true } } as const;

/** What a page tells caches in front of Gazette, worked out once when the page is made. */
export interface PageSharing {
  readonly policy: SharedCachePolicy;
  /** Cache-Control for a request without a personal cookie; undefined for a page that expires, whose is worked out per answer. */
  readonly cacheControl: string | undefined;
  /** The surrogate-key header, name and value, when it is sent. */
  readonly surrogateKeys: readonly [name: string, value: string] | undefined;
}

/**
 * A rendered page with the content it was built from, compressed in each encoding the first time a
 * reader asks for it: a page rendered for one request (a miss with the cache off, a page nobody
 * asks for twice) pays for one encoding at most, or none.
 */
export class CachedPage {
  readonly #encoded = new Map<Encoding, Buffer | Promise<Buffer>>();
  #kept = false;

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly etag: string,
    readonly tags: readonly ContentTag[],
    readonly sharing: PageSharing,
    readonly lastModified?: Date,
    readonly expiresAt?: Date,
  ) {}

  /** The page is in the cache: its brotli body is made again, smaller, for the readers after the first. */
  keep(): void {
    this.#kept = true;
    if (this.#encoded.has('br')) this.#refine();
  }

  /** The body in `encoding` (none: as it is) when it is made already; undefined while it is being compressed. */
  readyBody(encoding: Encoding | undefined): Buffer | undefined {
    if (!encoding) return this.body;
    const made = this.#encoded.get(encoding);
    return made instanceof Buffer ? made : undefined;
  }

  /** Cache-Control for a request without a personal cookie. */
  sharedCacheControl(): string {
    return this.sharing.cacheControl ?? this.sharing.policy.sharedCacheControl(this.expiresAt);
  }

  encoded(encoding: Encoding): Buffer | Promise<Buffer> {
    const made = this.#encoded.get(encoding);
    if (made) return made;
    const making = compress(this.body, encoding);
    this.#encoded.set(encoding, making);
    if (making instanceof Promise) {
      making.then(
        (buffer) => {
          if (this.#encoded.get(encoding) === making) this.#encoded.set(encoding, buffer);
        },
        () => {
          if (this.#encoded.get(encoding) === making) this.#encoded.delete(encoding);
        },
      );
    }
    if (encoding === 'br' && this.#kept) this.#refine();
    return making;
  }

  /** Compresses the body again at brotli's kept quality, off the event loop; until then, or if that fails, the quick one serves. */
  #refine(): void {
    brotli(this.body, brotliOptions(this.body, brotliKept)).then(
      (smaller) => this.#encoded.set('br', smaller),
      () => {},
    );
  }
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

/** Whether the page was answered from the cache (`HIT`) or rendered for this request (`MISS`), as sent in X-Cache. */
export type CacheStatus = 'HIT' | 'MISS';

export interface PageCacheOptions {
  /** The budget for all pages in all their encodings; the least recently used go first. */
  readonly maxBytes?: number;
  /** Off keeps nothing: every request renders its page (for benchmarking and debugging). */
  readonly enabled?: boolean;
  readonly clock?: Clock;
  /** What the pages tell a shared cache in front (Cache-Control, surrogate keys, which cookies make a request personal). */
  readonly sharing?: SharedCacheOptions;
}

/** The changes announced since a page began to be built, which the page may or may not show. */
class ChangesDuringBuild {
  readonly #tags = new Set<ContentTag>();
  #everything = false;

  note(tags: readonly ContentTag[]): void {
    for (const tag of tags) this.#tags.add(tag);
  }

  noteEverything(): void {
    this.#everything = true;
  }

  touch(pageTags: readonly ContentTag[]): boolean {
    return this.#everything || pageTags.some((tag) => this.#tags.has(tag));
  }
}

interface Build {
  readonly page: Promise<CachedPage>;
  readonly changes: ChangesDuringBuild;
}

/** `shareable`: whether a shared cache may keep the page, i.e. nothing it shows changed while it was built. */
function pageOf(built: BuiltPage, policy: SharedCachePolicy, shareable: boolean): CachedPage {
  const body = utf8Bytes(`${'html' in built ? built.html : built.body}`);
  const tags = [...new Set(built.tags)];
  const keyHeader = shareable ? policy.surrogateKeyHeader : undefined;
  const sharing: PageSharing = {
    policy,
    cacheControl: !shareable ? cacheControls.unshared : built.expiresAt ? undefined : policy.sharedCacheControl(),
    surrogateKeys: keyHeader ? [keyHeader, surrogateKeysOf(tags, policy.keySeparator)] : undefined,
  };
  return new CachedPage(
    body,
    'html' in built ? htmlContentType : built.contentType,
    `W/"${createHash('sha1').update(body).digest('base64url')}"`,
    tags,
    sharing,
    built.lastModified,
    built.expiresAt,
  );
}

/**
 * Rendered reader pages in memory, dropped precisely when something they show changes.
 * Bounded by bytes, least recently used first out. A page missing from the cache is built once
 * however many ask for it at the same time, and a page built while something it shows changed
 * is sent to those who asked but not kept.
 */
export class PageCache {
  readonly #pages: LRUCache<string, CachedPage>;
  readonly #keysByTag = new Map<ContentTag, Set<string>>();
  readonly #clock: Clock;
  readonly #enabled: boolean;
  readonly #sharing: SharedCachePolicy;
  /** Builds under way that a request for the same page may still wait for, by key. */
  readonly #building = new Map<string, Build>();
  /** Every build under way, joinable or not, so a change can be noted against each. */
  readonly #watching = new Set<ChangesDuringBuild>();

  constructor(changes: ContentChanges, options: PageCacheOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#enabled = options.enabled ?? true;
    this.#sharing = new SharedCachePolicy(options.sharing ?? defaultSharedCacheOptions, this.#clock);
    this.#pages = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (page) => Math.ceil(page.body.length * (1 + encodedShare)),
      dispose: (page, key) => this.#unindex(key, page.tags),
    });
    changes.subscribe((tags) => this.invalidate(tags));
  }

  get(key: string): CachedPage | undefined {
    if (!this.#enabled) return undefined;
    const page = this.#pages.get(key);
    if (page?.expiresAt && page.expiresAt <= this.#clock.now()) {
      this.#pages.delete(key);
      return undefined;
    }
    return page;
  }

  /**
   * The page at `key`: from the cache, or built by `build` (and kept). Requests arriving while it is
   * being built wait for that build rather than starting their own.
   */
  async getOrBuild(key: string, build: () => Promise<BuiltPage>): Promise<{ page: CachedPage; status: CacheStatus }> {
    const cached = this.get(key);
    if (cached) return { page: cached, status: 'HIT' };
    // Nothing is kept, so nothing notes a change during the build: such a page is shared as any other.
    if (!this.#enabled) return { page: pageOf(await build(), this.#sharing, true), status: 'MISS' };
    const building = this.#building.get(key) ?? this.#startBuilding(key, build);
    return { page: await building.page, status: 'MISS' };
  }

  /**
   * Keeps a built page, unless `changesDuringBuild` holds a change to something it shows: its data
   * may have been read before that change.
   */
  store(key: string, built: BuiltPage, changesDuringBuild?: ChangesDuringBuild): CachedPage {
    const changedMeanwhile = changesDuringBuild?.touch(built.tags) ?? false;
    // Not for shared caches either: the purge for that change may have gone out before this page reaches one.
    const page = pageOf(built, this.#sharing, !changedMeanwhile);
    if (!this.#enabled || changedMeanwhile) return page;
    this.#pages.set(key, page);
    // A page larger than the whole budget is not kept, and must not be indexed either.
    if (!this.#pages.has(key)) return page;
    page.keep();
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
    for (const changes of this.#watching) changes.note(tags);
    // What a build under way shows is known only when it ends, so a request from now on must not
    // wait for one that may have read its data before this change.
    this.#building.clear();
    for (const tag of tags) {
      for (const key of [...(this.#keysByTag.get(tag) ?? [])]) this.#pages.delete(key);
    }
  }

  clear(): void {
    for (const changes of this.#watching) changes.noteEverything();
    this.#building.clear();
    this.#pages.clear();
  }

  get size(): number {
    return this.#pages.size;
  }

  #startBuilding(key: string, build: () => Promise<BuiltPage>): Build {
    const changes = new ChangesDuringBuild();
    this.#watching.add(changes);
    // Started on a later tick so that even a build that throws at once finds itself registered below.
    const page = Promise.resolve()
      .then(build)
      .then((built) => this.store(key, built, changes));
    const building: Build = { page, changes };
    this.#building.set(key, building);
    const finished = () => {
      this.#watching.delete(changes);
      if (this.#building.get(key) === building) this.#building.delete(key);
    };
    page.then(finished, finished);
    return building;
  }

  #unindex(key: string, tags: readonly ContentTag[]): void {
    for (const tag of tags) {
      const keys = this.#keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByTag.delete(tag);
    }
  }
}

export function preferredEncoding(acceptEncoding: string | undefined): Encoding | undefined {
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
  const { page, status } = await cache.getOrBuild(key, build);
  return await sendPage(request, reply, page, status);
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

/**
 * Sends a cached page: 304 when the browser's copy is current, else the smallest encoding it accepts.
 * A request with a personal cookie is answered `private, no-store` and without surrogate keys, so no
 * shared cache keeps what it is shown, whatever the page.
 */
export async function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, status: CacheStatus): Promise<FastifyReply> {
  const { sharing } = page;
  const personal = sharing.policy.isPersonal(request.headers.cookie);
  reply
    .header('x-cache', status)
    .header('content-type', page.contentType)
    .header('cache-control', personal ? cacheControls.personal : page.sharedCacheControl())
    .header('vary', 'Accept-Encoding')
    .header('etag', page.etag);
  if (sharing.surrogateKeys && !personal) reply.header(sharing.surrogateKeys[0], sharing.surrogateKeys[1]);
  if (page.lastModified) reply.header('last-modified', page.lastModified.toUTCString());
  if (isUnchangedFor(request, page)) return reply.code(304).send();
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (status === 'HIT' && !personal) (reply.raw as SentFromCache)[sentFromCache] = { page, encoding };
  if (encoding) return reply.header('content-encoding', encoding).send(await page.encoded(encoding));
  return reply.send(page.body);
}

/** Marks a response that sends a page from the cache to a request without a personal cookie (see cache-hit-lane.ts). */
export const sentFromCache = Symbol('the cached page this response sends');

export interface SentFromCache {
  [sentFromCache]?: { readonly page: CachedPage; readonly encoding: Encoding | undefined };
}
