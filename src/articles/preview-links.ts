import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { Article } from './article.ts';
import { findArticleById } from './articles.queries.ts';
import { findWorkingPreviewLink, insertPreviewLink } from './preview-links.queries.ts';

export { listWorkingPreviewLinks, revokePreviewLink } from './preview-links.queries.ts';

const hour = 60 * 60 * 1000;

/** How long a share link may work: the choices the preview page offers. */
export const previewLinkLifetimes = {
  '1h': { label: '1 hour', milliseconds: hour },
  '24h': { label: '24 hours', milliseconds: 24 * hour },
  '7d': { label: '7 days', milliseconds: 7 * 24 * hour },
} as const;
export type PreviewLinkLifetime = keyof typeof previewLinkLifetimes;
export const defaultPreviewLinkLifetime: PreviewLinkLifetime = '24h';

/** 32 random bytes in base64url: 43 characters, no padding. Anything else cannot be a token. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where a share link opens, from the site's root. */
export function sharedPreviewPath(token: string): string {
  return `/preview/${token}`;
}

/**
 * Makes a share link to `articleId`'s preview. The token is returned once, to be shown to the
 * person who asked; only its SHA-256 is stored, so nobody can read a working link back.
 *
 * @example const { token } = await createPreviewLink(deps, article.id, staff.id, '24h'); // link: sharedPreviewPath(token)
 */
export async function createPreviewLink(
  deps: { readonly db: Db; readonly clock: Clock },
  articleId: number,
  createdBy: number,
  lifetime: PreviewLinkLifetime,
): Promise<{ id: number; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = deps.clock.now();
  const expiresAt = new Date(createdAt.getTime() + previewLinkLifetimes[lifetime].milliseconds);
  const id = await insertPreviewLink(deps.db, { articleId, tokenHash: hashToken(token), createdBy, createdAt, expiresAt });
  return { id, token, expiresAt };
}

/**
 * The article a share link shows, as saved now, and when the link stops working; undefined for a
 * token that is malformed, unknown, expired or revoked, or whose article is in the trash.
 */
export async function findSharedPreview(db: Db, token: string, now: Date): Promise<{ article: Article; expiresAt: Date } | undefined> {
  // Checked before hashing: a made-up address costs no query.
  if (!tokenPattern.test(token)) return undefined;
  const link = await findWorkingPreviewLink(db, hashToken(token), now);
  if (!link) return undefined;
  const article = await findArticleById(db, link.articleId);
  return article && article.trashedAt === null ? { article, expiresAt: link.expiresAt } : undefined;
}
