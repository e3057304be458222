import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/column-types.ts';

/** A share link to an article's preview, for someone without an account. */
export interface PreviewLinkTable {
  id: Generated<number>;
  article_id: number;
  /** SHA-256 of the link's token, hex; the token itself is shown once and never stored. */
  token_hash: string;
  /** The account that made it; null once that account is deleted. */
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}
