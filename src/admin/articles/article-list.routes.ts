import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { can } from '../../accounts/index.ts';
import { canEditArticle, canTrashArticle, loadNewsroomArticlePage, newsroomListScope } from '../../articles/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import { oneOf, PageQuery } from '../../platform/route-schemas.ts';
import { formatDateTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import { type AdminContext, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { type ArticleListRow, renderArticleListPage } from './article-list-page.tsx';

const articlesPerPage = 50;
const listNotices = {
  trashed: 'Moved to the trash: readers no longer see it anywhere. Restore it here if that was a mistake.',
  deleted: 'The article was deleted permanently.',
} as const;
const ListQuery = Type.Object({
  ...PageQuery.properties,
  view: Type.Optional(oneOf(['changes', 'trash'])),
  done: Type.Optional(oneOf(['trashed', 'deleted'] as const satisfies readonly (keyof typeof listNotices)[])),
});

/** The newsroom's front page: the article list, with its review and trash views. */
export const articleListRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  app.addHook('preHandler', staffOnly);

  app.get<{ Querystring: Static<typeof ListQuery> }>('/admin', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const staff = requireStaff(request);
    const dateStyle = dateStyleOf(context.site.settings.current());
    const view = request.query.view ?? 'articles';
    const list = await loadNewsroomArticlePage(context.db, { page: request.query.page, perPage: articlesPerPage, view, scope: newsroomListScope(staff) });
    const base = view === 'articles' ? '/admin' : `/admin?view=${view}`;
    const pageUrl = (page: number) => (page > 1 ? `${base}${view === 'articles' ? '?' : '&'}page=${page}` : base);
    return sendAdminPage(context, request, reply, 200, renderArticleListPage, {
      view,
      total: list.total,
      trashCount: list.trashCount,
      changesCount: list.changesCount,
      ...(request.query.done ? { notice: listNotices[request.query.done] } : {}),
      rows: list.rows.map(
        (row): ArticleListRow => ({
          editUrl: canEditArticle(staff, row) ? `/admin/articles/${row.id}` : null,
          headline: row.headline,
          status: row.status === 'draft' && row.inReview ? 'review' : row.status,
          changePending: row.changePending,
          section: row.sectionName ?? '—',
          publicUrl: row.status === 'published' ? articleUrl({ slug: row.slug, section: row.sectionSlug ? { slug: row.sectionSlug } : null }) : null,
          // The trash shows when each article was trashed; the working list when it was last edited.
          updatedIso: (row.trashedAt ?? row.updatedAt).toISOString(),
          updatedLabel: formatDateTime(row.trashedAt ?? row.updatedAt, dateStyle),
          ...(row.status === 'scheduled' && row.publishedAt
            ? { goesLive: { iso: row.publishedAt.toISOString(), label: formatDateTime(row.publishedAt, dateStyle) } }
            : {}),
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
        previousUrl: list.page > 1 ? pageUrl(list.page - 1) : null,
        nextUrl: list.page < list.pageCount ? pageUrl(list.page + 1) : null,
      },
    });
  });
};
