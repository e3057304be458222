import type { Block, ModeratedComment } from '../../comments/index.ts';
import { commentModerations, type CommentPolicy, commentPolicyLimits } from '../../settings/index.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field, Select, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { AdminDocument, type AdminChrome } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';

type Values = Readonly<Record<string, string>>;
type Errors = Readonly<Record<string, string>>;

export function renderCommentEditPage(
  chrome: AdminChrome,
  data: { comment: ModeratedComment; values: Values; errors: Errors; replyValue: string; replyError: string },
): string {
  const { comment } = data;
  return renderDocument(
    <AdminDocument chrome={chrome} title="Edit comment">
      <p>
        <a href={`/admin/comments?status=${comment.status}`}>← Back to the queue</a>
      </p>
      <h1>Edit comment</h1>
      <p>
        On “{comment.article.headline}”, status {comment.status}. The commenter’s email ({comment.authorEmail || 'staff'}) cannot be changed.
      </p>
      <ErrorSummary errors={data.errors} labels={{ name: 'Name', website: 'Website', comment: 'Comment' }} />
      <form method="post" action={`/admin/comments/${comment.id}/edit`}>
        <CsrfField token={chrome.csrfToken} />
        <Field name="name" label="Name" value={data.values.name} error={data.errors.name} required maxlength={100} />
        <Field name="website" label="Website" type="url" value={data.values.website} error={data.errors.website} maxlength={200} />
        <TextArea name="comment" label="Comment" value={data.values.comment} error={data.errors.comment} required rows={8} maxlength={5000} />
        <p>
          <button type="submit">Save changes</button>
        </p>
      </form>
      <h2>Reply as the newsroom</h2>
      <p>Your reply is published at once under this comment, with a staff badge. A pending comment you reply to is approved.</p>
      <form method="post" action={`/admin/comments/${comment.id}/reply`}>
        <CsrfField token={chrome.csrfToken} />
        <TextArea name="reply" label="Reply" value={data.replyValue} error={data.replyError || undefined} required rows={5} maxlength={5000} />
        <p>
          <button type="submit">Publish reply</button>
        </p>
      </form>
    </AdminDocument>,
  );
}

export function renderBlockListPage(chrome: AdminChrome, data: { blocks: readonly Block[]; values: Values; errors: Errors; notice: string }): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Comment block list">
      <p>
        <a href="/admin/comments">← Comments</a>
      </p>
      <h1>Block list</h1>
      <p>A comment containing a blocked word, or sent from a blocked email or IP address, goes straight to spam.</p>
      <FormOutcome notice={data.notice} />
      <ErrorSummary errors={data.errors} labels={{ pattern: 'Word, email or address' }} />
      <form method="post" action="/admin/comments/blocks">
        <CsrfField token={chrome.csrfToken} />
        <Select
          name="kind"
          label="Block a"
          value={data.values.kind}
          options={[
            { value: 'word', label: 'Word or phrase' },
            { value: 'email', label: 'Email address' },
            { value: 'ip', label: 'IP address or range (CIDR)' },
          ]}
        />
        <Field
          name="pattern"
          label="Word, email or address"
          value={data.values.pattern}
          error={data.errors.pattern}
          required
          maxlength={200}
          hint="E.g. casino, spam@example.com, or 203.0.113.0/24"
        />
        <p>
          <button type="submit">Add to the block list</button>
        </p>
      </form>
      {data.blocks.length === 0 ? (
        <p>Nothing is blocked yet.</p>
      ) : (
        <AdminTable columns={['Kind', 'Blocked', 'Added', 'Remove']}>
          {data.blocks.map((block) => (
            <tr>
              <td>{block.kind}</td>
              <td>
                <bdi>{block.pattern}</bdi>
              </td>
              <td>{block.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                <form method="post" action={`/admin/comments/blocks/${block.id}/delete`}>
                  <CsrfField token={chrome.csrfToken} />
                  <button type="submit">
                    Remove<span class="visually-hidden"> {block.pattern}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminDocument>,
  );
}

export function renderPrivacyPage(chrome: AdminChrome, data: { email: string; found: number | null; error: string; notice: string }): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Commenter privacy requests">
      <p>
        <a href="/admin/comments">← Comments</a>
      </p>
      <h1>Privacy requests</h1>
      <p>Export or erase everything stored about one commenter’s email address: their comments, names, websites, IP addresses and standing.</p>
      <FormOutcome notice={data.notice} problem={data.error} />
      <form method="get" action="/admin/comments/privacy">
        <Field name="email" label="Commenter’s email address" type="email" value={data.email} required maxlength={254} />
        <p>
          <button type="submit">Look up</button>
        </p>
      </form>
      {data.found !== null ? (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">{data.email}</h2>
          <p>{data.found === 1 ? '1 comment is stored.' : `${data.found} comments are stored.`}</p>
          <p>
            <a href={`/admin/comments/privacy/export?email=${encodeURIComponent(data.email)}`}>Download everything as JSON</a>
          </p>
          <form method="post" action="/admin/comments/privacy/erase">
            <CsrfField token={chrome.csrfToken} />
            <input type="hidden" name="email" value={data.email} />
            <Field name="confirm" label="To erase, type the email address again" type="email" required maxlength={254} />
            <p>
              <button type="submit" class="button--danger">
                Erase everything about this email
              </button>
            </p>
          </form>
        </section>
      ) : null}
    </AdminDocument>,
  );
}

export function renderCommentPolicyPage(chrome: AdminChrome, data: { values: Values; errors: Errors; notice: string; policy: CommentPolicy }): string {
  const number = (name: keyof typeof commentPolicyLimits, label: string, hint: string) => (
    <Field
      name={name}
      label={label}
      value={data.values[name]}
      error={data.errors[name]}
      required
      hint={`${hint} (${commentPolicyLimits[name].min}–${commentPolicyLimits[name].max})`}
    />
  );
  return renderDocument(
    <AdminDocument chrome={chrome} title="Comment policy">
      <p>
        <a href="/admin/comments">← Comments</a>
      </p>
      <h1>Comment policy</h1>
      <FormOutcome notice={data.notice} />
      <ErrorSummary
        errors={data.errors}
        labels={{ closeAfterDays: 'Close after', maxDepth: 'Reply depth', perPage: 'Per page', ipRetentionDays: 'Keep IP addresses', maxLinks: 'Links' }}
      />
      <form method="post" action="/admin/comments/policy">
        <CsrfField token={chrome.csrfToken} />
        <Select name="moderation" label="Moderation" value={data.values.moderation} options={commentModerations} />
        <Select
          name="order"
          label="Order readers see first"
          value={data.values.order}
          options={[
            { value: 'oldest', label: 'Oldest first' },
            { value: 'newest', label: 'Newest first' },
          ]}
        />
        {number('closeAfterDays', 'Close comments after (days)', 'Days after publication; 0 keeps them open')}
        {number('maxDepth', 'Reply depth', 'How deep replies nest')}
        {number('perPage', 'Comments per page', 'Top-level comments per page')}
        {number('ipRetentionDays', 'Keep IP addresses for (days)', 'Then they are erased')}
        {number('maxLinks', 'Links allowed per comment', 'More are held for a moderator')}
        <p>
          <button type="submit">Save policy</button>
        </p>
      </form>
    </AdminDocument>,
  );
}
