import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { can, confirmTwoStep, disableTwoStep, isTwoStepOn, listSessionsOf, newTwoStepSecret, signOutEverywhereElse, twoStepUri } from '../accounts/index.ts';
import { RateLimitedError, ValidationError } from '../errors.ts';
import { articleUrl, canEditArticle, canTrashArticle, loadNewsroomArticlePage, newsroomListScope } from '../articles/index.ts';
import { pageQuerySchema } from '../platform/route-schemas.ts';
import { formatDateTime } from '../render/dates.ts';
import { dateStyleOf } from '../settings/index.ts';
import { renderAccountPage } from './account-page.tsx';
import { type AdminContext, accountDeps, adminChrome, requestMeta, requireStaff, sendHtml } from './admin-context.ts';
import { renderArticleListPage } from './article-list-page.tsx';
import { renderTwoStepSetupPage } from './two-step-pages.tsx';

const articlesPerPage = 50;
const listQuery = {
  type: 'object',
  properties: { ...pageQuerySchema.properties, view: { type: 'string', enum: ['changes', 'trash'] }, done: { type: 'string', enum: ['trashed', 'deleted'] } },
} as const;
const listNotices = {
  trashed: 'Moved to the trash: readers no longer see it anywhere. Restore it here if that was a mistake.',
  deleted: 'The article was deleted permanently.',
} as const;

function describeBrowser(userAgent: string): string {
  const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge') ?? 'Unknown browser';
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS') ?? 'unknown system';
  return `${browser} on ${system}`;
}

/** The signed-in newsroom: the article list and the account page. */
export const newsroomRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  app.addHook('preHandler', requireStaff);

  app.get<{ Querystring: { page: number; view?: 'changes' | 'trash'; done?: keyof typeof listNotices } }>('/admin', { schema: { querystring: listQuery } }, async (request, reply) => {
    const staff = request.staff!;
    const dateStyle = dateStyleOf(context.site.settings.current());
    const view = request.query.view ?? 'articles';
    const list = await loadNewsroomArticlePage(context.db, { page: request.query.page, perPage: articlesPerPage, view, scope: newsroomListScope(staff) });
    const base = view === 'articles' ? '/admin' : `/admin?view=${view}`;
    const pageUrl = (page: number) => (page > 1 ? `${base}${view === 'articles' ? '?' : '&'}page=${page}` : base);
    return sendHtml(
      reply,
      200,
      renderArticleListPage(adminChrome(context, request, reply), {
        view,
        total: list.total,
        trashCount: list.trashCount,
        changesCount: list.changesCount,
        ...(request.query.done ? { notice: listNotices[request.query.done] } : {}),
        rows: list.rows.map((row) => ({
          editUrl: canEditArticle(staff, row) ? `/admin/articles/${row.id}` : null,
          headline: row.headline,
          status: row.status === 'draft' && row.inReview ? 'review' : row.status,
          changePending: row.changePending,
          section: row.sectionName ?? '—',
          publicUrl: row.status === 'published' ? articleUrl({ slug: row.slug, section: row.sectionSlug ? { slug: row.sectionSlug } : null }) : null,
          // The trash shows when each article was trashed; the working list when it was last edited.
          updatedIso: (row.trashedAt ?? row.updatedAt).toISOString(),
          updatedLabel: formatDateTime(row.trashedAt ?? row.updatedAt, dateStyle),
          ...(view === 'trash'
            ? {
                restoreAction: canTrashArticle(staff, row) ? `/admin/articles/${row.id}/restore` : null,
                deleteUrl: can(staff, 'delete-trashed-article') ? `/admin/articles/${row.id}/delete` : null,
              }
            : {}),
        })),
        pages: {
          page: list.page,
          pageCount: list.pageCount,
          previousUrl: list.page > 1 ? pageUrl(list.page - 1) : null,
          nextUrl: list.page < list.pageCount ? pageUrl(list.page + 1) : null,
        },
      }),
    );
  });

  const showAccount = async (request: FastifyRequest, reply: FastifyReply, notice?: string, twoStepError?: string, status = 200) => {
    const staff = request.staff!;
    const dateStyle = dateStyleOf(context.site.settings.current());
    const sessions = await listSessionsOf(deps, staff);
    return sendHtml(
      reply,
      status,
      renderAccountPage(adminChrome(context, request, reply), {
        name: staff.name,
        email: staff.email,
        role: staff.role,
        ...(notice ? { notice } : {}),
        ...(twoStepError ? { twoStepError } : {}),
        twoStepOn: await isTwoStepOn(deps, staff),
        sessions: sessions.map((session) => ({
          isCurrent: session.id === request.staffSessionId,
          device: describeBrowser(session.userAgent),
          ip: session.ip,
          signedInLabel: formatDateTime(session.createdAt, dateStyle),
          lastSeenLabel: formatDateTime(session.lastSeenAt, dateStyle),
        })),
      }),
    );
  };

  app.get('/admin/account', (request, reply) => showAccount(request, reply));

  const codeBody = { type: 'object', properties: { code: { type: 'string', maxLength: 100 }, secret: { type: 'string', maxLength: 100 }, _csrf: { type: 'string', maxLength: 200 } } } as const;
  const showSetup = async (request: FastifyRequest, reply: FastifyReply, status: number, secret: string, errors: Record<string, string>) => {
    const uri = twoStepUri(request.staff!, context.site.settings.current().name, secret);
    return sendHtml(reply, status, renderTwoStepSetupPage(adminChrome(context, request, reply), {
      secret, qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }), form: { values: {}, errors },
    }));
  };

  app.get('/admin/account/two-step', async (request, reply) =>
    showSetup(request, reply, 200, newTwoStepSecret(request.staff!, context.site.settings.current().name).secret, {}),
  );

  app.post<{ Body: { code?: string; secret?: string } }>('/admin/account/two-step', { schema: { body: codeBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const secret = request.body?.secret ?? '';
    try {
      await confirmTwoStep(deps, request.staff!, secret, request.body?.code ?? '', requestMeta(request));
      return showAccount(request, reply, 'Two-step sign-in is on. Next time you sign in, have your authenticator app ready.');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const reusable = /^[A-Z2-7]{32}$/.test(secret) ? secret : newTwoStepSecret(request.staff!, context.site.settings.current().name).secret;
      return showSetup(request, reply, 422, reusable, error.fields);
    }
  });

  app.post<{ Body: { code?: string } }>('/admin/account/two-step/off', { schema: { body: codeBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    try {
      await disableTwoStep(deps, request.staff!, request.body?.code ?? '', requestMeta(request));
      return showAccount(request, reply, 'Two-step sign-in is off.');
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof RateLimitedError)) throw error;
      if (error instanceof RateLimitedError && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      return showAccount(request, reply, undefined, error.message, error.status);
    }
  });

  app.post('/admin/account/sign-out-others', { preHandler: app.csrfProtection }, async (request, reply) => {
    await signOutEverywhereElse(deps, request.staff!, request.staffSessionId!, requestMeta(request));
    return showAccount(request, reply, 'You are now signed out everywhere except this browser.');
  });
};
