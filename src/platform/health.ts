import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { knownMigrationNames } from '../db/migrate.ts';
import { listRecordedMigrations, pingDatabase } from './health.queries.ts';

/** How long a load balancer is asked to wait before it asks a not-ready instance again. */
const retryAfterSeconds = 5;
/** A database that has not answered by then counts as gone: a probe must answer within its own timeout. */
const databaseTimeoutMs = 2_000;

export type Readiness =
  | { readonly status: 'ready' }
  | { readonly status: 'not-ready'; readonly reason: 'database-unreachable' }
  | { readonly status: 'not-ready'; readonly reason: 'migrations-pending'; readonly pendingMigrations: number };

function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`The database did not answer within ${databaseTimeoutMs} ms`)), databaseTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether the database answers and holds every migration this code knows. Migrations are compared
 * until they are all there once (another instance may still be running them); from then on, only
 * the ping, which is what a load balancer's probe every few seconds should cost.
 */
export class ReadinessCheck {
  readonly #db: Kysely<Database>;
  #migrated = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async check(): Promise<{ readiness: Readiness; cause?: unknown }> {
    try {
      await withinTimeout(pingDatabase(this.#db));
    } catch (cause) {
      return { readiness: { status: 'not-ready', reason: 'database-unreachable' }, cause };
    }
    if (this.#migrated) return { readiness: { status: 'ready' } };
    // The database answered, so a failure here is Kysely's table missing: nothing is migrated yet.
    const recorded = new Set(await withinTimeout(listRecordedMigrations(this.#db)).catch(() => []));
    const pendingMigrations = knownMigrationNames.filter((name) => !recorded.has(name)).length;
    if (pendingMigrations > 0) return { readiness: { status: 'not-ready', reason: 'migrations-pending', pendingMigrations } };
    this.#migrated = true;
    return { readiness: { status: 'ready' } };
  }
}

const notReadySchema = {
  type: 'object',
  required: ['status', 'reason'],
  properties: {
    status: { const: 'not-ready' },
    reason: { enum: ['database-unreachable', 'migrations-pending'] },
    pendingMigrations: { type: 'integer' },
  },
} as const;

/**
 * `GET /healthz`: the process answers (liveness; never touches the database, so a database outage
 * does not get every instance restarted). `GET /readyz`: this instance can serve (readiness; see
 * ReadinessCheck), else 503 with the reason. Load balancers ask every few seconds, so neither is
 * logged per request, cached, rate-limited or listed in the API's OpenAPI document. The first
 * answer after a change of readiness is logged, once.
 */
export const healthRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  const readiness = new ReadinessCheck(db);
  let lastStatus: Readiness['status'] | undefined;

  app.get(
    '/healthz',
    {
      logLevel: 'silent',
      schema: { response: { 200: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } } } },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'silent',
      schema: {
        response: {
          200: { type: 'object', required: ['status'], properties: { status: { const: 'ready' } } },
          503: notReadySchema,
        },
      },
    },
    async (_request, reply) => {
      const { readiness: now, cause } = await readiness.check();
      if (now.status !== lastStatus) {
        if (now.status === 'ready') app.log.info('Ready: the database answers and every migration is done');
        else app.log.warn({ err: cause, ...now }, 'Not ready for traffic');
        lastStatus = now.status;
      }
      reply.header('cache-control', 'no-store');
      if (now.status === 'ready') return reply.send(now);
      return reply.code(503).header('retry-after', String(retryAfterSeconds)).send(now);
    },
  );
};
