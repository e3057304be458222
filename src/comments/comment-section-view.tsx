import type { Translator } from '../i18n/index.ts';
import { ErrorSummary } from '../render/form.tsx';
import { flattened, type SafeHtml } from '../render/safe-html.ts';
import { pageGap, pageWindow } from '../render/page-window.ts';
import type { LanguageAttributes } from '../render/language-tags.ts';
import { type CommentFormValues, commentLimits } from './comment-input.ts';
import type { CommentOrder } from '../settings/index.ts';
import { CommentCard, type CommentCardInputs, visuallyHidden } from './comment-card.tsx';

/** One comment as the page shows it, with its replies. */
export interface CommentNodeView extends CommentCardInputs {
  readonly replies: readonly CommentNodeView[];
}

export interface CommentFormView {
  readonly articleId: number;
  readonly stamp: string;
  readonly values: CommentFormValues;
  readonly errors: Readonly<Record<string, string>>;
  /** A message for the whole form, e.g. the form expired or comments are posted too fast; like `errors`, in the section's words. */
  readonly message: string;
  readonly replyTo: { readonly id: number; readonly authorName: string } | null;
  /** The article's address, for "Cancel reply". */
  readonly articlePath: string;
}

export interface CommentSectionView {
  /** The words around the comments: the article's language when Gazette speaks it, else the site's. */
  readonly words: Translator;
  readonly count: number;
  readonly threads: readonly CommentNodeView[];
  readonly order: CommentOrder;
  /** Links to the other order and to other pages, or null when there is only one. */
  readonly orderLinks: { readonly oldest: string; readonly newest: string } | null;
  readonly pages: { readonly current: number; readonly count: number; readonly url: (page: number) => string } | null;
  /** Null when comments are closed. */
  readonly form: CommentFormView | null;
}

type FieldName = 'name' | 'email' | 'website' | 'comment';

function fieldLabels(words: Translator): Readonly<Record<FieldName, string>> {
  return {
    name: words.text('commentForm.name'),
    email: words.text('commentForm.email'),
    website: words.text('commentForm.website'),
    comment: words.text('commentForm.comment'),
  };
}

