import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { can, staffSessions } from '../accounts/index.ts';
import { maxUploadBytes, maxUploadFiles } from '../media/index.ts';
import { type AdminContext, accountDeps } from './admin-context.ts';
import { accountRoutes } from './team/account.routes.ts';
import { articleAutosaveRoutes } from './articles/article-autosave.routes.ts';
import { articleEditorRoutes } from './articles/article-editor.routes.ts';
import { articleHistoryRoutes } from './articles/article-history.routes.ts';
import { articleListRoutes } from './articles/article-list.routes.ts';
import { articlePreviewRoutes } from './articles/article-preview.routes.ts';
import { articlePinRoutes } from './articles/article-pin.routes.ts';
import { articleTrashRoutes } from './articles/article-trash.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { commentModerationRoutes } from './comments/comments.routes.ts';
import { commentToolsRoutes } from './comments/comment-tools.routes.ts';
import { countPendingComments } from '../comments/index.ts';
import { importRoutes } from './imports/import.routes.ts';
import { mediaLibraryRoutes } from './media/media.routes.ts';
import { oneTimeLinkRoutes } from './team/one-time-link.routes.ts';
import { pageEditorRoutes } from './pages/pages.routes.ts';
import { pendingChangeRoutes } from './articles/pending-change.routes.ts';
import { photoPickerRoutes } from './media/photo-picker.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { signInRoutes } from './team/sign-in.routes.ts';
import { tagSuggestRoutes } from './articles/tag-suggest.routes.ts';
import { teamRoutes } from './team/team.routes.ts';
import { webhookRoutes } from './webhooks/webhooks.routes.ts';

export type { AdminContext } from './admin-context.ts';
export { editorCacheDir, loadEditorBundle } from './editor-bundle.ts';

/**
 * The newsroom under /admin: its own cookies, form parsing, CSRF tokens and rate limits, none of
 * which touch the reader site (whose pages stay cacheable).
 */
export const adminPlugin: FastifyPluginAsync<AdminContext> = async (app, context) => {
  await app.register(cookie);
  // Room for the longest article the editor accepts (400,000 characters, several bytes each once encoded).
  await app.register(formbody, { bodyLimit: 4 * 1024 * 1024 });
  await app.register(csrf, {
    cookieOpts: { path: '/admin', httpOnly: true, sameSite: 'strict', secure: context.secureCookies, signed: false },
    // Forms send the token as a field; the media library's script sends it as a header with each upload.
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf ?? headerToken(request.headers['x-csrf-token']),
  });
  // Uploads are read part by part in their route, one file in memory at a time; a file over the
  // size limit is cut short and refused on its own rather than failing the whole batch.
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: maxUploadFiles, fields: 20, fieldSize: 64 * 1024, parts: maxUploadFiles + 20 },
    throwFileSizeLimit: false,
  });
  await app.register(rateLimit, { global: false, ...app.rateLimitStores.options('newsroom') });
  await app.register(staffSessions, { deps: accountDeps(context) });
  // The navigation's pending-comments badge, for those who moderate.
  app.decorateRequest('pendingComments', 0);
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' && request.staff && can(request.staff, 'moderate-comments')) request.pendingComments = await countPendingComments(context.db);
  });
  // Newsroom pages show unpublished work: no browser or proxy may keep a copy.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  await app.register(signInRoutes, context);
  await app.register(oneTimeLinkRoutes, context);
  await app.register(articleListRoutes, context);
  await app.register(accountRoutes, context);
  await app.register(teamRoutes, context);
  await app.register(mediaLibraryRoutes, context);
  await app.register(articleEditorRoutes, context);
  await app.register(photoPickerRoutes, context);
  await app.register(articleAutosaveRoutes, context);
  await app.register(articleHistoryRoutes, context);
  await app.register(articlePreviewRoutes, context);
  await app.register(pendingChangeRoutes, context);
  await app.register(articleTrashRoutes, context);
  await app.register(articlePinRoutes, context);
  await app.register(tagSuggestRoutes, context);
  await app.register(settingsRoutes, context);
  await app.register(catalogRoutes, context);
  await app.register(pageEditorRoutes, context);
  await app.register(commentModerationRoutes, context);
  await app.register(commentToolsRoutes, context);
  await app.register(importRoutes, context);
  await app.register(webhookRoutes, context);
};

declare module 'fastify' {
  interface FastifyRequest {
    pendingComments: number;
  }
}

function headerToken(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
