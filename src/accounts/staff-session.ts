import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from './accounts.queries.ts';
import { type AccountDeps, authenticate, sessionLifetimeMs } from './accounts.service.ts';

export const sessionCookie = 'gazette_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom member, or null. Set only inside the newsroom's routes. */
    staff: User | null;
    staffSessionId: string | null;
  }
}

/** Reads the session cookie on every newsroom request. Needs @fastify/cookie registered first. */
export const staffSessions = fp<{ deps: AccountDeps }>(async (app, { deps }) => {
  app.decorateRequest('staff', null);
  app.decorateRequest('staffSessionId', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token || token.length > 100) return;
    const found = await authenticate(deps, token);
    if (found) {
      request.staff = found.user;
      request.staffSessionId = found.sessionId;
    }
  });
});

/** HttpOnly so scripts cannot read it; SameSite=Lax so other sites cannot ride on it; Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(sessionCookie, token, {
    path: '/admin',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { path: '/admin', httpOnly: true, sameSite: 'lax', secure });
}
