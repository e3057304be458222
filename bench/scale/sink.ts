import type { Batch, TableWithIds } from './tables.ts';

/** Where batches go: PostgreSQL through COPY, SQLite through prepared inserts, each batch in one transaction. */
export interface RowSink {
  /**
   * Moves the database's id counters past the last id the seeder may use, before anything is loaded,
   * so that neither the app nor a run cut short can ever hand out one of them.
   */
  reserveIds(lastIds: Readonly<Partial<Record<TableWithIds, number>>>): Promise<void>;
  /**
   * Starts loading a batch and resolves once the sink can take the next one, so the next batch is
   * written while this one loads; a failed load is thrown by a later call.
   */
  load(batch: Batch): Promise<void>;
  /** Waits for every load, sets the id counters to the last id used, and updates the database's statistics. */
  finish(): Promise<void>;
  close(): Promise<void>;
  /** Rows loaded, and seconds spent loading them, per table. */
  readonly loaded: LoadTally;
  /** The database's upkeep after the load (statistics), and how long it took. */
  readonly maintenance: { readonly what: string; readonly seconds: number };
}

export class LoadTally {
  readonly #rows = new Map<string, number>();
  readonly #seconds = new Map<string, number>();

  add(table: string, rows: number, seconds: number): void {
    this.#rows.set(table, (this.#rows.get(table) ?? 0) + rows);
    this.#seconds.set(table, (this.#seconds.get(table) ?? 0) + seconds);
  }

  /** Timed from now until `work` ends. */
  async time<T>(table: string, rows: number, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const result = await work();
    this.add(table, rows, (performance.now() - started) / 1000);
    return result;
  }

  get tables(): { table: string; rows: number; seconds: number }[] {
    return [...this.#rows].map(([table, rows]) => ({ table, rows, seconds: this.#seconds.get(table) ?? 0 }));
  }

  get totalRows(): number {
    let total = 0;
    for (const rows of this.#rows.values()) total += rows;
    return total;
  }
}
