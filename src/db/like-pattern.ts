import { type RawBuilder, sql } from 'kysely';

/** Makes `%`, `_` and the escape character itself literal in a LIKE pattern (used with `escape '\'`). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Case-insensitive "contains" (or "starts with") on both dialects: SQLite's LIKE ignores only ASCII
 * case and PostgreSQL's none, so both sides are lower-cased; what was typed is always literal.
 */
export function likeIgnoringCase(column: string, text: string, position: 'anywhere' | 'start' = 'anywhere'): RawBuilder<boolean> {
  const pattern = `${position === 'anywhere' ? '%' : ''}${escapeLikePattern(text)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}
