import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/column-types.ts';

/** A personal access token for the Admin API. It acts as its owner, with exactly their role. */
export interface ApiTokenTable {
  id: Generated<number>;
  /** The owner; their tokens are deleted with their account. */
  user_id: number;
  /** What the owner called it ("Deploy script"), shown in lists and the audit log. */
  name: string;
  /** SHA-256 of the token, hex; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: Timestamp;
  /** Null: works until revoked. */
  expires_at: NullableTimestamp;
  /** Updated at most about once a minute, so a busy script does not write on every request. */
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}
