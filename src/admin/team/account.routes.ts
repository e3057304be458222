import { TZDate } from '@date-fns/tz';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  type ApiTokenInfo,
  apiTokenExpiryFromDay,
  apiTokenNameMaxLength,
  audit,
  confirmTwoStep,
  createApiToken,
  disableTwoStep,
  isTwoStepOn,
  listAllApiTokens,
  listApiTokensOf,
  listSessionsOf,
  newTwoStepSecret,
  revokeApiToken,
  signOutEverywhereElse,
  twoStepUri,
} from '../../accounts/index.ts';
import { createAuthorForUser, findAuthorById, findAuthorIdForUser, linkAuthorToUser, listAuthorsForLinking } from '../../authors/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../../errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import { type DateStyle, formatDateTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import { renderAccountPage } from './account-page.tsx';
import type { ApiTokenRow, ApiTokensSection } from './api-tokens-section.tsx';
import type { FormState } from './sign-in-pages.tsx';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireSessionId, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { renderTwoStepSetupPage } from './two-step-pages.tsx';

function describeBrowser(userAgent: string, words: Translator<NewsroomKey>): string {
  const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge') ?? words.text('team.unknownBrowser');
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS') ?? words.text('team.unknownSystem');
  return words.text('team.browserOnSystem', { browser, system });
}

interface AccountOutcome {
  readonly notice?: string;
  readonly twoStepError?: string;
  readonly bylineProblem?: string;
  readonly tokens?: Partial<Pick<ApiTokensSection, 'form' | 'created' | 'notice' | 'problem'>>;
}

