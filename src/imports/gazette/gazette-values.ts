import type { ColumnKind, ExportedTableName, TableSpec } from './gazette-tables.ts';

/** A file of the export that cannot be imported as it is; the message says which file, line and column. */
export class GazetteExportError extends Error {}

/** The longest text one column may hold in a file (a long article with its revisions is far below). */
const maxTextLength = 20_000_000;

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function nullable(kind: ColumnKind): boolean {
  return kind.endsWith('?');
}

/**
 * One value as the files hold it, whichever database answered: SQLite gives timestamps as text and
 * PostgreSQL as Date, counts may come back as strings (bigint).
 */
export function exportedValue(kind: ColumnKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind.startsWith('timestamp')) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GazetteExportError(`A stored timestamp cannot be read: ${String(value).slice(0, 40)}`);
    return date.toISOString();
  }
  if (kind.startsWith('integer') || kind.startsWith('real')) return Number(value);
  return String(value);
}

/** Checks one value read from a file against its column, and gives what is written to the database. */
export function importedValue(kind: ColumnKind, value: unknown, where: () => string): string | number | null {
  if (value === null) {
    if (nullable(kind)) return null;
    throw new GazetteExportError(`${where()}: null where a value is required.`);
  }
  if (kind.startsWith('integer')) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    throw new GazetteExportError(`${where()}: expected a whole number, found ${describe(value)}.`);
  }
  if (kind.startsWith('real')) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    throw new GazetteExportError(`${where()}: expected a number, found ${describe(value)}.`);
  }
  if (typeof value !== 'string') throw new GazetteExportError(`${where()}: expected text, found ${describe(value)}.`);
  if (value.length > maxTextLength) throw new GazetteExportError(`${where()}: the text is longer than ${maxTextLength.toLocaleString('en')} characters.`);
  if (kind.startsWith('timestamp')) {
    const date = new Date(value);
    if (!isoTimestamp.test(value) || Number.isNaN(date.getTime())) {
      throw new GazetteExportError(`${where()}: expected an ISO 8601 timestamp such as 2026-12-05T09:30:00.000Z, found ${describe(value)}.`);
    }
    // One format in both databases, so SQLite's text comparisons order timestamps correctly.
    return date.toISOString();
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value).slice(0, 40)}`;
}

/** The columns a file holds for a table: every column but those left out. */
export function exportedColumns(table: TableSpec): [string, ColumnKind][] {
  return Object.entries(table.columns).flatMap(([name, kind]) => (typeof kind === 'string' ? [[name, kind] as [string, ColumnKind]] : []));
}

/** One line of a file, checked: an object with exactly the table's exported columns, each of its kind. */
export function importedRow(tableName: ExportedTableName, table: TableSpec, line: string, lineNumber: number): Record<string, string | number | null> {
  const file = `${tableName}.jsonl line ${lineNumber}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new GazetteExportError(`${file} is not valid JSON.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new GazetteExportError(`${file} is not a JSON object.`);
  const given = parsed as Record<string, unknown>;
  const row: Record<string, string | number | null> = {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(table.columns, name) || typeof table.columns[name] !== 'string') {
      throw new GazetteExportError(`${file}: unknown column ${JSON.stringify(name.slice(0, 60))} for the table ${tableName}.`);
    }
  }
  for (const [name, kind] of Object.entries(table.columns)) {
    if (typeof kind !== 'string') {
      row[name] = kind.importAs;
      continue;
    }
    if (!Object.hasOwn(given, name)) {
      // A column that may be empty and is absent was added after the export was made (e.g. a byline's staff account).
      if (kind.endsWith('?')) {
        row[name] = null;
        continue;
      }
      throw new GazetteExportError(`${file}: the column ${name} is missing.`);
    }
    row[name] = importedValue(kind, given[name], () => `${file}, column ${name}`);
  }
  return row;
}
