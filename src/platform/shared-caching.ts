import type { Clock } from './clock.ts';
import { type ContentTag, contentTags } from './content-changes.ts';

/**
 * How reader answers (pages, feeds, sitemaps, Content API) are marked for a shared cache in front of
 * Gazette (Varnish, a CDN), and the surrogate keys a purge names. docs/operations.md, "Behind a shared
 * cache", describes the headers and the purge protocol for whoever writes that cache's configuration.
 */
export interface SharedCacheOptions {
  /** `s-maxage`: how long a shared cache may answer with a page without asking; purges drop it sooner. */
  readonly maxAgeSeconds: number;
  /** `stale-while-revalidate`: how long past that it may still answer while it fetches the page again. */
  readonly staleWhileRevalidateSeconds: number;
  /** `stale-if-error`: how long past that it may still answer while Gazette cannot. */
  readonly staleIfErrorSeconds: number;
  /** The response header listing an answer's surrogate keys (`xkey`, `Surrogate-Key`, `Cache-Tag`); undefined sends none. */
  readonly surrogateKeyHeader: string | undefined;
  /** Cookies that may change what a page shows to its browser: a request carrying one is answered for it alone. */
  readonly personalCookies: readonly string[];
}

/** What config.ts gives when nothing is set; see there for the reasons. */
export const defaultSharedCacheOptions: SharedCacheOptions = {
  maxAgeSeconds: 86_400,
  staleWhileRevalidateSeconds: 60,
  staleIfErrorSeconds: 86_400,
  surrogateKeyHeader: 'xkey',
  personalCookies: [],
};

export const cacheControls = {
  /** A page for one browser (its own pending comment, a staff or commenter cookie): kept by no one, not even that browser. */
  personal: 'private, no-store',
  /**
   * A page built while something it shows changed: right for whoever asked, but possibly not after the
   * change, and the purge for that change may already have gone out. The browser may keep it and ask
   * again; a shared cache may not keep it.
   */
  unshared: 'private, no-cache',
} as const;

/** Carried by every shared answer; purged when everything changed (an import of a whole site). */
export const everythingKey = 'all';
/** Carried instead of its own keys by an answer with too many to list; purged with every change. */
export const anyChangeKey = 'any-change';

/**
 * The longest surrogate-key header value sent, and the longest purge header: Varnish refuses a header
 * line over 8 KB by default (http_resp_hdr_len, http_req_hdr_len), Fastly and Cloudflare one over 16 KB.
 */
export const maxKeyHeaderBytes = 7_000;

const unsafeInKey = /[^A-Za-z0-9:._-]/g;

/**
 * A content tag as a surrogate key: letters, digits and `:._-` as they are, anything else
 * percent-encoded, so a key never holds a space or comma (separators in the header) or a control character.
 * @example surrogateKeyOf('article:12') // 'article:12'
 */
export function surrogateKeyOf(tag: ContentTag): string {
  return tag.replace(unsafeInKey, (character) => [...Buffer.from(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/**
 * What separates keys in the header named `headerName`: a comma in Cloudflare's Cache-Tag, a space
 * elsewhere (Fastly's Surrogate-Key takes nothing else; xkey takes either).
 */
export function keySeparatorFor(headerName: string): ' ' | ',' {
  return headerName.toLowerCase() === 'cache-tag' ? ',' : ' ';
}

/**
 * The surrogate-key header value of an answer built from `tags`: its tags' keys and `all`, or just
 * `all` and `any-change` when they would not fit in one header line.
 */
export function surrogateKeysOf(tags: readonly ContentTag[], separator: ' ' | ',' = ' '): string {
  const keys = new Set([everythingKey]);
  for (const tag of tags) keys.add(surrogateKeyOf(tag));
  const value = [...keys].join(separator);
  return value.length <= maxKeyHeaderBytes ? value : `${everythingKey}${separator}${anyChangeKey}`;
}

/**
 * The purge header values for a change to `tags`, each at most `maxKeyHeaderBytes` long: everything
 * answers carry when "everything" changed, else the tags' keys and `any-change` (answers that could
 * not list theirs may show any of them), split over as many values as they need.
 */
export function purgeKeyLists(tags: Iterable<ContentTag>): string[] {
  const keys = new Set<string>();
  for (const tag of tags) {
    if (tag === contentTags.everything) return [everythingKey];
    keys.add(surrogateKeyOf(tag));
  }
  if (keys.size === 0) return [];
  keys.add(anyChangeKey);
  const lists: string[] = [];
  let current = '';
  for (const key of keys) {
    if (current && current.length + 1 + key.length > maxKeyHeaderBytes) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current} ${key}` : key;
  }
  lists.push(current);
  return lists;
}

/**
 * The headers that say who may keep an answer, worked out once per page where possible so that
 * a page served from the page cache only copies strings.
 */
export class SharedCachePolicy {
  readonly surrogateKeyHeader: string | undefined;
  readonly keySeparator: ' ' | ',';
  readonly #options: SharedCacheOptions;
  readonly #clock: Clock;
  readonly #shared: string;
  /** `name=` of each personal cookie, looked for in the raw Cookie header rather than parsing it on every request. */
  readonly #personalMarks: readonly string[];

  constructor(options: SharedCacheOptions, clock: Clock) {
    this.#options = options;
    this.#clock = clock;
    this.surrogateKeyHeader = options.surrogateKeyHeader;
    this.keySeparator = keySeparatorFor(options.surrogateKeyHeader ?? '');
    this.#shared = this.#sharedFor(options.maxAgeSeconds);
    this.#personalMarks = options.personalCookies.map((name) => `${name}=`);
  }

  /**
   * Cache-Control of a page built from current content: browsers ask again each time (ETag, 304),
   * shared caches keep it for `s-maxage`, or until it expires if that is sooner. Computed again on
   * each answer only for a page that expires (a list of the last 48 hours), since that shortens.
   */
  sharedCacheControl(expiresAt?: Date): string {
    if (!expiresAt) return this.#shared;
    const left = Math.floor((expiresAt.getTime() - this.#clock.now().getTime()) / 1000);
    return left >= this.#options.maxAgeSeconds ? this.#shared : this.#sharedFor(Math.max(0, left));
  }

  /**
   * Whether the request carries a cookie that may change what it is shown. A name merely inside
   * another cookie's name or value counts too: wrongly private costs a cache miss, wrongly shared
   * could show one reader's page to others.
   */
  isPersonal(cookieHeader: string | undefined): boolean {
    if (!cookieHeader) return false;
    return this.#personalMarks.some((mark) => cookieHeader.includes(mark));
  }

  #sharedFor(maxAgeSeconds: number): string {
    const { staleWhileRevalidateSeconds, staleIfErrorSeconds } = this.#options;
    return `public, max-age=0, must-revalidate, s-maxage=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}, stale-if-error=${staleIfErrorSeconds}`;
  }
}
