import type { Db } from '../db/database.ts';

export interface Author {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly bio: string;
}

function authorRowToAuthor(row: { id: number; slug: string; name: string; job_title: string; bio: string }): Author {
  return { id: row.id, slug: row.slug, name: row.name, jobTitle: row.job_title, bio: row.bio };
}

export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | undefined> {
  const row = await db
    .selectFrom('authors')
    .select(['id', 'slug', 'name', 'job_title', 'bio'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? authorRowToAuthor(row) : undefined;
}

export async function insertAuthor(db: Db, author: Omit<Author, 'id'>): Promise<number> {
  const row = await db
    .insertInto('authors')
    .values({ slug: author.slug, name: author.name, job_title: author.jobTitle, bio: author.bio })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listAuthors(db: Db): Promise<Author[]> {
  const rows = await db.selectFrom('authors').select(['id', 'slug', 'name', 'job_title', 'bio']).orderBy('name').execute();
  return rows.map(authorRowToAuthor);
}

export async function findAuthorById(db: Db, id: number): Promise<Author | undefined> {
  const row = await db.selectFrom('authors').select(['id', 'slug', 'name', 'job_title', 'bio']).where('id', '=', id).executeTakeFirst();
  return row ? authorRowToAuthor(row) : undefined;
}

export async function updateAuthorRow(db: Db, id: number, author: Omit<Author, 'id'>): Promise<void> {
  await db
    .updateTable('authors')
    .set({ slug: author.slug, name: author.name, job_title: author.jobTitle, bio: author.bio })
    .where('id', '=', id)
    .execute();
}
