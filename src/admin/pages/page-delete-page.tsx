import { CsrfField, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

export interface PageDeleteData {
  readonly pageId: number;
  readonly title: string;
  readonly address: string;
  /** The parent's title, or undefined for a top-level page. */
  readonly parentTitle?: string;
  readonly movingUp: readonly { readonly title: string; readonly from: string; readonly to: string }[];
  /** Why it cannot be deleted yet (a sub-page's new address is taken); the button is not offered then. */
  readonly problem?: string;
}

/** The confirmation step before a page is deleted, naming what happens to its sub-pages. */
export function renderPageDeletePage(chrome: AdminChrome, data: PageDeleteData): string {
  const words = chrome.words;
  const title = words.text('sitePages.deleteTitle', { title: data.title });
  return renderDocument(
    <AdminDocument chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p class="admin-lede">{words.text('sitePages.deleteLede', { address: data.address })}</p>
      <FormOutcome problem={data.problem} />
      {data.movingUp.length > 0 ? (
        <>
          <p>
            {data.parentTitle === undefined ? words.text('sitePages.movingUpToTop') : words.text('sitePages.movingUpToParent', { title: data.parentTitle })}
          </p>
          <ul>
            {data.movingUp.map((move) => (
              <li>
                {move.title}: {move.from} → {move.to}
              </li>
            ))}
          </ul>
          <p>{words.text('sitePages.oldAddresses')}</p>
        </>
      ) : null}
      {data.problem ? (
        <p>
          <a class="button" href={`/admin/pages/${data.pageId}`}>
            {words.text('sitePages.back')}
          </a>
        </p>
      ) : (
        <form method="post" action={`/admin/pages/${data.pageId}/delete`} class="editor-actions">
          <CsrfField token={chrome.csrfToken} />
          <button type="submit" class="button button--danger">
            {words.text('sitePages.confirmDelete')}
          </button>
          <a class="button" href={`/admin/pages/${data.pageId}`}>
            {words.text('sitePages.keep')}
          </a>
        </form>
      )}
    </AdminDocument>,
  );
}
