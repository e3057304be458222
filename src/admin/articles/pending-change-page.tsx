import type { PendingChange } from '../../articles/index.ts';
import { CsrfField, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { type ReadableField, SnapshotDifferences } from './snapshot-differences.tsx';

const messages = {
  title: 'Proposed change',
  back: (headline: string) => `Back to “${headline}”`,
  viewLive: 'View the published article',
  proposed: (by: string, at: string) => `Proposed by ${by} on ${at}.`,
  waiting: 'Readers still see the published version. Accepting publishes this change at once; rejecting leaves the article as it is.',
  decided: { accepted: 'Accepted', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  decidedBy: (state: string, by: string, at: string) => `${state} by ${by} on ${at}.`,
  movedOn:
    'The published article has been saved since this change was proposed. The differences below are against the article as it is now: accepting replaces those later edits too.',
  differences: 'Differences from the published article',
  accept: 'Accept and publish this change',
  reject: 'Reject',
  withdraw: 'Withdraw my change',
};

export interface PendingChangePageData {
  readonly articleId: number;
  readonly liveHeadline: string;
  /** The article's version compared here; accepting is refused if it has changed since. */
  readonly liveVersion: number;
  readonly publicUrl: string | null;
  readonly change: Pick<PendingChange, 'id' | 'state'> & {
    readonly byName: string;
    readonly atLabel: string;
    readonly decided?: { readonly byName: string; readonly atLabel: string };
  };
  readonly liveMovedOn: boolean;
  readonly live: readonly ReadableField[];
  readonly proposed: readonly ReadableField[];
  /** May accept or reject: the change is waiting and this person may publish the article. */
  readonly canDecide: boolean;
  /** May withdraw: the change is waiting and is theirs. */
  readonly canWithdraw: boolean;
  readonly message?: string;
}

function Decision({ data, csrfToken }: { data: PendingChangePageData; csrfToken: string }) {
  const base = `/admin/articles/${data.articleId}/changes/${data.change.id}`;
  return (
    <div class="editor-actions">
      {data.canDecide ? (
        <>
          <form method="post" action={`${base}/accept`} class="inline-form">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="liveVersion" value={String(data.liveVersion)} />
            <button type="submit" class="button button--primary">
              {messages.accept}
            </button>
          </form>
          <form method="post" action={`${base}/reject`} class="inline-form">
            <CsrfField token={csrfToken} />
            <button type="submit" class="button button--danger">
              {messages.reject}
            </button>
          </form>
        </>
      ) : null}
      {data.canWithdraw ? (
        <form method="post" action={`${base}/withdraw`} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            {messages.withdraw}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function renderPendingChangePage(chrome: AdminChrome, data: PendingChangePageData): string {
  const { change } = data;
  return renderDocument(
    <AdminDocument chrome={chrome} title={`${messages.title}: ${data.liveHeadline}`}>
      <h1>{messages.title}</h1>
      <p class="admin-lede">
        <a href={`/admin/articles/${data.articleId}`}>{messages.back(data.liveHeadline)}</a>
        {data.publicUrl ? (
          <>
            {' · '}
            <a href={data.publicUrl}>{messages.viewLive}</a>
          </>
        ) : null}
      </p>
      <FormOutcome problem={data.message} />
      <p>
        {messages.proposed(change.byName, change.atLabel)}{' '}
        {change.state === 'pending'
          ? messages.waiting
          : change.decided
            ? messages.decidedBy(messages.decided[change.state], change.decided.byName, change.decided.atLabel)
            : null}
      </p>
      {change.state === 'pending' && data.liveMovedOn ? (
        <p class="editor-notice editor-notice--info" role="status">
          {messages.movedOn}
        </p>
      ) : null}
      <section aria-labelledby="differences-heading">
        <h2 id="differences-heading">{messages.differences}</h2>
        <SnapshotDifferences from={data.live} to={data.proposed} />
      </section>
      {change.state === 'pending' ? <Decision data={data} csrfToken={chrome.csrfToken} /> : null}
    </AdminDocument>,
  );
}