export function CommentItem({ comment, words }: { comment: CommentNodeView; words: Translator }) {
  return (
    <li id={`comment-${comment.id}`} class={`comment${comment.isStaff ? ' comment--staff' : ''}${comment.pending ? ' comment--pending' : ''}`}>
      <CommentCard comment={comment} words={words} />
      {comment.replies.length > 0 ? (
        <ol class="comment-list comment-list--replies">
          {comment.replies.map((reply) => (
            <CommentItem comment={reply} words={words} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/**
 * Lists drawn, by the threads they were drawn from. A page of comments kept between renders
 * (KeptCommentPages) hands every render the same threads, never changed, so the list drawn the first
 * time is the list.
 */
const drawnLists = new WeakMap<readonly CommentNodeView[], { readonly words: Translator; readonly html: SafeHtml }>();

function CommentList({ threads, words }: { threads: readonly CommentNodeView[]; words: Translator }): SafeHtml {
  const drawn = drawnLists.get(threads);
  if (drawn?.words === words) return drawn.html;
  const html = flattened(
    (
      <ol class="comment-list" data-comment-list="">
        {threads.map((comment) => (
          <CommentItem comment={comment} words={words} />
        ))}
      </ol>
    ) as SafeHtml,
  );
  drawnLists.set(threads, { words, html });
  return html;
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
  label: string;
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
        {props.label}
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

export function CommentForm({ form, words }: { form: CommentFormView; words: Translator }) {
  const commentError = form.errors.comment;
  const labels = fieldLabels(words);
  return (
    <form
      class="comment-form"
      method="post"
      action="/comments#respond"
      data-comment-form=""
      data-title={words.text('commentForm.title')}
      data-reply-title={words.text('commentForm.replyTo', { name: '{name}' })}
      data-cancel-reply={words.text('commentForm.cancelReply')}
      data-posting={words.text('commentForm.posting')}
    >
      <h3 id="respond-heading" class="comment-form__title">
        {form.replyTo ? (
          <>
            {words.rich('commentForm.replyTo', { name: <bdi>{form.replyTo.authorName}</bdi> })}{' '}
            <a class="comment-form__cancel" href={`${form.articlePath}#respond`}>
              {words.text('commentForm.cancelReply')}
            </a>
          </>
        ) : (
          words.text('commentForm.title')
        )}
      </h3>
      {/* One alert, not two: with field errors the summary below speaks for the form. */}
      {form.message ? (
        <p class="comment-form__message" role={Object.keys(form.errors).length === 0 ? 'alert' : undefined}>
          {form.message}
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="comment-" title={words.text('commentForm.problem')} />
      <p class="comment-form__note">{words.rich('commentForm.note', { star: (chunks) => <span aria-hidden="true">{chunks}</span>, hidden: visuallyHidden })}</p>
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
      <CommentField name="name" label={labels.name} type="text" autocomplete="name" required form={form} maxlength={commentLimits.name} />
      <CommentField name="email" label={labels.email} type="email" autocomplete="email" required form={form} maxlength={commentLimits.email} />
      <CommentField name="website" label={labels.website} type="url" autocomplete="url" required={false} form={form} maxlength={commentLimits.website} />
      {/* Robots fill in every field; people never see this one. */}
      <div class="comment-form__trap">
        <label for="comment-homepage">{words.text('commentForm.trap')}</label>
        <input id="comment-homepage" name="homepage" type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      <div class="field field--checkbox">
        <input id="comment-reply-alerts" name="reply_alerts" type="checkbox" checked={form.values.replyAlerts} />
        <label for="comment-reply-alerts">{words.text('commentForm.replyAlerts')}</label>
      </div>
      <p>
        <button type="submit" class="button">
          {words.text('commentForm.submit')}
        </button>
      </p>
      <p class="comment-form__status" role="status" data-comment-status=""></p>
    </form>
  );
}

/** The comment section; `language` marks it when its words are not the page's (an Arabic article on an English site). */
export function CommentSection({ section, language = {} }: { section: CommentSectionView; language?: LanguageAttributes }) {
  const { words } = section;
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading" lang={language.lang} dir={language.dir}>
      <h2 id="comments-heading" class="rule-heading">
        {words.text('comments.heading', { count: section.count })}
      </h2>
      {section.orderLinks ? (
        <p class="comments__order">
          {words.text('comments.show')}{' '}
          {section.order === 'oldest' ? (
            <strong aria-current="true">{words.text('comments.oldestFirst')}</strong>
          ) : (
            <a href={section.orderLinks.oldest}>{words.text('comments.oldestFirst')}</a>
          )}
          {' · '}
          {section.order === 'newest' ? (
            <strong aria-current="true">{words.text('comments.newestFirst')}</strong>
          ) : (
            <a href={section.orderLinks.newest}>{words.text('comments.newestFirst')}</a>
          )}
        </p>
      ) : null}
      {section.threads.length > 0 ? (
        <CommentList threads={section.threads} words={words} />
      ) : (
        <p class="comments__empty" data-comment-list-empty="">
          {words.text('comments.none')}
        </p>
      )}
      {section.pages ? (
        <nav class="pagination" aria-label={words.text('comments.pagesLabel')}>
          <ul>
            {pageWindow(section.pages.current, section.pages.count).map((page) => (
              <li>
                {page === pageGap ? (
                  '…'
                ) : page === section.pages!.current ? (
                  <span aria-current="page">{page}</span>
                ) : (
                  <a href={section.pages!.url(page)}>{words.rich('comments.page', { page, hidden: visuallyHidden })}</a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div id="respond" class="comments__respond">
        {section.form ? <CommentForm form={section.form} words={words} /> : <p class="comments__closed">{words.text('comments.closed')}</p>}
      </div>
    </section>
  );
}
