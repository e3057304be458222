import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { User } from '../accounts/index.ts';
import { UnauthorizedError } from '../errors.ts';

/** Who is calling the Admin API: a newsroom member, through one of their tokens. */
export interface ApiCaller {
  readonly user: User;
  readonly token: { readonly id: number; readonly name: string };
}

/** Finds the member a token belongs to; undefined for an unknown, revoked or expired one. */
export type TokenAuthenticator = (secret: string) => Promise<ApiCaller | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set inside /api/v1/admin once the bearer token is checked. */
    apiCaller: ApiCaller | null;
  }
}

const bearer = /^Bearer ([A-Za-z0-9_-]{1,200})$/;

/**
 * Every Admin API request names its token in `Authorization: Bearer …`, and nothing else counts:
 * a session cookie is never read here, so another site cannot make a browser act through the API.
 */
export function requireBearerToken(app: FastifyInstance, authenticate: TokenAuthenticator): void {
  app.decorateRequest('apiCaller', null);
  app.addHook('onRequest', async (request) => {
    const match = bearer.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedError('Send an API token: Authorization: Bearer <token>.');
    const caller = await authenticate(match[1]!);
    if (!caller) throw new UnauthorizedError('This API token is not valid: it is unknown, revoked or expired.');
    request.apiCaller = caller;
  });
}

export function callerOf(request: FastifyRequest): ApiCaller {
  if (!request.apiCaller) throw new UnauthorizedError('Send an API token: Authorization: Bearer <token>.');
  return request.apiCaller;
}
