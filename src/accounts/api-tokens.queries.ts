import type { Db } from '../db/database.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import type { User } from './accounts.queries.ts';

/** A personal access token as lists show it; the token itself is never stored, so it is not here. */
export interface ApiTokenInfo {
  readonly id: number;
  readonly userId: number;
  readonly ownerName: string;
  readonly name: string;
  readonly createdAt: Date;
  /** Null: works until revoked. */
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export interface NewApiToken {
  readonly userId: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
}

export async function insertApiToken(db: Db, token: NewApiToken): Promise<number> {
  const { id } = await db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: toTimestamp(token.createdAt),
      expires_at: token.expiresAt ? toTimestamp(token.expiresAt) : null,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** How many of a person's tokens still work (neither revoked nor expired). */
export async function countWorkingApiTokensOf(db: Db, userId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', toTimestamp(now))]))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}

function tokensWithOwners(db: Db) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'users.name as owner_name',
      'users.email as owner_email',
      'api_tokens.name',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.revoked_at', 'is', null);
}

interface TokenRow {
  readonly id: number;
  readonly user_id: number;
  readonly owner_name: string;
  readonly name: string;
  readonly created_at: Date | string;
  readonly expires_at: Date | string | null;
  readonly last_used_at: Date | string | null;
}

function tokenRowToInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    userId: row.user_id,
    ownerName: row.owner_name,
    name: row.name,
    createdAt: toDate(row.created_at),
    expiresAt: toDateOrNull(row.expires_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
  };
}

/** Tokens not revoked (expired ones included), newest first; only `userId`'s when given. */
export async function listUnrevokedApiTokens(db: Db, userId?: number): Promise<ApiTokenInfo[]> {
  let query = tokensWithOwners(db);
  if (userId !== undefined) query = query.where('api_tokens.user_id', '=', userId);
  const rows = await query.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute();
  return rows.map(tokenRowToInfo);
}

/** A token not revoked, with its owner's email for the audit log. */
export async function findUnrevokedApiToken(db: Db, id: number): Promise<(ApiTokenInfo & { readonly ownerEmail: string }) | undefined> {
  const row = await tokensWithOwners(db).where('api_tokens.id', '=', id).executeTakeFirst();
  return row ? { ...tokenRowToInfo(row), ownerEmail: row.owner_email } : undefined;
}

/** False when it was already revoked (e.g. a moment ago, in another tab) or never existed. */
export async function markApiTokenRevoked(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: toTimestamp(now) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The token with this hash while it works (not revoked, not expired), with the account it acts as. */
export async function findWorkingApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ user: User; token: { id: number; name: string }; lastUsedAt: Date | null } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id as user_id', 'users.email', 'users.name as user_name', 'users.role', 'api_tokens.id', 'api_tokens.name', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', toTimestamp(now))]))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    user: { id: row.user_id, email: row.email, name: row.user_name, role: row.role },
    token: { id: row.id, name: row.name },
    lastUsedAt: toDateOrNull(row.last_used_at),
  };
}

export async function touchApiToken(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: toTimestamp(now) })
    .where('id', '=', id)
    .execute();
}
