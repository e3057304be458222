import type { Db } from '../db/database.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
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
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
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
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return toCount(row.count);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserWithSecrets | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'password_hash', 'totp_secret', 'failed_sign_ins', 'locked_until'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row
    ? {
        id: row.id, email: row.email, name: row.name, role: row.role, passwordHash: row.password_hash, totpSecret: row.totp_secret,
        failedSignIns: row.failed_sign_ins, lockedUntil: toDateOrNull(row.locked_until),
      }
    : undefined;
}

export async function insertUser(db: Db, user: Omit<User, 'id'> & { passwordHash: string }, now: Date): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: toTimestamp(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordFailedSignIn(db: Db, userId: number, lockedUntil: Date | null): Promise<void> {
  await db
    .updateTable('users')
    // A lock starts the count again, so the next lock needs another full run of failures.
    .set((eb) =>
      lockedUntil
        ? { failed_sign_ins: 0, locked_until: toTimestamp(lockedUntil) }
        : { failed_sign_ins: eb('failed_sign_ins', '+', 1), locked_until: null },
    )
    .where('id', '=', userId)
    .execute();
}

export async function clearFailedSignIns(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', userId).execute();
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

/** The user behind a live session, with when the session was last seen. */
export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<{ user: User; lastSeenAt: Date } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'sessions.last_seen_at'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', toTimestamp(now))
    .executeTakeFirst();
  return row
    ? { user: { id: row.id, email: row.email, name: row.name, role: row.role }, lastSeenAt: toDate(row.last_seen_at) }
    : undefined;
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

export async function insertAuditEntry(
  db: Db,
  entry: { at: Date; actorUserId: number | null; action: string; subject: string; ip: string },
): Promise<void> {
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
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('count')).where('role', '=', 'owner').executeTakeFirstOrThrow();
  return toCount(row.count);
}

export async function updateUserRole(db: Db, id: number, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function updatePasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null }).where('id', '=', id).execute();
}

export interface OneTimeToken {
  readonly purpose: 'setup' | 'invite' | 'reset' | 'second-step';
  readonly userId: number | null;
  readonly email: string | null;
  readonly role: Role | null;
  readonly expiresAt: Date;
}

export async function insertOneTimeToken(
  db: Db,
  token: OneTimeToken & { tokenHash: string; createdBy: number | null; createdAt: Date },
): Promise<void> {
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

export async function deleteOneTimeToken(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('one_time_tokens').where('token_hash', '=', tokenHash).execute();
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

export async function setTotpSecret(db: Db, userId: number, secret: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
}
