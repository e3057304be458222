import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { User } from '../../accounts/index.ts';
import { type Article, autosaveArticle, canEditArticle, discardUnsavedDraft, getArticle } from '../../articles/index.ts';
import { ForbiddenError, phrase } from '../../errors.ts';
import { formatDateTime, formatTime } from '../../render/dates.ts';
import { type AdminContext, newsroomWords, requireStaff, staffOnly } from '../admin-context.ts';
import { draftFieldNames } from './article-form.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';

const IdParams = rowIdParams('articleId');
type IdParams = Static<typeof IdParams>;
const draftField = Type.Optional(Type.String({ maxLength: 500_000 }));
const AutosaveBody = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
    fields: Type.Object(Object.fromEntries(draftFieldNames.map((name) => [name, draftField])), { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const autosaveAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['savedAt', 'savedAtLabel', 'savedMeanwhile', 'otherEditors'],
  properties: {
    savedAt: { type: 'string' },
    savedAtLabel: { type: 'string' },
    savedMeanwhile: { type: ['object', 'null'], properties: { name: { type: ['string', 'null'] }, at: { type: 'string' }, atLabel: { type: 'string' } } },
    otherEditors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, atLabel: { type: 'string' } } } },
  },
} as const;

async function loadEditable(context: AdminContext, staff: User, articleId: number): Promise<Article> {
  const article = await getArticle(context.db, articleId);
  if (!canEditArticle(staff, article)) throw new ForbiddenError(phrase('editor.mayNotEdit'));
  return article;
}

/**
 * Autosave: the editor's script posts what is typed (JSON, CSRF token in `x-csrf-token`) and gets
 * back whether someone else saved meanwhile. A draft copy per person; the article is untouched.
 */
export const articleAutosaveRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = { db: context.db, clock: context.site.clock };
  app.addHook('preHandler', staffOnly);

  const autosave = async (staff: User, articleId: number, draft: Static<typeof AutosaveBody>) => {
    const article = await loadEditable(context, staff, articleId);
    const outcome = await autosaveArticle(deps, article.id, staff.id, draft);
    // The newsroom's words write its times (a Korean newsroom's on the 24-hour clock), as the editor page does.
    const style = newsroomWords(context);
    return {
      savedAt: outcome.savedAt.toISOString(),
      savedAtLabel: formatTime(outcome.savedAt, style),
      savedMeanwhile: outcome.savedMeanwhile
        ? { name: outcome.savedMeanwhile.byName, at: outcome.savedMeanwhile.at.toISOString(), atLabel: formatDateTime(outcome.savedMeanwhile.at, style) }
        : null,
      otherEditors: outcome.otherEditors.map((editor) => ({ name: editor.name, atLabel: formatTime(editor.savedAt, style) })),
    };
  };

  app.post<{ Params: IdParams; Body: Static<typeof AutosaveBody> }>(
    '/admin/articles/:articleId/autosave',
    { schema: { params: IdParams, body: AutosaveBody, response: { 200: autosaveAnswer } }, preHandler: app.csrfProtection },
    async (request) => autosave(requireStaff(request), request.params.articleId, request.body),
  );

  app.post<{ Params: IdParams }>(
    '/admin/articles/:articleId/autosave/discard',
    { schema: { params: IdParams }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadEditable(context, requireStaff(request), request.params.articleId);
      await discardUnsavedDraft(context.db, article.id, requireStaff(request).id);
      return reply.redirect(`/admin/articles/${article.id}?done=discarded`, 303);
    },
  );
};
