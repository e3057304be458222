import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { NotFoundError, phrase, type Phrase, UnauthorizedError, ValidationError } from '../errors.ts';
import { hasInvisibleCharacters, normaliseEmailAddress } from '../platform/email-address.ts';
import {
  countUsers,
  deleteSession,
  deleteSessionsOfUser,
  deleteSetupTokens,
  findSessionUser,
  findUserByEmail,
  insertUser,
  isSetupTokenValid,
  listSessions,
  type SessionInfo,
  replaceSetupToken,
  touchSession,
  type User,
} from './accounts.queries.ts';
import { decoyHash, hashPassword, isPasswordCorrect, passwordProblem } from './passwords.ts';
import type { Role } from './roles.ts';
import { clearFailures, type Counter, counter, currentWait, recordFailure, throttledError, throttlePolicies } from './sign-in-throttle.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';
import { audit } from './audit.ts';
import { hashToken, newToken, sessionLifetimeMs, type SignedIn, startSession } from './sessions.ts';
import { beginSecondStep } from './two-step.service.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

/** A sign-in refused for a while after too many wrong passwords. */
const signInWaits = { seconds: 'refusal.accounts.signInThrottledSeconds', minutes: 'refusal.accounts.signInThrottledMinutes' } as const;

const day = 24 * 60 * 60 * 1000;
const setupTokenLifetimeMs = day;
/** A session's expiry slides forward at most this often, so reading pages does not write on every request. */
const touchIntervalMs = 5 * 60 * 1000;

/**
 * The one form a staff email is looked up, stored and mailed in. NFKC folds lookalikes such as the
 * Kelvin sign (U+212A) and fullwidth letters into plain ones, so a typed variant finds the account
 * but mail only ever goes to the stored address.
 */
export const normaliseEmail = normaliseEmailAddress;

export function checkProfile(input: { name: string; email: string }): Record<string, Phrase> {
  const fields: Record<string, Phrase> = {};
  const name = input.name.trim();
  if (name === '') fields.name = phrase('refusal.accounts.nameRequired');
  else if (name.length > 100) fields.name = phrase('refusal.accounts.nameTooLong');
  else if (hasControlCharacters(name, 'line')) fields.name = phrase('refusal.accounts.nameInvalid');
  const email = normaliseEmail(input.email);
  if (hasInvisibleCharacters(input.email) || email.length > 254 || !/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(email)) {
    fields.email = phrase('refusal.accounts.emailInvalid');
  }
  return fields;
}

/** On a newsroom with no accounts yet, a one-time link for creating the owner; otherwise nothing. */
export async function issueSetupTokenIfNoUsers(deps: AccountDeps): Promise<string | undefined> {
  if ((await countUsers(deps.db)) > 0) return undefined;
  const token = newToken();
  const now = deps.clock.now();
  await replaceSetupToken(deps.db, hashToken(token), now, new Date(now.getTime() + setupTokenLifetimeMs));
  return token;
}

export async function checkSetupToken(deps: AccountDeps, token: string): Promise<void> {
  const valid = (await countUsers(deps.db)) === 0 && (await isSetupTokenValid(deps.db, hashToken(token), deps.clock.now()));
  if (!valid) throw new NotFoundError(phrase('refusal.accounts.setupLinkInvalid'));
}

/** Checks a new member's profile and password; every field's problem at once. */
export function checkNewAccount(input: { name: string; email: string; password: string; passwordAgain: string }): void {
  const fields = checkProfile(input);
  const problem = passwordProblem(input.password, [input.name, input.email]);
  if (problem) fields.password = problem;
  else if (input.password !== input.passwordAgain) fields.passwordAgain = phrase('refusal.accounts.passwordsDiffer');
  if (Object.keys(fields).length > 0) throw new ValidationError(phrase('refusal.accounts.accountHasErrors'), fields);
}

/**
 * Creates an account, runs `consume` (which spends the one-time link) in the same transaction, and
 * signs the new member in.
 */
