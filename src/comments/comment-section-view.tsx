import { ErrorSummary } from '../render/form.tsx';
import { type CommentFormValues, commentLimits } from './comment-input.ts';
import type { CommentOrder } from '../settings/index.ts';
import { avatarHue, CommentText, initialsOf } from './comment-text.tsx';

/** One comment as the page shows it, with its replies. */
export interface CommentNodeView {
  readonly id: number;
  readonly authorName: string;
  readonly authorWebsite: string;
  readonly isStaff: boolean;
  readonly body: string;
  readonly createdIso: string;
  readonly createdLabel: string;
  readonly pending: boolean;
  /** Where "Reply" goes without script (the reply form), or null when comments are closed or the thread is at its depth limit. */
  readonly replyUrl: string | null;
  readonly replies: readonly CommentNodeView[];
}

export interface CommentFormView {
  readonly articleId: number;
  readonly stamp: string;
  readonly values: CommentFormValues;
  readonly errors: Readonly<Record<string, string>>;
  /** A message for the whole form, e.g. the form expired or comments are posted too fast. */
  readonly message: string;
  readonly replyTo: { readonly id: number; readonly authorName: string } | null;
  /** The article's address, for "Cancel reply". */
  readonly articlePath: string;
}

export interface CommentSectionView {
  readonly count: number;
  readonly threads: readonly CommentNodeView[];
  readonly order: CommentOrder;
  /** Links to the other order and to other pages, or null when there is only one. */
  readonly orderLinks: { readonly oldest: string; readonly newest: string } | null;
  readonly pages: { readonly current: number; readonly count: number; readonly url: (page: number) => string } | null;
  /** Null when comments are closed. */
  readonly form: CommentFormView | null;
  readonly closedNote: string;
}

const labels = { name: 'Name', email: 'Email', website: 'Website', comment: 'Comment' } as const;

function Author({ comment }: { comment: CommentNodeView }) {
  const name = <bdi>{comment.authorName}</bdi>;
  return (
    <span class="comment__author">
      {comment.authorWebsite ? (
        <a href={comment.authorWebsite} rel="nofollow ugc noopener">
          {name}
        </a>
      ) : (
        name
      )}
      {comment.isStaff ? <span class="comment__badge">Staff</span> : null}
    </span>
  );
}

