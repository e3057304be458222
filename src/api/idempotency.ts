import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { BadRequestError, ConflictError, GazetteError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import { callerOf } from './api-callers.ts';
import { claimIdempotencyKey, deleteIdempotencyKeysBefore, findIdempotencyKey, releaseIdempotencyKey, storeIdempotentAnswer } from './idempotency.queries.ts';

const keptForMs = 24 * 60 * 60 * 1000;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** The key was used before for another request: a script bug, and replaying would answer the wrong question. */
export class IdempotencyConflictError extends GazetteError {
  readonly status = 422;
  readonly code = 'IDEMPOTENCY_CONFLICT';
}

function requestHashOf(request: FastifyRequest): string {
  // A multipart upload is streamed to its route, so its size stands for its body.
  const body = String(request.headers['content-type']).startsWith('multipart/')
    ? `multipart:${request.headers['content-length'] ?? ''}`
    : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest('hex');
}

/**
 * A POST sent with `Idempotency-Key` happens once: a retry with the same key and the same request
 * gets the first answer again (marked `Idempotent-Replayed: true`), whatever the network lost in
 * between. Keys are per member and kept a day. An answer the server failed to give (5xx) is not kept.
 */
export function makePostsIdempotent(app: FastifyInstance, deps: { readonly db: Kysely<Database>; readonly clock: Clock }): void {
  const claimed = new WeakMap<FastifyRequest, { userId: number; key: string }>();
  let lastSweep = 0;

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !keyPattern.test(key)) throw new BadRequestError('Idempotency-Key must be 1 to 255 visible ASCII characters.');
    const userId = callerOf(request).user.id;
    const now = deps.clock.now();
    if (now.getTime() - lastSweep > 60 * 60 * 1000) {
      lastSweep = now.getTime();
      await deleteIdempotencyKeysBefore(deps.db, new Date(now.getTime() - keptForMs));
    }
    const requestHash = requestHashOf(request);
    if (await claimIdempotencyKey(deps.db, { userId, key, requestHash, now })) {
      claimed.set(request, { userId, key });
      return;
    }
    const stored = await findIdempotencyKey(deps.db, userId, key);
    if (stored && stored.requestHash !== requestHash) {
      throw new IdempotencyConflictError('This Idempotency-Key was already used for a different request; use a new key for a new request.');
    }
    if (!stored?.answer) throw new ConflictError('A request with this Idempotency-Key is still being answered; try again in a moment.');
    const { statusCode, contentType, body } = stored.answer;
    return reply.code(statusCode).type(contentType).header('idempotent-replayed', 'true').send(body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claimed.get(request);
    if (!claim) return payload;
    claimed.delete(request);
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await releaseIdempotencyKey(deps.db, claim.userId, claim.key);
      return payload;
    }
    const contentType = String(reply.getHeader('content-type') ?? 'application/json');
    await storeIdempotentAnswer(deps.db, claim.userId, claim.key, { statusCode: reply.statusCode, contentType, body: payload });
    return payload;
  });
}
