import type { Timestamp } from '../db/column-types.ts';

/** An Admin API POST made with an Idempotency-Key, and the answer it got. */
export interface ApiIdempotencyKeyTable {
  user_id: number;
  idempotency_key: string;
  /** SHA-256 of the method, address and body: the same key with another request is refused. */
  request_hash: string;
  created_at: Timestamp;
  /** Null while the first request is still being answered. */
  status_code: number | null;
  content_type: string | null;
  response_body: string | null;
}
