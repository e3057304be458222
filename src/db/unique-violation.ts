/**
 * Whether a database error is a broken unique constraint, on either dialect: two requests racing to
 * write the same row, where one must lose with a conflict rather than a server error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
