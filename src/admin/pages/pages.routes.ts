import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../../accounts/index.ts';
import { ConflictError, ForbiddenError, phrase, sentenceIn, ValidationError } from '../../errors.ts';
import {
  deletePage,
  getPage,
  listPageTree,
  maxPageDepth,
  type Page,
  pageAndDescendantIds,
  type PageTreeEntry,
  planPageDeletion,
  publicPageUrl,
  renderPagePreview,
  savePage,
} from '../../pages/index.ts';
import { rowId, rowIdParams } from '../../platform/route-schemas.ts';
import { absoluteUrl, pageUrl } from '../../platform/urls.ts';
import { formatDateTime } from '../../render/dates.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireStaff, sendAdminPage, staffOnly } from '../admin-context.ts';
import { NoticeQuery, type NoticeTable, noticeText } from '../notices.ts';
import { renderPageDeletePage } from './page-delete-page.tsx';
import { type PageEditorData, renderPageEditorPage } from './page-editor-page.tsx';
import { newPageValues, pageBodySchema, pageFieldNames, type PageFormValues, pageInputFrom, pageValuesFrom, pageValuesOf } from './page-form.ts';
import { renderPageListPage } from './page-list-page.tsx';

type Words = Translator<NewsroomKey>;

const editorNotices = (words: Words): NoticeTable => ({
  created: words.text('sitePages.noticeCreated'),
  saved: words.text('sitePages.noticeSaved'),
  published: words.text('sitePages.noticePublished'),
  'published-hidden': words.text('sitePages.noticePublishedHidden'),
  unpublished: words.text('sitePages.noticeUnpublished'),
});
const listNotices = (words: Words): NoticeTable => ({
  deleted: words.text('sitePages.noticeDeleted'),
  'deleted-moved': (count) => words.text('sitePages.noticeDeletedMoved', { count }),
});

const IdParams = rowIdParams('pageId');
type IdParams = Static<typeof IdParams>;
const NewPageQuery = Type.Object({ parent: Type.Optional(rowId) });
const DeleteBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
const subjectLength = 300;

/** A ValidationError's message in `words`, unless the error summary already says the same. */
function problemBeyondFields(error: ValidationError, words: Words): string | undefined {
  const problem = error.textIn(words);
  return Object.values(error.fieldsIn(words)).includes(problem) ? undefined : problem;
}

/**
 * The newsroom's pages: a tree of every page, and an editor for each, as plain forms. Pages are site
 * structure, like sections, tags and author profiles, so the same grant decides who manages them.
 */
