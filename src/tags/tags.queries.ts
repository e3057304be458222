import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { likeIgnoringCase } from '../db/like-pattern.ts';

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

export async function listTagsByIds(db: Db, ids: readonly number[]): Promise<Tag[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('tags').select(columns).where('id', 'in', ids).execute();
}

export async function findTagsBySlugs(db: Db, slugs: readonly string[]): Promise<Tag[]> {
  if (slugs.length === 0) return [];
  return db.selectFrom('tags').select(columns).where('slug', 'in', slugs).execute();
}

/**
 * Tags whose name contains `text`, or whose slug contains `slug` (so "sao" finds "São Paulo"); names
 * that start with the text first, then by name.
 */
export async function searchTagsByName(db: Db, search: { text: string; slug: string | null; limit: number }): Promise<Tag[]> {
  return db
    .selectFrom('tags')
    .select(columns)
    .where((eb) => eb.or([likeIgnoringCase('name', search.text), ...(search.slug ? [likeIgnoringCase('slug', search.slug)] : [])]))
    .orderBy(sql`case when ${likeIgnoringCase('name', search.text, 'start')} then 0 else 1 end`)
    .orderBy('name')
    .orderBy('id')
    .limit(search.limit)
    .execute();
}

export async function insertTag(db: Db, tag: Omit<Tag, 'id'>): Promise<number> {
  const row = await db.insertInto('tags').values(tag).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findTagById(db: Db, id: number): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function updateTagRow(db: Db, id: number, tag: Omit<Tag, 'id'>): Promise<void> {
  await db.updateTable('tags').set(tag).where('id', '=', id).execute();
}

export async function deleteTagRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute();
}

export async function listTagsWithCounts(db: Db): Promise<(Tag & { articleCount: number })[]> {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .select(['tags.id', 'tags.slug', 'tags.name', 'tags.description', (eb) => eb.fn.count('article_tags.article_id').as('count')])
    .groupBy(['tags.id', 'tags.slug', 'tags.name', 'tags.description'])
    .orderBy('tags.name')
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, description: row.description, articleCount: Number(row.count) }));
}
