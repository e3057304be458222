import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../accounts/index.ts';
import {
  type Article,
  canEditArticle,
  canPublishArticle,
  canTrashArticle,
  createArticle,
  getArticle,
  publishArticle,
  restoreArticle,
  saveArticleEdit,
  trashArticle,
  unpublishArticle,
} from '../../articles/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import { problemErrorHandler, problemResponses } from '../problem-details.ts';
import {
  AdminArticleJson,
  adminArticleJson,
  ArticleCreateBody,
  articleEtag,
  articleFieldNames,
  ArticleUpdateBody,
  HeldEditJson,
  ScheduleBody,
} from './admin-article-json.ts';
import { articleInputFrom } from './article-input.ts';
import { auditApiChange } from '../api-audit.ts';
import { callerOf } from '../api-callers.ts';
import type { ApiDeps } from '../api-deps.ts';
import { checkIfMatch, PreconditionFailedError } from '../preconditions.ts';

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;

const tags = ['Admin: Articles'];
const security = [{ token: [] }];
const article200 = { 200: Type.Ref(AdminArticleJson) };

/**
 * Articles through the Admin API: the newsroom editor's services with the same role rules, checks,
 * pending-change review and audit log, answered as JSON. Every answer names the version in its ETag.
 */
export const adminArticleRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  const articleDeps = { db: deps.db, clock: deps.clock, changes: deps.changes, events: deps.events.articles };
  const jsonContext = () => ({ publicUrl: deps.site.publicUrl, siteLanguage: deps.site.settings.current().language });
  app.setErrorHandler(problemErrorHandler(articleFieldNames));

  const send = (reply: FastifyReply, article: Article, status = 200) =>
    reply.code(status).header('etag', articleEtag(article)).header('cache-control', 'no-store').send(adminArticleJson(article, jsonContext()));

  const subjectOf = (article: Pick<Article, 'id' | 'headline'>) => `${article.id}: ${article.headline}`;

  const editable = async (request: FastifyRequest<{ Params: IdParams }>) => {
    const article = await getArticle(deps.db, request.params.id);
    if (!canEditArticle(callerOf(request).user, article)) throw new ForbiddenError('Your role may not edit this article (it is not yours).');
    return article;
  };

  const publishable = async (request: FastifyRequest<{ Params: IdParams }>) => {
    const article = await editable(request);
    if (!canPublishArticle(callerOf(request).user, article)) throw new ForbiddenError('Your role may not publish or unpublish this article.');
    return article;
  };

  app.post<{ Body: ArticleCreateBody }>(
    '/articles',
    {
      schema: {
        tags,
        security,
        summary: 'Create a draft',
        description: 'Creates a draft article. Send `Idempotency-Key` so a retried request creates it once.',
        body: ArticleCreateBody,
        response: { 201: Type.Ref(AdminArticleJson), ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      if (!can(user, 'edit-own-article')) throw new ForbiddenError('Your role may not write articles.');
      const input = await articleInputFrom(deps.db, user, request.body);
      const article = await createArticle(articleDeps, input, { actorId: user.id });
      await auditApiChange(deps, request, 'article.created', subjectOf(article));
      return send(reply.header('location', `${request.url.split('?')[0]}/${article.id}`), article, 201);
    },
  );

  app.get<{ Params: IdParams }>(
    '/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Get an article in any state',
        params: IdParams,
        response: { ...article200, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => send(reply, await editable(request)),
  );

  app.patch<{ Params: IdParams; Body: ArticleUpdateBody }>(
    '/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Update an article',
        description:
          'Changes the fields sent, keeping the others. Needs `If-Match` with the ETag last read: 412 if it was saved meanwhile (nothing is lost: fetch it and apply the change again). ' +
          'An edit to a live article by someone who may not publish it is kept for an editor to review (202).',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 200 })) }),
        body: ArticleUpdateBody,
        response: { ...article200, 202: Type.Ref(HeldEditJson), ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const before = await editable(request);
      checkIfMatch(request.headers['if-match'], articleEtag(before));
      const input = await articleInputFrom(deps.db, user, request.body, before);
      const outcome = await saveArticleEdit(articleDeps, before.id, input, { editor: user, expectedVersion: before.version }).catch(async (error: unknown) => {
        // Saved by someone else between our read and our write: the same answer as a stale If-Match.
        if (error instanceof ConflictError && (await getArticle(deps.db, before.id)).version !== before.version) {
          throw new PreconditionFailedError('The article was saved meanwhile. Fetch it again and re-apply your change.');
        }
        throw error;
      });
      if (outcome.kind === 'held') {
        await auditApiChange(deps, request, 'article.change-proposed', `${subjectOf(before)} (change ${outcome.change.id})`);
        const held = {
          held: true,
          message: 'The article is live and your role may not publish it: your edit waits for an editor.',
          changeId: outcome.change.id,
        };
        return reply
          .code(202)
          .header('etag', articleEtag(outcome.article))
          .send({ ...held, article: adminArticleJson(outcome.article, jsonContext()) });
      }
      await auditApiChange(deps, request, outcome.wasLive ? 'article.updated-live' : 'article.updated', subjectOf(outcome.article));
      return send(reply, outcome.article);
    },
  );

  const action = (path: string, summary: string, description: string) => ({
    schema: { tags, security, summary, description, params: IdParams, response: { ...article200, ...problemResponses(401, 403, 404, 409, 422) } },
    path: `/articles/:id/${path}`,
  });

  const publish = action('publish', 'Publish now', 'Publishes the article now, whatever its state: a draft, or a scheduled one brought forward.');
  app.post<{ Params: IdParams }>(publish.path, { schema: publish.schema }, async (request, reply) => {
    const before = await publishable(request);
    const article = await publishArticle(articleDeps, before.id);
    await auditApiChange(deps, request, 'article.published', subjectOf(article));
    return send(reply, article);
  });

  app.post<{ Params: IdParams; Body: ScheduleBody }>(
    '/articles/:id/schedule',
    {
      schema: {
        tags,
        security,
        summary: 'Schedule',
        description: 'Schedules the article to go live by itself at `at`.',
        params: IdParams,
        body: ScheduleBody,
        response: { ...article200, ...problemResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const before = await publishable(request);
      const at = new Date(request.body.at);
      if (Number.isNaN(at.getTime()) || !/(Z|[+-]\d\d:?\d\d)$/i.test(request.body.at)) {
        throw new ValidationError('The time is not valid.', { at: 'Give an ISO 8601 time with its zone, e.g. 2026-12-24T06:00:00Z.' });
      }
      if (at <= deps.clock.now()) throw new ValidationError('The time has passed.', { at: 'Choose a time in the future, or publish it now.' });
      const article = await publishArticle(articleDeps, before.id, at);
      await auditApiChange(deps, request, 'article.scheduled', `${subjectOf(article)} for ${at.toISOString()}`);
      return send(reply, article);
    },
  );

  const unpublish = action('unpublish', 'Unpublish', 'Takes a published article off the site, or unschedules a scheduled one; it becomes a draft.');
  app.post<{ Params: IdParams }>(unpublish.path, { schema: unpublish.schema }, async (request, reply) => {
    const before = await publishable(request);
    const article = await unpublishArticle(articleDeps, before.id);
    await auditApiChange(deps, request, before.status === 'scheduled' ? 'article.unscheduled' : 'article.unpublished', subjectOf(article));
    return send(reply, article);
  });

  const trash = action('trash', 'Move to the trash', 'Takes the article off the site and into the trash, whatever its state.');
  app.post<{ Params: IdParams }>(trash.path, { schema: trash.schema }, async (request, reply) => {
    const before = await editable(request);
    if (!canTrashArticle(callerOf(request).user, before)) throw new ForbiddenError('Your role may not move this article to the trash.');
    const article = await trashArticle(articleDeps, before.id);
    await auditApiChange(deps, request, 'article.trashed', subjectOf(article));
    return send(reply, article);
  });

  const restore = action('restore', 'Restore from the trash', 'Brings a trashed article back as a draft.');
  app.post<{ Params: IdParams }>(restore.path, { schema: restore.schema }, async (request, reply) => {
    const before = await editable(request);
    if (!canTrashArticle(callerOf(request).user, before)) throw new ForbiddenError('Your role may not restore this article.');
    if (!before.trashedAt) throw new ConflictError('The article is not in the trash.');
    const article = await restoreArticle(articleDeps, before.id);
    await auditApiChange(deps, request, 'article.restored', subjectOf(article));
    return send(reply, article);
  });
};
