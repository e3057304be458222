import type { Db } from '../db/database.ts';
import { ConflictError, NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import { forgetOldSlug, rememberOldSlug } from '../platform/slug-history.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import {
  deleteTagRow,
  findTagById,
  findTagBySlug,
  findTagsBySlugs,
  insertTag,
  listTagsWithCounts,
  searchTagsByName,
  type Tag,
  updateTagRow,
} from './tags.queries.ts';

const messages = {
  nameRequired: phrase('refusal.tags.nameRequired'),
  nameTooLong: phrase('refusal.tags.nameTooLong'),
  descriptionTooLong: phrase('refusal.tags.descriptionTooLong'),
  slugInvalid: phrase('refusal.tags.slugInvalid'),
  slugTaken: phrase('refusal.tags.slugTaken'),
  notFound: phrase('refusal.tags.notFound'),
  inUse: (count: number) => phrase('refusal.tags.inUse', { count }),
  hasErrors: phrase('refusal.tags.hasErrors'),
};

/** Longest text the editor's tag suggestions search for: a tag name is at most 50 characters. */
export const tagSuggestionTextLimit = 50;

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

/**
 * The tags with these names, in the order given, one per slug ("Trade" and "trade" are one tag).
 * Names no tag has yet are created when `mayCreate`; otherwise nothing is created and they come
 * back in `unknown`, for the caller to refuse.
 *
 * @example const { tags, unknown } = await findOrCreateTags(db, ['Trade', 'Ferries'], { mayCreate: false })
 */
export async function findOrCreateTags(db: Db, names: readonly string[], options: { mayCreate: boolean }): Promise<{ tags: Tag[]; unknown: string[] }> {
  const wanted = new Map<string, string>();
  for (const name of names.map((typed) => typed.trim()).filter(Boolean)) {
    const slug = slugFrom(name);
    if (!wanted.has(slug)) wanted.set(slug, name);
  }
  const existing = new Map((await findTagsBySlugs(db, [...wanted.keys()])).map((tag) => [tag.slug, tag]));
  const unknown = [...wanted].filter(([slug]) => !existing.has(slug)).map(([, name]) => name);
  if (unknown.length > 0 && !options.mayCreate) return { tags: [], unknown };
  const tags = [];
  for (const [slug, name] of wanted) tags.push(existing.get(slug) ?? (await findOrCreateTag(db, { name })));
  return { tags, unknown: [] };
}

/** Existing tags to offer while someone types a tag name, best matches first. */
export async function suggestTags(db: Db, typed: string, limit: number): Promise<Tag[]> {
  const text = typed.replace(/\s+/g, ' ').trim().slice(0, tagSuggestionTextLimit);
  if (text === '') return [];
  return searchTagsByName(db, { text, slug: /[\p{L}\p{N}]/u.test(text) ? slugFrom(text) : null, limit });
}

export interface TagInput {
  readonly name: string;
  readonly slug?: string;
  readonly description?: string;
}

/** A tag's fields checked, its slug free for it (`id`: the tag being edited, which may keep its own). */
async function checkTag(db: Db, input: TagInput, id?: number): Promise<Omit<Tag, 'id'>> {
  const name = input.name.trim();
  const slug = input.slug?.trim() || slugFrom(name);
  const description = input.description?.trim() ?? '';
  const fields: Record<string, Phrase> = {};
  if (name === '') fields.name = messages.nameRequired;
  else if (name.length > 50) fields.name = messages.nameTooLong;
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  if (description.length > 500) fields.description = messages.descriptionTooLong;
  const holder = fields.slug ? undefined : await findTagBySlug(db, slug);
  if (holder && holder.id !== id) fields.slug = messages.slugTaken;
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.hasErrors, fields);
  return { name, slug, description };
}

/** Adds a tag with the slug and description given, where `findOrCreateTag` takes an existing one. */
export async function createTag(db: Db, input: TagInput): Promise<Tag> {
  const tag = await checkTag(db, input);
  return { ...tag, id: await insertTag(db, tag) };
}

/** Renames a tag; its old address answers 301 to the new one. */
export async function updateTag(deps: { db: Db; changes: ContentChanges; now: Date }, id: number, input: TagInput): Promise<Tag> {
  const before = await findTagById(deps.db, id);
  if (!before) throw new NotFoundError(messages.notFound);
  const { name, slug, description } = await checkTag(deps.db, input, id);
  await updateTagRow(deps.db, id, { name, slug, description });
  if (slug !== before.slug) {
    await rememberOldSlug(deps.db, 'tag', before.slug, id, deps.now);
    await forgetOldSlug(deps.db, 'tag', slug);
  }
  deps.changes.announce([contentTags.tag(id), contentTags.scope({ kind: 'tag', tagId: id })]);
  return { id, name, slug, description };
}

export async function deleteUnusedTag(deps: { db: Db; changes: ContentChanges }, id: number): Promise<void> {
  const tag = (await listTagsWithCounts(deps.db)).find((candidate) => candidate.id === id);
  if (!tag) throw new NotFoundError(messages.notFound);
  if (tag.articleCount > 0) throw new ConflictError(messages.inUse(tag.articleCount));
  await deleteTagRow(deps.db, id);
  deps.changes.announce([contentTags.tag(id)]);
}
