import { createHash, randomBytes } from 'node:crypto';
import { insertSession, type User } from './accounts.queries.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';

export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export interface SignedIn {
  readonly user: User;
  /** Goes to the browser in a cookie; only its hash is stored. */
  readonly sessionToken: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startSession(deps: AccountDeps, user: User, meta: RequestMeta): Promise<SignedIn> {
  const now = deps.clock.now();
  const sessionToken = newToken();
  await insertSession(deps.db, {
    id: hashToken(sessionToken),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionLifetimeMs),
    userAgent: meta.userAgent.slice(0, 300),
    ip: meta.ip,
  });
  return { user, sessionToken };
}
