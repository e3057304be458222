import type { Kysely } from 'kysely';
import type { User } from '../accounts/index.ts';
import type { Database, Db } from '../db/database.ts';
import { ConflictError, NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import { forgetOldSlug, forgetOldSlugsOf, rememberOldSlug } from '../platform/slug-history.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import {
  type Author,
  type AuthorFields,
  type AuthorForLinking,
  claimAuthorForUser,
  countBylinesOfAuthor,
  deleteAuthorRowIfUnused,
  findAuthorById,
  findAuthorBySlug,
  findAuthorForLinking,
  findAuthorIdForUser,
  insertAuthor,
  unlinkAuthorsOfUser,
  updateAuthorRow,
} from './authors.queries.ts';

const messages = {
  nameRequired: phrase('refusal.authors.nameRequired'),
  nameTooLong: phrase('refusal.authors.nameTooLong'),
  jobTitleTooLong: phrase('refusal.authors.jobTitleTooLong'),
  bioTooLong: phrase('refusal.authors.bioTooLong'),
  slugInvalid: phrase('refusal.authors.slugInvalid'),
  slugTaken: phrase('refusal.authors.slugTaken'),
  notFound: phrase('refusal.authors.notFound'),
  bylineTaken: (author: string, holder: string | undefined) =>
    holder ? phrase('refusal.authors.bylineTaken', { author, holder }) : phrase('refusal.authors.bylineTakenByAnother', { author }),
  alreadyHasByline: (author: string | undefined) =>
    author ? phrase('refusal.authors.alreadyHasByline', { author }) : phrase('refusal.authors.alreadyHasAnotherByline'),
  noFreeSlug: phrase('refusal.authors.noFreeSlug'),
  hasBylines: (count: number) => phrase('refusal.authors.hasBylines', { count }),
  hasErrors: phrase('refusal.authors.hasErrors'),
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
  const fields: Record<string, Phrase> = {};
  if (name === '') fields.name = messages.nameRequired;
  else if (name.length > 100) fields.name = messages.nameTooLong;
  if (author.jobTitle.length > 100) fields.jobTitle = messages.jobTitleTooLong;
  if (author.bio.length > 1500) fields.bio = messages.bioTooLong;
  if (!isValidSlug(author.slug)) fields.slug = messages.slugInvalid;
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.hasErrors, fields);
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

/**
 * Deletes a profile no article carries in its byline, in any state (drafts and the trash too): an
 * article never loses its byline this way. An account linked to the profile is left with none, and
 * the profile's old addresses are forgotten, so its page and any old slug of it answer 404.
 * @example await deleteUnusedAuthor({ db, changes }, 7); // ConflictError while a byline names author 7
 */
export async function deleteUnusedAuthor(deps: { db: Kysely<Database>; changes: ContentChanges }, id: number): Promise<void> {
  const deleted = await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteAuthorRowIfUnused(trx, id))) return false;
    await forgetOldSlugsOf(trx, 'author', id);
    return true;
  });
  if (!deleted) {
    if (!(await findAuthorById(deps.db, id))) throw new NotFoundError(messages.notFound);
    throw new ConflictError(messages.hasBylines(await countBylinesOfAuthor(deps.db, id)));
  }
  deps.changes.announce([contentTags.author(id), contentTags.scope({ kind: 'author', authorId: id })]);
}

/** Why `claimAuthorForUser` refused: the profile is gone, or someone else writes under it. */
async function refusal(db: Db, authorId: number): Promise<Error> {
  const author = await findAuthorForLinking(db, authorId);
  if (!author) return new NotFoundError(messages.notFound);
  return new ConflictError(messages.bylineTaken(author.name, author.linkedTo?.name));
}

/**
 * Makes `authorId` the byline the account writes under, freeing the one it had; `null` frees it only.
 * A profile another account holds is refused, naming that person: nobody takes a colleague's byline.
 * @example await linkAuthorToUser(db, 4, staff.id); // Ana now writes as author 4
 */
export async function linkAuthorToUser(db: Kysely<Database>, authorId: number | null, userId: number): Promise<AuthorForLinking | null> {
  return db.transaction().execute(async (trx) => {
    if (authorId === null) {
      await unlinkAuthorsOfUser(trx, userId);
      return null;
    }
    const author = await findAuthorForLinking(trx, authorId);
    if (!author || (author.linkedTo && author.linkedTo.userId !== userId)) throw await refusal(trx, authorId);
    // The old profile is freed first: the unique index on authors.user_id would refuse two at once.
    await unlinkAuthorsOfUser(trx, userId, authorId);
    // Checked again in the write itself, in case another account claimed it since the read above.
    if (!(await claimAuthorForUser(trx, authorId, userId))) throw await refusal(trx, authorId);
    return (await findAuthorForLinking(trx, authorId))!;
  });
}

/**
 * A slug for a byline made from an account's name. A name with nothing a URL can carry ("★★★")
 * would make "untitled"; the account's number reads better on an author page.
 */
function slugForAccount(name: string, userId: number): string {
  const made = slugFrom(name);
  return made === 'untitled' && !/untitled/i.test(name) ? `author-${userId}` : made;
}

async function freeSlug(db: Db, wanted: string): Promise<string> {
  for (const slug of [wanted, ...Array.from({ length: 98 }, (_, n) => `${wanted.slice(0, 110)}-${n + 2}`)]) {
    if (!(await findAuthorBySlug(db, slug))) return slug;
  }
  throw new ConflictError(messages.noFreeSlug);
}

/**
 * Creates an author profile from the account's name and links it, for a writer who has none yet.
 * Another profile of the same name keeps its slug: this one gets the next free one ("ana-costa-2").
 */
export async function createAuthorForUser(db: Kysely<Database>, user: Pick<User, 'id' | 'name'>): Promise<Author> {
  return db.transaction().execute(async (trx) => {
    const current = await findAuthorIdForUser(trx, user.id);
    if (current !== undefined) throw new ConflictError(messages.alreadyHasByline((await findAuthorById(trx, current))?.name));
    const author = await createAuthor(trx, { name: user.name, slug: await freeSlug(trx, slugForAccount(user.name.trim(), user.id)) });
    await claimAuthorForUser(trx, author.id, user.id);
    return author;
  });
}
