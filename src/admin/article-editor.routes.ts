import { TZDate } from '@date-fns/tz';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can, type User } from '../accounts/index.ts';
import {
  type Article,
  articleUrl,
  createArticle,
  addCorrection,
  discardUnsavedDraft,
  getArticle,
  prepublishChecklist,
  publishArticle,
  requestReview,
  unpublishArticle,
  updateArticle,
} from '../articles/index.ts';
import { listAuthors } from '../authors/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import { listAllMedia } from '../media/index.ts';
import { listSections } from '../sections/index.ts';
import { type AdminContext, accountDeps, adminChrome, requestMeta, requireStaff, sendHtml } from './admin-context.ts';
import { type EditorPageData, renderEditorPage } from './article-editor-page.tsx';
import { articleInputFrom, draftFieldNames, editorBodySchema, type EditorValues, intentOf, parsePublishAt, valuesFrom } from './article-form.ts';
import { loadDraftState } from './editor-drafts.ts';

const idParams = { type: 'object', required: ['articleId'], properties: { articleId: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } } } as const;
const notices: Record<string, string> = { corrected: 'The note was added to the article.', saved: 'Saved.', published: 'Published.', scheduled: 'Scheduled.', unpublished: 'Unpublished: readers no longer see it.', review: 'Sent to the editors for review.', discarded: 'Your unsaved changes were discarded.', restored: 'Restored from the trash as a draft.' };

function owns(staff: User, article: Pick<Article, 'createdBy'>): boolean {
  return article.createdBy === staff.id;
}

export function canEdit(staff: User, article: Article): boolean {
  return can(staff, 'edit-any-article') || (can(staff, 'edit-own-article') && owns(staff, article));
}

export function canPublish(staff: User, article: Article | undefined): boolean {
  return can(staff, 'publish-any-article') || (can(staff, 'publish-own-article') && (!article || owns(staff, article)));
}

/** Moving to the trash and restoring from it follow the same rule: editors any article, authors their own. */
export function canTrash(staff: User, article: Pick<Article, 'createdBy'>): boolean {
  return can(staff, 'trash-any-article') || (can(staff, 'trash-own-article') && owns(staff, article));
}

function statusLabel(article: Article | undefined): string {
  if (!article) return 'New, not saved yet';
  if (article.trashedAt) return 'In the trash';
  if (article.status === 'draft') return article.reviewRequestedAt ? 'In review' : article.publishedAt ? 'Unpublished' : 'Draft';
  return article.status === 'scheduled' ? 'Scheduled' : 'Published';
}

function valuesOf(article: Article, timeZone: string): EditorValues {
  const [byline1 = '', byline2 = '', byline3 = ''] = article.authors.map((author) => String(author.id));
  const scheduledAt = article.status === 'scheduled' && article.publishedAt ? new TZDate(article.publishedAt.getTime(), timeZone) : undefined;
  return {
    headline: article.headline, standfirst: article.standfirst, slug: article.slug, sectionId: article.section ? String(article.section.id) : '',
    byline1, byline2, byline3, tags: article.tags.map((tag) => tag.name).join(', '), dateline: article.dateline,
    featuredMediaId: article.image ? String(article.image.id) : '', socialImageId: article.socialImage ? String(article.socialImage.id) : '', bodyHtml: article.bodyHtml, seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '', loadedVersion: String(article.version), kind: article.kind,
    publishAt: scheduledAt ? `${scheduledAt.getFullYear()}-${String(scheduledAt.getMonth() + 1).padStart(2, '0')}-${String(scheduledAt.getDate()).padStart(2, '0')}T${String(scheduledAt.getHours()).padStart(2, '0')}:${String(scheduledAt.getMinutes()).padStart(2, '0')}` : '',
  };
}

