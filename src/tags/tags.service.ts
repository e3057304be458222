import type { Db } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { findTagBySlug, insertTag, type Tag } from './tags.queries.ts';

const messages = {
  nameRequired: 'Give the tag a name.',
  slugInvalid: 'Use lower-case letters, digits and single hyphens in the slug.',
};

/** The tag with this name's slug, created if it is new: editors type tags, they do not manage ids. */
export async function findOrCreateTag(db: Db, input: { name: string; description?: string }): Promise<Tag> {
  const name = input.name.trim();
  const slug = slugFrom(name);
  if (name === '') throw new ValidationError(messages.nameRequired, { name: messages.nameRequired });
  if (!isValidSlug(slug)) throw new ValidationError(messages.slugInvalid, { name: messages.slugInvalid });
  const existing = await findTagBySlug(db, slug);
  if (existing) return existing;
  const tag = { slug, name, description: input.description?.trim() ?? '' };
  return { ...tag, id: await insertTag(db, tag) };
}
