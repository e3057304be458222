import { Secret, TOTP } from 'otpauth';
import { phrase, UnauthorizedError, ValidationError } from '../errors.ts';
import {
  addCodeTry,
  claimTotpStep,
  consumeOneTimeToken,
  deleteOneTimeToken,
  findOneTimeToken,
  findTotpSecret,
  findUserById,
  insertOneTimeToken,
  setTotpSecret,
  type User,
} from './accounts.queries.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';
import { audit } from './audit.ts';
import { hashToken, newToken, type SignedIn, startSession } from './sessions.ts';
import { codeTries, forgetTries, takeTry, throttledError } from './sign-in-throttle.ts';

const messages = {
  codeInvalid: phrase('refusal.accounts.codeInvalid'),
  codeUsed: phrase('refusal.accounts.codeUsed'),
  expired: phrase('refusal.accounts.secondStepExpired'),
  spent: phrase('refusal.accounts.secondStepSpent'),
  throttled: { seconds: 'refusal.accounts.codesThrottledSeconds', minutes: 'refusal.accounts.codesThrottledMinutes' },
  secretInvalid: phrase('refusal.accounts.twoStepSetupExpired'),
} as const;

/** How long someone has between the password and the code. */
export const secondStepLifetimeMs = 5 * 60 * 1000;
/** Codes one half-finished sign-in may try; the fifth wrong one means giving the password again. */
const triesPerSecondStep = 5;

function totpFor(secret: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** The time-step of `code` when it is the current code or one either side of it (for clocks a little apart). */
function stepOfCode(secret: string, code: string, now: Date): number | undefined {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return undefined;
  try {
    const totp = totpFor(secret, 'check', 'Gazette');
    const delta = totp.validate({ token: digits, timestamp: now.getTime(), window: 1 });
    return delta === null ? undefined : totp.counter({ timestamp: now.getTime() }) + delta;
  } catch {
    return undefined;
  }
}

/** Checks a code and, when it is right, spends its time-step: no code of that step or an earlier one counts again. */
async function useCode(deps: AccountDeps, userId: number, secret: string, code: string): Promise<'accepted' | 'wrong' | 'used'> {
  const step = stepOfCode(secret, code, deps.clock.now());
  if (step === undefined) return 'wrong';
  return (await claimTotpStep(deps.db, userId, step)) ? 'accepted' : 'used';
}

function codeProblem(result: 'wrong' | 'used'): ValidationError {
  const message = result === 'used' ? messages.codeUsed : messages.codeInvalid;
  return new ValidationError(message, { code: message });
}

/** Whose codes a window of tries counts. */
function codesOf(userId: number): string[] {
  return ['codes', String(userId)];
}

/** A new secret and the otpauth:// address an authenticator app reads (from a QR code or typed). */
export function newTwoStepSecret(user: User, issuer: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, user.email, issuer).toString() };
}

export function twoStepUri(user: User, issuer: string, secret: string): string {
  return totpFor(secret, user.email, issuer).toString();
}

export async function isTwoStepOn(deps: AccountDeps, user: User): Promise<boolean> {
  return (await findTotpSecret(deps.db, user.id)) !== null;
}

/** Turns two-step sign-in on once the member proves their app produces the right codes; that code is spent. */
export async function confirmTwoStep(deps: AccountDeps, user: User, secret: string, code: string, meta: RequestMeta): Promise<void> {
  if (!/^[A-Z2-7]{32}$/.test(secret)) throw new ValidationError(messages.secretInvalid, { code: messages.secretInvalid });
  const step = stepOfCode(secret, code, deps.clock.now());
  if (step === undefined) throw codeProblem('wrong');
  await setTotpSecret(deps.db, user.id, secret, step);
  await audit(deps, user, 'two-step.enabled', user.email, meta);
}

/** Needs a fresh code, counted against the account like a sign-in's, so a stolen session cannot guess its way. */
export async function disableTwoStep(deps: AccountDeps, user: User, code: string, meta: RequestMeta): Promise<void> {
  const secret = await findTotpSecret(deps.db, user.id);
  if (!secret) throw codeProblem('wrong');
  const now = deps.clock.now();
  const wait = await takeTry(deps.db, codeTries, codesOf(user.id), now);
  if (wait > 0) throw throttledError(messages.throttled, wait);
  const result = await useCode(deps, user.id, secret, code);
  if (result !== 'accepted') {
    await audit(deps, user, 'two-step.disable-failed', user.email, meta);
    throw codeProblem(result);
  }
  await forgetTries(deps.db, codeTries, codesOf(user.id), now);
  await setTotpSecret(deps.db, user.id, null, null);
  await audit(deps, user, 'two-step.disabled', user.email, meta);
}

/** After a correct password, a short-lived token that only the second step can turn into a session. */
export async function beginSecondStep(deps: AccountDeps, user: User): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await insertOneTimeToken(deps.db, {
    tokenHash: hashToken(token),
    purpose: 'second-step',
    userId: user.id,
    email: null,
    role: null,
    createdBy: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + secondStepLifetimeMs),
  });
  return token;
}

/**
 * Turns a half-finished sign-in and a right code into a session. Wrong codes are limited per sign-in
 * (then the password is needed again) and per account across sign-ins and addresses (then a 429 until
 * the window ends). Each try is counted before it is judged, so tries sent at once cannot slip past.
 *
 * @throws UnauthorizedError when the half-finished sign-in is gone, expired or spent: sign in again.
 * @throws RateLimitedError when the account has had too many wrong codes lately.
 * @throws ValidationError for a wrong or already used code, with tries left.
 */
export async function completeSecondStep(deps: AccountDeps, token: string, code: string, meta: RequestMeta): Promise<SignedIn> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const pending = await findOneTimeToken(deps.db, tokenHash, 'second-step', now);
  const user = pending?.userId ? await findUserById(deps.db, pending.userId) : undefined;
  const secret = user ? await findTotpSecret(deps.db, user.id) : null;
  if (!user || !secret) throw new UnauthorizedError(messages.expired);
  const tries = await addCodeTry(deps.db, tokenHash);
  if (tries === 0 || tries > triesPerSecondStep) throw new UnauthorizedError(messages.spent);
  const wait = await takeTry(deps.db, codeTries, codesOf(user.id), now);
  if (wait > 0) {
    await deleteOneTimeToken(deps.db, tokenHash);
    throw throttledError(messages.throttled, wait);
  }
  const result = await useCode(deps, user.id, secret, code);
  if (result !== 'accepted') {
    await audit(deps, user, 'sign-in.second-step-failed', user.email, meta);
    if (tries < triesPerSecondStep) throw codeProblem(result);
    await deleteOneTimeToken(deps.db, tokenHash);
    throw new UnauthorizedError(messages.spent);
  }
  if (!(await consumeOneTimeToken(deps.db, tokenHash, 'second-step', now))) throw new UnauthorizedError(messages.expired);
  await forgetTries(deps.db, codeTries, codesOf(user.id), now);
  await audit(deps, user, 'sign-in', `${user.email} (two-step)`, meta);
  return startSession(deps, user, meta);
}
