import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { apiTokenVia, audit, type RequestMeta } from '../accounts/index.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { callerOf } from './api-callers.ts';

const subjectLength = 300;

/**
 * Every change made through the API is in the audit log under the token's owner, and says which
 * token made it ("… via API token Deploy script"), so a newsroom can tell a script's work from a person's.
 */
export function auditApiChange(
  deps: { readonly db: Kysely<Database>; readonly clock: Clock },
  request: FastifyRequest,
  action: string,
  subject: string,
): Promise<void> {
  return audit(deps, callerOf(request).user, action, subject.slice(0, subjectLength), apiRequestMeta(request));
}

/** Who asks, for a service that writes the audit log itself (e.g. `describeImage`): it names the token too. */
export function apiRequestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), via: apiTokenVia(callerOf(request).token) };
}
