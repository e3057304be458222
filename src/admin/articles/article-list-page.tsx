import { CsrfField, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type PageLinks, Pagination } from '../../render/pagination.tsx';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';

export interface ArticleListRow {
  readonly editUrl: string | null;
  readonly headline: string;
  readonly status: 'draft' | 'review' | 'scheduled' | 'published';
  /** A change to the live article waits for an editor's review. */
  readonly changePending: boolean;
  readonly section: string;
  /** The public page, for published articles only. */
  readonly publicUrl: string | null;
  readonly updatedIso: string;
  readonly updatedLabel: string;
  /** A scheduled article: when it goes live. */
  readonly goesLive?: { readonly iso: string; readonly label: string };
  /** In the trash view: where to restore it and where to delete it for good, when this person may. */
  readonly restoreAction?: string | null;
  readonly deleteUrl?: string | null;
}

export interface ArticleListData {
  readonly view: 'articles' | 'changes' | 'trash';
  readonly rows: readonly ArticleListRow[];
  readonly total: number;
  readonly trashCount: number;
  /** Live articles with a change waiting for review. */
  readonly changesCount: number;
  readonly pages: PageLinks;
  readonly notice?: string;
}

const statusLabels = { draft: 'Draft', review: 'In review', scheduled: 'Scheduled', published: 'Published' } as const;
const messages = {
  articles: 'Articles',
  changes: 'Changes to review',
  trash: 'Trash',
  count: (total: number) => `${total} article${total === 1 ? '' : 's'}, most recently edited first.`,
  changesCount: (total: number) =>
    `${total} live article${total === 1 ? ' has a change' : 's have changes'} waiting for an editor's review; readers still see the published version. Open one to compare and decide.`,
  changePending: 'Change waiting for review',
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

const headings = { articles: messages.articles, changes: messages.changes, trash: messages.trash } as const;
const ledes = { articles: messages.count, changes: messages.changesCount, trash: messages.trashCount } as const;

export function renderArticleListPage(chrome: AdminChrome, data: ArticleListData): string {
  const trash = data.view === 'trash';
  const heading = headings[data.view];
  return renderDocument(
    <AdminDocument chrome={chrome} title={data.view === 'articles' ? messages.articles : `${messages.articles}: ${heading}`}>
      <div class="admin-heading">
        <h1>{heading}</h1>
        <a class="button button--primary" href="/admin/articles/new">
          New article
        </a>
      </div>
      <nav aria-label="Article lists">
        <ul class="admin-tabs">
          <li>
            <a href="/admin" aria-current={data.view === 'articles' ? 'page' : undefined}>
              {messages.articles}
            </a>
          </li>
          <li>
            <a href="/admin?view=changes" aria-current={data.view === 'changes' ? 'page' : undefined}>
              {messages.changes} ({data.changesCount})
            </a>
          </li>
          <li>
            <a href="/admin?view=trash" aria-current={trash ? 'page' : undefined}>
              {messages.trash} ({data.trashCount})
            </a>
          </li>
        </ul>
      </nav>
      <FormOutcome notice={data.notice} />
      <p class="admin-lede">{ledes[data.view](data.total)}</p>
      <AdminTable columns={trash ? ['Headline', 'Section', 'Trashed', 'Actions'] : ['Headline', 'Status', 'Section', 'Last edited']}>
        {data.rows.map((row) => (
          <tr>
            <td>
              <Headline row={row} />
            </td>
            {trash ? null : (
              <td>
                <span class={`status status--${row.status}`}>{statusLabels[row.status]}</span>
                {row.goesLive ? (
                  <>
                    {' '}
                    <span class="status-when">
                      for <time datetime={row.goesLive.iso}>{row.goesLive.label}</time>
                    </span>
                  </>
                ) : null}
                {row.changePending ? (
                  <>
                    {' '}
                    <span class="status status--review">{messages.changePending}</span>
                  </>
                ) : null}
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
