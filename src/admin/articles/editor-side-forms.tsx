import type { Correction } from '../../articles/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField, Select, TextArea } from '../../render/form.tsx';

// The editor's own small forms, beside the article's: each posts on its own, so none can sit inside it.

type Words = Translator<NewsroomKey>;

/** The corrections form's fields by name, as labels and in the editor's error summary. */
export function sideFormLabels(words: Words) {
  return {
    correctionKind: words.text('editor.correctionKindLabel'),
    correctionText: words.text('editor.correctionTextLabel'),
  };
}

export function CommentsSwitch({
  articleId,
  comments,
  csrfToken,
  words,
}: {
  articleId: number;
  comments: { readonly open: boolean; readonly count: number };
  csrfToken: string;
  words: Words;
}) {
  return (
    <section class="checklist" aria-labelledby="comments-switch-heading">
      <h2 id="comments-switch-heading">{words.text('editor.commentsHeading')}</h2>
      <p>
        {words.text(comments.open ? 'editor.commentsOpenState' : 'editor.commentsClosedState', { count: comments.count })}{' '}
        <a href="/admin/comments">{words.text('editor.moderationQueue')}</a>
      </p>
      <form method="post" action={`/admin/comments/article/${articleId}`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="comments" value={comments.open ? 'closed' : 'open'} />
        <button type="submit" class="button">
          {words.text(comments.open ? 'editor.closeComments' : 'editor.openComments')}
        </button>
      </form>
    </section>
  );
}

export function Corrections({
  data,
  csrfToken,
  words,
}: {
  data: {
    readonly articleId: number;
    readonly corrections: readonly Correction[];
    readonly values: Readonly<Record<string, string>>;
    readonly errors: Readonly<Record<string, string>>;
  };
  csrfToken: string;
  words: Words;
}) {
  const labels = sideFormLabels(words);
  return (
    <section class="checklist" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{words.text('editor.correctionsHeading')}</h2>
      {data.corrections.length > 0 ? (
        <ol>
          {data.corrections.map((note) => (
            <li>
              <strong>
                {words.text(note.kind === 'correction' ? 'editor.correctionEntry' : 'editor.updateEntry', { date: note.createdAt.toISOString().slice(0, 10) })}
              </strong>{' '}
              {note.text}
            </li>
          ))}
        </ol>
      ) : (
        <p>{words.text('editor.correctionsNone')}</p>
      )}
      <form method="post" action={`/admin/articles/${data.articleId}/corrections`} class="admin-form" novalidate>
        <CsrfField token={csrfToken} />
        <Select
          name="correctionKind"
          label={labels.correctionKind}
          options={[
            { value: 'correction', label: words.text('editor.correctionOption') },
            { value: 'update', label: words.text('editor.updateOption') },
          ]}
          value={data.values.correctionKind}
          error={data.errors.correctionKind}
        />
        <TextArea
          name="correctionText"
          label={labels.correctionText}
          value={data.values.correctionText}
          error={data.errors.correctionText}
          rows={3}
          maxlength={2000}
        />
        <button type="submit" class="button">
          {words.text('editor.addCorrection')}
        </button>
      </form>
    </section>
  );
}
