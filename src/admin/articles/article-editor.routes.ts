import { type Static, Type } from '@sinclair/typebox';
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
import { findAuthorIdForUser, listAuthors } from '../../authors/index.ts';
import { ConflictError, ForbiddenError, type GazetteError, phrase, sentenceIn, ValidationError } from '../../errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { describeImage, listAllMedia, listMediaUsage, type MediaItem, thumbnailUrl, whyCannotDescribe } from '../../media/index.ts';
import { listSections } from '../../sections/index.ts';
import { formatDateTime } from '../../render/dates.ts';
import { type AdminContext, newsroomWords, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { noticeOf, statusOf } from './editor-status.ts';
import { auditArticle, auditEdit } from './article-audit.ts';
import { type EditorPageData, renderEditorPage } from './article-editor-page.tsx';
import { urlBaseOf } from './editor-live-text.ts';
import {
  articleInputFrom,
  draftFieldNames,
  editorBodySchema,
  type EditorValues,
  intentOf,
  localDateTimeValue,
  parsePublishAt,
  valuesFrom,
} from './article-form.ts';
import { loadDraftState } from './editor-drafts.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';

const IdParams = rowIdParams('articleId');
type IdParams = Static<typeof IdParams>;
/** What a refused form shows, in the newsroom's words: each field's problem, and the whole one unless a field already says it. */
function refusedForm(error: ValidationError, words: Translator<NewsroomKey>): { errors: Record<string, string>; message?: string } {
  const errors = error.fieldsIn(words);
  const message = error.textIn(words);
  return Object.values(errors).includes(message) ? { errors } : { errors, message };
}

/** A media refusal's own sentence (a phrase when the library said it as one), to say again as the editor's. */
function sentenceOf(error: GazetteError) {
  return error.phrase ?? error.message;
}

/** The form for `version` of the article (the article itself, or a change proposed to it), against the stored article. */
function valuesOf(
  article: Article,
  timeZone: string,
  version: RevisionSnapshot = snapshotOfArticle(article),
  tagNames: ReadonlyMap<number, string> = new Map(article.tags.map((tag) => [tag.id, tag.name])),
): EditorValues {
  const [byline1 = '', byline2 = '', byline3 = ''] = version.authorIds.map(String);
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
    publishAt: article.status === 'scheduled' && article.publishedAt ? localDateTimeValue(article.publishedAt, timeZone) : '',
  };
}

