import type { CommentStatus, ModeratedComment } from '../../comments/index.ts';
import { sentenceIn } from '../../errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { AdminDocument, type AdminChrome } from '../admin-document.tsx';

export interface CommentQueueData {
  readonly status: CommentStatus | null;
  /** Set when the queue shows one commenter's comments. */
  readonly email: string | null;
  readonly counts: Readonly<Record<CommentStatus, number>>;
  readonly comments: readonly (ModeratedComment & { readonly articleUrl: string; readonly createdLabel: string })[];
  readonly page: number;
  readonly hasNext: boolean;
  readonly notice: string;
  readonly error: string;
  readonly commenter: { readonly banned: boolean; readonly trusted: boolean } | null;
  /** Whether this moderator gets an email for each comment held for moderation. */
  readonly notifyMe: boolean;
}

const tabs: readonly { status: CommentStatus; label: NewsroomKey }[] = [
  { status: 'pending', label: 'moderation.tabPending' },
  { status: 'approved', label: 'moderation.tabApproved' },
  { status: 'spam', label: 'moderation.tabSpam' },
  { status: 'trash', label: 'moderation.tabTrash' },
];

/** A status as the queue names it inside a sentence ("status pending"), also on the edit page. */
export const statusWords: Readonly<Record<CommentStatus, NewsroomKey>> = {
  pending: 'moderation.statusPending',
  approved: 'moderation.statusApproved',
  spam: 'moderation.statusSpam',
  trash: 'moderation.statusTrash',
};

/** Each action's button; its message hides "comment by {name}" for screen readers. */
const actionsFor: Record<CommentStatus, readonly { action: string; label: NewsroomKey }[]> = {
  pending: [
    { action: 'approve', label: 'moderation.actionApprove' },
    { action: 'spam', label: 'moderation.actionSpam' },
    { action: 'trash', label: 'moderation.actionTrash' },
  ],
  approved: [
    { action: 'spam', label: 'moderation.actionSpam' },
    { action: 'trash', label: 'moderation.actionTrash' },
  ],
  spam: [
    { action: 'approve', label: 'moderation.actionNotSpam' },
    { action: 'trash', label: 'moderation.actionTrash' },
  ],
  trash: [
    { action: 'restore', label: 'moderation.actionRestore' },
    { action: 'approve', label: 'moderation.actionApprove' },
  ],
};

/** Wraps a message's `<hidden>…</hidden>` for screen readers only. */
export const visuallyHidden = (chunks: unknown[]) => <span class="visually-hidden">{chunks}</span>;

