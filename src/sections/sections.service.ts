import type { Db } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { reservedSectionSlugs } from '../articles/index.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { insertSection, type Section } from './sections.queries.ts';

const messages = {
  nameRequired: 'Give the section a name.',
  slugInvalid: 'Use lower-case letters, digits and single hyphens in the slug.',
  slugReserved: 'This address is used by the site itself. Choose another slug.',
};

export async function createSection(
  db: Db,
  input: { name: string; slug?: string; description?: string; position?: number },
): Promise<Section> {
  const name = input.name.trim();
  const slug = input.slug?.trim() || slugFrom(name);
  const fields: Record<string, string> = {};
  if (name === '') fields.name = messages.nameRequired;
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  else if (reservedSectionSlugs.has(slug)) fields.slug = messages.slugReserved;
  if (Object.keys(fields).length > 0) throw new ValidationError('The section has errors.', fields);
  const section = { slug, name, description: input.description?.trim() ?? '', position: input.position ?? 0 };
  return { ...section, id: await insertSection(db, section) };
}
