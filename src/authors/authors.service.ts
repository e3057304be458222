import type { Db } from '../db/database.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import { forgetOldSlug, rememberOldSlug } from '../platform/slug-history.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { type Author, type AuthorFields, findAuthorById, findAuthorBySlug, insertAuthor, updateAuthorRow } from './authors.queries.ts';

const messages = {
  nameRequired: "Give the author's name.",
  nameTooLong: 'Keep the name under 100 characters.',
  jobTitleTooLong: 'Keep the job title under 100 characters.',
  bioTooLong: 'Keep the biography under 1,500 characters.',
  slugInvalid: 'Use lower-case letters, digits and single hyphens in the slug.',
  slugTaken: 'Another author already uses this slug.',
  notFound: 'There is no such author.',
};

export interface AuthorInput {
  readonly name: string;
  readonly slug?: string;
  readonly jobTitle?: string;
  readonly bio?: string;
  readonly photoMediaId?: number | null;
}

function checkAuthor(input: AuthorInput): AuthorFields {
  const name = input.name.trim();
  const author = {
    slug: input.slug?.trim() || slugFrom(name),
    name,
    jobTitle: input.jobTitle?.trim() ?? '',
    bio: input.bio?.trim() ?? '',
    photoMediaId: input.photoMediaId ?? null,
  };
  const fields: Record<string, string> = {};
  if (name === '') fields.name = messages.nameRequired;
  else if (name.length > 100) fields.name = messages.nameTooLong;
  if (author.jobTitle.length > 100) fields.jobTitle = messages.jobTitleTooLong;
  if (author.bio.length > 1500) fields.bio = messages.bioTooLong;
  if (!isValidSlug(author.slug)) fields.slug = messages.slugInvalid;
  if (Object.keys(fields).length > 0) throw new ValidationError('The author has errors.', fields);
  return author;
}

export async function createAuthor(db: Db, input: AuthorInput): Promise<Author> {
  const author = checkAuthor(input);
  if (await findAuthorBySlug(db, author.slug)) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
  const id = await insertAuthor(db, author);
  return (await findAuthorById(db, id))!;
}

/** Edits a byline's profile; a new slug leaves the old author page answering 301. */
export async function updateAuthor(deps: { db: Db; changes: ContentChanges; now: Date }, id: number, input: AuthorInput): Promise<Author> {
  const before = await findAuthorById(deps.db, id);
  if (!before) throw new NotFoundError(messages.notFound);
  const author = checkAuthor(input);
  const holder = await findAuthorBySlug(deps.db, author.slug);
  if (holder && holder.id !== id) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
  await updateAuthorRow(deps.db, id, author);
  if (author.slug !== before.slug) {
    await rememberOldSlug(deps.db, 'author', before.slug, id, deps.now);
    await forgetOldSlug(deps.db, 'author', author.slug);
  }
  deps.changes.announce([contentTags.author(id), contentTags.scope({ kind: 'author', authorId: id })]);
  return (await findAuthorById(deps.db, id))!;
}
