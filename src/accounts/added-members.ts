import { phrase, type Phrase, ValidationError } from '../errors.ts';
import { findUserByEmail, insertOneTimeToken, insertUser, type User } from './accounts.queries.ts';
import { checkProfile, normaliseEmail } from './accounts.service.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';
import { audit } from './audit.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { isRole } from './roles.ts';
import { hashToken, newToken } from './sessions.ts';

/** As long as an invitation: the person may read the message days later. */
const setPasswordLinkLifetimeMs = 7 * 24 * 60 * 60 * 1000;
/** Stored for an account whose password is still to be chosen: no password argon2 verifies against it. */
const noPasswordYet = '!unset';

export interface AddedMember {
  readonly user: User;
  /** A one-time link token for choosing a password (the reset page), when none was given. */
  readonly setPasswordToken?: string;
}

/**
 * A member added by an operator at the command line (`npx gazette users add`), with their name and
 * role, no invitation to accept: with a password it is set now, else the answer carries a one-time link
 * (7 days) for the person to choose one. The audit log says it came from the command line.
 */
export async function addMember(
  deps: AccountDeps,
  input: { email: string; name: string; role: string; password?: string },
  meta: RequestMeta,
): Promise<AddedMember> {
  const fields: Record<string, Phrase> = checkProfile(input);
  if (!isRole(input.role)) fields.role = phrase('refusal.accounts.roleInvalid');
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, [input.name, input.email]);
    if (problem) fields.password = problem;
  }
  // The role is checked again only so that the type below knows it is one.
  if (Object.keys(fields).length > 0 || !isRole(input.role)) throw new ValidationError(phrase('refusal.accounts.accountHasErrors'), fields);
  const role = input.role;
  const email = normaliseEmail(input.email);
  const passwordHash = input.password === undefined ? noPasswordYet : await hashPassword(input.password);
  const now = deps.clock.now();
  const token = input.password === undefined ? newToken() : undefined;
  const user = await deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) {
      const taken = phrase('refusal.accounts.emailTaken');
      throw new ValidationError(taken, { email: taken });
    }
    const id = await insertUser(trx, { email, name: input.name.trim(), role, passwordHash }, now);
    if (token) {
      await insertOneTimeToken(trx, {
        tokenHash: hashToken(token),
        purpose: 'reset',
        userId: id,
        email,
        role: null,
        createdBy: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + setPasswordLinkLifetimeMs),
      });
    }
    return { id, email, name: input.name.trim(), role };
  });
  await audit(deps, null, 'account.created', `${user.email} (${user.role}) via the command line`, meta);
  return token ? { user, setPasswordToken: token } : { user };
}
