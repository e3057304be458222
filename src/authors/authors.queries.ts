import type { Db } from '../db/database.ts';

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
