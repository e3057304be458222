import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/column-types.ts';
import type { Role } from './roles.ts';

/** Newsroom staff. Commenters are not users: they never get an account or a session. */
export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  /**
   * The old per-account lock, which let strangers lock anyone out. No longer read or written
   * (sign_in_throttles replaced it); kept so instances still on the previous release work during an upgrade.
   */
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  totp_secret: string | null;
  /** The last TOTP time-step (30-second period since 1970) accepted for this account; no code at or before it counts again. */
  totp_last_step: number | null;
  created_at: Timestamp;
  /** 1 when this editor wants an email about comments awaiting moderation. */
  notify_pending_comments: Generated<number>;
}

/** A signed-in browser. The id is a hash of the cookie's token, so a leaked table signs nobody in. */
export interface SessionTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string;
  ip: string;
}

/** One-time links: first-run setup, invitations, password resets and half-finished two-step sign-ins. Stored hashed. */
export interface OneTimeTokenTable {
  token_hash: string;
  purpose: 'setup' | 'invite' | 'reset' | 'second-step';
  /** Whose password a reset link changes. */
  user_id: number | null;
  /** Who an invitation is for, and with which role. */
  email: string | null;
  role: Role | null;
  created_by: number | null;
  expires_at: Timestamp;
  created_at: Timestamp;
  /** Wrong codes given on a half-finished two-step sign-in. */
  attempts: Generated<number>;
}

/**
 * Failed sign-ins, counted in the database so every instance sees the same count. The key is a hash of
 * what is counted (an email from one address, one address, or one account's codes), so it holds no
 * email or address in the clear.
 */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  subject: string;
  ip: string;
}
