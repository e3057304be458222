import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import {
  audit,
  confirmTwoStep,
  disableTwoStep,
  isTwoStepOn,
  listSessionsOf,
  newTwoStepSecret,
  signOutEverywhereElse,
  twoStepUri,
} from '../../accounts/index.ts';
import { createAuthorForUser, findAuthorById, findAuthorIdForUser, linkAuthorToUser, listAuthorsForLinking } from '../../authors/index.ts';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../../errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { formatDateTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import { renderAccountPage } from './account-page.tsx';
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
}

/** The message to show for a refused byline change; a name that cannot be a byline says which rule it broke. */
function bylineProblemOf(error: ConflictError | NotFoundError | ValidationError, words: Translator<NewsroomKey>): string {
  return error instanceof ValidationError ? (Object.values(error.fieldsIn(words))[0] ?? error.textIn(words)) : error.textIn(words);
}

/** The signed-in member's own account: byline, sessions, two-step sign-in, signing out elsewhere. */
export const accountRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  app.addHook('preHandler', staffOnly);

  const showAccount = async (request: FastifyRequest, reply: FastifyReply, outcome: AccountOutcome = {}, status = 200) => {
    const staff = requireStaff(request);
    const dateStyle = dateStyleOf(context.site.settings.current());
    const sessions = await listSessionsOf(deps, staff);
    const authors = await listAuthorsForLinking(context.db);
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
      qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }),
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
};
