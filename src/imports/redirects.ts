import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { getArticle, isPublished } from '../articles/index.ts';
import { findAuthorById } from '../authors/index.ts';
import { getMediaItem, shareableImage } from '../media/index.ts';
import { publicPageUrl } from '../pages/index.ts';
import { findSectionById } from '../sections/index.ts';
import { findTagById } from '../tags/index.ts';
import { articleUrl, authorUrl, feedUrl, homeUrl, sectionUrl, tagUrl } from '../platform/urls.ts';
import type { RedirectTarget } from './import.table.ts';
import { findRedirect, type StoredRedirect } from './redirects.queries.ts';

/** The query addresses WordPress answers on any permalink structure (`/?p=12`), kept in that one shape. */
const wordPressQueryKeys = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author'] as const;

function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * The one form an old address is stored and looked up in: percent-decoded, single slashes, no
 * trailing slash; other query parameters than WordPress's own are ignored.
 *
 * @example redirectKey('/2025/03/%ED%99%94%EC%9E%AC/?utm_source=x') // '/2025/03/화재'
 * @example redirectKey('/?p=12&replytocom=3') // '/?p=12'
 */
export function redirectKey(url: string): string | undefined {
  const [rawPath = '/', query = ''] = url.split('?', 2);
  const path = decodedPath(rawPath.replace(/#.*$/, ''));
  if (path === undefined || path.length > 2000 || !path.startsWith('/')) return undefined;
  const folded = path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  if (folded === '/') {
    const params = new URLSearchParams(query);
    const key = wordPressQueryKeys.find((name) => /^[\p{L}\p{M}\p{N}_.%-]{1,200}$/u.test(params.get(name) ?? ''));
    return key ? `/?${key}=${params.get(key)}` : undefined;
  }
  return folded;
}

/** The path part of an absolute or relative link on the old site, or undefined for another site's. */
export function pathOnOrigin(link: string, origin: string): string | undefined {
  try {
    const url = new URL(link, origin);
    const home = new URL(origin);
    if (url.host.toLowerCase() !== home.host.toLowerCase()) return undefined;
    // A site installed in a folder (https://example.org/news/) keeps its folder in its links.
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

async function orUndefined<T>(lookup: Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

const resolvers: Record<RedirectTarget, (db: Db, id: number | null, now: Date) => Promise<string | undefined>> = {
  home: async () => homeUrl(),
  'site-feed': async () => feedUrl({ kind: 'site' }, 'rss'),
  article: async (db, id, now) => {
    const article = id === null ? undefined : await orUndefined(getArticle(db, id));
    return article && isPublished(article, now) ? articleUrl(article) : undefined;
  },
  section: async (db, id) => {
    const section = id === null ? undefined : await findSectionById(db, id);
    return section && sectionUrl(section);
  },
  'section-feed': async (db, id) => {
    const section = id === null ? undefined : await findSectionById(db, id);
    return section && feedUrl({ kind: 'section', slug: section.slug }, 'rss');
  },
  tag: async (db, id) => {
    const tag = id === null ? undefined : await findTagById(db, id);
    return tag && tagUrl(tag);
  },
  'tag-feed': async (db, id) => {
    const tag = id === null ? undefined : await findTagById(db, id);
    return tag && feedUrl({ kind: 'tag', slug: tag.slug }, 'rss');
  },
  author: async (db, id) => {
    const author = id === null ? undefined : await findAuthorById(db, id);
    return author && authorUrl(author);
  },
  'author-feed': async (db, id) => {
    const author = id === null ? undefined : await findAuthorById(db, id);
    return author && feedUrl({ kind: 'author', slug: author.slug }, 'rss');
  },
  page: async (db, id) => (id === null ? undefined : publicPageUrl(db, id)),
  media: async (db, id) => {
    const item = id === null ? undefined : await orUndefined(getMediaItem(db, id));
    return item && shareableImage(item).path;
  },
};

export async function resolveTarget(db: Db, target: StoredRedirect, now: Date): Promise<string | undefined> {
  return resolvers[target.targetKind](db, target.targetId, now);
}

/**
 * Where an address that Gazette itself does not answer now lives, if an import recorded it.
 * A target that is gone or not public (an unpublished article) gives undefined: the reader sees 404.
 */
export async function findRedirectLocation(db: Db, url: string, now: Date): Promise<string | undefined> {
  const key = redirectKey(url);
  const stored = key === undefined ? undefined : await findRedirect(db, key);
  if (!stored) return undefined;
  const location = await resolveTarget(db, stored, now);
  // Never send a reader round in a circle.
  return location === undefined || redirectKey(location) === key ? undefined : location;
}
