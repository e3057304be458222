import type { Db } from '../db/database.ts';

export interface Tag {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

const columns = ['id', 'slug', 'name', 'description'] as const;

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(columns).where('slug', '=', slug).executeTakeFirst();
}

export async function insertTag(db: Db, tag: Omit<Tag, 'id'>): Promise<number> {
  const row = await db.insertInto('tags').values(tag).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