function CommentCard({ comment, csrfToken, words }: { comment: CommentQueueData['comments'][number]; csrfToken: string; words: Translator<NewsroomKey> }) {
  const labelId = `moderation-comment-${comment.id}-label`;
  return (
    <li id={`moderation-comment-${comment.id}`} class={`moderation-item moderation-item--${comment.status}`}>
      <div class="moderation-item__select">
        <input
          type="checkbox"
          name="ids"
          value={String(comment.id)}
          form="bulk-form"
          id={`select-${comment.id}`}
          aria-labelledby={`select-${comment.id}-label ${labelId}`}
        />
        <label id={`select-${comment.id}-label`} for={`select-${comment.id}`} class="visually-hidden">
          {words.text('moderation.select')}
        </label>
      </div>
      <div class="moderation-item__main">
        <p class="moderation-item__meta" id={labelId}>
          <strong>
            <bdi>{comment.authorName}</bdi>
          </strong>
          {comment.isStaff ? ` ${words.text('moderation.staff')}` : null}
          {comment.authorEmail ? (
            <>
              {' · '}
              <a href={`/admin/comments?email=${encodeURIComponent(comment.authorEmail)}`}>{comment.authorEmail}</a>
            </>
          ) : null}
          {comment.authorWebsite ? (
            <>
              {' '}
              · <bdi>{comment.authorWebsite}</bdi>
            </>
          ) : null}
          {comment.ipAddress ? <> · {comment.ipAddress}</> : null}
        </p>
        <p class="moderation-item__article">
          {words.rich('moderation.onArticle', {
            article: <a href={comment.articleUrl}>{comment.article.headline}</a>,
            time: <time datetime={comment.createdAt.toISOString()}>{comment.createdLabel}</time>,
            status: words.text(statusWords[comment.status]),
          })}
        </p>
        <div class="moderation-item__body" dir="auto">
          {comment.body.split('\n').map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </div>
        {comment.spamScore !== null || comment.spamReasons.length > 0 ? (
          <p class="moderation-item__score">
            {comment.spamScore === null
              ? words.text('moderation.heldWhy')
              : words.text('moderation.spamScore', { percent: Math.round(comment.spamScore * 100) })}
            {/* The spam checks' phrases in the newsroom's words; an older comment's English reasons as they were stored. */}
            {comment.spamReasons.length > 0 ? `: ${comment.spamReasons.map((reason) => sentenceIn(reason, words)).join('; ')}` : ''}
          </p>
        ) : null}
        <div class="moderation-item__actions">
          {actionsFor[comment.status].map((item) => (
            <form method="post" action={`/admin/comments/${comment.id}/${item.action}`}>
              <CsrfField token={csrfToken} />
              <button type="submit">{words.rich(item.label, { name: comment.authorName, hidden: visuallyHidden })}</button>
            </form>
          ))}
          <a href={`/admin/comments/${comment.id}/edit`}>{words.rich('moderation.editOrReply', { name: comment.authorName, hidden: visuallyHidden })}</a>
        </div>
      </div>
    </li>
  );
}

export function renderCommentQueuePage(chrome: AdminChrome, data: CommentQueueData): string {
  const words = chrome.words;
  const query = (page: number) =>
    `/admin/comments?${new URLSearchParams({ ...(data.email ? { email: data.email } : {}), ...(data.status ? { status: data.status } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  const title = data.email ? words.text('moderation.titleByEmail', { email: data.email }) : words.text('moderation.title');
  // Numbers as the words around them are written (a French site's newsroom is English, so are its numbers).
  const numbers = new Intl.NumberFormat(words.catalog);
  return renderDocument(
    <AdminDocument chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p class="admin-links">
        <a href="/admin/comments/blocks">{words.text('moderation.blockListLink')}</a> ·{' '}
        <a href="/admin/comments/privacy">{words.text('moderation.privacyLink')}</a>
        {chrome.staff?.managesTeam ? (
          <>
            {' · '}
            <a href="/admin/comments/policy">{words.text('moderation.policyLink')}</a>
          </>
        ) : null}
      </p>
      <FormOutcome notice={data.notice} problem={data.error} />
      <form method="post" action="/admin/comments/notifications" class="inline-form">
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="notify" value={data.notifyMe ? 'off' : 'on'} />
        {`${words.text(data.notifyMe ? 'moderation.notifyOn' : 'moderation.notifyOff')} `}
        <button type="submit">{words.text(data.notifyMe ? 'moderation.notifyStop' : 'moderation.notifyStart')}</button>
      </form>
      {data.email && data.commenter ? (
        <section class="commenter" aria-labelledby="commenter-heading">
          <h2 id="commenter-heading">{words.text('moderation.commenterHeading')}</h2>
          <p>
            {words.text(
              data.commenter.banned ? 'moderation.commenterBanned' : data.commenter.trusted ? 'moderation.commenterTrusted' : 'moderation.commenterNew',
            )}
          </p>
          <form method="post" action="/admin/comments/commenter">
            <CsrfField token={chrome.csrfToken} />
            <input type="hidden" name="email" value={data.email} />
            {data.commenter.banned ? (
              <button type="submit" name="standing" value="unban">
                {words.text('moderation.liftBan')}
              </button>
            ) : (
              <>
                <button type="submit" name="standing" value="approve-all">
                  {words.text('moderation.approveAll')}
                </button>{' '}
                <button type="submit" name="standing" value="ban">
                  {words.text('moderation.ban')}
                </button>
              </>
            )}
          </form>
        </section>
      ) : null}
      <nav aria-label={words.text('moderation.statusNavigation')}>
        <ul class="admin-tabs">
          {tabs.map((tab) => (
            <li>
              <a
                href={`/admin/comments?${new URLSearchParams({ ...(data.email ? { email: data.email } : {}), status: tab.status })}`}
                aria-current={tab.status === data.status ? 'page' : undefined}
              >
                {words.text(tab.label)} <span class="count">({numbers.format(data.counts[tab.status])})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {data.comments.length === 0 ? (
        <p>{words.text('moderation.empty')}</p>
      ) : (
        <>
          <form id="bulk-form" method="post" action="/admin/comments/bulk" class="bulk-actions">
            <CsrfField token={chrome.csrfToken} />
            <input type="hidden" name="return_to" value={query(data.page)} />
            <label for="bulk-action">{words.text('moderation.bulkLabel')}</label>{' '}
            <select id="bulk-action" name="action">
              <option value="approve">{words.text('moderation.bulkApprove')}</option>
              <option value="spam">{words.text('moderation.bulkSpam')}</option>
              <option value="trash">{words.text('moderation.bulkTrash')}</option>
              <option value="restore">{words.text('moderation.bulkRestore')}</option>
            </select>{' '}
            <button type="submit">{words.text('moderation.bulkApply')}</button>
          </form>
          <ol class="moderation-list">
            {data.comments.map((comment) => (
              <CommentCard comment={comment} csrfToken={chrome.csrfToken} words={words} />
            ))}
          </ol>
        </>
      )}
      {data.page > 1 || data.hasNext ? (
        <nav class="pagination" aria-label={words.text('moderation.pagination')}>
          {data.page > 1 ? <a href={query(data.page - 1)}>{words.text('moderation.newer')}</a> : null}{' '}
          {data.hasNext ? <a href={query(data.page + 1)}>{words.text('moderation.older')}</a> : null}
        </nav>
      ) : null}
    </AdminDocument>,
  );
}
