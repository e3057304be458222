import type { Block, ModeratedComment } from '../../comments/index.ts';
import type { NewsroomKey } from '../../i18n/index.ts';
import { type CommentPolicy, commentPolicyLimits } from '../../settings/index.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field, Select, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { AdminDocument, type AdminChrome } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { statusWords, visuallyHidden } from './comment-queue-page.tsx';

type Values = Readonly<Record<string, string>>;
type Errors = Readonly<Record<string, string>>;

export function renderCommentEditPage(
  chrome: AdminChrome,
  data: { comment: ModeratedComment; values: Values; errors: Errors; replyValue: string; replyError: string },
): string {
  const { comment } = data;
  const words = chrome.words;
  const labels = { name: words.text('moderation.fieldName'), website: words.text('moderation.fieldWebsite'), comment: words.text('moderation.fieldComment') };
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('moderation.editTitle')}>
      <p>
        <a href={`/admin/comments?status=${comment.status}`}>{words.text('moderation.backToQueue')}</a>
      </p>
      <h1>{words.text('moderation.editTitle')}</h1>
      <p>
        {words.text('moderation.editIntro', {
          headline: comment.article.headline,
          status: words.text(statusWords[comment.status]),
          email: comment.authorEmail || words.text('moderation.staffEmail'),
        })}
      </p>
      <ErrorSummary errors={data.errors} labels={labels} title={words.text('moderation.problem')} />
      <form method="post" action={`/admin/comments/${comment.id}/edit`}>
        <CsrfField token={chrome.csrfToken} />
        <Field
          name="name"
          label={labels.name}
          value={data.values.name}
          error={data.errors.name}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={100}
        />
        <Field name="website" label={labels.website} type="url" value={data.values.website} error={data.errors.website} maxlength={200} />
        <TextArea
          name="comment"
          label={labels.comment}
          value={data.values.comment}
          error={data.errors.comment}
          required
          requiredLabel={words.text('chrome.required')}
          rows={8}
          maxlength={5000}
        />
        <p>
          <button type="submit">{words.text('moderation.saveChanges')}</button>
        </p>
      </form>
      <h2>{words.text('moderation.replyHeading')}</h2>
      <p>{words.text('moderation.replyIntro')}</p>
      <form method="post" action={`/admin/comments/${comment.id}/reply`}>
        <CsrfField token={chrome.csrfToken} />
        <TextArea
          name="reply"
          label={words.text('moderation.fieldReply')}
          value={data.replyValue}
          error={data.replyError || undefined}
          required
          requiredLabel={words.text('chrome.required')}
          rows={5}
          maxlength={5000}
        />
        <p>
          <button type="submit">{words.text('moderation.publishReply')}</button>
        </p>
      </form>
    </AdminDocument>,
  );
}

const blockKinds: Readonly<Record<Block['kind'], { option: NewsroomKey; short: NewsroomKey }>> = {
  word: { option: 'moderation.blockKindWord', short: 'moderation.kindWord' },
  email: { option: 'moderation.blockKindEmail', short: 'moderation.kindEmail' },
  ip: { option: 'moderation.blockKindIp', short: 'moderation.kindIp' },
};

