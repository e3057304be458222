import type {} from '@fastify/csrf-protection';
import type {} from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type AccountDeps, can, type RequestMeta, type User } from '../accounts/index.ts';
import { ForbiddenError, phrase, UnauthorizedError } from '../errors.ts';
import type { ContentChanges } from '../platform/content-changes.ts';
import type { MediaEvents, MediaFiles } from '../media/index.ts';
import type { ArticleEvents } from '../articles/index.ts';
import type { Mailer } from '../platform/mailer.ts';
import type { PageCache } from '../platform/page-cache.ts';
import type { Database } from '../db/database.ts';
import type { SiteContext } from '../settings/index.ts';
import type { CommentDeps, CommentSections } from '../comments/index.ts';
import { type NewsroomKey, newsroomTranslator, type Translator } from '../i18n/index.ts';
import type { AdminChrome } from './admin-document.tsx';

const messages = {
  signIn: phrase('refusal.accounts.signInFirst'),
  noNewsroom: phrase('refusal.accounts.noNewsroom'),
};

/** What the newsroom's routes are given. */
export interface AdminContext {
  readonly db: Kysely<Database>;
  readonly site: SiteContext;
  readonly stylesheetUrl: string;
  /** Cookies get the Secure flag when the site is served over HTTPS. */
  readonly secureCookies: boolean;
  readonly mailer: Mailer;
  /** Where saves announce what changed, so cached reader pages are dropped. */
  readonly changes: ContentChanges;
  /** The reader pages' cache, which previews render beside (never into). */
  readonly pages: PageCache;
  /** Uploaded originals and their variants, for the media library. */
  readonly mediaFiles: MediaFiles;
  /** The media library's drop zone script (public/admin-media.js), fingerprinted. */
  readonly mediaScriptUrl: string;
  /** The import page's live progress (public/admin-import.js), fingerprinted. */
  readonly importScriptUrl: string;
  /** The rich editor's bundle (src/admin/editor-client/), built at boot, fingerprinted. */
  readonly editorScriptUrl: string;
  /** The comment capability, for the moderation queue. */
  readonly comments: CommentDeps;
  /** So a preview shows the comment section exactly as the published page will. */
  readonly commentSections: CommentSections;
  /** Where exports uploaded for import wait under a random name (GAZETTE_DATA_DIR/imports). */
  readonly importsDir: string;
  /**
   * GAZETTE_WEBHOOKS_ALLOW_PRIVATE: webhook endpoints on loopback and private networks may be registered.
   * Absent is off, the safe default.
   */
  readonly allowPrivateWebhooks?: boolean;
  /** Where article changes readers see are told, in their transactions (webhooks). */
  readonly articleEvents: ArticleEvents;
  /** Where new images are told, in their transactions (webhooks). */
  readonly mediaEvents: MediaEvents;
}

export function accountDeps(context: AdminContext): AccountDeps {
  return { db: context.db, clock: context.site.clock };
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

/**
 * The newsroom's words: in the site's language where the newsroom is written in it (English and
 * Korean so far), else English, with dates in the site's time zone.
 */
export function newsroomWords(context: AdminContext): Translator<NewsroomKey> {
  const settings = context.site.settings.current();
  return newsroomTranslator(settings.language, settings.timeZone);
}

export function adminChrome(context: AdminContext, request: FastifyRequest, reply: FastifyReply): AdminChrome {
  const settings = context.site.settings.current();
  return {
    siteName: settings.name,
    language: settings.language,
    words: newsroomWords(context),
    stylesheetUrl: context.stylesheetUrl,
    iconUrl: context.site.assets.iconUrl,
    ...(request.staff
      ? {
          staff: {
            name: request.staff.name,
            role: request.staff.role,
            managesTeam: can(request.staff, 'manage-users'),
            managesCatalog: can(request.staff, 'manage-sections-and-tags'),
            moderatesComments: can(request.staff, 'moderate-comments'),
            importsArchives: can(request.staff, 'manage-settings'),
            managesWebhooks: can(request.staff, 'manage-webhooks'),
            pendingComments: request.pendingComments,
          },
        }
      : {}),
    csrfToken: reply.generateCsrf(),
    currentPath: request.url.split('?')[0] ?? '/admin',
  };
}

/** Where to go after signing in: only a newsroom path, so the link cannot send anyone off-site. */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/[a-z0-9/_-]*)?(\?[^\s]*)?$/i.test(next) && !next.startsWith('//') ? next : '/admin';
}

/** Sends a newsroom page: `render` gets the chrome every page shares (site, signed-in staff, badges), then `args`. */
export function sendAdminPage<Args extends unknown[]>(
  context: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  render: (chrome: AdminChrome, ...args: Args) => string,
  ...args: NoInfer<Args>
): FastifyReply {
  return sendHtml(reply, status, render(adminChrome(context, request, reply), ...args));
}

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/**
 * The newsroom's gate, as a preHandler: strangers are sent to sign in and come back here afterwards;
 * signed-in staff need the right role.
 */
export async function staffOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.staff) {
    if (request.method === 'GET') return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
    throw new UnauthorizedError(messages.signIn);
  }
  if (!can(request.staff, 'view-admin')) throw new ForbiddenError(messages.noNewsroom);
}

/**
 * Who is signed in, for a route behind `staffOnly`. Throws rather than trusting the gate ran, so a
 * route registered without it fails closed (401) instead of acting for nobody.
 */
export function requireStaff(request: FastifyRequest): User {
  if (!request.staff) throw new UnauthorizedError(messages.signIn);
  return request.staff;
}

/** The signed-in member's session, e.g. to keep it while ending the others. */
export function requireSessionId(request: FastifyRequest): string {
  if (!request.staffSessionId) throw new UnauthorizedError(messages.signIn);
  return request.staffSessionId;
}
