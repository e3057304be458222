import { BadRequestError } from '../errors.ts';
import { isValidSlug } from '../platform/slugs.ts';

// A list's `next` is an opaque cursor: base64url of JSON naming the list and the position where the
// page ended. Callers pass it back as it is; nothing about its inside is promised to them.

const messages = {
  malformed: (list: string) =>
    `This cursor is not one the ${list} list gave out. Pass the "next" value of the previous answer back as it is, or leave cursor out to start from the top.`,
};

/** The longest cursor accepted in a query string; those made here are far shorter. */
export const cursorMaxLength = 600;

/** A position in a list ordered by a time and then an id (articles newest first, comments oldest first). */
export interface TimeAndId {
  readonly at: Date;
  readonly id: number;
}

/** Where a page of search results starts, and how many a page holds (ranked results have no keyset). */
export interface SearchPosition {
  readonly page: number;
  readonly perPage: number;
}

export interface CursorCodec<Position> {
  encode(position: Position): string;
  /** @throws BadRequestError for anything `encode` of this list did not make. */
  decode(cursor: string): Position;
}

type Parts = readonly unknown[];

function codec<Position>(list: string, name: string, toParts: (position: Position) => Parts, fromParts: (parts: Parts) => Position | undefined) {
  return {
    encode: (position: Position) => Buffer.from(JSON.stringify([list, ...toParts(position)])).toString('base64url'),
    decode: (cursor: string) => {
      const parts = cursor.length <= cursorMaxLength && /^[A-Za-z0-9_-]+$/.test(cursor) ? partsOf(cursor) : undefined;
      const position = parts && parts[0] === list ? fromParts(parts.slice(1)) : undefined;
      if (position === undefined) throw new BadRequestError(messages.malformed(name));
      return position;
    },
  } satisfies CursorCodec<Position>;
}

function partsOf(cursor: string): Parts | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function rowIdOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= 2_147_483_647 ? value : undefined;
}

function timeAndIdOf(parts: Parts): TimeAndId | undefined {
  const [at, id] = parts;
  if (parts.length !== 2 || typeof at !== 'string' || !isoInstant.test(at) || rowIdOf(id) === undefined) return undefined;
  const date = new Date(at);
  // "2026-02-30T…" parses to March; only an instant that prints back as it was written is one we made.
  return Number.isNaN(date.getTime()) || date.toISOString() !== at ? undefined : { at: date, id: id as number };
}

function slugOf(parts: Parts): string | undefined {
  const [slug] = parts;
  return parts.length === 1 && typeof slug === 'string' && isValidSlug(slug) ? slug : undefined;
}

function searchPositionOf(parts: Parts): SearchPosition | undefined {
  const [page, perPage] = parts;
  const isCount = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
  return parts.length === 2 && isCount(page, 100_000) && isCount(perPage, 100) ? { page, perPage } : undefined;
}

const timeAndIdParts = (position: TimeAndId) => [position.at.toISOString(), position.id];

/** The cursor of each paginated list; one list's cursor is refused by another. */
export const cursors = {
  articles: codec<TimeAndId>('articles', 'articles', timeAndIdParts, timeAndIdOf),
  comments: codec<TimeAndId>('comments', 'comments', timeAndIdParts, timeAndIdOf),
  /** The Admin API's moderation queue, newest first. */
  adminComments: codec<TimeAndId>('admin-comments', 'comments', timeAndIdParts, timeAndIdOf),
  tags: codec<string>('tags', 'tags', (slug) => [slug], slugOf),
  authors: codec<string>('authors', 'authors', (slug) => [slug], slugOf),
  search: codec<SearchPosition>('search', 'search results', (position) => [position.page, position.perPage], searchPositionOf),
};
