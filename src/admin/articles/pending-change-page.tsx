import type { PendingChange } from '../../articles/index.ts';
import type { NewsroomKey } from '../../i18n/index.ts';
import { CsrfField, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { type ReadableField, SnapshotDifferences } from './snapshot-differences.tsx';

type Words = AdminChrome['words'];

const decidedKeys = {
  accepted: 'articles.change.acceptedBy',
  rejected: 'articles.change.rejectedBy',
  withdrawn: 'articles.change.withdrawnBy',
} as const satisfies Record<Exclude<PendingChange['state'], 'pending'>, NewsroomKey>;

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

function Decision({ data, csrfToken, words }: { data: PendingChangePageData; csrfToken: string; words: Words }) {
  const base = `/admin/articles/${data.articleId}/changes/${data.change.id}`;
  return (
    <div class="editor-actions">
      {data.canDecide ? (
        <>
          <form method="post" action={`${base}/accept`} class="inline-form">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="liveVersion" value={String(data.liveVersion)} />
            <button type="submit" class="button button--primary">
              {words.text('articles.change.accept')}
            </button>
          </form>
          <form method="post" action={`${base}/reject`} class="inline-form">
            <CsrfField token={csrfToken} />
            <button type="submit" class="button button--danger">
              {words.text('articles.change.reject')}
            </button>
          </form>
        </>
      ) : null}
      {data.canWithdraw ? (
        <form method="post" action={`${base}/withdraw`} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            {words.text('articles.change.withdraw')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function renderPendingChangePage(chrome: AdminChrome, data: PendingChangePageData): string {
  const { words } = chrome;
  const { change } = data;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('articles.change.pageTitle', { headline: data.liveHeadline })}>
      <h1>{words.text('articles.change.title')}</h1>
      <p class="admin-lede">
        <a href={`/admin/articles/${data.articleId}`}>{words.text('articles.change.back', { headline: data.liveHeadline })}</a>
        {data.publicUrl ? (
          <>
            {' · '}
            <a href={data.publicUrl}>{words.text('articles.change.viewLive')}</a>
          </>
        ) : null}
      </p>
      <FormOutcome problem={data.message} />
      <p>
        {words.text('articles.change.proposed', { name: change.byName, at: change.atLabel })}{' '}
        {change.state === 'pending'
          ? words.text('articles.change.waiting')
          : change.decided
            ? words.text(decidedKeys[change.state], { name: change.decided.byName, at: change.decided.atLabel })
            : null}
      </p>
      {change.state === 'pending' && data.liveMovedOn ? (
        <p class="editor-notice editor-notice--info" role="status">
          {words.text('articles.change.movedOn')}
        </p>
      ) : null}
      <section aria-labelledby="differences-heading">
        <h2 id="differences-heading">{words.text('articles.change.differences')}</h2>
        <SnapshotDifferences from={data.live} to={data.proposed} words={words} />
      </section>
      {change.state === 'pending' ? <Decision data={data} csrfToken={chrome.csrfToken} words={words} /> : null}
    </AdminDocument>,
  );
}
