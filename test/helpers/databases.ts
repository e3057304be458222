import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Role } from '../../src/accounts/roles.ts';
import { connectDatabase, type DatabaseHandle, type DialectName } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const postgresUrl = process.env.GAZETTE_TEST_PG_URL;

/** A migrated, empty database of one dialect; PostgreSQL gets a schema of its own, dropped on destroy. */
export async function createTestDatabase(dialect: DialectName): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const handle = connectDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  if (!postgresUrl) throw new Error('GAZETTE_TEST_PG_URL is not set');
  const schema = `gazette_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const handle = connectDatabase({ databaseUrl: url.href, poolSize: 4 });
  const destroy = async () => {
    await handle.destroy();
    const cleaner = new pg.Client({ connectionString: postgresUrl });
    await cleaner.connect();
    await cleaner.query(`drop schema if exists ${schema} cascade`);
    await cleaner.end();
  };
  try {
    await migrateWhileOthersMigrate(handle.db, schema);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { ...handle, destroy };
}

/**
 * Kysely's migrator first lists the tables of every schema on the server; while another test process
 * migrates its own schema, that listing can name a column dropped a moment later and fail. Only the
 * listing races, so trying again is safe: migrations already applied are skipped.
 */
async function migrateWhileOthersMigrate(db: Parameters<typeof migrateToLatest>[0], schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateToLatest(db, { schema });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
      if (attempt >= 3 || !/does not exist/.test(cause)) throw error;
    }
  }
}

/**
 * Another pool on the PostgreSQL test database `database`, as a second instance sharing it has. Destroy
 * it before `database`, whose destroy drops the schema.
 */
export async function connectAgain(database: DatabaseHandle): Promise<DatabaseHandle> {
  if (database.dialect !== 'postgres' || !postgresUrl) throw new Error('only a PostgreSQL test database can be shared by two pools');
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
  return connectDatabase({ databaseUrl: url.href, poolSize: 4 });
}

/** The dialects this run can prove: SQLite always, PostgreSQL when GAZETTE_TEST_PG_URL is set. */
export const testDialects: readonly DialectName[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** Runs one suite against every available dialect, like Kysely's own tests. */
export function forEachDialect(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of testDialects) describe(`${name} [${dialect}]`, () => suite(dialect));
}

/** Adds an account straight to the table, for tests that need only someone's id: nobody can sign in with it. */
export async function insertTestUser(db: Kysely<Database>, user: { email: string; name: string; role: Role }, createdAt: Date): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({ ...user, password_hash: 'x', totp_secret: null, locked_until: null, created_at: createdAt.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
