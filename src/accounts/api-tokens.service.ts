import { createHash, randomBytes } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { ForbiddenError, NotFoundError, phrase, type Phrase, ValidationError } from '../errors.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';
import { findUserByEmail, type User } from './accounts.queries.ts';
import { normaliseEmail } from './accounts.service.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';
import {
  type ApiTokenInfo,
  countWorkingApiTokensOf,
  findUnrevokedApiToken,
  findWorkingApiToken,
  insertApiToken,
  listUnrevokedApiTokens,
  markApiTokenRevoked,
  touchApiToken,
} from './api-tokens.queries.ts';
import { audit } from './audit.ts';

export type { ApiTokenInfo } from './api-tokens.queries.ts';

export const apiTokenNameMaxLength = 100;

const messages = {
  hasErrors: phrase('refusal.accounts.tokenHasErrors'),
  nameRequired: phrase('refusal.accounts.tokenNameRequired'),
  nameTooLong: phrase('refusal.accounts.tokenNameTooLong', { max: apiTokenNameMaxLength }),
  nameInvalid: phrase('refusal.accounts.tokenNameInvalid'),
  expiryInvalid: phrase('refusal.accounts.tokenExpiryInvalid'),
  expiryPast: phrase('refusal.accounts.tokenExpiryPast'),
  noSuchMember: phrase('refusal.accounts.noSuchMember'),
  notFound: phrase('refusal.accounts.tokenNotFound'),
  notYours: phrase('refusal.accounts.tokenNotYours'),
};

/** Working tokens one person may hold at once: far more than scripts need, few enough that a runaway loop stops. */
const maxWorkingTokens = 50;
/** `last_used_at` moves at most this often, so a busy script does not write on every request. */
const touchIntervalMs = 60 * 1000;

const tokenPrefix = 'gzt_';
/** The prefix (so a leaked token is recognisable, e.g. by secret scanners) and 32 random bytes in base64url. */
const tokenPattern = /^gzt_[A-Za-z0-9_-]{43}$/;

/**
 * SHA-256, hex. A token is 256 random bits, so nobody can guess one from its hash however fast they
 * hash: the slow hashes passwords need (argon2) would only make every API request slower.
 */
function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What `audit` adds to the subjects of changes made through a token: "… via API token Deploy script". */
export function apiTokenVia(token: { readonly name: string }): string {
  return `API token ${token.name}`;
}

/**
 * The expiry for a "YYYY-MM-DD" chosen in `timeZone`: the token works through that day and stops at
 * midnight after it. Null for an empty value (no expiry); an invalid Date for anything else, which
 * `createApiToken` refuses with the other problems of the form.
 */
export function apiTokenExpiryFromDay(day: string, timeZone: string): Date | null {
  const trimmed = day.trim();
  if (trimmed === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, date] = (match?.slice(1) ?? []).map(Number) as [number?, number?, number?];
  if (year === undefined || month === undefined || date === undefined) return new Date(Number.NaN);
  // 2027-02-30 is not a day (Date would quietly make it 2 March).
  if (new Date(Date.UTC(year, month - 1, date)).getUTCDate() !== date || month < 1 || month > 12 || year < 1) return new Date(Number.NaN);
  return new Date(new TZDate(year, month - 1, date + 1, 0, 0, 0, timeZone).getTime());
}

/** The name as stored (trimmed) and the expiry, with a problem for each field that is wrong. */
function readTokenInput(input: { name: string; expiresAt?: Date | null }, now: Date): { name: string; expiresAt: Date | null; fields: Record<string, Phrase> } {
  const fields: Record<string, Phrase> = {};
  const name = input.name.trim();
  if (name === '') fields.name = messages.nameRequired;
  else if (name.length > apiTokenNameMaxLength) fields.name = messages.nameTooLong;
  else if (hasControlCharacters(name, 'line')) fields.name = messages.nameInvalid;
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) fields.expiresAt = messages.expiryInvalid;
  else if (expiresAt && expiresAt.getTime() <= now.getTime()) fields.expiresAt = messages.expiryPast;
  return { name, expiresAt, fields };
}

/**
 * A new personal access token for `owner`, acting as them with their role. The secret is returned
 * once, to be shown to the person who asked; only its hash is stored, so nobody can read it back.
 *
 * @example const { secret } = await createApiToken(deps, staff, { name: 'Deploy script' }, meta); // Authorization: Bearer <secret>
 */
