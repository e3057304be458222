import { type Static, type TObject, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { replaceControlCharacters } from '../../platform/control-characters.ts';
import { ExplainedError, type ImportSentence, importPhrase } from '../import-phrases.ts';

/**
 * Ghost's JSON export (Settings › Labs › Export, `GET /ghost/api/admin/db/`): one JSON document,
 * `{ db: [{ meta: { version }, data: { posts: [...], tags: [...], ... } }] }`. JSON has no streaming
 * reader worth its cost here, so the file is read whole into memory, up to maxExportBytes.
 */

/** A Ghost export larger than this is refused: it is parsed in memory (and V8 cannot hold a string much longer). */
export const maxExportBytes = 500 * 2 ** 20;
/** The first Ghost whose export Gazette reads: posts_meta, lexical and `type` all settled in Ghost 5. */
const oldestMajorVersion = 5;

const exportAgain = importPhrase('imports.file.exportAgainGhost');
// What JSON.parse says (`detail`) stays in its English.
const messages = {
  tooLarge: importPhrase('imports.file.ghostTooLarge', { mebibytes: String(maxExportBytes / 2 ** 20) }),
  notUtf8: importPhrase('imports.file.ghostNotUtf8', { exportAgain }),
  notJson: (detail: string) => importPhrase('imports.file.ghostNotJson', { detail, exportAgain }),
  noData: importPhrase('imports.file.ghostNoData', { exportAgain }),
  noVersion: importPhrase('imports.file.ghostNoVersion', { exportAgain }),
  tooOld: (version: string) => importPhrase('imports.file.ghostTooOld', { version, oldest: String(oldestMajorVersion) }),
  missingTable: (table: string) => importPhrase('imports.file.ghostMissingTable', { table, exportAgain }),
  notTable: (table: string) => importPhrase('imports.file.ghostNotTable', { table, exportAgain }),
};

/** A file Gazette cannot read as a Ghost export; the sentence is for the person who ran the import. */
export class GhostExportError extends ExplainedError {
  constructor(problem: ImportSentence, options?: { cause?: unknown }) {
    super(problem, options);
    this.name = 'GhostExportError';
  }
}

const text = Type.String();
const optionalText = Type.Optional(Type.Union([Type.String(), Type.Null()]));
const id = Type.String({ minLength: 1, maxLength: 64 });
/** SQLite exports say 0/1, MySQL ones true/false. */
const flag = Type.Optional(Type.Union([Type.Boolean(), Type.Integer(), Type.Null()]));
const order = Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]));

// Only the fields Gazette reads are described; the many others Ghost writes are allowed and ignored.
const postRow = Type.Object({
  id,
  title: text,
  slug: text,
  type: Type.Optional(text),
  status: text,
  visibility: Type.Optional(text),
  html: optionalText,
  lexical: optionalText,
  mobiledoc: optionalText,
  feature_image: optionalText,
  featured: flag,
  custom_excerpt: optionalText,
  published_at: optionalText,
  updated_at: optionalText,
  created_at: optionalText,
  codeinjection_head: optionalText,
  codeinjection_foot: optionalText,
  custom_template: optionalText,
  canonical_url: optionalText,
});
const postMetaRow = Type.Object({
  post_id: id,
  feature_image_alt: optionalText,
  feature_image_caption: optionalText,
  meta_title: optionalText,
  meta_description: optionalText,
  og_image: optionalText,
  og_title: optionalText,
  og_description: optionalText,
  twitter_image: optionalText,
  twitter_title: optionalText,
  twitter_description: optionalText,
  email_only: flag,
});
const userRow = Type.Object({
  id,
  name: text,
  slug: text,
  bio: optionalText,
  website: optionalText,
  location: optionalText,
  profile_image: optionalText,
  cover_image: optionalText,
  facebook: optionalText,
  twitter: optionalText,
});
const tagRow = Type.Object({
  id,
  name: text,
  slug: text,
  description: optionalText,
  visibility: Type.Optional(text),
  feature_image: optionalText,
});
const postTagRow = Type.Object({ post_id: id, tag_id: id, sort_order: order });
const postAuthorRow = Type.Object({ post_id: id, author_id: id, sort_order: order });
const settingRow = Type.Object({ key: text, value: Type.Optional(Type.Unknown()) });

export type GhostPost = Static<typeof postRow>;
export type GhostPostMeta = Static<typeof postMetaRow>;
export type GhostUser = Static<typeof userRow>;
export type GhostTag = Static<typeof tagRow>;
export type GhostPostTag = Static<typeof postTagRow>;
export type GhostPostAuthor = Static<typeof postAuthorRow>;

/** A row left out because it does not have the shape Ghost gives it. */
export interface RejectedRow {
  readonly table: string;
  /** Its id when it has a usable one, else its place in the table ("row 12"). */
  readonly sourceId: string;
  readonly reason: string;
}

export interface GhostExport {
  readonly version: string;
  /** The site's `site_uuid` setting: it tells two Ghost sites apart, since the export does not give their address. */
  readonly siteUuid: string | undefined;
  readonly posts: readonly GhostPost[];
  readonly postsMeta: readonly GhostPostMeta[];
  readonly users: readonly GhostUser[];
  readonly tags: readonly GhostTag[];
  readonly postsTags: readonly GhostPostTag[];
  readonly postsAuthors: readonly GhostPostAuthor[];
  readonly rejected: readonly RejectedRow[];
  /** Tables with rows that Gazette does not read, and how many rows each has. */
  readonly otherTables: ReadonlyMap<string, number>;
}

