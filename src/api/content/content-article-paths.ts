import { lookUpArticle } from '../../articles/index.ts';
import type { Db } from '../../db/database.ts';
import { findRedirectLocation } from '../../imports/index.ts';
import { isValidSlug } from '../../platform/slugs.ts';
import type { ContentDeps } from './content-cache.ts';

/** "/world/harbour-reopens" or the whole URL, on this site only; undefined for another site's or nonsense. */
function pathOnSite(given: string, publicUrl: string): string | undefined {
  try {
    const url = new URL(given.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(given) ? given : `/${given}`, `${publicUrl}/`);
    return url.origin === new URL(publicUrl).origin ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The published article at /{section}/{slug}, following one move (a changed slug or section) as the site's 301 does. */
async function articleAt(db: Db, path: string, now: Date, movesLeft = 1): Promise<number | undefined> {
  const segments = path.split('?')[0]!.replace(/\/+$/, '').split('/').slice(1).map(decoded);
  const [sectionSlug, slug] = segments;
  if (segments.length !== 2 || !sectionSlug || !slug || !isValidSlug(sectionSlug) || !isValidSlug(slug)) return undefined;
  const found = await lookUpArticle(db, sectionSlug, slug, now);
  if (found.kind === 'found') return found.article.id;
  return found.kind === 'moved' && movesLeft > 0 ? articleAt(db, found.location, now, movesLeft - 1) : undefined;
}

/**
 * The id of the published article readers reach at this address, found as the site finds it: its
 * page, an address it had before its slug or section changed, or an imported site's old address.
 */
export async function resolveArticlePath(deps: ContentDeps, given: string): Promise<number | undefined> {
  const path = pathOnSite(given, deps.site.publicUrl);
  if (path === undefined) return undefined;
  const now = deps.site.clock.now();
  const found = await articleAt(deps.db, path, now);
  if (found !== undefined) return found;
  const location = await findRedirectLocation(deps.db, path, now);
  return location === undefined ? undefined : articleAt(deps.db, location, now);
}