/** The article editor: works as plain forms, so nothing depends on the browser running scripts. */
export const articleEditorRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  const articleDeps = { db, clock: site.clock, changes: context.changes };
  app.addHook('preHandler', requireStaff);

  const choices = async () => {
    const [sections, authors, images] = await Promise.all([listSections(db), listAuthors(db), listAllMedia(db)]);
    return {
      sections: sections.map((s) => ({ value: String(s.id), label: s.name })),
      authors: authors.map((a) => ({ value: String(a.id), label: a.name })),
      images: images.map((m) => ({ value: String(m.id), label: m.caption ? `${m.originalName}: ${m.caption.slice(0, 60)}` : m.originalName })),
      ids: { sectionIds: new Set(sections.map((s) => s.id)), authorIds: new Set(authors.map((a) => a.id)), imageIds: new Set(images.map((m) => m.id)) },
    };
  };

  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, article: Article | undefined, form: Partial<EditorPageData> & { values: EditorValues }) => {
    const { sections, authors, images } = await choices();
    const settings = site.settings.current();
    return sendHtml(reply, status, renderEditorPage(adminChrome(context, request, reply), {
      ...(article ? { articleId: article.id } : {}),
      ...(article?.status === 'published' ? { publicUrl: articleUrl(article) } : {}),
      statusLabel: statusLabel(article),
      corrections: article?.corrections ?? [],
      canCorrect: article?.status === 'published' && canPublish(request.staff!, article),
      checklist: article ? prepublishChecklist(article) : [],
      errors: {},
      ...form,
      sections, authors, images,
      canPublish: canPublish(request.staff!, article),
      mayCreateTags: can(request.staff!, 'manage-sections-and-tags'),
      ...(article && can(request.staff!, 'moderate-comments') ? { comments: { open: article.commentsOpen, count: article.commentCount } } : {}),
      ...(article ? { trash: { trashed: article.trashedAt !== null, canTrash: canTrash(request.staff!, article), canDelete: can(request.staff!, 'delete-trashed-article') } } : {}),
      isLive: article?.status === 'published' || article?.status === 'scheduled',
      timeZone: settings.timeZone,
      // A trashed article is not edited until it is restored, so nothing is autosaved either.
      ...(article?.trashedAt ? {} : { richEditor: {
        scriptUrl: context.editorScriptUrl,
        libraryUrl: '/admin/media.json',
        draftKey: `${request.staff!.id}:${article ? `article-${article.id}` : 'new'}`,
        fieldNames: draftFieldNames,
        ...(article ? { autosaveUrl: `/admin/articles/${article.id}/autosave` } : {}),
        tagSuggestUrl: '/admin/tags/suggest',
      } }),
    }));
  };

  /** Saves, then does what the pressed button asked; any refusal re-shows the form as typed. */
  const save = async (request: FastifyRequest, reply: FastifyReply, article: Article | undefined) => {
    const staff = request.staff!;
    const values = valuesFrom(request.body as Record<string, unknown>);
    const intent = intentOf(values);
    let saved: Article | undefined;
    try {
      if ((intent === 'publish' || intent === 'schedule' || intent === 'unpublish') && !canPublish(staff, article)) {
        throw new ForbiddenError('Your role cannot publish this article. Submit it for review instead.');
      }
      const timeZone = site.settings.current().timeZone;
      const scheduleAt = intent === 'schedule' ? parsePublishAt(values.publishAt ?? '', timeZone, site.clock.now()) : {};
      if (scheduleAt.error) throw new ValidationError(scheduleAt.error, { publishAt: scheduleAt.error });
      const input = await articleInputFrom(db, values, { ...(await choices()).ids, mayCreateTags: can(staff, 'manage-sections-and-tags') });
      const loaded = Number(values.loadedVersion);
      saved = article
        ? await updateArticle(articleDeps, article.id, input, { actorId: staff.id, ...(Number.isInteger(loaded) && loaded > 0 ? { expectedVersion: loaded } : {}) })
        : await createArticle(articleDeps, input, { actorId: staff.id });
      // What was autosaved is now saved for real.
      await discardUnsavedDraft(db, saved.id, staff.id);
      let outcome = 'saved';
      if (intent === 'publish' || intent === 'schedule') {
        const result = await publishArticle(articleDeps, saved.id, scheduleAt.at);
        outcome = result.status;
        await audit(accountDeps(context), staff, `article.${result.status}`, `${saved.id}: ${saved.headline}`, requestMeta(request));
      } else if (intent === 'unpublish') {
        await unpublishArticle(articleDeps, saved.id);
        outcome = 'unpublished';
        await audit(accountDeps(context), staff, 'article.unpublished', `${saved.id}: ${saved.headline}`, requestMeta(request));
      } else if (intent === 'review') {
        await requestReview(articleDeps, saved.id);
        outcome = 'review';
      }
      return reply.redirect(`/admin/articles/${saved.id}?done=${outcome}`, 303);
    } catch (error) {
      // Saved but not published (e.g. the checklist refused it): the form now stands for the saved version.
      const current = saved ?? article;
      if (saved) values.loadedVersion = String(saved.version);
      if (error instanceof ValidationError) return show(request, reply, 422, current, { values, errors: error.fields, message: error.message });
      if (error instanceof ConflictError || error instanceof ForbiddenError) return show(request, reply, error.status, current, { values, message: error.message });
      throw error;
    }
  };

  app.get('/admin/articles/new', (request, reply) => show(request, reply, 200, undefined, { values: {} }));
  app.post('/admin/articles/new', { schema: { body: editorBodySchema }, preHandler: app.csrfProtection }, (request, reply) => save(request, reply, undefined));

  const loadEditable = async (request: FastifyRequest<{ Params: { articleId: number } }>) => {
    const article = await getArticle(db, request.params.articleId);
    if (!canEdit(request.staff!, article)) throw new ForbiddenError('You can edit only your own articles.');
    return article;
  };

  const editQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 }, restore: { type: 'string', enum: ['autosave'] } } } as const;
  app.get<{ Params: { articleId: number }; Querystring: { done?: string; restore?: 'autosave' } }>('/admin/articles/:articleId', { schema: { params: idParams, querystring: editQuery } }, async (request, reply) => {
    const article = await loadEditable(request);
    const notice = notices[request.query.done ?? ''];
    const { values, drafts } = await loadDraftState(context, request.staff!, article, valuesOf(article, site.settings.current().timeZone), request.query.restore === 'autosave');
    return show(request, reply, 200, article, { values, drafts, ...(notice ? { notice } : {}) });
  });

  app.post<{ Params: { articleId: number } }>(
    '/admin/articles/:articleId',
    { schema: { params: idParams, body: editorBodySchema }, preHandler: app.csrfProtection },
    async (request, reply) => save(request, reply, await loadEditable(request)),
  );

  const correctionBody = { type: 'object', properties: { correctionKind: { type: 'string', maxLength: 50 }, correctionText: { type: 'string', maxLength: 100_000 }, _csrf: { type: 'string', maxLength: 200 } } } as const;

  app.post<{ Params: { articleId: number }; Body: { correctionKind?: string; correctionText?: string } }>(
    '/admin/articles/:articleId/corrections',
    { schema: { params: idParams, body: correctionBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadEditable(request);
      if (!canPublish(request.staff!, article)) throw new ForbiddenError('Your role cannot correct published articles; ask an editor.');
      const { correctionKind = '', correctionText = '' } = request.body ?? {};
      try {
        await addCorrection(articleDeps, article.id, { kind: correctionKind, text: correctionText }, request.staff!.id);
        await audit(accountDeps(context), request.staff!, `article.${correctionKind}`, `${article.id}: ${article.headline}`, requestMeta(request));
        return reply.redirect(`/admin/articles/${article.id}?done=corrected`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const values = { ...valuesOf(article, site.settings.current().timeZone), correctionKind, correctionText };
        return show(request, reply, 422, article, { values, errors: error.fields, message: error.message });
      }
    },
  );
};
