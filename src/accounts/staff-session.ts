import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from './accounts.queries.ts';
import type { AccountDeps } from './account-deps.ts';
import { authenticate } from './accounts.service.ts';
import { sessionLifetimeMs } from './sessions.ts';
import { secondStepLifetimeMs } from './two-step.service.ts';

export const sessionCookie = 'gazette_session';
/** Holds a half-finished sign-in (password given, or a password just reset) until the code is given. */
export const secondStepCookie = 'gazette_second_step';

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

/** Strict: only this newsroom's own pages ever send the half-finished sign-in back. */
export function setSecondStepCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(secondStepCookie, token, { path: '/admin', httpOnly: true, sameSite: 'strict', secure, maxAge: Math.floor(secondStepLifetimeMs / 1000) });
}

export function clearSecondStepCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(secondStepCookie, { path: '/admin', httpOnly: true, sameSite: 'strict', secure });
}
