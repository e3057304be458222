import type { Db } from '../db/database.ts';

export interface Section {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly position: number;
}

const columns = ['id', 'slug', 'name', 'description', 'position'] as const;

export async function findSectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  return db.selectFrom('sections').select(columns).where('slug', '=', slug).executeTakeFirst();
}

export async function listSections(db: Db): Promise<Section[]> {
  return db.selectFrom('sections').select(columns).orderBy('position').orderBy('name').execute();
}

export async function insertSection(db: Db, section: Omit<Section, 'id'>): Promise<number> {
  const row = await db.insertInto('sections').values(section).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
