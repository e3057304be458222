import type { CommentStatus, ModeratedComment } from '../../comments/index.ts';
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

const tabs: readonly { status: CommentStatus; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'approved', label: 'Approved' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Trash' },
];

const actionsFor: Record<CommentStatus, readonly { action: string; label: string }[]> = {
  pending: [
    { action: 'approve', label: 'Approve' },
    { action: 'spam', label: 'Spam' },
    { action: 'trash', label: 'Trash' },
  ],
  approved: [
    { action: 'spam', label: 'Spam' },
    { action: 'trash', label: 'Trash' },
  ],
  spam: [
    { action: 'approve', label: 'Not spam: approve' },
    { action: 'trash', label: 'Trash' },
  ],
  trash: [
    { action: 'restore', label: 'Restore to pending' },
    { action: 'approve', label: 'Approve' },
  ],
};

function CommentCard({ comment, csrfToken }: { comment: CommentQueueData['comments'][number]; csrfToken: string }) {
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
          Select
        </label>
      </div>
      <div class="moderation-item__main">
        <p class="moderation-item__meta" id={labelId}>
          <strong>
            <bdi>{comment.authorName}</bdi>
          </strong>
          {comment.isStaff ? ' (staff)' : null}
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
          On <a href={comment.articleUrl}>{comment.article.headline}</a> · <time datetime={comment.createdAt.toISOString()}>{comment.createdLabel}</time> ·
          status {comment.status}
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
            {comment.spamScore === null ? 'Why' : `Spam score ${Math.round(comment.spamScore * 100)}%`}
            {comment.spamReasons.length > 0 ? `: ${comment.spamReasons.join('; ')}` : ''}
          </p>
        ) : null}
        <div class="moderation-item__actions">
          {actionsFor[comment.status].map((item) => (
            <form method="post" action={`/admin/comments/${comment.id}/${item.action}`}>
              <CsrfField token={csrfToken} />
              <button type="submit">
                {item.label}
                <span class="visually-hidden"> comment by {comment.authorName}</span>
              </button>
            </form>
          ))}
          <a href={`/admin/comments/${comment.id}/edit`}>
            Edit or reply<span class="visually-hidden"> to comment by {comment.authorName}</span>
          </a>
        </div>
      </div>
    </li>
  );
}

export function renderCommentQueuePage(chrome: AdminChrome, data: CommentQueueData): string {
  const query = (page: number) =>
    `/admin/comments?${new URLSearchParams({ ...(data.email ? { email: data.email } : {}), ...(data.status ? { status: data.status } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return renderDocument(
    <AdminDocument chrome={chrome} title={data.email ? `Comments by ${data.email}` : 'Comments'}>
      <h1>{data.email ? <>Comments by {data.email}</> : 'Comments'}</h1>
      <p class="admin-links">
        <a href="/admin/comments/blocks">Block list</a> · <a href="/admin/comments/privacy">Privacy requests</a>
        {chrome.staff?.managesTeam ? (
          <>
            {' · '}
            <a href="/admin/comments/policy">Comment policy</a>
          </>
        ) : null}
      </p>
      <FormOutcome notice={data.notice} problem={data.error} />
      <form method="post" action="/admin/comments/notifications" class="inline-form">
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="notify" value={data.notifyMe ? 'off' : 'on'} />
        {data.notifyMe ? 'You get an email for each comment held for moderation. ' : 'You get no email about held comments. '}
        <button type="submit">{data.notifyMe ? 'Stop these emails' : 'Email me about held comments'}</button>
      </form>
      {data.email && data.commenter ? (
        <section class="commenter" aria-labelledby="commenter-heading">
          <h2 id="commenter-heading">This commenter</h2>
          <p>
            {data.commenter.banned
              ? 'Banned: everything they post goes to spam.'
              : data.commenter.trusted
                ? 'Trusted: their comments are published without waiting.'
                : 'Not yet approved.'}
          </p>
          <form method="post" action="/admin/comments/commenter">
            <CsrfField token={chrome.csrfToken} />
            <input type="hidden" name="email" value={data.email} />
            {data.commenter.banned ? (
              <button type="submit" name="standing" value="unban">
                Lift the ban
              </button>
            ) : (
              <>
                <button type="submit" name="standing" value="approve-all">
                  Approve all their pending comments
                </button>{' '}
                <button type="submit" name="standing" value="ban">
                  Ban this email
                </button>
              </>
            )}
          </form>
        </section>
      ) : null}
      <nav aria-label="Comment status">
        <ul class="admin-tabs">
          {tabs.map((tab) => (
            <li>
              <a
                href={`/admin/comments?${new URLSearchParams({ ...(data.email ? { email: data.email } : {}), status: tab.status })}`}
                aria-current={tab.status === data.status ? 'page' : undefined}
              >
                {tab.label} <span class="count">({data.counts[tab.status].toLocaleString('en')})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {data.comments.length === 0 ? (
        <p>No comments here.</p>
      ) : (
        <>
          <form id="bulk-form" method="post" action="/admin/comments/bulk" class="bulk-actions">
            <CsrfField token={chrome.csrfToken} />
            <input type="hidden" name="return_to" value={query(data.page)} />
            <label for="bulk-action">With the selected comments</label>{' '}
            <select id="bulk-action" name="action">
              <option value="approve">Approve</option>
              <option value="spam">Mark as spam</option>
              <option value="trash">Move to trash</option>
              <option value="restore">Restore to pending</option>
            </select>{' '}
            <button type="submit">Apply</button>
          </form>
          <ol class="moderation-list">
            {data.comments.map((comment) => (
              <CommentCard comment={comment} csrfToken={chrome.csrfToken} />
            ))}
          </ol>
        </>
      )}
      {data.page > 1 || data.hasNext ? (
        <nav class="pagination" aria-label="Pages">
          {data.page > 1 ? <a href={query(data.page - 1)}>Newer</a> : null} {data.hasNext ? <a href={query(data.page + 1)}>Older</a> : null}
        </nav>
      ) : null}
    </AdminDocument>,
  );
}
