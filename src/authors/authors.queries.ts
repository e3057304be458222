import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';

/** A byline's portrait: what the author page needs to draw it. */
export interface AuthorPhoto {
  readonly id: number;
  readonly storageKey: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

export interface Author {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly bio: string;
  readonly photo: AuthorPhoto | null;
}

/** What an editor sets on a profile; the photo by its media id. */
export interface AuthorFields {
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly bio: string;
  readonly photoMediaId: number | null;
}

function selectAuthors(db: Db) {
  return db
    .selectFrom('authors')
    .leftJoin('media', 'media.id', 'authors.photo_media_id')
    .select([
      'authors.id',
      'authors.slug',
      'authors.name',
      'authors.job_title',
      'authors.bio',
      'media.id as photo_id',
      'media.storage_key as photo_key',
      'media.width as photo_width',
      'media.height as photo_height',
      'media.alt as photo_alt',
    ]);
}

type AuthorRow = Awaited<ReturnType<ReturnType<typeof selectAuthors>['executeTakeFirstOrThrow']>>;

function authorRowToAuthor(row: AuthorRow): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    jobTitle: row.job_title,
    bio: row.bio,
    photo:
      row.photo_id === null || row.photo_key === null
        ? null
        : { id: row.photo_id, storageKey: row.photo_key, width: row.photo_width ?? 0, height: row.photo_height ?? 0, alt: row.photo_alt ?? '' },
  };
}

export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | undefined> {
  const row = await selectAuthors(db).where('authors.slug', '=', slug).executeTakeFirst();
  return row ? authorRowToAuthor(row) : undefined;
}

export async function findAuthorById(db: Db, id: number): Promise<Author | undefined> {
  const row = await selectAuthors(db).where('authors.id', '=', id).executeTakeFirst();
  return row ? authorRowToAuthor(row) : undefined;
}

export async function listAuthorsByIds(db: Db, ids: readonly number[]): Promise<Author[]> {
  if (ids.length === 0) return [];
  return (await selectAuthors(db).where('authors.id', 'in', ids).execute()).map(authorRowToAuthor);
}

const authorNames = (db: Db) => db.selectFrom('authors').select(['id', 'name']).orderBy('name').orderBy('id');
const allAuthorNames = preparedQuery((db) => authorNames(db));
// The newsroom's byline filter asks for the first few on every page of its list.
const firstAuthorNames = preparedQuery((db, most: number) => authorNames(db).limit(most));

/**
 * Every author's id and name by name, or the first `most` of them: a filter's choices, without reading
 * 2,000 bios and photos (12.8 ms on SQLite).
 */
export async function listAuthorNames(db: Db, options: { most?: number } = {}): Promise<{ id: number; name: string }[]> {
  return options.most === undefined ? allAuthorNames(db) : firstAuthorNames(db, options.most);
}

export async function listAuthors(db: Db): Promise<Author[]> {
  return (await selectAuthors(db).orderBy('authors.name').execute()).map(authorRowToAuthor);
}

function rowValues(author: AuthorFields) {
  return { slug: author.slug, name: author.name, job_title: author.jobTitle, bio: author.bio, photo_media_id: author.photoMediaId };
}

export async function insertAuthor(db: Db, author: AuthorFields): Promise<number> {
  const row = await db.insertInto('authors').values(rowValues(author)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAuthorRow(db: Db, id: number, author: AuthorFields): Promise<void> {
  await db.updateTable('authors').set(rowValues(author)).where('id', '=', id).execute();
}

/** A byline as the account page offers it: whose account, if anyone's, already writes under it. */
export interface AuthorForLinking {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly linkedTo: { readonly userId: number; readonly name: string } | null;
}

function selectAuthorsForLinking(db: Db) {
  return db
    .selectFrom('authors')
    .leftJoin('users', 'users.id', 'authors.user_id')
    .select(['authors.id', 'authors.slug', 'authors.name', 'authors.user_id', 'users.name as user_name']);
}

type AuthorForLinkingRow = Awaited<ReturnType<ReturnType<typeof selectAuthorsForLinking>['executeTakeFirstOrThrow']>>;

function linkingRowToAuthor(row: AuthorForLinkingRow): AuthorForLinking {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    linkedTo: row.user_id === null ? null : { userId: row.user_id, name: row.user_name ?? '' },
  };
}

/**
 * The author profile the account writes under, if it has one.
 * @example const first = await findAuthorIdForUser(db, staff.id); // the editor's default byline
 */
export async function findAuthorIdForUser(db: Db, userId: number): Promise<number | undefined> {
  const row = await db.selectFrom('authors').select('id').where('user_id', '=', userId).executeTakeFirst();
  return row?.id;
}

/** Every author profile, by name, each with the account linked to it. */
export async function listAuthorsForLinking(db: Db): Promise<AuthorForLinking[]> {
  return (await selectAuthorsForLinking(db).orderBy('authors.name').orderBy('authors.id').execute()).map(linkingRowToAuthor);
}

export async function findAuthorForLinking(db: Db, id: number): Promise<AuthorForLinking | undefined> {
  const row = await selectAuthorsForLinking(db).where('authors.id', '=', id).executeTakeFirst();
  return row ? linkingRowToAuthor(row) : undefined;
}

/** Frees every profile the account writes under, but `keepAuthorId`. */
export async function unlinkAuthorsOfUser(db: Db, userId: number, keepAuthorId?: number): Promise<void> {
  let query = db.updateTable('authors').set({ user_id: null }).where('user_id', '=', userId);
  if (keepAuthorId !== undefined) query = query.where('id', '!=', keepAuthorId);
  await query.execute();
}

/** Links the profile to the account unless another account holds it; says whether the profile is now theirs. */
export async function claimAuthorForUser(db: Db, authorId: number, userId: number): Promise<boolean> {
  const result = await db
    .updateTable('authors')
    .set({ user_id: userId })
    .where('id', '=', authorId)
    .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '=', userId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** On how many articles, in any state (drafts and the trash too), the author is in the byline. */
export async function countBylinesOfAuthor(db: Db, authorId: number): Promise<number> {
  const row = await db
    .selectFrom('article_authors')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('author_id', '=', authorId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Deletes the profile unless an article has it in its byline; says whether it did. The byline check
 * is part of the delete itself: article_authors cascades, so a byline added since a separate check
 * would vanish with the profile. A linked account keeps nothing: the link is this row's user_id.
 */
export async function deleteAuthorRowIfUnused(db: Db, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('authors')
    .where('id', '=', id)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('article_authors').select('article_authors.author_id').whereRef('article_authors.author_id', '=', 'authors.id'))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
