import type { Db } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';

export interface StoredAnswer {
  readonly requestHash: string;
  /** Undefined while the first request is still being answered. */
  readonly answer?: { readonly statusCode: number; readonly contentType: string; readonly body: string };
}

/** Claims `key` for this request; false when it was claimed before (see `findIdempotencyKey`). */
export async function claimIdempotencyKey(db: Db, claim: { userId: number; key: string; requestHash: string; now: Date }): Promise<boolean> {
  const result = await db
    .insertInto('api_idempotency_keys')
    .values({ user_id: claim.userId, idempotency_key: claim.key, request_hash: claim.requestHash, created_at: toTimestamp(claim.now) })
    .onConflict((conflict) => conflict.columns(['user_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findIdempotencyKey(db: Db, userId: number, key: string): Promise<StoredAnswer | undefined> {
  const row = await db
    .selectFrom('api_idempotency_keys')
    .select(['request_hash', 'status_code', 'content_type', 'response_body'])
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const answered = row.status_code !== null && row.response_body !== null;
  return {
    requestHash: row.request_hash,
    ...(answered ? { answer: { statusCode: row.status_code!, contentType: row.content_type ?? 'application/json', body: row.response_body! } } : {}),
  };
}

export async function storeIdempotentAnswer(
  db: Db,
  userId: number,
  key: string,
  answer: { statusCode: number; contentType: string; body: string },
): Promise<void> {
  await db
    .updateTable('api_idempotency_keys')
    .set({ status_code: answer.statusCode, content_type: answer.contentType, response_body: answer.body })
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .execute();
}

/** Lets a key be used again: its request failed on the server's side, so a retry should really run. */
export async function releaseIdempotencyKey(db: Db, userId: number, key: string): Promise<void> {
  await db.deleteFrom('api_idempotency_keys').where('user_id', '=', userId).where('idempotency_key', '=', key).execute();
}

export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('api_idempotency_keys').where('created_at', '<', toTimestamp(before)).execute();
}
