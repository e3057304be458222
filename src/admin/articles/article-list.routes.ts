import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { can } from '../../accounts/index.ts';
import { canEditArticle, canTrashArticle, loadNewsroomArticlePage, NewsroomCounts, newsroomListScope } from '../../articles/index.ts';
import { findAuthorById, listAuthorNames } from '../../authors/index.ts';
import { BadRequestError, phrase } from '../../errors.ts';
import { replaceControlCharacters } from '../../platform/control-characters.ts';
import { articleUrl } from '../../platform/urls.ts';
import { oneOf, PageQuery } from '../../platform/route-schemas.ts';
import { formatDateTime } from '../../render/dates.ts';
import { listSections } from '../../sections/index.ts';
import type { NewsroomKey } from '../../i18n/index.ts';
import { type AdminContext, newsroomWords, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { type ArticleListRow, renderArticleListPage } from './article-list-page.tsx';
import { firstDirection, type ListState, listUrl, noFilters, sortKeys, sortLinks } from './article-list-urls.ts';

const articlesPerPage = 50;
/** The most bylines the byline filter offers as a menu; a newsroom with more types the name. */
export const bylinesInMenu = 100;
const listNotices = {
  trashed: 'articles.list.noticeTrashed',
  deleted: 'articles.list.noticeDeleted',
} as const satisfies Record<string, NewsroomKey>;
/** What a filter's id out of range is refused with, by the filter. */
const noSuchId = { section: 'refusal.articles.noSuchSection', byline: 'refusal.articles.noSuchByline' } as const satisfies Record<string, NewsroomKey>;
const largestRowId = 2_147_483_647;

/** An id chosen in a select: empty for "any", else a whole number; `section=abc` is a 400. */
const optionalId = Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]{0,9})?$' }));
/** Typed text; a long search is a 400 (the box allows 200 characters). */
const typedText = Type.Optional(Type.String({ maxLength: 500 }));
const ListQuery = Type.Object({
  ...PageQuery.properties,
  view: Type.Optional(oneOf(['changes', 'trash'])),
  done: Type.Optional(oneOf(['trashed', 'deleted'] as const satisfies readonly (keyof typeof listNotices)[])),
  q: typedText,
  status: Type.Optional(oneOf(['', 'draft', 'review', 'scheduled', 'published'])),
  section: optionalId,
  author: optionalId,
  byline: typedText,
  tag: typedText,
  sort: Type.Optional(oneOf(sortKeys)),
  dir: Type.Optional(oneOf(['asc', 'desc'])),
});
type ListQuery = Static<typeof ListQuery>;

/** A number from `optionalId`, or undefined for "any"; beyond any row id is refused before the database sees it. */
function idFrom(value: string | undefined, what: keyof typeof noSuchId): number | undefined {
  if (!value) return undefined;
  const id = Number(value);
  if (id > largestRowId) throw new BadRequestError(phrase(noSuchId[what]));
  return id;
}

/** What the address asks for, tidied: control characters become spaces, and blank values mean "any". */
function listStateOf(query: ListQuery): ListState {
  const tidy = (text: string | undefined) => replaceControlCharacters(text ?? '', 'line', ' ').trim();
  const key = query.sort ?? 'edited';
  const sectionId = idFrom(query.section, 'section');
  const authorId = idFrom(query.author, 'byline');
  return {
    view: query.view ?? 'articles',
    filters: {
      q: tidy(query.q),
      status: query.status ?? '',
      ...(sectionId === undefined ? {} : { sectionId }),
      ...(authorId === undefined ? {} : { authorId }),
      byline: tidy(query.byline),
      tag: tidy(query.tag),
    },
    sort: { key, direction: query.dir ?? firstDirection(key) },
  };
}

/** The newsroom's front page: the article list, with its review and trash views, its search, filters and sorting. */
export const articleListRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  app.addHook('preHandler', staffOnly);
  const counts = new NewsroomCounts(context.changes);

  app.get<{ Querystring: ListQuery }>('/admin', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const staff = requireStaff(request);
    // Times as the newsroom writes them in its language (Korean: 18:40), in the site's time zone.
    const dateStyle = newsroomWords(context);
    const state = listStateOf(request.query);
    const { view, filters } = state;
    const [list, sections, authors] = await Promise.all([
      loadNewsroomArticlePage(
        context.db,
        {
          page: request.query.page,
          perPage: articlesPerPage,
          view,
          scope: newsroomListScope(staff),
          filters: {
            text: filters.q,
            tag: filters.tag,
            byline: filters.byline,
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.sectionId === undefined ? {} : { sectionId: filters.sectionId }),
            ...(filters.authorId === undefined ? {} : { authorId: filters.authorId }),
          },
          sort: state.sort,
        },
        { counts, now: context.site.clock.now() },
      ),
      listSections(context.db),
      listAuthorNames(context.db, { most: bylinesInMenu + 1 }),
    ]);
    // Past a menu's worth, the byline is typed: 2,000 names made the page 123 KB and the menu unusable.
    const typedByline = authors.length > bylinesInMenu;
    const chosenByline = typedByline && state.filters.authorId !== undefined ? await findAuthorById(context.db, state.filters.authorId) : undefined;
    const at = (date: Date) => ({ iso: date.toISOString(), label: formatDateTime(date, dateStyle) });
    return sendAdminPage(context, request, reply, 200, renderArticleListPage, {
      view,
      total: list.total,
      viewTotal: list.viewTotal,
      trashCount: list.trashCount,
      changesCount: list.changesCount,
      ...(request.query.done ? { notice: newsroomWords(context).text(listNotices[request.query.done]) } : {}),
      filters: chosenByline && !filters.byline ? { ...filters, byline: chosenByline.name } : filters,
      sort: state.sort,
      choices: {
        sections: sections.map((section) => ({ id: section.id, name: section.name })),
        authors: typedByline ? 'typed' : authors.map((author) => ({ id: author.id, name: author.name })),
      },
      clearUrl: listUrl({ view, filters: noFilters, sort: state.sort }),
      sortUrls: sortLinks(state),
      rows: list.rows.map(
        (row): ArticleListRow => ({
          editUrl: canEditArticle(staff, row) ? `/admin/articles/${row.id}` : null,
          headline: row.headline,
          status: row.status === 'draft' && row.inReview ? 'review' : row.status,
          changePending: row.changePending,
          section: row.sectionName ?? '—',
          bylines: row.bylines,
          publicUrl: row.status === 'published' ? articleUrl({ slug: row.slug, section: row.sectionSlug ? { slug: row.sectionSlug } : null }) : null,
          // The trash shows when each article was trashed; the working list when it was last edited.
          updated: at(row.trashedAt ?? row.updatedAt),
          // A draft may keep the time it was once published; it means nothing until it is scheduled again.
          liveAt: row.status !== 'draft' && row.publishedAt ? at(row.publishedAt) : null,
          ...(view === 'trash'
            ? {
                restoreAction: canTrashArticle(staff, row) ? `/admin/articles/${row.id}/restore` : null,
                deleteUrl: can(staff, 'delete-trashed-article') ? `/admin/articles/${row.id}/delete` : null,
              }
            : {}),
        }),
      ),
      pages: {
        page: list.page,
        pageCount: list.pageCount,
        previousUrl: list.page > 1 ? listUrl({ ...state, page: list.page - 1 }) : null,
        nextUrl: list.page < list.pageCount ? listUrl({ ...state, page: list.page + 1 }) : null,
      },
    });
  });
};
