import SQLite from 'better-sqlite3';
import { LoadTally, type RowSink } from './sink.ts';
import { type Batch, loadedColumns, loadedTables, tableRows } from './tables.ts';

/**
 * Loads batches into the SQLite file with one prepared insert per table, a batch in one
 * transaction. Its own connection to the file the app opens, with the app's settings: the
 * triggers fill the FTS tables and the foreign keys are checked as each row goes in.
 */
export class SqliteInsertSink implements RowSink {
  readonly loaded = new LoadTally();
  maintenance = { what: 'ANALYZE', seconds: 0 };
  readonly #database: SQLite.Database;
  readonly #loadBatch: (batch: Batch) => void;

  constructor(file: string) {
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Room for the indexes' and the full-text index's pages while a batch goes in: this connection's alone.
    database.pragma('cache_size = -262144');
    const inserts = new Map(
      loadedTables.map((table) => {
        const columns = loadedColumns[table];
        return [table, database.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)] as const;
      }),
    );
    this.#database = database;
    this.#loadBatch = database.transaction((batch: Batch) => {
      for (const table of loadedTables) {
        const { columns, rows } = tableRows(batch, table);
        if (rows.length === 0) continue;
        const insert = inserts.get(table)!;
        const started = performance.now();
        for (const row of rows) insert.run(columns.map((column) => row[column]));
        this.loaded.add(table, rows.length, (performance.now() - started) / 1000);
      }
    });
  }

  /** AUTOINCREMENT moves past every id a committed insert used, by itself. */
  async reserveIds(): Promise<void> {}

  async load(batch: Batch): Promise<void> {
    this.#loadBatch(batch);
  }

  async finish(): Promise<void> {
    const started = performance.now();
    this.#database.exec('analyze');
    this.maintenance = { what: 'ANALYZE', seconds: (performance.now() - started) / 1000 };
  }

  async close(): Promise<void> {
    this.#database.close();
  }
}