export function CommentItem({ comment }: { comment: CommentNodeView }) {
  return (
    <li id={`comment-${comment.id}`} class={`comment${comment.isStaff ? ' comment--staff' : ''}${comment.pending ? ' comment--pending' : ''}`}>
      <article class="comment__card" aria-labelledby={`comment-${comment.id}-by`}>
        <header class="comment__header">
          <span class={`avatar avatar--${avatarHue(comment.authorName)}`} aria-hidden="true">
            {initialsOf(comment.authorName)}
          </span>
          <span id={`comment-${comment.id}-by`}>
            <Author comment={comment} />
          </span>{' '}
          <a class="comment__permalink" href={`#comment-${comment.id}`}>
            <time datetime={comment.createdIso}>{comment.createdLabel}</time>
          </a>
        </header>
        {comment.pending ? <p class="comment__pending">Your comment is awaiting moderation. Only you can see it until a moderator approves it.</p> : null}
        <div class="comment__body" dir="auto">
          <CommentText text={comment.body} />
        </div>
        {comment.replyUrl ? (
          <p class="comment__actions">
            <a class="comment__reply" href={comment.replyUrl} rel="nofollow" data-reply-to={String(comment.id)} data-reply-name={comment.authorName}>
              Reply<span class="visually-hidden"> to {comment.authorName}</span>
            </a>
          </p>
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <ol class="comment-list comment-list--replies">
          {comment.replies.map((reply) => (
            <CommentItem comment={reply} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function RequiredMark() {
  return (
    <span class="required-mark" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

function CommentField(props: {
  name: 'name' | 'email' | 'website';
  type: string;
  autocomplete: string;
  required: boolean;
  form: CommentFormView;
  maxlength: number;
}) {
  const id = `comment-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {labels[props.name]}
        {props.required ? <RequiredMark /> : null}
      </label>
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type}
        value={props.form.values[props.name]}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

export function CommentForm({ form }: { form: CommentFormView }) {
  const commentError = form.errors.comment;
  return (
    <form class="comment-form" method="post" action="/comments#respond" data-comment-form="">
      <h3 id="respond-heading" class="comment-form__title">
        {form.replyTo ? (
          <>
            Reply to <bdi>{form.replyTo.authorName}</bdi>{' '}
            <a class="comment-form__cancel" href={`${form.articlePath}#respond`}>
              Cancel reply
            </a>
          </>
        ) : (
          'Leave a comment'
        )}
      </h3>
      {/* One alert, not two: with field errors the summary below speaks for the form. */}
      {form.message ? (
        <p class="comment-form__message" role={Object.keys(form.errors).length === 0 ? 'alert' : undefined}>
          {form.message}
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="comment-" />
      <p class="comment-form__note">
        Your email address will not be published. Required fields are marked <span aria-hidden="true">*</span>
        <span class="visually-hidden">as required</span>.
      </p>
      <input type="hidden" name="article_id" value={String(form.articleId)} />
      <input type="hidden" name="parent_id" value={form.replyTo ? String(form.replyTo.id) : ''} data-reply-parent="" />
      <input type="hidden" name="stamp" value={form.stamp} />
      <div class={commentError ? 'field field--invalid' : 'field'}>
        <label for="comment-comment">
          {labels.comment}
          <RequiredMark />
        </label>
        {commentError ? (
          <p class="field__error" id="comment-comment-error">
            {commentError}
          </p>
        ) : null}
        <textarea
          id="comment-comment"
          name="comment"
          rows={6}
          required
          dir="auto"
          maxlength={commentLimits.comment}
          aria-invalid={commentError ? 'true' : undefined}
          aria-describedby={commentError ? 'comment-comment-error' : undefined}
        >
          {form.values.comment}
        </textarea>
      </div>
      <CommentField name="name" type="text" autocomplete="name" required form={form} maxlength={commentLimits.name} />
      <CommentField name="email" type="email" autocomplete="email" required form={form} maxlength={commentLimits.email} />
      <CommentField name="website" type="url" autocomplete="url" required={false} form={form} maxlength={commentLimits.website} />
      {/* Robots fill in every field; people never see this one. */}
      <div class="comment-form__trap">
        <label for="comment-homepage">Leave this field empty</label>
        <input id="comment-homepage" name="homepage" type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      <div class="field field--checkbox">
        <input id="comment-reply-alerts" name="reply_alerts" type="checkbox" checked={form.values.replyAlerts} />
        <label for="comment-reply-alerts">Email me replies to my comment (you will be asked to confirm)</label>
      </div>
      <p>
        <button type="submit" class="button">
          Post comment
        </button>
      </p>
      <p class="comment-form__status" role="status" data-comment-status=""></p>
    </form>
  );
}

export function CommentSection({ section }: { section: CommentSectionView }) {
  const heading = section.count === 0 ? 'Comments' : `${section.count.toLocaleString('en')} ${section.count === 1 ? 'comment' : 'comments'}`;
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" class="rule-heading">
        {heading}
      </h2>
      {section.orderLinks ? (
        <p class="comments__order">
          Show: {section.order === 'oldest' ? <strong aria-current="true">Oldest first</strong> : <a href={section.orderLinks.oldest}>Oldest first</a>}
          {' · '}
          {section.order === 'newest' ? <strong aria-current="true">Newest first</strong> : <a href={section.orderLinks.newest}>Newest first</a>}
        </p>
      ) : null}
      {section.threads.length > 0 ? (
        <ol class="comment-list" data-comment-list="">
          {section.threads.map((comment) => (
            <CommentItem comment={comment} />
          ))}
        </ol>
      ) : (
        <p class="comments__empty" data-comment-list-empty="">
          No comments yet.
        </p>
      )}
      {section.pages ? (
        <nav class="pagination" aria-label="Comment pages">
          <ul>
            {Array.from({ length: section.pages.count }, (_, index) => index + 1).map((page) => (
              <li>
                {page === section.pages!.current ? (
                  <span aria-current="page">{page}</span>
                ) : (
                  <a href={section.pages!.url(page)}>
                    <span class="visually-hidden">Comments page </span>
                    {page}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div id="respond" class="comments__respond">
        {section.form ? <CommentForm form={section.form} /> : <p class="comments__closed">{section.closedNote}</p>}
      </div>
    </section>
  );
}
