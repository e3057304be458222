import { diffWords } from 'diff';
import type { RevisionSnapshot } from '../articles/index.ts';
import { CsrfField } from '../render/form.tsx';
import { htmlToText } from '../render/sanitize.ts';
import { renderDocument } from '../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from './admin-document.tsx';
import { AdminTable } from './admin-table.tsx';

export interface RevisionsPageData {
  readonly articleId: number;
  readonly headline: string;
  readonly revisions: readonly { readonly id: number; readonly label: string; readonly by: string }[];
  /** The two revisions compared, older first; absent when there is only one. */
  readonly comparison?: { readonly from: RevisionSnapshot; readonly to: RevisionSnapshot; readonly fromId: number; readonly toId: number };
}

const comparedFields: readonly [string, (snapshot: RevisionSnapshot) => string][] = [
  ['Headline', (s) => s.headline],
  ['Standfirst', (s) => s.standfirst],
  ['Dateline', (s) => s.dateline],
  ['Slug', (s) => s.slug],
  ['Body', (s) => htmlToText(s.bodyHtml)],
  ['Search title', (s) => s.seoTitle ?? ''],
  ['Search description', (s) => s.seoDescription ?? ''],
];

/** Words removed and added, as <del> and <ins>, which screen readers announce. */
function Difference({ before, after }: { before: string; after: string }) {
  return (
    <p class="diff">
      {diffWords(before, after).map((part) =>
        part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : <span>{part.value}</span>,
      )}
    </p>
  );
}

function RevisionSelect({ name, label, revisions, value }: { name: string; label: string; revisions: RevisionsPageData['revisions']; value: number | undefined }) {
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
  const changed = data.comparison ? comparedFields.filter(([, read]) => read(data.comparison!.from) !== read(data.comparison!.to)) : [];
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
      {data.comparison ? (
        <section aria-labelledby="differences-heading">
          <h2 id="differences-heading">Differences</h2>
          {changed.length === 0 ? <p>The text of these two versions is the same.</p> : null}
          {changed.map(([label, read]) => (
            <div class="diff-field">
              <h3>{label}</h3>
              <Difference before={read(data.comparison!.from)} after={read(data.comparison!.to)} />
            </div>
          ))}
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
                      Restore this version
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
