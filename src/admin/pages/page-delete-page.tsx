import { CsrfField, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

const messages = {
  title: (title: string) => `Delete “${title}”?`,
  lede: (address: string) => `The page at ${address} is deleted for good: readers can no longer open it, and this cannot be undone.`,
  movingUp: (destination: string) => `Its sub-pages move up to ${destination}, taking their own sub-pages along. Their addresses change:`,
  topLevel: 'the top level',
  oldAddresses: 'Links to their old addresses lead to the new ones; links to this page will answer “not found”.',
  confirm: 'Delete permanently',
  cancel: 'Keep it',
  back: 'Back to the page',
};

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
  return renderDocument(
    <AdminDocument chrome={chrome} title={messages.title(data.title)}>
      <h1>{messages.title(data.title)}</h1>
      <p class="admin-lede">{messages.lede(data.address)}</p>
      <FormOutcome problem={data.problem} />
      {data.movingUp.length > 0 ? (
        <>
          <p>{messages.movingUp(data.parentTitle === undefined ? messages.topLevel : `“${data.parentTitle}”`)}</p>
          <ul>
            {data.movingUp.map((move) => (
              <li>
                {move.title}: {move.from} → {move.to}
              </li>
            ))}
          </ul>
          <p>{messages.oldAddresses}</p>
        </>
      ) : null}
      {data.problem ? (
        <p>
          <a class="button" href={`/admin/pages/${data.pageId}`}>
            {messages.back}
          </a>
        </p>
      ) : (
        <form method="post" action={`/admin/pages/${data.pageId}/delete`} class="editor-actions">
          <CsrfField token={chrome.csrfToken} />
          <button type="submit" class="button button--danger">
            {messages.confirm}
          </button>
          <a class="button" href={`/admin/pages/${data.pageId}`}>
            {messages.cancel}
          </a>
        </form>
      )}
    </AdminDocument>,
  );
}
