import { CsrfField } from '../render/form.tsx';
import { renderDocument } from '../render/safe-html.ts';
import { type PageLinks, Pagination } from '../render/pagination.tsx';
import { type AdminChrome, AdminDocument } from './admin-document.tsx';
import { AdminTable } from './admin-table.tsx';

export interface ArticleListRow {
  readonly editUrl: string | null;
  readonly headline: string;
  readonly status: 'draft' | 'review' | 'scheduled' | 'published';
  readonly section: string;
  /** The public page, for published articles only. */
  readonly publicUrl: string | null;
  readonly updatedIso: string;
  readonly updatedLabel: string;
  /** In the trash view: where to restore it and where to delete it for good, when this person may. */
  readonly restoreAction?: string | null;
  readonly deleteUrl?: string | null;
}

export interface ArticleListData {
  readonly view: 'articles' | 'trash';
  readonly rows: readonly ArticleListRow[];
  readonly total: number;
  readonly trashCount: number;
  readonly pages: PageLinks;
  readonly notice?: string;
}

const statusLabels = { draft: 'Draft', review: 'In review', scheduled: 'Scheduled', published: 'Published' } as const;
const messages = {
  articles: 'Articles',
  trash: 'Trash',
  count: (total: number) => `${total} article${total === 1 ? '' : 's'}, most recently edited first.`,
  trashCount: (total: number) => `${total} article${total === 1 ? '' : 's'} in the trash, most recently trashed first. Readers cannot see them.`,
  restore: 'Restore',
  deleteForever: 'Delete permanently',
};

function Headline({ row }: { row: ArticleListRow }) {
  return (
    <>
      {row.editUrl ? <a href={row.editUrl}>{row.headline}</a> : row.headline}
      {row.publicUrl ? (
        <>
          {' '}
          <a class="view-link" href={row.publicUrl}>
            View<span class="visually-hidden"> “{row.headline}” on the site</span>
          </a>
        </>
      ) : null}
    </>
  );
}

function TrashActions({ row, csrfToken }: { row: ArticleListRow; csrfToken: string }) {
  if (!row.restoreAction && !row.deleteUrl) return null;
  return (
    <form method="post" action={row.restoreAction ?? undefined} class="inline-form">
      <CsrfField token={csrfToken} />
      {row.restoreAction ? (
        <button type="submit" class="button">
          {messages.restore}
          <span class="visually-hidden"> “{row.headline}”</span>
        </button>
      ) : null}
      {row.deleteUrl ? (
        <a class="button button--danger" href={row.deleteUrl}>
          {messages.deleteForever}
          <span class="visually-hidden"> “{row.headline}”</span>
        </a>
      ) : null}
    </form>
  );
}

export function renderArticleListPage(chrome: AdminChrome, data: ArticleListData): string {
  const trash = data.view === 'trash';
  return renderDocument(
    <AdminDocument chrome={chrome} title={trash ? `${messages.articles}: ${messages.trash}` : messages.articles}>
      <div class="admin-heading">
        <h1>{trash ? messages.trash : messages.articles}</h1>
        <a class="button button--primary" href="/admin/articles/new">
          New article
        </a>
      </div>
      <nav aria-label="Article lists">
        <ul class="admin-tabs">
          <li>
            <a href="/admin" aria-current={trash ? undefined : 'page'}>
              {messages.articles}
            </a>
          </li>
          <li>
            <a href="/admin?view=trash" aria-current={trash ? 'page' : undefined}>
              {messages.trash} ({data.trashCount})
            </a>
          </li>
        </ul>
      </nav>
      {data.notice ? (
        <p class="form-message form-message--ok" role="status">
          {data.notice}
        </p>
      ) : null}
      <p class="admin-lede">{trash ? messages.trashCount(data.total) : messages.count(data.total)}</p>
      <AdminTable columns={trash ? ['Headline', 'Section', 'Trashed', 'Actions'] : ['Headline', 'Status', 'Section', 'Last edited']}>
        {data.rows.map((row) => (
          <tr>
            <td>
              <Headline row={row} />
            </td>
            {trash ? null : (
              <td>
                <span class={`status status--${row.status}`}>{statusLabels[row.status]}</span>
              </td>
            )}
            <td>{row.section}</td>
            <td>
              <time datetime={row.updatedIso}>{row.updatedLabel}</time>
            </td>
            {trash ? (
              <td>
                <TrashActions row={row} csrfToken={chrome.csrfToken} />
              </td>
            ) : null}
          </tr>
        ))}
      </AdminTable>
      <Pagination links={data.pages} />
    </AdminDocument>,
  );
}
