import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { LoadTally, type RowSink } from './sink.ts';
import { type Batch, loadedTables, type TableWithIds, tableRows, tablesWithIds, type Value } from './tables.ts';

/**
 * Loads batches with COPY on a few connections at once, each batch in its own transaction, so the
 * database's work on one (the search documents' tsvectors, the indexes, the foreign-key checks) runs
 * while the next is written and others load. Nothing the migrations made is dropped or deferred:
 * every row is checked and indexed as it arrives.
 */

/** COPY's text format: a backslash starts an escape, tab and newline end a field and a row, \N is null. */
function copyField(value: Value | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (character) => copyEscapes[character]!) : value;
}
const copyEscapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function* copyText(columns: readonly string[], rows: readonly Readonly<Record<string, Value>>[]): Generator<string> {
  let text = '';
  for (const row of rows) {
    text += `${columns.map((column) => copyField(row[column])).join('\t')}\n`;
    if (text.length > 1 << 20) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

export class PostgresCopySink implements RowSink {
  readonly loaded = new LoadTally();
  maintenance = { what: 'VACUUM (ANALYZE)', seconds: 0 };
  readonly #clients: pg.Client[];
  readonly #idle: pg.Client[];
  readonly #waiting: ((client: pg.Client) => void)[] = [];
  readonly #running = new Set<Promise<void>>();
  #failure: unknown;

  private constructor(clients: pg.Client[]) {
    this.#clients = clients;
    this.#idle = [...clients];
  }

  static async open(databaseUrl: string, connections: number): Promise<PostgresCopySink> {
    const clients: pg.Client[] = [];
    for (let index = 0; index < connections; index++) {
      const client = new pg.Client({ connectionString: databaseUrl });
      // A connection the server drops fails the COPY on it; unheard, its error event would end the process.
      client.on('error', () => {});
      await client.connect();
      // Only this session's commits skip waiting for the disk; a crash loses the last batches, never consistency.
      await client.query('set synchronous_commit = off');
      clients.push(client);
    }
    return new PostgresCopySink(clients);
  }

  #take(): Promise<pg.Client> {
    const client = this.#idle.pop();
    return client ? Promise.resolve(client) : new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(client: pg.Client): void {
    const next = this.#waiting.shift();
    if (next) next(client);
    else this.#idle.push(client);
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }

  async load(batch: Batch): Promise<void> {
    this.#throwIfFailed();
    const client = await this.#take();
    this.#throwIfFailed();
    const running: Promise<void> = this.#copy(client, batch)
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => {
        this.#running.delete(running);
        this.#release(client);
      });
    this.#running.add(running);
  }

  async #copy(client: pg.Client, batch: Batch): Promise<void> {
    await client.query('begin');
    try {
      for (const table of loadedTables) {
        const { columns, rows } = tableRows(batch, table);
        if (rows.length === 0) continue;
        const copy = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
        await this.loaded.time(table, rows.length, () => pipeline(Readable.from(copyText(columns, rows)), copy));
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
  }

  async reserveIds(lastIds: Readonly<Partial<Record<TableWithIds, number>>>): Promise<void> {
    for (const table of tablesWithIds) {
      const last = lastIds[table];
      if (last === undefined) continue;
      // Never backwards: past what the table holds and what the counter has handed out already.
      await this.#clients[0]!.query(
        `select setval(counter, greatest($1::integer, coalesce(pg_sequence_last_value(counter::regclass), 0), (select coalesce(max(id), 0) from ${table})))
         from pg_get_serial_sequence('${table}', 'id') as counter`,
        [last],
      );
    }
  }

  async finish(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
    this.#throwIfFailed();
    const client = this.#clients[0]!;
    // What was reserved and not used (revisions and old addresses are fewer than the most there could be) is given back.
    for (const table of tablesWithIds) {
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), max(id)) from ${table} having max(id) is not null`);
    }
    // Statistics for the planner, and the visibility map that lets counts read indexes alone, as autovacuum
    // would leave them some time later: a benchmark run right after the seed then measures the settled state.
    const started = performance.now();
    await client.query('vacuum (analyze)');
    this.maintenance = { what: 'VACUUM (ANALYZE)', seconds: (performance.now() - started) / 1000 };
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#running);
    await Promise.all(this.#clients.map((client) => client.end().catch(() => {})));
  }
}