/** "2026-11-27": the day it is at `at` in `timeZone`, as a date picker's value. */
function dayIn(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`;
}

function tokenRow(token: ApiTokenInfo, now: Date, dateStyle: DateStyle): ApiTokenRow {
  return {
    id: token.id,
    name: token.name,
    ownerName: token.ownerName,
    createdLabel: formatDateTime(token.createdAt, dateStyle),
    lastUsedLabel: token.lastUsedAt ? formatDateTime(token.lastUsedAt, dateStyle) : null,
    expiresLabel: token.expiresAt ? formatDateTime(token.expiresAt, dateStyle) : null,
    expired: token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime(),
  };
}

/** The message to show for a refused byline change; a name that cannot be a byline says which rule it broke. */
function bylineProblemOf(error: ConflictError | NotFoundError | ValidationError, words: Translator<NewsroomKey>): string {
  return error instanceof ValidationError ? (Object.values(error.fieldsIn(words))[0] ?? error.textIn(words)) : error.textIn(words);
}

const emptyTokenForm: FormState = { values: {}, errors: {} };

const TokenBody = Type.Object({
  // Longer than a name may be, so a long one is refused with a message on the form rather than a bare 400.
  name: Type.Optional(Type.String({ maxLength: 1000 })),
  expiresAt: Type.Optional(Type.String({ maxLength: 100 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
const TokenParams = rowIdParams('tokenId');

/** The signed-in member's own account: byline, sessions, two-step sign-in, signing out elsewhere, API tokens. */
export const accountRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  app.addHook('preHandler', staffOnly);

  const showAccount = async (request: FastifyRequest, reply: FastifyReply, outcome: AccountOutcome = {}, status = 200) => {
    const staff = requireStaff(request);
    const settings = context.site.settings.current();
    const dateStyle = dateStyleOf(settings);
    const now = deps.clock.now();
    const sessions = await listSessionsOf(deps, staff);
    const authors = await listAuthorsForLinking(context.db);
    const myTokens = await listApiTokensOf(deps, staff.id);
    // Only an owner may revoke anyone's token, so only an owner sees them all.
    const everyonesTokens = staff.role === 'owner' ? await listAllApiTokens(deps) : undefined;
    const words = newsroomWords(context);
    return sendAdminPage(context, request, reply, status, renderAccountPage, {
      name: staff.name,
      email: staff.email,
      role: staff.role,
      ...(outcome.notice ? { notice: outcome.notice } : {}),
      ...(outcome.twoStepError ? { twoStepError: outcome.twoStepError } : {}),
      byline: {
        currentId: authors.find((author) => author.linkedTo?.userId === staff.id)?.id ?? null,
        choices: authors.filter((author) => author.linkedTo === null || author.linkedTo.userId === staff.id),
        ...(outcome.bylineProblem ? { problem: outcome.bylineProblem } : {}),
      },
      twoStepOn: await isTwoStepOn(deps, staff),
      sessions: sessions.map((session) => ({
        isCurrent: session.id === request.staffSessionId,
        device: describeBrowser(session.userAgent, words),
        ip: session.ip,
        signedInLabel: formatDateTime(session.createdAt, dateStyle),
        lastSeenLabel: formatDateTime(session.lastSeenAt, dateStyle),
      })),
      apiTokens: {
        mine: myTokens.map((token) => tokenRow(token, now, dateStyle)),
        ...(everyonesTokens ? { everyone: everyonesTokens.map((token) => tokenRow(token, now, dateStyle)) } : {}),
        form: emptyTokenForm,
        ...outcome.tokens,
        timeZone: settings.timeZone,
        today: dayIn(now, settings.timeZone),
        nameMaxLength: apiTokenNameMaxLength,
      },
    });
  };

  app.get('/admin/account', (request, reply) => showAccount(request, reply));

  /** A notice or problem in the newsroom's words, read when it is said (the site's language may have just changed). */
  const say = (key: NewsroomKey, values?: Readonly<Record<string, string>>) => newsroomWords(context).text(key, values);

  const BylineBody = Type.Object({
    author: Type.Optional(Type.String({ maxLength: 100 })),
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  });

  const CodeBody = Type.Object({
    code: Type.Optional(Type.String({ maxLength: 100 })),
    secret: Type.Optional(Type.String({ maxLength: 100 })),
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  });
  const showSetup = async (request: FastifyRequest, reply: FastifyReply, status: number, secret: string, errors: Record<string, string>) => {
    const uri = twoStepUri(requireStaff(request), context.site.settings.current().name, secret);
    return sendAdminPage(context, request, reply, status, renderTwoStepSetupPage, {
      secret,
      qrCodeDataUrl: await (await import('qrcode')).default.toDataURL(uri, { margin: 1, width: 200 }),
      form: { values: {}, errors },
    });
  };

  app.get('/admin/account/two-step', async (request, reply) =>
    showSetup(request, reply, 200, newTwoStepSecret(requireStaff(request), context.site.settings.current().name).secret, {}),
  );

  app.post<{ Body: Static<typeof CodeBody> }>(
    '/admin/account/two-step',
    { schema: { body: CodeBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const secret = request.body?.secret ?? '';
      try {
        await confirmTwoStep(deps, requireStaff(request), secret, request.body?.code ?? '', requestMeta(request));
        return showAccount(request, reply, { notice: say('team.twoStepTurnedOn') });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const reusable = /^[A-Z2-7]{32}$/.test(secret) ? secret : newTwoStepSecret(requireStaff(request), context.site.settings.current().name).secret;
        return showSetup(request, reply, 422, reusable, error.fieldsIn(newsroomWords(context)));
      }
    },
  );

  app.post<{ Body: Static<typeof CodeBody> }>(
    '/admin/account/two-step/off',
    { schema: { body: CodeBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        await disableTwoStep(deps, requireStaff(request), request.body?.code ?? '', requestMeta(request));
        return showAccount(request, reply, { notice: say('team.twoStepTurnedOff') });
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof RateLimitedError)) throw error;
        if (error instanceof RateLimitedError && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
        return showAccount(request, reply, { twoStepError: error.textIn(newsroomWords(context)) }, error.status);
      }
    },
  );

  app.post('/admin/account/sign-out-others', { preHandler: app.csrfProtection }, async (request, reply) => {
    await signOutEverywhereElse(deps, requireStaff(request), requireSessionId(request), requestMeta(request));
    return showAccount(request, reply, { notice: say('team.signedOutOthers') });
  });

  // Anyone signed in chooses their own byline, and only among profiles nobody else holds (linkAuthorToUser refuses the rest).
  app.post<{ Body: Static<typeof BylineBody> }>(
    '/admin/account/byline',
    { schema: { body: BylineBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const staff = requireStaff(request);
      const chosen = (request.body?.author ?? '').trim();
      if (chosen !== '' && !/^[1-9]\d{0,8}$/.test(chosen)) return showAccount(request, reply, { bylineProblem: say('team.bylineNotInList') }, 422);
      const previousId = await findAuthorIdForUser(context.db, staff.id);
      const previous = previousId === undefined ? undefined : await findAuthorById(context.db, previousId);
      try {
        const linked = await linkAuthorToUser(context.db, chosen === '' ? null : Number(chosen), staff.id);
        if (linked === null) {
          if (!previous) return showAccount(request, reply, { notice: say('team.bylineUnchanged') });
          await audit(deps, staff, 'account.byline-unlinked', `${staff.email} ✕ ${previous.name} (author ${previous.id})`, requestMeta(request));
          return showAccount(request, reply, { notice: say('team.bylineUnlinked') });
        }
        if (linked.id === previousId) return showAccount(request, reply, { notice: say('team.bylineUnchanged') });
        await audit(deps, staff, 'account.byline-linked', `${staff.email} → ${linked.name} (author ${linked.id})`, requestMeta(request));
        return showAccount(request, reply, { notice: say('team.bylineLinked', { author: linked.name }) });
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
        return showAccount(request, reply, { bylineProblem: bylineProblemOf(error, newsroomWords(context)) }, error.status);
      }
    },
  );

  app.post('/admin/account/byline/new', { preHandler: app.csrfProtection }, async (request, reply) => {
    const staff = requireStaff(request);
    try {
      const author = await createAuthorForUser(context.db, staff);
      await audit(deps, staff, 'account.byline-created', `${staff.email} → ${author.name} (author ${author.id}, /author/${author.slug})`, requestMeta(request));
      return showAccount(request, reply, { notice: say('team.bylineCreated', { author: author.name }) });
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof ValidationError)) throw error;
      return showAccount(request, reply, { bylineProblem: bylineProblemOf(error, newsroomWords(context)) }, error.status);
    }
  });

  // The new token is in this answer to the POST and nowhere else: never in an address or a redirect,
  // and admin pages are sent with Cache-Control: no-store, so reloading the account page does not show it.
  app.post<{ Body: Static<typeof TokenBody> }>(
    '/admin/account/tokens',
    { schema: { body: TokenBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const name = request.body?.name ?? '';
      const day = request.body?.expiresAt ?? '';
      const expiresAt = apiTokenExpiryFromDay(day, context.site.settings.current().timeZone);
      try {
        const { token, secret } = await createApiToken(deps, requireStaff(request), { name, expiresAt }, requestMeta(request));
        return showAccount(request, reply, { tokens: { created: { name: token.name, secret } } });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // A date picker holds only a real day: anything else (sent by hand) is not put back in it.
        const values = { name, expiresAt: expiresAt && Number.isNaN(expiresAt.getTime()) ? '' : day };
        return showAccount(request, reply, { tokens: { form: { values, errors: error.fieldsIn(newsroomWords(context)) } } }, 422);
      }
    },
  );

  app.post<{ Params: Static<typeof TokenParams> }>(
    '/admin/account/tokens/:tokenId/revoke',
    { schema: { params: TokenParams }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        const token = await revokeApiToken(deps, requireStaff(request), request.params.tokenId, requestMeta(request));
        return showAccount(request, reply, { tokens: { notice: say('tokens.revoked', { name: token.name }) } });
      } catch (error) {
        if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
        return showAccount(request, reply, { tokens: { problem: error.textIn(newsroomWords(context)) } }, error.status);
      }
    },
  );
};