/** The article editor: works as plain forms, so nothing depends on the browser running scripts. */
export const articleEditorRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  const articleDeps = { db, clock: site.clock, changes: context.changes, events: context.articleEvents };
  app.addHook('preHandler', staffOnly);

  const choices = async () => {
    const [sections, authors, images] = await Promise.all([listSections(db), listAuthors(db), listAllMedia(db)]);
    return {
      media: images,
      sectionSlugs: new Map(sections.map((s) => [String(s.id), s.slug])),
      sections: sections.map((s) => ({ value: String(s.id), label: s.name })),
      authors: authors.map((a) => ({ value: String(a.id), label: a.name })),
      images: images.map((m) => ({ value: String(m.id), label: m.caption ? `${m.originalName}: ${m.caption.slice(0, 60)}` : m.originalName })),
      ids: { sectionIds: new Set(sections.map((s) => s.id)), authorIds: new Set(authors.map((a) => a.id)), imageIds: new Set(images.map((m) => m.id)) },
    };
  };

  /** What the editor says about a change waiting for review: to its writer, and to those who decide on it. */
  const pendingNotice = (staff: Staff, article: Article, waiting: PendingChange | undefined): EditorPageData['pendingChange'] => {
    const words = newsroomWords(context);
    const mine = waiting?.proposedBy === staff.id;
    const canDecide = canPublishArticle(staff, article);
    if (!waiting || (!mine && !canDecide)) return undefined;
    const reviewUrl = `/admin/articles/${article.id}/changes/${waiting.id}`;
    return {
      mine,
      canDecide,
      byName: waiting.proposedByName ?? words.text('editor.formerMember'),
      atLabel: formatDateTime(waiting.proposedAt, words),
      reviewUrl,
      ...(mine ? { withdrawAction: `${reviewUrl}/withdraw` } : {}),
    };
  };

  const isSiteLogo = (mediaId: number) => site.settings.current().logo?.mediaId === mediaId;

  /**
   * The featured photo the form has chosen. Its words come from the library unless the form already
   * holds words typed for this very photo (a form re-shown after an error).
   */
  const featuredPhotoOf = async (staff: Staff, article: Article | undefined, values: EditorValues, media: readonly MediaItem[]) => {
    const item = media.find((candidate) => String(candidate.id) === values.featuredMediaId);
    if (!item) return undefined;
    if (values.featuredWordsFor !== values.featuredMediaId) {
      values.featuredAlt = item.alt;
      values.featuredCaption = item.caption;
      values.featuredCredit = item.credit;
    }
    const usage = await listMediaUsage(db, item);
    const refusal = whyCannotDescribe(staff, item, { usage, isSiteLogo: isSiteLogo(item.id) });
    return {
      id: item.id,
      thumbnailUrl: thumbnailUrl(item),
      width: item.width,
      height: item.height,
      name: item.originalName,
      usedElsewhere: usage.filter((use) => use.id !== article?.id).length,
      ...(refusal ? { describeRefusal: sentenceIn(refusal, newsroomWords(context)) } : {}),
    };
  };

  /**
   * Saves the featured photo's words typed in the editor to the library, when they were typed for the
   * photo now chosen and differ from it. A refusal or a bad word is the field's error, before the article is saved.
   */
  const describeFeaturedPhoto = async (request: FastifyRequest, values: EditorValues, media: readonly MediaItem[]) => {
    if (!values.featuredMediaId || values.featuredWordsFor !== values.featuredMediaId) return;
    const item = media.find((candidate) => String(candidate.id) === values.featuredMediaId);
    if (!item) return;
    const words = { alt: values.featuredAlt ?? '', caption: values.featuredCaption ?? '', credit: values.featuredCredit ?? '' };
    const trimmedSame = (['alt', 'caption', 'credit'] as const).every((field) => words[field].trim() === item[field]);
    if (trimmedSame) return;
    try {
      await describeImage(
        { db, files: context.mediaFiles, changes: context.changes, clock: site.clock },
        { staff: requireStaff(request), meta: requestMeta(request) },
        item.id,
        { ...words, photographer: item.photographer, copyright: item.copyright },
        { isSiteLogo: isSiteLogo(item.id) },
      );
    } catch (error) {
      if (error instanceof ForbiddenError) throw new ValidationError(sentenceOf(error), { featuredMediaId: sentenceOf(error) });
      if (!(error instanceof ValidationError)) throw error;
      // The fields' sentences are only to be had in words, so in the newsroom's, which the form shows.
      const fields = Object.fromEntries(
        Object.entries(error.fieldsIn(newsroomWords(context))).map(([field, message]) => [`featured${field[0]!.toUpperCase()}${field.slice(1)}`, message]),
      );
      throw new ValidationError(sentenceOf(error), fields);
    }
  };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    article: Article | undefined,
    form: Partial<EditorPageData> & { values: EditorValues },
  ) => {
    const staff = requireStaff(request);
    const [{ sections, sectionSlugs, authors, images, media }, waiting] = await Promise.all([
      choices(),
      article ? findPendingChange(db, article.id) : undefined,
    ]);
    const settings = site.settings.current();
    const pendingChange = article ? pendingNotice(staff, article, waiting) : undefined;
    const featuredPhoto = await featuredPhotoOf(staff, article, form.values, media);
    const socialImage = media.find((item) => String(item.id) === (form.values.socialImageId || form.values.featuredMediaId));
    // The address it has, or will have once saved: the slug typed (or made from the headline) in the section chosen.
    const sectionSlug = sectionSlugs.get(form.values.sectionId ?? '');
    const searchPreview = {
      siteName: settings.name,
      siteUrl: site.publicUrl,
      articleUrl: articleUrl({ slug: form.values.slug || article?.slug || '', section: sectionSlug ? { slug: sectionSlug } : null }),
      ...(socialImage ? { socialImageUrl: thumbnailUrl(socialImage) } : {}),
      urlBasesBySection: Object.fromEntries(
        ['', ...sectionSlugs.keys()].map((id) => {
          const slug = sectionSlugs.get(id);
          return [id, urlBaseOf(articleUrl({ slug: 'x', section: slug ? { slug } : null }), site.publicUrl)];
        }),
      ),
    };
    return sendAdminPage(context, request, reply, status, renderEditorPage, {
      ...(article ? { articleId: article.id } : {}),
      ...(article?.status === 'published' ? { publicUrl: articleUrl(article) } : {}),
      ...statusOf(article, newsroomWords(context)),
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
      earliestPublishAt: localDateTimeValue(site.clock.now(), settings.timeZone),
      ...(featuredPhoto ? { featuredPhoto } : {}),
      searchPreview,
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
    const words = newsroomWords(context);
    const values = valuesFrom(request.body as Record<string, unknown>);
    const intent = intentOf(values);
    let saved: Article | undefined;
    try {
      if ((intent === 'publish' || intent === 'schedule' || intent === 'unpublish') && !canPublishArticle(staff, article)) {
        throw new ForbiddenError(phrase('editor.mayNotPublish'));
      }
      const scheduleAt = intent === 'schedule' ? parsePublishAt(values.publishAt ?? '', site.clock.now(), words) : {};
      if (scheduleAt.error) throw new ValidationError(scheduleAt.error, { publishAt: scheduleAt.error });
      const { ids, media } = await choices();
      const input = await articleInputFrom(db, values, { ...ids, mayCreateTags: can(staff, 'manage-sections-and-tags') });
      await describeFeaturedPhoto(request, values, media);
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
      // Drafts only: a live article's Preview is a link to its saved version, since its Save publishes.
      if (intent === 'preview') return reply.redirect(`/admin/articles/${saved.id}/preview`, 303);
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
      if (error instanceof ValidationError) return show(request, reply, 422, current, { values, ...refusedForm(error, words) });
      if (error instanceof ConflictError || error instanceof ForbiddenError)
        return show(request, reply, error.status, current, { values, message: error.textIn(words) });
      throw error;
    }
  };

  // The writer's own byline comes first on a new article, when their account has one.
  app.get('/admin/articles/new', async (request, reply) => {
    const ownByline = await findAuthorIdForUser(db, requireStaff(request).id);
    return show(request, reply, 200, undefined, { values: ownByline === undefined ? {} : { byline1: String(ownByline) } });
  });
  app.post('/admin/articles/new', { schema: { body: editorBodySchema }, preHandler: app.csrfProtection }, (request, reply) => save(request, reply, undefined));

  const loadEditable = async (request: FastifyRequest<{ Params: IdParams }>) => {
    const article = await getArticle(db, request.params.articleId);
    if (!canEditArticle(requireStaff(request), article)) throw new ForbiddenError(phrase('editor.mayNotEdit'));
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
      const words = newsroomWords(context);
      const notice =
        request.query.done === 'scheduled' && article.status === 'scheduled' && article.publishedAt
          ? words.text('editor.scheduledFor', { when: formatDateTime(article.publishedAt, words), timeZone })
          : noticeOf(request.query.done, words);
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
      if (!canPublishArticle(requireStaff(request), article)) throw new ForbiddenError(phrase('editor.mayNotCorrect'));
      const { correctionKind = '', correctionText = '' } = request.body ?? {};
      try {
        await addCorrection(articleDeps, article.id, { kind: correctionKind, text: correctionText }, requireStaff(request).id);
        await auditArticle(context, request, correctionKind, article);
        return reply.redirect(`/admin/articles/${article.id}?done=corrected`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const values = { ...valuesOf(article, site.settings.current().timeZone), correctionKind, correctionText };
        return show(request, reply, 422, article, { values, ...refusedForm(error, newsroomWords(context)) });
      }
    },
  );
};
