import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { can } from '../../accounts/index.ts';
import { type CommentDeps, findModeratedComment, listModeratedComments, type ModerationAction, moderateComments, replyAsStaff } from '../../comments/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Database } from '../../db/database.ts';
import { translator } from '../../i18n/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import type { SiteContext } from '../../settings/index.ts';
import { AdminCommentJson, adminCommentJson, CommentListJson, CommentListQuery, commentFieldNames, ReplyBody } from './admin-comment-json.ts';
import { auditApiChange } from '../api-audit.ts';
import { callerOf } from '../api-callers.ts';
import { cursors } from '../cursors.ts';
import { problemErrorHandler, problemResponses } from '../problem-details.ts';

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;

const tags = ['Admin: Comments'];
const security = [{ token: [] }];
const comment200 = { 200: AdminCommentJson };

/** What the comment routes are given (the API's deps have more). */
export interface AdminCommentDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly site: SiteContext;
  readonly comments: CommentDeps;
}

/** A reply's checks speak the API's language: its refusals are English, as every problem's detail is. */
const replyWords = translator('en');

/** Where the previous page of the queue ended, from its cursor (a 400 problem for one not made here). */
function afterPosition(cursor: string): { createdAt: Date; id: number } {
  const { at, id } = cursors.adminComments.decode(cursor);
  return { createdAt: at, id };
}

/**
 * The moderation queue through the Admin API: the same service as the newsroom's queue, so approving
 * teaches the spam filter, trusts the commenter and drops the article's cached pages, as there.
 * Moderators only (editors and up), as in the newsroom.
 */
export const adminCommentRoutes: FastifyPluginAsync<AdminCommentDeps> = async (app, deps) => {
  app.setErrorHandler(problemErrorHandler(commentFieldNames));
  app.addHook('preHandler', async (request) => {
    if (!can(callerOf(request).user, 'moderate-comments')) throw new ForbiddenError('Your role may not moderate comments.');
  });

  const send = (reply: FastifyReply, comment: Parameters<typeof adminCommentJson>[0], status = 200) =>
    reply.code(status).header('cache-control', 'no-store').send(adminCommentJson(comment, deps.site.publicUrl));
  const moderator = (request: FastifyRequest) => ({ id: callerOf(request).user.id, name: callerOf(request).user.name });
  const commentOrThrow = async (id: number) => {
    const comment = await findModeratedComment(deps.db, id);
    if (!comment) throw new NotFoundError(`No comment has the id ${id}.`);
    return comment;
  };

  app.get<{ Querystring: CommentListQuery }>(
    '/comments',
    {
      schema: {
        tags,
        security,
        summary: 'List comments by state',
        description:
          'Newest first, as the moderation queue shows them, with what it shows a moderator (the email and IP address too). ' +
          'Pages follow `next`, which stays right while comments are moderated meanwhile: none is repeated or skipped.',
        querystring: CommentListQuery,
        response: { 200: CommentListJson, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { state = 'pending', article, limit = 25, cursor } = request.query;
      const found = await listModeratedComments(deps.db, {
        status: state,
        ...(article === undefined ? {} : { articleId: article }),
        ...(cursor === undefined ? {} : { after: afterPosition(cursor) }),
        offset: 0,
        limit: limit + 1,
      });
      const shown = found.slice(0, limit);
      const last = shown.at(-1);
      const next = found.length > limit && last ? cursors.adminComments.encode({ at: last.createdAt, id: last.id }) : null;
      return reply.header('cache-control', 'no-store').send({ comments: shown.map((comment) => adminCommentJson(comment, deps.site.publicUrl)), next });
    },
  );

  app.get<{ Params: IdParams }>(
    '/comments/:id',
    {
      schema: { tags, security, summary: 'Get a comment', params: IdParams, response: { ...comment200, ...problemResponses(401, 403, 404, 422) } },
    },
    async (request, reply) => send(reply, await commentOrThrow(request.params.id)),
  );

  const actions: readonly { action: ModerationAction; summary: string; description: string }[] = [
    {
      action: 'approve',
      summary: 'Approve',
      description:
        "Publishes the comment on its article (the article's cached pages are dropped), teaches the spam filter it is not spam, and trusts its commenter.",
    },
    { action: 'spam', summary: 'Mark as spam', description: 'Takes the comment off the site, if it was on it, and teaches the spam filter from it.' },
    { action: 'trash', summary: 'Move to the trash', description: 'Takes the comment off the site, if it was on it.' },
  ];
  for (const { action, summary, description } of actions) {
    app.post<{ Params: IdParams }>(
      `/comments/:id/${action}`,
      { schema: { tags, security, summary, description, params: IdParams, response: { ...comment200, ...problemResponses(401, 403, 404, 422) } } },
      async (request, reply) => {
        const before = await commentOrThrow(request.params.id);
        await moderateComments(deps.comments, moderator(request), [before.id], action);
        // The newsroom's queue records the same action under the same name.
        await auditApiChange(deps, request, `comments.${action}`, String(before.id));
        return send(reply, await commentOrThrow(before.id));
      },
    );
  }

  app.post<{ Params: IdParams; Body: ReplyBody }>(
    '/comments/:id/replies',
    {
      schema: {
        tags,
        security,
        summary: 'Reply as the newsroom',
        description:
          'Publishes a reply under the comment at once, signed with your name and a staff badge, as the moderation page does. ' +
          'A comment still held is approved with it. Send `Idempotency-Key` so a retried request replies once.',
        params: IdParams,
        body: ReplyBody,
        response: { 201: AdminCommentJson, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const parent = await commentOrThrow(request.params.id);
      const { id } = await replyAsStaff(deps.comments, moderator(request), parent.id, request.body.body, replyWords);
      await auditApiChange(deps, request, 'comments.replied', `${id} in reply to ${parent.id}`);
      const location = `${request.url.split('?')[0]!.replace(/\/\d+\/replies$/, '')}/${id}`;
      return send(reply.header('location', location), await commentOrThrow(id), 201);
    },
  );
};
