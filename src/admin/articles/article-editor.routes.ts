import { type Static, Type } from '@sinclair/typebox';
import { TZDate } from '@date-fns/tz';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../accounts/index.ts';
import {
  type Article,
  canEditArticle,
  canPublishArticle,
  canTrashArticle,
  createArticle,
  addCorrection,
  discardUnsavedDraft,
  findPendingChange,
  getArticle,
  holdsEditForReview,
  isLive,
  loadSnapshotNames,
  type PendingChange,
  prepublishChecklist,
  publishArticle,
  requestReview,
  type RevisionSnapshot,
  saveArticleEdit,
  type Staff,
  snapshotOfArticle,
  unpublishArticle,
} from '../../articles/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import { listAuthors } from '../../authors/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.ts';
import { listAllMedia } from '../../media/index.ts';
import { listSections } from '../../sections/index.ts';
import { type DateStyle, formatDateTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import { type AdminContext, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { auditArticle, auditEdit } from './article-audit.ts';
import { type EditorPageData, renderEditorPage } from './article-editor-page.tsx';
import { articleInputFrom, draftFieldNames, editorBodySchema, type EditorValues, intentOf, parsePublishAt, valuesFrom } from './article-form.ts';
import { loadDraftState } from './editor-drafts.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';

const IdParams = rowIdParams('articleId');
type IdParams = Static<typeof IdParams>;
const notices: Record<string, string> = {
  corrected: 'The note was added to the article.',
  saved: 'Saved.',
  published: 'Published.',
  scheduled: 'Scheduled.',
  'due-now': 'The time you chose is this minute, so Gazette published it now.',
  unpublished: 'Unpublished: readers no longer see it.',
  unscheduled: 'Unscheduled: it is a draft again and will not go live until it is published or scheduled.',
  review: 'Sent to the editors for review.',
  discarded: 'Your unsaved changes were discarded.',
  restored: 'Restored from the trash as a draft.',
  proposed: 'Sent to the editors: your changes will reach readers once an editor accepts them.',
  accepted: 'The change was accepted and published.',
  rejected: 'The change was rejected; the article is as it was.',
  withdrawn: 'Your change was withdrawn; the form shows the published version.',
  pinned: 'Pinned: it leads the home page while it is published.',
  unpinned: 'Unpinned: the newest article leads the home page again.',
};
const messages = {
  mayNotEdit: 'You can edit only your own articles.',
  mayNotPublish: 'Your role cannot publish this article. Submit it for review instead.',
  mayNotCorrect: 'Your role cannot correct published articles; ask an editor.',
  formerMember: 'a former member',
  scheduledFor: (when: string, timeZone: string) => `Scheduled for ${when} (${timeZone}). It goes live by itself then.`,
};

/** The editor's status line: the state, and for a live article when it went or goes live. */
function statusOf(article: Article | undefined, style: DateStyle): Pick<EditorPageData, 'statusLabel' | 'statusTime'> {
  if (!article) return { statusLabel: 'New, not saved yet' };
  if (article.trashedAt) return { statusLabel: 'In the trash' };
  if (article.status === 'draft') return { statusLabel: article.reviewRequestedAt ? 'In review' : article.publishedAt ? 'Unpublished' : 'Draft' };
  const time = article.publishedAt ? { iso: article.publishedAt.toISOString(), label: formatDateTime(article.publishedAt, style) } : undefined;
  if (article.status === 'scheduled') return { statusLabel: 'Scheduled', ...(time ? { statusTime: { ...time, preposition: 'for' } } : {}) };
  return { statusLabel: 'Published', ...(time ? { statusTime: time } : {}) };
}

/** A ValidationError's message, unless the error summary already says the same (one field's message as the whole). */
function problemBeyondFields(error: ValidationError): string | undefined {
  return Object.values(error.fields).includes(error.message) ? undefined : error.message;
}

/** The form for `version` of the article (the article itself, or a change proposed to it), against the stored article. */
function valuesOf(
  article: Article,
  timeZone: string,
  version: RevisionSnapshot = snapshotOfArticle(article),
  tagNames: ReadonlyMap<number, string> = new Map(article.tags.map((tag) => [tag.id, tag.name])),
): EditorValues {
  const [byline1 = '', byline2 = '', byline3 = ''] = version.authorIds.map(String);
  const scheduledAt = article.status === 'scheduled' && article.publishedAt ? new TZDate(article.publishedAt.getTime(), timeZone) : undefined;
  const idValue = (id: number | null | undefined) => (id == null ? '' : String(id));
  return {
    headline: version.headline,
    standfirst: version.standfirst,
    slug: version.slug,
    sectionId: idValue(version.sectionId),
    byline1,
    byline2,
    byline3,
    tags: version.tagIds.flatMap((id) => tagNames.get(id) ?? []).join(', '),
    dateline: version.dateline,
    featuredMediaId: idValue(version.featuredMediaId),
    socialImageId: idValue(version.socialImageId),
    bodyHtml: version.bodyHtml,
    seoTitle: version.seoTitle ?? '',
    seoDescription: version.seoDescription ?? '',
    loadedVersion: String(article.version),
    kind: version.kind ?? 'news',
    language: version.language ?? '',
    publishAt: scheduledAt
      ? `${scheduledAt.getFullYear()}-${String(scheduledAt.getMonth() + 1).padStart(2, '0')}-${String(scheduledAt.getDate()).padStart(2, '0')}T${String(scheduledAt.getHours()).padStart(2, '0')}:${String(scheduledAt.getMinutes()).padStart(2, '0')}`
      : '',
  };
}

/** The article editor: works as plain forms, so nothing depends on the browser running scripts. */
export const articleEditorRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  const articleDeps = { db, clock: site.clock, changes: context.changes };
  app.addHook('preHandler', staffOnly);

  const choices = async () => {
    const [sections, authors, images] = await Promise.all([listSections(db), listAuthors(db), listAllMedia(db)]);
    return {
      sections: sections.map((s) => ({ value: String(s.id), label: s.name })),
      authors: authors.map((a) => ({ value: String(a.id), label: a.name })),
      images: images.map((m) => ({ value: String(m.id), label: m.caption ? `${m.originalName}: ${m.caption.slice(0, 60)}` : m.originalName })),
      ids: { sectionIds: new Set(sections.map((s) => s.id)), authorIds: new Set(authors.map((a) => a.id)), imageIds: new Set(images.map((m) => m.id)) },
    };
  };

  /** What the editor says about a change waiting for review: to its writer, and to those who decide on it. */
  const pendingNotice = (staff: Staff, article: Article, waiting: PendingChange | undefined): EditorPageData['pendingChange'] => {
    const mine = waiting?.proposedBy === staff.id;
    const canDecide = canPublishArticle(staff, article);
    if (!waiting || (!mine && !canDecide)) return undefined;
    const reviewUrl = `/admin/articles/${article.id}/changes/${waiting.id}`;
    return {
      mine,
      canDecide,
      byName: waiting.proposedByName ?? messages.formerMember,
      atLabel: formatDateTime(waiting.proposedAt, dateStyleOf(site.settings.current())),
      reviewUrl,
      ...(mine ? { withdrawAction: `${reviewUrl}/withdraw` } : {}),
    };
  };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    article: Article | undefined,
    form: Partial<EditorPageData> & { values: EditorValues },
  ) => {
    const staff = requireStaff(request);
    const [{ sections, authors, images }, waiting] = await Promise.all([choices(), article ? findPendingChange(db, article.id) : undefined]);
    const settings = site.settings.current();
    const pendingChange = article ? pendingNotice(staff, article, waiting) : undefined;
    return sendAdminPage(context, request, reply, status, renderEditorPage, {
      ...(article ? { articleId: article.id } : {}),
      ...(article?.status === 'published' ? { publicUrl: articleUrl(article) } : {}),
      ...statusOf(article, dateStyleOf(settings)),
      corrections: article?.corrections ?? [],
      canCorrect: article?.status === 'published' && canPublishArticle(staff, article),
      checklist: article ? prepublishChecklist(article) : [],
      errors: {},
      ...form,
      sections,
      authors,
      images,
      canPublish: canPublishArticle(staff, article),
      mayCreateTags: can(staff, 'manage-sections-and-tags'),
      ...(article && can(staff, 'moderate-comments') ? { comments: { open: article.commentsOpen, count: article.commentCount } } : {}),
      ...(article
        ? { trash: { trashed: article.trashedAt !== null, canTrash: canTrashArticle(staff, article), canDelete: can(staff, 'delete-trashed-article') } }
        : {}),
      ...(article && !article.trashedAt && can(staff, 'publish-any-article') ? { pin: { pinned: article.pinnedAt !== null } } : {}),
      isLive: article ? isLive(article) : false,
      isScheduled: article?.status === 'scheduled',
      editsAreHeld: article ? holdsEditForReview(staff, article) : false,
      ...(pendingChange ? { pendingChange } : {}),
      timeZone: settings.timeZone,
      // A trashed article is not edited until it is restored, so nothing is autosaved either.
      ...(article?.trashedAt
        ? {}
        : {
            richEditor: {
              scriptUrl: context.editorScriptUrl,
              libraryUrl: '/admin/media.json',
              draftKey: `${requireStaff(request).id}:${article ? `article-${article.id}` : 'new'}`,
              fieldNames: draftFieldNames,
              ...(article ? { autosaveUrl: `/admin/articles/${article.id}/autosave` } : {}),
              tagSuggestUrl: '/admin/tags/suggest',
            },
          }),
    });
  };

  /** Saves, then does what the pressed button asked; any refusal re-shows the form as typed. */
  const save = async (request: FastifyRequest, reply: FastifyReply, article: Article | undefined) => {
    const staff = requireStaff(request);
    const values = valuesFrom(request.body as Record<string, unknown>);
    const intent = intentOf(values);
    let saved: Article | undefined;
    try {
      if ((intent === 'publish' || intent === 'schedule' || intent === 'unpublish') && !canPublishArticle(staff, article)) {
        throw new ForbiddenError(messages.mayNotPublish);
      }
      const dateStyle = dateStyleOf(site.settings.current());
      const scheduleAt = intent === 'schedule' ? parsePublishAt(values.publishAt ?? '', dateStyle, site.clock.now()) : {};
      if (scheduleAt.error) throw new ValidationError(scheduleAt.error, { publishAt: scheduleAt.error });
      const input = await articleInputFrom(db, values, { ...(await choices()).ids, mayCreateTags: can(staff, 'manage-sections-and-tags') });
      const loaded = Number(values.loadedVersion);
      const edit = article
        ? await saveArticleEdit(articleDeps, article.id, input, {
            editor: staff,
            ...(Number.isInteger(loaded) && loaded > 0 ? { expectedVersion: loaded } : {}),
          })
        : undefined;
      const kept = edit ? edit.article : await createArticle(articleDeps, input, { actorId: staff.id });
      // What was autosaved is now saved for real, or kept for review.
      await discardUnsavedDraft(db, kept.id, staff.id);
      if (edit) await auditEdit(context, request, edit);
      // Held for review, whichever button was pressed: publishing buttons were refused above.
      if (edit?.kind === 'held') return reply.redirect(`/admin/articles/${kept.id}?done=proposed`, 303);
      saved = kept;
      let outcome = 'saved';
      if (intent === 'publish' || intent === 'schedule') {
        const result = await publishArticle(articleDeps, saved.id, scheduleAt.at);
        // A schedule for the current minute went live at once: say so, rather than "Published." alone.
        outcome = intent === 'schedule' && result.status === 'published' ? 'due-now' : result.status;
        await auditArticle(context, request, result.status, saved);
      } else if (intent === 'unpublish') {
        const wasScheduled = saved.status === 'scheduled';
        await unpublishArticle(articleDeps, saved.id);
        outcome = wasScheduled ? 'unscheduled' : 'unpublished';
        await auditArticle(context, request, outcome, saved);
      } else if (intent === 'review') {
        await requestReview(articleDeps, saved.id);
        outcome = 'review';
      }
      return reply.redirect(`/admin/articles/${saved.id}?done=${outcome}`, 303);
    } catch (error) {
      // Saved but not published (e.g. the checklist refused it): the form now stands for the saved version.
      const current = saved ?? article;
      if (saved) values.loadedVersion = String(saved.version);
      if (error instanceof ValidationError) {
        const problem = problemBeyondFields(error);
        return show(request, reply, 422, current, { values, errors: error.fields, ...(problem ? { message: problem } : {}) });
      }
      if (error instanceof ConflictError || error instanceof ForbiddenError)
        return show(request, reply, error.status, current, { values, message: error.message });
      throw error;
    }
  };

  app.get('/admin/articles/new', (request, reply) => show(request, reply, 200, undefined, { values: {} }));
  app.post('/admin/articles/new', { schema: { body: editorBodySchema }, preHandler: app.csrfProtection }, (request, reply) => save(request, reply, undefined));

  const loadEditable = async (request: FastifyRequest<{ Params: IdParams }>) => {
    const article = await getArticle(db, request.params.articleId);
    if (!canEditArticle(requireStaff(request), article)) throw new ForbiddenError(messages.mayNotEdit);
    return article;
  };

  const EditQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })), restore: Type.Optional(Type.Literal('autosave')) });
  app.get<{ Params: IdParams; Querystring: Static<typeof EditQuery> }>(
    '/admin/articles/:articleId',
    { schema: { params: IdParams, querystring: EditQuery } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const article = await loadEditable(request);
      const settings = site.settings.current();
      const timeZone = settings.timeZone;
      // The confirmation repeats the time, in the newsroom's zone, so a slip of the day or hour shows at once.
      const notice =
        request.query.done === 'scheduled' && article.status === 'scheduled' && article.publishedAt
          ? messages.scheduledFor(formatDateTime(article.publishedAt, dateStyleOf(settings)), timeZone)
          : notices[request.query.done ?? ''];
      // The writer of a change waiting for review goes on from their proposal, not from the published version.
      const waiting = await findPendingChange(db, article.id);
      const proposal = waiting?.proposedBy === staff.id ? waiting.snapshot : undefined;
      const stored = proposal ? valuesOf(article, timeZone, proposal, (await loadSnapshotNames(db, [proposal])).tags) : valuesOf(article, timeZone);
      const { values, drafts } = await loadDraftState(context, staff, article, stored, request.query.restore === 'autosave');
      return show(request, reply, 200, article, { values, drafts, ...(notice ? { notice } : {}) });
    },
  );

  app.post<{ Params: IdParams }>(
    '/admin/articles/:articleId',
    { schema: { params: IdParams, body: editorBodySchema }, preHandler: app.csrfProtection },
    async (request, reply) => save(request, reply, await loadEditable(request)),
  );

  const CorrectionBody = Type.Object({
    correctionKind: Type.Optional(Type.String({ maxLength: 50 })),
    correctionText: Type.Optional(Type.String({ maxLength: 100_000 })),
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  });

  app.post<{ Params: IdParams; Body: Static<typeof CorrectionBody> }>(
    '/admin/articles/:articleId/corrections',
    { schema: { params: IdParams, body: CorrectionBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadEditable(request);
      if (!canPublishArticle(requireStaff(request), article)) throw new ForbiddenError(messages.mayNotCorrect);
      const { correctionKind = '', correctionText = '' } = request.body ?? {};
      try {
        await addCorrection(articleDeps, article.id, { kind: correctionKind, text: correctionText }, requireStaff(request).id);
        await auditArticle(context, request, correctionKind, article);
        return reply.redirect(`/admin/articles/${article.id}?done=corrected`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const values = { ...valuesOf(article, site.settings.current().timeZone), correctionKind, correctionText };
        const problem = problemBeyondFields(error);
        return show(request, reply, 422, article, { values, errors: error.fields, ...(problem ? { message: problem } : {}) });
      }
    },
  );
};
