import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ExportedTableName } from './gazette-tables.ts';

type Row = Record<string, unknown>;
/** The export reads and writes every table the same way, through its name; the column lists in gazette-tables.ts are the types. */
type AnyTables = Record<string, Row>;

export function untyped(db: Kysely<Database>): Kysely<AnyTables> {
  return db as unknown as Kysely<AnyTables>;
}

/** Rows after `after` in key order: (k1 > v1) or (k1 = v1 and k2 > v2), which both databases read from the key's index. */
function afterKey(eb: ExpressionBuilder<AnyTables, string>, key: readonly string[], after: Row) {
  return eb.or(
    key.map((column, i) =>
      eb.and([...key.slice(0, i).map((earlier) => eb(eb.ref(earlier), '=', after[earlier] as never)), eb(eb.ref(column), '>', after[column] as never)]),
    ),
  );
}

/** Every row of a table, `batchSize` at a time, by keyset on its primary key (no OFFSET that slows down as it goes). */
export async function* rowsInKeyOrder(db: Kysely<Database>, table: ExportedTableName, key: readonly string[], batchSize = 500): AsyncGenerator<Row[]> {
  let after: Row | undefined;
  for (;;) {
    let query = untyped(db).selectFrom(table).selectAll();
    if (after) {
      const last = after;
      query = query.where((eb) => afterKey(eb, key, last));
    }
    for (const column of key) query = query.orderBy(column);
    const rows = await query.limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1);
  }
}

export async function countRows(db: Kysely<Database>, table: ExportedTableName): Promise<number> {
  const { n } = await untyped(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
