import type { Db } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { type Author, insertAuthor } from './authors.queries.ts';

const messages = {
  nameRequired: "Give the author's name.",
  slugInvalid: 'Use lower-case letters, digits and single hyphens in the slug.',
};

export async function createAuthor(db: Db, input: { name: string; slug?: string; jobTitle?: string; bio?: string }): Promise<Author> {
  const name = input.name.trim();
  const slug = input.slug?.trim() || slugFrom(name);
  const fields: Record<string, string> = {};
  if (name === '') fields.name = messages.nameRequired;
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  if (Object.keys(fields).length > 0) throw new ValidationError('The author has errors.', fields);
  const author = { slug, name, jobTitle: input.jobTitle?.trim() ?? '', bio: input.bio?.trim() ?? '' };
  return { ...author, id: await insertAuthor(db, author) };
}
