import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toCount, toDate, toTimestamp } from '../db/row-values.ts';
import type { Role } from './roles.ts';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

export interface UserWithSecrets extends User {
  readonly passwordHash: string;
  readonly totpSecret: string | null;
}

export interface SessionInfo {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly userAgent: string;
  readonly ip: string;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserWithSecrets | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'password_hash', 'totp_secret'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role, passwordHash: row.password_hash, totpSecret: row.totp_secret } : undefined;
}

export async function insertUser(db: Db, user: Omit<User, 'id'> & { passwordHash: string }, now: Date): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: toTimestamp(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSession(db: Db, session: SessionInfo & { userId: number }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: toTimestamp(session.createdAt),
      last_seen_at: toTimestamp(session.lastSeenAt),
      expires_at: toTimestamp(session.expiresAt),
      user_agent: session.userAgent,
      ip: session.ip,
    })
    .execute();
}

// Asked on every request that carries a session cookie, so built once and, on PostgreSQL, planned once.
const sessionUserRows = preparedQuery((db, sessionId: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'sessions.last_seen_at'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now),
);

/** The user behind a live session, with when the session was last seen. */
export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<{ user: User; lastSeenAt: Date } | undefined> {
  const [row] = await sessionUserRows(db, sessionId, toTimestamp(now));
  return row ? { user: { id: row.id, email: row.email, name: row.name, role: row.role }, lastSeenAt: toDate(row.last_seen_at) } : undefined;
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: toTimestamp(now), expires_at: toTimestamp(expiresAt) })
    .where('id', '=', sessionId)
    .execute();
}

export async function listSessions(db: Db, userId: number, now: Date): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', toTimestamp(now))
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: toDate(row.created_at),
    lastSeenAt: toDate(row.last_seen_at),
    expiresAt: toDate(row.expires_at),
    userAgent: row.user_agent,
    ip: row.ip,
  }));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

export async function replaceSetupToken(db: Db, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.deleteFrom('one_time_tokens').where('purpose', '=', 'setup').execute();
  await db
    .insertInto('one_time_tokens')
    .values({ token_hash: tokenHash, purpose: 'setup', user_id: null, created_at: toTimestamp(now), expires_at: toTimestamp(expiresAt) })
    .execute();
}

export async function isSetupTokenValid(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('one_time_tokens')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', 'setup')
    .where('expires_at', '>', toTimestamp(now))
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteSetupTokens(db: Db): Promise<void> {
  await db.deleteFrom('one_time_tokens').where('purpose', '=', 'setup').execute();
}

export async function insertAuditEntry(db: Db, entry: { at: Date; actorUserId: number | null; action: string; subject: string; ip: string }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: toTimestamp(entry.at), actor_user_id: entry.actorUserId, action: entry.action, subject: entry.subject, ip: entry.ip })
    .execute();
}

export interface TeamMember extends User {
  readonly createdAt: Date;
}

export async function listUsers(db: Db): Promise<TeamMember[]> {
  const rows = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'created_at']).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, email: row.email, name: row.name, role: row.role, createdAt: toDate(row.created_at) }));
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role']).where('id', '=', id).executeTakeFirst();
}

export async function countOwners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}

export async function updateUserRole(db: Db, id: number, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function updatePasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export interface OneTimeToken {
  readonly purpose: 'setup' | 'invite' | 'reset' | 'second-step';
  readonly userId: number | null;
  readonly email: string | null;
  readonly role: Role | null;
  readonly expiresAt: Date;
}

export async function insertOneTimeToken(db: Db, token: OneTimeToken & { tokenHash: string; createdBy: number | null; createdAt: Date }): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: token.tokenHash,
      purpose: token.purpose,
      user_id: token.userId,
      email: token.email,
      role: token.role,
      created_by: token.createdBy,
      created_at: toTimestamp(token.createdAt),
      expires_at: toTimestamp(token.expiresAt),
    })
    .execute();
}

export async function findOneTimeToken(db: Db, tokenHash: string, purpose: OneTimeToken['purpose'], now: Date): Promise<OneTimeToken | undefined> {
  const row = await db
    .selectFrom('one_time_tokens')
    .select(['purpose', 'user_id', 'email', 'role', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', toTimestamp(now))
    .executeTakeFirst();
  return row ? { purpose: row.purpose, userId: row.user_id, email: row.email, role: row.role, expiresAt: toDate(row.expires_at) } : undefined;
}

/** An invitation not yet used, withdrawn or expired; `tokenHash` names it (the link's token itself is never kept). */
export interface PendingInvitation {
  readonly tokenHash: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function listPendingInvitations(db: Db, now: Date): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('one_time_tokens')
    .leftJoin('users', 'users.id', 'one_time_tokens.created_by')
    .select([
      'one_time_tokens.token_hash',
      'one_time_tokens.email',
      'one_time_tokens.role',
      'users.name',
      'one_time_tokens.created_at',
      'one_time_tokens.expires_at',
    ])
    .where('one_time_tokens.purpose', '=', 'invite')
    .where('one_time_tokens.expires_at', '>', toTimestamp(now))
    .orderBy('one_time_tokens.created_at', 'desc')
    .execute();
  return rows.flatMap((row) =>
    row.email && row.role
      ? [
          {
            tokenHash: row.token_hash,
            email: row.email,
            role: row.role,
            invitedBy: row.name,
            createdAt: toDate(row.created_at),
            expiresAt: toDate(row.expires_at),
          },
        ]
      : [],
  );
}

export async function deleteOneTimeToken(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('one_time_tokens').where('token_hash', '=', tokenHash).execute();
}

/** Spends a live link; false when it was not there (any more), e.g. spent a moment ago by a second request. */
export async function consumeOneTimeToken(db: Db, tokenHash: string, purpose: OneTimeToken['purpose'], now: Date): Promise<boolean> {
  const result = await db
    .deleteFrom('one_time_tokens')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', toTimestamp(now))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every link that could act on this account: its reset links and half-finished sign-ins, and invitations to its email. */
export async function deleteOneTimeTokensOf(db: Db, user: { readonly id: number; readonly email: string }): Promise<void> {
  await db
    .deleteFrom('one_time_tokens')
    .where((eb) => eb.or([eb('user_id', '=', user.id), eb('email', '=', user.email)]))
    .execute();
}

/** Counts one more code tried on a half-finished sign-in; returns how many it has had, or 0 when it is gone. */
export async function addCodeTry(db: Db, tokenHash: string): Promise<number> {
  const row = await db
    .updateTable('one_time_tokens')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

export interface AuditEntry {
  readonly at: Date;
  readonly actorName: string | null;
  readonly action: string;
  readonly subject: string;
  readonly ip: string;
}

export async function listAuditEntries(db: Db, options: { limit: number; offset: number }): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['audit_log.at', 'users.name', 'audit_log.action', 'audit_log.subject', 'audit_log.ip'])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map((row) => ({ at: toDate(row.at), actorName: row.name, action: row.action, subject: row.subject, ip: row.ip }));
}

export async function findTotpSecret(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirst();
  return row?.totp_secret ?? null;
}

/** A new secret (or none), with the time-step of the code that proved it, which may not be used again. */
export async function setTotpSecret(db: Db, userId: number, secret: string | null, lastStep: number | null): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret, totp_last_step: lastStep }).where('id', '=', userId).execute();
}

/**
 * Marks `step` used if no code of that step or a later one has been, in one statement, so two sign-ins
 * racing with the same code cannot both win. False means the code was already used.
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