/** The tables Gazette reads; the others are counted in the report. */
const tablesRead = new Set(['posts', 'posts_meta', 'users', 'tags', 'posts_tags', 'posts_authors', 'settings']);

async function readWhole(input: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > limit) {
      (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new GhostExportError(messages.tooLarge);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new GhostExportError(messages.notUtf8, { cause });
  }
  try {
    return JSON.parse(json);
  } catch (cause) {
    // V8 quotes the file around the error; what the file holds must not reach a terminal as it is.
    const reason = replaceControlCharacters(cause instanceof Error ? cause.message : String(cause), 'line', '\uFFFD').slice(0, 200);
    throw new GhostExportError(messages.notJson(reason), { cause });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ghost's own export nests the tables under `db[0]`; its migration tools write `{ meta, data }` alone. */
function exportBody(parsed: unknown): { meta: Record<string, unknown>; data: Record<string, unknown> } {
  const body = isRecord(parsed) && Array.isArray(parsed.db) ? parsed.db[0] : parsed;
  if (!isRecord(body) || !isRecord(body.data)) throw new GhostExportError(messages.noData);
  if (!isRecord(body.meta) || typeof body.meta.version !== 'string') throw new GhostExportError(messages.noVersion);
  return { meta: body.meta, data: body.data };
}

function checkVersion(version: string): void {
  const major = /^v?(\d{1,4})\./.exec(version.trim())?.[1];
  const shown = replaceControlCharacters(version, 'line', '').slice(0, 40);
  if (major === undefined) throw new GhostExportError(messages.noVersion);
  if (Number(major) < oldestMajorVersion) throw new GhostExportError(messages.tooOld(shown));
}

function readTable<T extends TObject>(data: Record<string, unknown>, name: string, schema: T, required: boolean, rejected: RejectedRow[]): Static<T>[] {
  const rows = data[name];
  if (rows === undefined || rows === null) {
    if (required) throw new GhostExportError(messages.missingTable(name));
    return [];
  }
  if (!Array.isArray(rows)) throw new GhostExportError(messages.notTable(name));
  const kept: Static<T>[] = [];
  rows.forEach((row: unknown, index) => {
    if (Value.Check(schema, row)) {
      kept.push(row);
      return;
    }
    const error = Value.Errors(schema, row).First();
    const rowId = isRecord(row) && typeof row.id === 'string' && row.id.length <= 64 ? row.id : `row ${index + 1}`;
    const field = error?.path.replace(/^\//, '') || 'the row';
    rejected.push({ table: name, sourceId: rowId, reason: `${field}: ${error?.message.toLowerCase() ?? 'not what Ghost writes'}` });
  });
  return kept;
}

/**
 * Reads and checks a Ghost export. Rows that do not have Ghost's shape are left out and listed in
 * `rejected`; a file that is not a Ghost 5+ export at all is refused with a GhostExportError.
 *
 * @example const site = await readGhostExport(createReadStream('ghost-export.json'));
 */
export async function readGhostExport(input: NodeJS.ReadableStream, limit = maxExportBytes): Promise<GhostExport> {
  const { meta, data } = exportBody(parseJson(await readWhole(input, limit)));
  const version = meta.version as string;
  checkVersion(version);
  const rejected: RejectedRow[] = [];
  const posts = readTable(data, 'posts', postRow, true, rejected);
  const settings = readTable(data, 'settings', settingRow, false, rejected);
  const siteUuid = settings.find((setting) => setting.key === 'site_uuid')?.value;
  const otherTables = new Map<string, number>();
  for (const [name, rows] of Object.entries(data)) {
    if (!tablesRead.has(name) && Array.isArray(rows) && rows.length > 0) otherTables.set(name, rows.length);
  }
  return {
    version,
    siteUuid: typeof siteUuid === 'string' && /^[0-9a-f-]{36}$/i.test(siteUuid) ? siteUuid.toLowerCase() : undefined,
    posts,
    postsMeta: readTable(data, 'posts_meta', postMetaRow, false, rejected),
    users: readTable(data, 'users', userRow, true, rejected),
    tags: readTable(data, 'tags', tagRow, true, rejected),
    postsTags: readTable(data, 'posts_tags', postTagRow, true, rejected),
    postsAuthors: readTable(data, 'posts_authors', postAuthorRow, true, rejected),
    rejected,
    otherTables,
  };
}

/** Ghost's dates: UTC `YYYY-MM-DD HH:MM:SS` (SQLite) or ISO 8601 with `Z` (MySQL, the Admin API). */
export function parseGhostDate(value: string | null | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-]00:?00)?$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2025-02-30 into March: a time that does not come back the same is not one.
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 && date.getUTCHours() === hour && year >= 1970 ? date : undefined;
}

/** SQLite says 1, MySQL true. */
export function isSet(value: boolean | number | null | undefined): boolean {
  return value === true || value === 1;
}
