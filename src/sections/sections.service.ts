import type { Db } from '../db/database.ts';
import { ConflictError, NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import { reservedSectionSlugs } from '../platform/urls.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import { forgetOldSlug, rememberOldSlug } from '../platform/slug-history.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import {
  countArticlesBySection,
  deleteSectionRow,
  findSectionById,
  findSectionBySlug,
  insertSection,
  listSections,
  type Section,
  updateSectionRow,
} from './sections.queries.ts';

const messages = {
  nameRequired: phrase('refusal.sections.nameRequired'),
  nameTooLong: phrase('refusal.sections.nameTooLong'),
  descriptionTooLong: phrase('refusal.sections.descriptionTooLong'),
  slugInvalid: phrase('refusal.sections.slugInvalid'),
  slugReserved: phrase('refusal.sections.slugReserved'),
  slugTaken: phrase('refusal.sections.slugTaken'),
  positionInvalid: phrase('refusal.sections.positionInvalid'),
  notFound: phrase('refusal.sections.notFound'),
  notEmpty: (count: number) => phrase('refusal.sections.notEmpty', { count }),
  hasErrors: phrase('refusal.sections.hasErrors'),
};

export interface SectionInput {
  readonly name: string;
  readonly slug?: string;
  readonly description?: string;
  readonly position?: number;
}

function checkSection(input: SectionInput): Omit<Section, 'id'> {
  const name = input.name.trim();
  const slug = input.slug?.trim() || slugFrom(name);
  const description = input.description?.trim() ?? '';
  const position = input.position ?? 0;
  const fields: Record<string, Phrase> = {};
  if (name === '') fields.name = messages.nameRequired;
  else if (name.length > 60) fields.name = messages.nameTooLong;
  if (description.length > 500) fields.description = messages.descriptionTooLong;
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  else if (reservedSectionSlugs.has(slug)) fields.slug = messages.slugReserved;
  if (!Number.isInteger(position) || position < 0 || position > 999) fields.position = messages.positionInvalid;
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.hasErrors, fields);
  return { name, slug, description, position };
}

export async function createSection(db: Db, input: SectionInput): Promise<Section> {
  const section = checkSection(input);
  if (await findSectionBySlug(db, section.slug)) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
  return { ...section, id: await insertSection(db, section) };
}

/** Renames or moves a section; its old address, and its articles' old addresses, answer 301 afterwards. */
export async function updateSection(deps: { db: Db; changes: ContentChanges; now: Date }, id: number, input: SectionInput): Promise<Section> {
  const before = await findSectionById(deps.db, id);
  if (!before) throw new NotFoundError(messages.notFound);
  const section = checkSection(input);
  const holder = await findSectionBySlug(deps.db, section.slug);
  if (holder && holder.id !== id) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
  await updateSectionRow(deps.db, id, section);
  if (section.slug !== before.slug) {
    await rememberOldSlug(deps.db, 'section', before.slug, id, deps.now);
    await forgetOldSlug(deps.db, 'section', section.slug);
  }
  deps.changes.announce([contentTags.section(id), contentTags.scope({ kind: 'section', sectionId: id }), contentTags.scope({ kind: 'all' })]);
  return { ...section, id };
}

export async function deleteSection(deps: { db: Db; changes: ContentChanges }, id: number): Promise<void> {
  const count = (await countArticlesBySection(deps.db)).get(id) ?? 0;
  if (count > 0) throw new ConflictError(messages.notEmpty(count));
  await deleteSectionRow(deps.db, id);
  deps.changes.announce([contentTags.section(id), contentTags.scope({ kind: 'all' })]);
}

export async function listSectionsWithCounts(db: Db): Promise<(Section & { articleCount: number })[]> {
  const [sections, counts] = await Promise.all([listSections(db), countArticlesBySection(db)]);
  return sections.map((section) => ({ ...section, articleCount: counts.get(section.id) ?? 0 }));
}