export function renderBlockListPage(chrome: AdminChrome, data: { blocks: readonly Block[]; values: Values; errors: Errors; notice: string }): string {
  const words = chrome.words;
  const patternLabel = words.text('moderation.blockPattern');
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('moderation.blocksTitle')}>
      <p>
        <a href="/admin/comments">{words.text('moderation.backToComments')}</a>
      </p>
      <h1>{words.text('moderation.blocksHeading')}</h1>
      <p>{words.text('moderation.blocksIntro')}</p>
      <FormOutcome notice={data.notice} />
      <ErrorSummary errors={data.errors} labels={{ pattern: patternLabel }} title={words.text('moderation.problem')} />
      <form method="post" action="/admin/comments/blocks">
        <CsrfField token={chrome.csrfToken} />
        <Select
          name="kind"
          label={words.text('moderation.blockKind')}
          value={data.values.kind}
          options={Object.entries(blockKinds).map(([value, kind]) => ({ value, label: words.text(kind.option) }))}
        />
        <Field
          name="pattern"
          label={patternLabel}
          value={data.values.pattern}
          error={data.errors.pattern}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={200}
          hint={words.text('moderation.blockPatternHint')}
        />
        <p>
          <button type="submit">{words.text('moderation.blockAdd')}</button>
        </p>
      </form>
      {data.blocks.length === 0 ? (
        <p>{words.text('moderation.blocksEmpty')}</p>
      ) : (
        <AdminTable
          columns={[
            words.text('moderation.blocksColumnKind'),
            words.text('moderation.blocksColumnPattern'),
            words.text('moderation.blocksColumnAdded'),
            words.text('moderation.blocksColumnRemove'),
          ]}
        >
          {data.blocks.map((block) => (
            <tr>
              <td>{block.kind in blockKinds ? words.text(blockKinds[block.kind].short) : block.kind}</td>
              <td>
                <bdi>{block.pattern}</bdi>
              </td>
              <td>{block.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                <form method="post" action={`/admin/comments/blocks/${block.id}/delete`}>
                  <CsrfField token={chrome.csrfToken} />
                  <button type="submit">{words.rich('moderation.blockRemove', { pattern: block.pattern, hidden: visuallyHidden })}</button>
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
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('moderation.privacyTitle')}>
      <p>
        <a href="/admin/comments">{words.text('moderation.backToComments')}</a>
      </p>
      <h1>{words.text('moderation.privacyHeading')}</h1>
      <p>{words.text('moderation.privacyIntro')}</p>
      <FormOutcome notice={data.notice} problem={data.error} />
      <form method="get" action="/admin/comments/privacy">
        <Field
          name="email"
          label={words.text('moderation.privacyEmail')}
          type="email"
          value={data.email}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={254}
        />
        <p>
          <button type="submit">{words.text('moderation.lookUp')}</button>
        </p>
      </form>
      {data.found !== null ? (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">{data.email}</h2>
          <p>{words.text('moderation.stored', { count: data.found })}</p>
          <p>
            <a href={`/admin/comments/privacy/export?email=${encodeURIComponent(data.email)}`}>{words.text('moderation.download')}</a>
          </p>
          <form method="post" action="/admin/comments/privacy/erase">
            <CsrfField token={chrome.csrfToken} />
            <input type="hidden" name="email" value={data.email} />
            <Field
              name="confirm"
              label={words.text('moderation.eraseConfirm')}
              type="email"
              required
              requiredLabel={words.text('chrome.required')}
              maxlength={254}
            />
            <p>
              <button type="submit" class="button--danger">
                {words.text('moderation.erase')}
              </button>
            </p>
          </form>
        </section>
      ) : null}
    </AdminDocument>,
  );
}

type PolicyNumber = keyof typeof commentPolicyLimits;
/** Each number's label, hint, and the shorter name the error summary links it by. */
const policyNumbers: Readonly<Record<PolicyNumber, { label: NewsroomKey; hint: NewsroomKey; short: NewsroomKey }>> = {
  closeAfterDays: { label: 'moderation.closeAfterDays', hint: 'moderation.closeAfterDaysHint', short: 'moderation.closeAfterDaysShort' },
  maxDepth: { label: 'moderation.maxDepth', hint: 'moderation.maxDepthHint', short: 'moderation.maxDepth' },
  perPage: { label: 'moderation.perPage', hint: 'moderation.perPageHint', short: 'moderation.perPageShort' },
  ipRetentionDays: { label: 'moderation.ipRetentionDays', hint: 'moderation.ipRetentionDaysHint', short: 'moderation.ipRetentionDaysShort' },
  maxLinks: { label: 'moderation.maxLinks', hint: 'moderation.maxLinksHint', short: 'moderation.maxLinksShort' },
};

const moderationOptions: Readonly<Record<CommentPolicy['moderation'], NewsroomKey>> = {
  'hold-first': 'moderation.holdFirst',
  'hold-all': 'moderation.holdAll',
  publish: 'moderation.publish',
};

export function renderCommentPolicyPage(chrome: AdminChrome, data: { values: Values; errors: Errors; notice: string; policy: CommentPolicy }): string {
  const words = chrome.words;
  const number = (name: PolicyNumber) => (
    <Field
      name={name}
      label={words.text(policyNumbers[name].label)}
      value={data.values[name]}
      error={data.errors[name]}
      required
      requiredLabel={words.text('chrome.required')}
      // Strings, so the bounds print as the form takes them ("3650", not "3,650").
      hint={words.text('moderation.range', {
        hint: words.text(policyNumbers[name].hint),
        min: String(commentPolicyLimits[name].min),
        max: String(commentPolicyLimits[name].max),
      })}
    />
  );
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('moderation.policyTitle')}>
      <p>
        <a href="/admin/comments">{words.text('moderation.backToComments')}</a>
      </p>
      <h1>{words.text('moderation.policyTitle')}</h1>
      <FormOutcome notice={data.notice} />
      <ErrorSummary
        errors={data.errors}
        labels={Object.fromEntries(Object.entries(policyNumbers).map(([name, keys]) => [name, words.text(keys.short)]))}
        title={words.text('moderation.problem')}
      />
      <form method="post" action="/admin/comments/policy">
        <CsrfField token={chrome.csrfToken} />
        <Select
          name="moderation"
          label={words.text('moderation.moderation')}
          value={data.values.moderation}
          options={Object.entries(moderationOptions).map(([value, label]) => ({ value, label: words.text(label) }))}
        />
        <Select
          name="order"
          label={words.text('moderation.order')}
          value={data.values.order}
          options={[
            { value: 'oldest', label: words.text('moderation.oldestFirst') },
            { value: 'newest', label: words.text('moderation.newestFirst') },
          ]}
        />
        {number('closeAfterDays')}
        {number('maxDepth')}
        {number('perPage')}
        {number('ipRetentionDays')}
        {number('maxLinks')}
        <p>
          <button type="submit">{words.text('moderation.policySave')}</button>
        </p>
      </form>
    </AdminDocument>,
  );
}
