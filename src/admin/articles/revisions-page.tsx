import type { RevisionSnapshot, SnapshotNames } from '../../articles/index.ts';
import { CsrfField } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { readableSnapshot, SnapshotDifferences } from './snapshot-differences.tsx';

export interface RevisionsPageData {
  readonly articleId: number;
  readonly headline: string;
  readonly revisions: readonly { readonly id: number; readonly label: string; readonly by: string }[];
  /** The two revisions compared, older first; absent when there is only one. */
  readonly comparison?: {
    readonly from: RevisionSnapshot;
    readonly to: RevisionSnapshot;
    readonly fromId: number;
    readonly toId: number;
    readonly names: SnapshotNames;
  };
  /** A restore by this person waits for an editor's review (the article is live and they may not publish it). */
  readonly restoreIsHeld: boolean;
}

function RevisionSelect({
  name,
  label,
  revisions,
  value,
}: {
  name: string;
  label: string;
  revisions: RevisionsPageData['revisions'];
  value: number | undefined;
}) {
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <select id={`field-${name}`} name={name}>
        {revisions.map((revision) => (
          <option value={String(revision.id)} selected={revision.id === value}>
            {revision.label} — {revision.by}
          </option>
        ))}
      </select>
    </div>
  );
}

export function renderRevisionsPage(chrome: AdminChrome, data: RevisionsPageData): string {
  const { words } = chrome;
  const compared = data.comparison;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('articles.revisions.title', { headline: data.headline })}>
      <h1>{words.text('articles.revisions.heading')}</h1>
      <p class="admin-lede">
        <a href={`/admin/articles/${data.articleId}`}>{words.text('articles.revisions.back', { headline: data.headline })}</a>
      </p>
      {data.revisions.length > 1 ? (
        <form method="get" action={`/admin/articles/${data.articleId}/revisions`} class="admin-form admin-form--row">
          <RevisionSelect name="from" label={words.text('articles.revisions.compare')} revisions={data.revisions} value={data.comparison?.fromId} />
          <RevisionSelect name="to" label={words.text('articles.revisions.with')} revisions={data.revisions} value={data.comparison?.toId} />
          <button type="submit" class="button">
            {words.text('articles.revisions.show')}
          </button>
        </form>
      ) : null}
      {compared ? (
        <section aria-labelledby="differences-heading">
          <h2 id="differences-heading">{words.text('articles.revisions.differences')}</h2>
          <SnapshotDifferences
            from={readableSnapshot(compared.from, compared.names, words)}
            to={readableSnapshot(compared.to, compared.names, words)}
            words={words}
          />
        </section>
      ) : null}
      <h2>{words.text('articles.revisions.everySave')}</h2>
      <AdminTable columns={[words.text('articles.revisions.saved'), words.text('articles.revisions.by'), words.text('articles.revisions.restore')]}>
        {data.revisions.map((revision, index) => (
          <tr>
            <td>{revision.label}</td>
            <td>{revision.by}</td>
            <td>
              {index === 0 ? (
                words.text('articles.revisions.current')
              ) : (
                <form method="post" action={`/admin/articles/${data.articleId}/revisions/${revision.id}/restore`} class="inline-form">
                  <CsrfField token={chrome.csrfToken} />
                  <button type="submit" class="button">
                    {words.text(data.restoreIsHeld ? 'articles.revisions.propose' : 'articles.revisions.restoreThis')}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </AdminDocument>,
  );
}
