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
  const compared = data.comparison;
  return renderDocument(
    <AdminDocument chrome={chrome} title={`Revisions: ${data.headline}`}>
      <h1>Revisions</h1>
      <p class="admin-lede">
        <a href={`/admin/articles/${data.articleId}`}>Back to “{data.headline}”</a>
      </p>
      {data.revisions.length > 1 ? (
        <form method="get" action={`/admin/articles/${data.articleId}/revisions`} class="admin-form admin-form--row">
          <RevisionSelect name="from" label="Compare" revisions={data.revisions} value={data.comparison?.fromId} />
          <RevisionSelect name="to" label="with" revisions={data.revisions} value={data.comparison?.toId} />
          <button type="submit" class="button">
            Show the differences
          </button>
        </form>
      ) : null}
      {compared ? (
        <section aria-labelledby="differences-heading">
          <h2 id="differences-heading">Differences</h2>
          <SnapshotDifferences from={readableSnapshot(compared.from, compared.names)} to={readableSnapshot(compared.to, compared.names)} />
        </section>
      ) : null}
      <h2>Every save</h2>
      <AdminTable columns={['Saved', 'By', 'Restore']}>
        {data.revisions.map((revision, index) => (
          <tr>
            <td>{revision.label}</td>
            <td>{revision.by}</td>
            <td>
              {index === 0 ? (
                'Current version'
              ) : (
                <form method="post" action={`/admin/articles/${data.articleId}/revisions/${revision.id}/restore`} class="inline-form">
                  <CsrfField token={chrome.csrfToken} />
                  <button type="submit" class="button">
                    {data.restoreIsHeld ? 'Propose this version for review' : 'Restore this version'}
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