export async function createAccountAndSignIn(
  deps: AccountDeps,
  input: { name: string; email: string; password: string; role: Role },
  consume: (trx: Transaction<Database>) => Promise<void>,
  meta: RequestMeta,
): Promise<SignedIn> {
  const user = { email: normaliseEmail(input.email), name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) };
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, user.email)) {
      const taken = phrase('refusal.accounts.emailTaken');
      throw new ValidationError(taken, { email: taken });
    }
    const userId = await insertUser(trx, user, deps.clock.now());
    await consume(trx);
    return userId;
  });
  const created: User = { id, email: user.email, name: user.name, role: user.role };
  await audit(deps, created, 'account.created', `${created.email} (${created.role})`, meta);
  return startSession(deps, created, meta);
}

/** First run: the owner account, created through the one-time setup link. */
export async function createOwner(
  deps: AccountDeps,
  token: string,
  input: { name: string; email: string; password: string; passwordAgain: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  await checkSetupToken(deps, token);
  checkNewAccount(input);
  return createAccountAndSignIn(deps, { ...input, role: 'owner' }, (trx) => deleteSetupTokens(trx), meta);
}

/** The password was right, and the account also asks for a code from an authenticator app. */
export interface SecondStepNeeded {
  readonly secondStepToken: string;
}

/**
 * What a wrong password counts against: the email from this address, and this address. Known and
 * unknown emails are counted alike, so the answers never tell them apart, and an attacker's failures
 * never slow the real person down at their own address.
 */
function passwordCounters(email: string, ip: string): [Counter, Counter] {
  return [counter(throttlePolicies.password, 'password', email, ip), counter(throttlePolicies.address, 'address', ip)];
}

/**
 * Signs in with email and password. After a few failures for one email from one address, or many from
 * one address, each further try waits longer (see `throttlePolicies`); a try made too soon is not checked.
 */
export async function signIn(deps: AccountDeps, input: { email: string; password: string }, meta: RequestMeta): Promise<SignedIn | SecondStepNeeded> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const counters = passwordCounters(email, meta.ip);
  const wait = await currentWait(deps.db, counters, now);
  if (wait > 0) throw throttledError(signInWaits, wait);
  const account = await findUserByEmail(deps.db, email);
  const correct = await isPasswordCorrect(account?.passwordHash ?? decoyHash, input.password.slice(0, 1024));
  if (!account || !correct) {
    await recordFailure(deps.db, counters, now);
    await audit(deps, account ?? null, 'sign-in.failed', email.slice(0, 254), meta);
    throw new UnauthorizedError(phrase('refusal.accounts.wrongCredentials'));
  }
  await clearFailures(deps.db, counters[0]);
  const user: User = { id: account.id, email: account.email, name: account.name, role: account.role };
  if (account.totpSecret) return { secondStepToken: await beginSecondStep(deps, user) };
  await audit(deps, user, 'sign-in', user.email, meta);
  return startSession(deps, user, meta);
}

/** The user a session cookie belongs to, if the session is live; slides its expiry forward. */
export async function authenticate(deps: AccountDeps, sessionToken: string): Promise<{ user: User; sessionId: string } | undefined> {
  const sessionId = hashToken(sessionToken);
  const now = deps.clock.now();
  const found = await findSessionUser(deps.db, sessionId, now);
  if (!found) return undefined;
  if (now.getTime() - found.lastSeenAt.getTime() > touchIntervalMs) {
    await touchSession(deps.db, sessionId, now, new Date(now.getTime() + sessionLifetimeMs));
  }
  return { user: found.user, sessionId };
}

export async function signOut(deps: AccountDeps, user: User, sessionId: string, meta: RequestMeta): Promise<void> {
  await deleteSession(deps.db, sessionId);
  await audit(deps, user, 'sign-out', user.email, meta);
}

/** Ends every other session of the user, e.g. after a lost laptop. */
export async function signOutEverywhereElse(deps: AccountDeps, user: User, sessionId: string, meta: RequestMeta): Promise<void> {
  await deleteSessionsOfUser(deps.db, user.id, sessionId);
  await audit(deps, user, 'sign-out.everywhere', user.email, meta);
}

export function listSessionsOf(deps: AccountDeps, user: User): Promise<SessionInfo[]> {
  return listSessions(deps.db, user.id, deps.clock.now());
}