export function createApiToken(
  deps: AccountDeps,
  owner: User,
  input: { name: string; expiresAt?: Date | null },
  meta: RequestMeta,
): Promise<{ token: ApiTokenInfo; secret: string }> {
  return issueApiToken(deps, owner, owner, input, meta);
}

/** `actor` is who the audit log says made it: the owner on their account page, nobody known at the command line. */
async function issueApiToken(
  deps: AccountDeps,
  owner: User,
  actor: User | null,
  input: { name: string; expiresAt?: Date | null },
  meta: RequestMeta,
): Promise<{ token: ApiTokenInfo; secret: string }> {
  const createdAt = deps.clock.now();
  const { name, expiresAt, fields } = readTokenInput(input, createdAt);
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.hasErrors, fields);
  if ((await countWorkingApiTokensOf(deps.db, owner.id, createdAt)) >= maxWorkingTokens) {
    throw new ValidationError(messages.hasErrors, { name: phrase('refusal.accounts.tokenLimit', { max: maxWorkingTokens }) });
  }
  const secret = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const id = await insertApiToken(deps.db, { userId: owner.id, name, tokenHash: hashApiToken(secret), createdAt, expiresAt });
  const expiry = expiresAt ? `, expires ${expiresAt.toISOString()}` : '';
  await audit(deps, actor, 'token.created', `"${name}" for ${owner.email}${expiry}`, meta);
  return { token: { id, userId: owner.id, ownerName: owner.name, name, createdAt, expiresAt, lastUsedAt: null }, secret };
}

/** The same for the member with `email`, for `npx gazette tokens create`; an unknown email is refused as a field. */
export async function createApiTokenForEmail(
  deps: AccountDeps,
  email: string,
  input: { name: string; expiresAt?: Date | null },
  meta: RequestMeta,
): Promise<{ token: ApiTokenInfo; secret: string; owner: User }> {
  const found = await findUserByEmail(deps.db, normaliseEmail(email));
  if (!found) {
    const { fields } = readTokenInput(input, deps.clock.now());
    throw new ValidationError(messages.hasErrors, { email: messages.noSuchMember, ...fields });
  }
  const owner: User = { id: found.id, email: found.email, name: found.name, role: found.role };
  return { ...(await issueApiToken(deps, owner, null, input, meta)), owner };
}

/** One person's tokens not yet revoked (expired ones too, to tell them apart), newest first. */
export function listApiTokensOf(deps: AccountDeps, userId: number): Promise<ApiTokenInfo[]> {
  return listUnrevokedApiTokens(deps.db, userId);
}

/** Everyone's tokens not yet revoked, newest first: for owners, who may revoke any of them. */
export function listAllApiTokens(deps: AccountDeps): Promise<ApiTokenInfo[]> {
  return listUnrevokedApiTokens(deps.db);
}

/** Revokes a token at once: one's own, or anyone's for an owner. Returns the token as it was. */
export async function revokeApiToken(deps: AccountDeps, actor: User, tokenId: number, meta: RequestMeta): Promise<ApiTokenInfo> {
  const token = await findUnrevokedApiToken(deps.db, tokenId);
  if (!token) throw new NotFoundError(messages.notFound);
  if (token.userId !== actor.id && actor.role !== 'owner') throw new ForbiddenError(messages.notYours);
  if (!(await markApiTokenRevoked(deps.db, tokenId, deps.clock.now()))) throw new NotFoundError(messages.notFound);
  await audit(deps, actor, 'token.revoked', `"${token.name}" of ${token.ownerEmail}`, meta);
  const { ownerEmail: _, ...info } = token;
  return info;
}

/**
 * The member a token acts as, for `Authorization: Bearer <token>`; undefined when it is malformed,
 * unknown, revoked or expired, or its owner's account is gone. Marks it used (about once a minute at most).
 *
 * @example const caller = await authenticateApiToken(deps, bearer); if (!caller) throw new UnauthorizedError(…);
 */
export async function authenticateApiToken(deps: AccountDeps, secret: string): Promise<{ user: User; token: { id: number; name: string } } | undefined> {
  // Checked before hashing: made-up text costs no query. The lookup is by hash, so its timing tells nothing about the secret.
  if (typeof secret !== 'string' || !tokenPattern.test(secret)) return undefined;
  const now = deps.clock.now();
  const found = await findWorkingApiToken(deps.db, hashApiToken(secret), now);
  if (!found) return undefined;
  const last = found.lastUsedAt?.getTime();
  if (last === undefined || now.getTime() - last >= touchIntervalMs || now.getTime() < last) await touchApiToken(deps.db, found.token.id, now);
  return { user: found.user, token: found.token };
}
