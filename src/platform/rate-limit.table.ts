import type { Timestamp } from '../db/column-types.ts';

/**
 * One rate-limit counter shared by every instance: the hits counted under a key in its current window.
 * Throwaway by design (an UNLOGGED table on PostgreSQL): losing it only gives everyone a fresh minute.
 */
export interface RateLimitWindowTable {
  /** `<limit>:<route>:<caller>`, e.g. `comments::ip:203.0.113.7`; hashed when long (see rate-limit-store.ts). */
  key: string;
  hits: number;
  /** When the window closes; the next hit after it starts a new one at 1. */
  ends_at: Timestamp;
}
