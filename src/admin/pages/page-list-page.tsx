import { FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';

export interface PageListRow {
  readonly id: number;
  readonly title: string;
  /** 0 for a top-level page; the row is indented by it. */
  readonly depth: number;
  /** "/page/about/masthead", as readers would type it. */
  readonly address: string;
  /** The same, encoded for a link. */
  readonly href: string;
  readonly status: 'published' | 'draft';
  readonly visibleToReaders: boolean;
  readonly updated: { readonly iso: string; readonly label: string };
  /** Absent when another level would be too deep. */
  readonly mayHaveSubPages: boolean;
}

export interface PageListData {
  readonly rows: readonly PageListRow[];
  readonly notice?: string;
}

/** A link whose words alone repeat on every row, named for screen readers by the page it is about. */
function RowLink({ href, label, about }: { href: string; label: string; about: string }) {
  return (
    <a href={href}>
      {label}
      <span class="visually-hidden"> {about}</span>
    </a>
  );
}

/** The newsroom's list of plain pages, as a tree: each page, then its sub-pages, indented. */
export function renderPageListPage(chrome: AdminChrome, data: PageListData): string {
  const words = chrome.words;
  const columns = (['columnTitle', 'columnAddress', 'columnStatus', 'columnUpdated', 'columnActions'] as const).map((key) => words.text(`sitePages.${key}`));
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('sitePages.listTitle')}>
      <div class="admin-heading">
        <h1>{words.text('sitePages.listTitle')}</h1>
        <a class="button button--primary" href="/admin/pages/new">
          {words.text('sitePages.newPage')}
        </a>
      </div>
      <p class="admin-lede">{words.text('sitePages.listLede')}</p>
      <FormOutcome notice={data.notice} />
      {data.rows.length === 0 ? (
        <p>{words.text('sitePages.empty')}</p>
      ) : (
        <AdminTable columns={columns}>
          {data.rows.map((row) => (
            <tr>
              <td class={`page-tree page-tree--depth-${Math.min(row.depth, 5)}`}>
                <a href={`/admin/pages/${row.id}`}>{row.title}</a>
              </td>
              <td>{row.address}</td>
              <td>
                <span class={`status status--${row.status}`}>{words.text(row.status === 'published' ? 'sitePages.published' : 'sitePages.draft')}</span>
                {row.status === 'published' && !row.visibleToReaders ? <span class="status-when">{words.text('sitePages.hidden')}</span> : null}
              </td>
              <td>
                <time datetime={row.updated.iso}>{row.updated.label}</time>
              </td>
              <td>
                <ul class="page-tree__actions">
                  <li>
                    {row.visibleToReaders ? (
                      <RowLink href={row.href} label={words.text('sitePages.view')} about={words.text('sitePages.aboutPage', { title: row.title })} />
                    ) : (
                      <RowLink
                        href={`/admin/pages/${row.id}/preview`}
                        label={words.text('sitePages.preview')}
                        about={words.text('sitePages.aboutPage', { title: row.title })}
                      />
                    )}
                  </li>
                  {row.mayHaveSubPages ? (
                    <li>
                      <RowLink
                        href={`/admin/pages/new?parent=${row.id}`}
                        label={words.text('sitePages.addSubPage')}
                        about={words.text('sitePages.underPage', { title: row.title })}
                      />
                    </li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminDocument>,
  );
}
