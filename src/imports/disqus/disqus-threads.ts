import { lookUpArticle } from '../../articles/index.ts';
import type { Db } from '../../db/database.ts';
import { findRedirect } from '../redirects.queries.ts';
import { redirectKey } from '../redirects.ts';
import type { DisqusThread } from './disqus-records.ts';

/**
 * The path and query of a thread's link, whatever host it names: Disqus keeps the address a page had when its
 * thread was made, so the same site appears as http and https, with and without www, or on a staging host.
 */
export function pathOfLink(link: string): string | undefined {
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The WordPress plugin's `disqus_identifier`, "<post ID> <?p= URL>" ("10 http://example.org/?p=10"), as the
 * `?p=` address the WordPress import recorded; undefined for any other identifier.
 */
export function wordPressPostKey(identifier: string): string | undefined {
  const match = /^(\d{1,15})\s+\S+$/.exec(identifier.trim());
  return match ? `/?p=${match[1]}` : undefined;
}

/** An old address the WordPress (or any other) import recorded, when it leads to an article. */
async function articleByRedirect(db: Db, key: string | undefined): Promise<number | undefined> {
  const stored = key === undefined || key === '/' ? undefined : await findRedirect(db, key);
  return stored?.targetKind === 'article' && stored.targetId !== null ? stored.targetId : undefined;
}

/** Gazette's own address of a published article, `/<section>/<slug>`, followed once if the article moved since. */
async function articleByAddress(db: Db, key: string | undefined, now: Date, hops = 1): Promise<number | undefined> {
  const [section, slug, ...rest] = key?.split('/').slice(1) ?? [];
  if (!section || !slug || rest.length > 0) return undefined;
  const found = await lookUpArticle(db, section, slug, now);
  if (found.kind === 'found') return found.article.id;
  return found.kind === 'moved' && hops > 0 ? articleByAddress(db, redirectKey(found.location), now, hops - 1) : undefined;
}

/**
 * The Gazette article a Disqus thread belongs to: by its link as Gazette's own address, then as an old
 * address an import recorded (a WordPress permalink, an old slug, `?p=`), then by the WordPress plugin's
 * identifier. Undefined when nothing matches; the thread's posts are then reported, not imported.
 */
export async function matchThread(db: Db, thread: Pick<DisqusThread, 'link' | 'identifier'>, now: Date): Promise<number | undefined> {
  const path = pathOfLink(thread.link);
  const key = path === undefined ? undefined : redirectKey(path);
  return (await articleByAddress(db, key, now)) ?? (await articleByRedirect(db, key)) ?? (await articleByRedirect(db, wordPressPostKey(thread.identifier)));
}
