import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { listSections } from '../sections/index.ts';

/** No article and no section yet: the only newsroom the demo is seeded into. */
export async function isNewsroomEmpty(db: Kysely<Database>): Promise<boolean> {
  const article = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  return article === undefined && (await listSections(db)).length === 0;
}