export const pageEditorRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  const pageDeps = { db, clock: site.clock, changes: context.changes };
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    // Editors and up, as for sections and tags; authors and contributors write articles only.
    if (!can(requireStaff(request), 'manage-sections-and-tags')) throw new ForbiddenError(phrase('sitePages.forbidden'));
  });

  const auditPage = (request: FastifyRequest, action: string, page: Pick<Page, 'id' | 'title'>) =>
    audit(accountDeps(context), requireStaff(request), `page.${action}`, `${page.id}: ${page.title}`.slice(0, subjectLength), requestMeta(request));
  // The newsroom's words are also its dates' style (the site's locale and time zone; Korean times on the 24-hour clock).
  const updatedOf = (date: Date) => ({ iso: date.toISOString(), label: formatDateTime(date, newsroomWords(context)) });
  // Shown as words, so a slug in Hangul or Arabic reads as typed rather than percent-encoded.
  const addressOf = (path: string) => decodeURI(absoluteUrl(site.publicUrl, pageUrl(path)));
  const shortAddressOf = (path: string) => decodeURI(pageUrl(path));

  const slugHintFor = (words: Words, tree: readonly PageTreeEntry[], entry: PageTreeEntry | undefined, values: PageFormValues) => {
    if (entry) {
      const key = entry.descendantCount > 0 ? 'sitePages.savedSlugHintWithSubPages' : 'sitePages.savedSlugHint';
      return words.text(key, { address: addressOf(entry.page.path) });
    }
    const parent = tree.find((candidate) => String(candidate.page.id) === values.parentId);
    return words.text('sitePages.newSlugHint', { base: parent ? `${addressOf(parent.page.path)}/` : absoluteUrl(site.publicUrl, pageUrl('')) });
  };

  const showEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: Page | undefined,
    form: { values: PageFormValues; errors?: Readonly<Record<string, string>>; notice?: string; message?: string | undefined },
  ) => {
    const tree = await listPageTree(db);
    const entry = page && tree.find((candidate) => candidate.page.id === page.id);
    const excluded = page ? pageAndDescendantIds(tree, page.id) : new Set<number>();
    const words = newsroomWords(context);
    const statusLabel = words.text(
      !page
        ? 'sitePages.statusNew'
        : page.status === 'draft'
          ? 'sitePages.draft'
          : entry?.visibleToReaders
            ? 'sitePages.published'
            : 'sitePages.statusPublishedHidden',
    );
    const data: PageEditorData = {
      ...(page ? { pageId: page.id, updated: updatedOf(page.updatedAt) } : {}),
      ...(page && entry?.visibleToReaders ? { publicUrl: pageUrl(page.path) } : {}),
      subPageCount: page ? tree.filter((other) => other.page.parentId === page.id).length : 0,
      values: form.values,
      errors: form.errors ?? {},
      ...(form.notice ? { notice: form.notice } : {}),
      ...(form.message ? { message: form.message } : {}),
      parentOptions: [
        { value: '', label: words.text('sitePages.topLevel') },
        ...tree.filter((other) => !excluded.has(other.page.id)).map((other) => ({ value: String(other.page.id), label: other.titles.join(' › ') })),
      ],
      statusLabel,
      slugHint: slugHintFor(words, tree, entry, form.values),
      richEditor: {
        scriptUrl: context.editorScriptUrl,
        libraryUrl: '/admin/media.json',
        draftKey: `${requireStaff(request).id}:page-${page ? page.id : 'new'}`,
        fieldNames: pageFieldNames,
      },
    };
    return sendAdminPage(context, request, reply, status, renderPageEditorPage, data);
  };

  /** Saves, audits what changed for readers, and goes back to the editor; a refusal re-shows the form as typed. */
  const save = async (request: FastifyRequest, reply: FastifyReply, page: Page | undefined) => {
    const values = pageValuesFrom(request.body as Record<string, unknown> | undefined);
    const words = newsroomWords(context);
    try {
      const saved = await savePage(pageDeps, pageInputFrom(values), page ? { id: page.id } : {});
      await auditPage(request, page ? 'updated' : 'created', saved);
      const wasPublished = page?.status === 'published';
      let outcome = page ? 'saved' : 'created';
      if (saved.status === 'published') {
        if (!wasPublished) await auditPage(request, 'published', saved);
        outcome = (await publicPageUrl(db, saved.id)) ? (wasPublished ? 'saved' : 'published') : 'published-hidden';
      } else if (wasPublished) {
        await auditPage(request, 'unpublished', saved);
        outcome = 'unpublished';
      }
      return reply.redirect(`/admin/pages/${saved.id}?done=${outcome}`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return showEditor(request, reply, 422, page, { values, errors: error.fieldsIn(words), message: problemBeyondFields(error, words) });
      throw error;
    }
  };

  app.get<{ Querystring: NoticeQuery }>('/admin/pages', { schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const tree = await listPageTree(db);
    const notice = noticeText(listNotices(newsroomWords(context)), request.query);
    return sendAdminPage(context, request, reply, 200, renderPageListPage, {
      rows: tree.map((entry) => ({
        id: entry.page.id,
        title: entry.page.title,
        depth: entry.depth,
        address: shortAddressOf(entry.page.path),
        href: pageUrl(entry.page.path),
        status: entry.page.status,
        visibleToReaders: entry.visibleToReaders,
        updated: updatedOf(entry.page.updatedAt),
        mayHaveSubPages: entry.depth + 1 < maxPageDepth,
      })),
      ...(notice ? { notice } : {}),
    });
  });

  app.get<{ Querystring: Static<typeof NewPageQuery> }>('/admin/pages/new', { schema: { querystring: NewPageQuery } }, (request, reply) =>
    showEditor(request, reply, 200, undefined, { values: newPageValues(request.query.parent) }),
  );
  app.post('/admin/pages/new', { schema: { body: pageBodySchema }, preHandler: app.csrfProtection }, (request, reply) => save(request, reply, undefined));

  app.get<{ Params: IdParams; Querystring: NoticeQuery }>(
    '/admin/pages/:pageId',
    { schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const page = await getPage(db, request.params.pageId);
      const notice = noticeText(editorNotices(newsroomWords(context)), request.query);
      return showEditor(request, reply, 200, page, { values: pageValuesOf(page), ...(notice ? { notice } : {}) });
    },
  );
  app.post<{ Params: IdParams }>(
    '/admin/pages/:pageId',
    { schema: { params: IdParams, body: pageBodySchema }, preHandler: app.csrfProtection },
    async (request, reply) => save(request, reply, await getPage(db, request.params.pageId)),
  );

  app.get<{ Params: IdParams }>('/admin/pages/:pageId/preview', { schema: { params: IdParams } }, async (request, reply) => {
    const html = await renderPagePreview({ db, site }, request.params.pageId);
    return reply.header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
  });

  const showDeletion = async (request: FastifyRequest, reply: FastifyReply, status: number, pageId: number, problem?: string) => {
    const plan = await planPageDeletion(db, pageId);
    const parent = plan.page.parentId === null ? undefined : await getPage(db, plan.page.parentId);
    const refusal = problem ?? (plan.refusal && sentenceIn(plan.refusal, newsroomWords(context)));
    return sendAdminPage(context, request, reply, status, renderPageDeletePage, {
      pageId: plan.page.id,
      title: plan.page.title,
      address: shortAddressOf(plan.page.path),
      ...(parent ? { parentTitle: parent.title } : {}),
      movingUp: plan.movingUp.map((move) => ({ title: move.title, from: shortAddressOf(move.from), to: shortAddressOf(move.to) })),
      ...(refusal ? { problem: refusal } : {}),
    });
  };

  app.get<{ Params: IdParams }>('/admin/pages/:pageId/delete', { schema: { params: IdParams } }, (request, reply) =>
    showDeletion(request, reply, 200, request.params.pageId),
  );
  app.post<{ Params: IdParams; Body: Static<typeof DeleteBody> }>(
    '/admin/pages/:pageId/delete',
    { schema: { params: IdParams, body: DeleteBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        const { page, movingUp } = await deletePage(pageDeps, request.params.pageId);
        await auditPage(request, 'deleted', page);
        return reply.redirect(movingUp.length > 0 ? `/admin/pages?done=deleted-moved&count=${movingUp.length}` : '/admin/pages?done=deleted', 303);
      } catch (error) {
        if (error instanceof ConflictError) return showDeletion(request, reply, 409, request.params.pageId, error.textIn(newsroomWords(context)));
        throw error;
      }
    },
  );
};
