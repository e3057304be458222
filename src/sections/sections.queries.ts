import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';

export interface Section {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly position: number;
}

const columns = ['id', 'slug', 'name', 'description', 'position'] as const;

// Read for every section page and every home page: built once (and a named statement on PostgreSQL).
const sectionBySlug = preparedQuery((db, slug: string) => db.selectFrom('sections').select(columns).where('slug', '=', slug));
const sectionsInOrder = preparedQuery((db) => db.selectFrom('sections').select(columns).orderBy('position').orderBy('name'));

export async function findSectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  return (await sectionBySlug(db, slug))[0];
}

export async function listSections(db: Db): Promise<Section[]> {
  return sectionsInOrder(db);
}

export async function insertSection(db: Db, section: Omit<Section, 'id'>): Promise<number> {
  const row = await db.insertInto('sections').values(section).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findSectionById(db: Db, id: number): Promise<Section | undefined> {
  return db.selectFrom('sections').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function updateSectionRow(db: Db, id: number, section: Omit<Section, 'id'>): Promise<void> {
  await db.updateTable('sections').set(section).where('id', '=', id).execute();
}

export async function deleteSectionRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('sections').where('id', '=', id).execute();
}

/** Articles filed in each section, in any state. */
export async function countArticlesBySection(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['section_id', (eb) => eb.fn.countAll().as('count')])
    .where('section_id', 'is not', null)
    .groupBy('section_id')
    .execute();
  return new Map(rows.map((row) => [row.section_id!, Number(row.count)]));
}
