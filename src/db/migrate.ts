import { type Kysely, type Migration, Migrator } from 'kysely';
import * as initialSchema from './migrations/2026-11-27T0900-initial-schema.ts';

/** Listed by hand so the set of migrations is fixed at build time, in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-27T0900-initial-schema': initialSchema,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
