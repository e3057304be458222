import { Secret, TOTP } from 'otpauth';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  deleteOneTimeToken,
  findOneTimeToken,
  findTotpSecret,
  findUserById,
  insertOneTimeToken,
  setTotpSecret,
  type User,
} from './accounts.queries.ts';
import { type AccountDeps, audit, hashToken, newToken, type RequestMeta, type SignedIn, startSession } from './accounts.service.ts';

const messages = {
  codeInvalid: 'That code is not right. Enter the 6 digits your authenticator app shows now.',
  expired: 'This sign-in has expired. Sign in again with your password.',
  secretInvalid: 'The setup has expired; start it again.',
};

/** How long someone has between the password and the code. */
const secondStepLifetimeMs = 5 * 60 * 1000;

function totpFor(secret: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** Accepts the current code and the ones either side of it, for clocks a little apart. */
function isCodeRight(secret: string, code: string): boolean {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  try {
    return totpFor(secret, 'check', 'Gazette').validate({ token: digits, window: 1 }) !== null;
  } catch {
    return false;
  }
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

/** Turns two-step sign-in on once the member proves their app produces the right codes. */
export async function confirmTwoStep(deps: AccountDeps, user: User, secret: string, code: string, meta: RequestMeta): Promise<void> {
  if (!/^[A-Z2-7]{32}$/.test(secret)) throw new ValidationError(messages.secretInvalid, { code: messages.secretInvalid });
  if (!isCodeRight(secret, code)) throw new ValidationError(messages.codeInvalid, { code: messages.codeInvalid });
  await setTotpSecret(deps.db, user.id, secret);
  await audit(deps, user, 'two-step.enabled', user.email, meta);
}

export async function disableTwoStep(deps: AccountDeps, user: User, code: string, meta: RequestMeta): Promise<void> {
  const secret = await findTotpSecret(deps.db, user.id);
  if (!secret || !isCodeRight(secret, code)) throw new ValidationError(messages.codeInvalid, { code: messages.codeInvalid });
  await setTotpSecret(deps.db, user.id, null);
  await audit(deps, user, 'two-step.disabled', user.email, meta);
}

/** After a correct password, a short-lived token that only the second step can turn into a session. */
export async function beginSecondStep(deps: AccountDeps, user: User): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await insertOneTimeToken(deps.db, {
    tokenHash: hashToken(token), purpose: 'second-step', userId: user.id, email: null, role: null,
    createdBy: user.id, createdAt: now, expiresAt: new Date(now.getTime() + secondStepLifetimeMs),
  });
  return token;
}

export async function completeSecondStep(deps: AccountDeps, token: string, code: string, meta: RequestMeta): Promise<SignedIn> {
  const pending = await findOneTimeToken(deps.db, hashToken(token), 'second-step', deps.clock.now());
  const user = pending?.userId ? await findUserById(deps.db, pending.userId) : undefined;
  const secret = user ? await findTotpSecret(deps.db, user.id) : null;
  if (!user || !secret) throw new NotFoundError(messages.expired);
  if (!isCodeRight(secret, code)) {
    await audit(deps, user, 'sign-in.second-step-failed', user.email, meta);
    throw new ValidationError(messages.codeInvalid, { code: messages.codeInvalid });
  }
  await deleteOneTimeToken(deps.db, hashToken(token));
  await audit(deps, user, 'sign-in', `${user.email} (two-step)`, meta);
  return startSession(deps, user, meta);
}
