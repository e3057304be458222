import { Type } from '@sinclair/typebox';
import { type Author, findAuthorById, findAuthorBySlug } from '../../authors/index.ts';
import type { Db } from '../../db/database.ts';
import { BadRequestError } from '../../errors.ts';
import { findFormerOwner } from '../../platform/slug-history.ts';
import type { SluggedKind } from '../../platform/slug-history.table.ts';
import { slugMaxLength, slugPattern } from '../../platform/slugs.ts';
import { findSectionById, findSectionBySlug, type Section } from '../../sections/index.ts';
import { findTagById, findTagBySlug, type Tag } from '../../tags/index.ts';

const messages = {
  unknown: (kind: SluggedKind, slug: string) => `There is no ${kind} "${slug}". Its slug is the last part of the address of its page.`,
};

/** A slug in a query string, checked as the reader routes check slugs in addresses. */
export function slugQuery(description: string) {
  return Type.String({ pattern: slugPattern, maxLength: slugMaxLength, description });
}

/** Found at its slug, or at one it had before a rename, as its reader page is (that answers 301). */
async function currentOrFormer<T>(
  db: Db,
  kind: SluggedKind,
  slug: string,
  bySlug: (db: Db, slug: string) => Promise<T | undefined>,
  byId: (db: Db, id: number) => Promise<T | undefined>,
): Promise<T | undefined> {
  const found = await bySlug(db, slug);
  if (found) return found;
  const formerId = await findFormerOwner(db, kind, slug);
  return formerId === undefined ? undefined : byId(db, formerId);
}

export const findSectionAt = (db: Db, slug: string): Promise<Section | undefined> => currentOrFormer(db, 'section', slug, findSectionBySlug, findSectionById);
export const findTagAt = (db: Db, slug: string): Promise<Tag | undefined> => currentOrFormer(db, 'tag', slug, findTagBySlug, findTagById);
export const findAuthorAt = (db: Db, slug: string): Promise<Author | undefined> => currentOrFormer(db, 'author', slug, findAuthorBySlug, findAuthorById);

/**
 * The id a list filter names (`?section=world`).
 * @throws BadRequestError when no section, tag or author has or had that slug: a typo, not an empty list.
 */
export async function resolveFilterSlug(db: Db, kind: SluggedKind, slug: string): Promise<number> {
  const found = kind === 'section' ? await findSectionAt(db, slug) : kind === 'tag' ? await findTagAt(db, slug) : await findAuthorAt(db, slug);
  if (!found) throw new BadRequestError(messages.unknown(kind, slug));
  return found.id;
}
