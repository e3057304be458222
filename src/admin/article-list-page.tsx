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
}

const statusLabels = { draft: 'Draft', review: 'In review', scheduled: 'Scheduled', published: 'Published' } as const;

export function renderArticleListPage(chrome: AdminChrome, data: { rows: readonly ArticleListRow[]; total: number; pages: PageLinks }): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Articles">
      <div class="admin-heading">
        <h1>Articles</h1>
        <a class="button button--primary" href="/admin/articles/new">
          New article
        </a>
      </div>
      <p class="admin-lede">
        {data.total} article{data.total === 1 ? '' : 's'}, most recently edited first.
      </p>
      <AdminTable columns={['Headline', 'Status', 'Section', 'Last edited']}>
          {data.rows.map((row) => (
            <tr>
              <td>
                {row.editUrl ? <a href={row.editUrl}>{row.headline}</a> : row.headline}
                {row.publicUrl ? (
                  <>
                    {' '}
                    <a class="view-link" href={row.publicUrl}>
                      View<span class="visually-hidden"> “{row.headline}” on the site</span>
                    </a>
                  </>
                ) : null}
              </td>
              <td>
                <span class={`status status--${row.status}`}>{statusLabels[row.status]}</span>
              </td>
              <td>{row.section}</td>
              <td>
                <time datetime={row.updatedIso}>{row.updatedLabel}</time>
              </td>
            </tr>
          ))}
        </AdminTable>
      <Pagination links={data.pages} />
    </AdminDocument>,
  );
}
