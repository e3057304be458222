import type { ChecklistItem } from '../../articles/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { Field } from '../../render/form.tsx';

type Words = Translator<NewsroomKey>;

/** What the bar and the publishing panel need to know about the article and the person. */
export interface PublishingState {
  readonly articleId?: number;
  readonly statusLabel: string;
  /** When a live article went or goes live: "Scheduled for …" (when `isScheduled`), "Published …". */
  readonly statusTime?: { readonly iso: string; readonly label: string };
  /** A published article saved since it went live. */
  readonly editedTime?: { readonly iso: string; readonly label: string };
  readonly checklist: readonly ChecklistItem[];
  readonly canPublish: boolean;
  readonly isLive: boolean;
  readonly isScheduled?: boolean;
  readonly editsAreHeld: boolean;
  readonly timeZone: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  /** The earliest minute the date-time picker offers, in the site's zone ("2026-12-05T14:30"). */
  readonly earliestPublishAt: string;
}

/** The schedule field's name, which says the time zone its time is read in. */
export const publishAtLabel = (words: Words, timeZone: string) => words.text('editor.publishAtZoned', { timeZone });

function StatusLine({ state, words }: { state: PublishingState; words: Words }) {
  const status = <strong>{state.statusLabel}</strong>;
  const time = state.statusTime ? <time datetime={state.statusTime.iso}>{state.statusTime.label}</time> : undefined;
  return (
    <p class="editor-bar__status-line">
      {time ? words.rich(state.isScheduled ? 'editor.statusFor' : 'editor.statusAt', { status, time }) : words.rich('editor.status', { status })}
      {state.editedTime ? words.rich('editor.statusEdited', { time: <time datetime={state.editedTime.iso}>{state.editedTime.label}</time> }) : null}
    </p>
  );
}

function checksSummary(words: Words, mustFix: number, toCheck: number): string {
  return [mustFix > 0 ? words.text('editor.checksMustFix', { count: mustFix }) : '', toCheck > 0 ? words.text('editor.checksToCheck', { count: toCheck }) : '']
    .filter(Boolean)
    .join(' · ');
}

function ChecklistSummary({ items, words }: { items: readonly ChecklistItem[]; words: Words }) {
  if (items.length === 0) return null;
  const failing = items.filter((item) => !item.passed);
  const mustFix = failing.filter((item) => item.blocking).length;
  return (
    <a class={mustFix > 0 ? 'editor-bar__checks editor-bar__checks--blocking' : 'editor-bar__checks'} href="#checklist-heading">
      {failing.length === 0 ? words.text('editor.checksOk') : checksSummary(words, mustFix, failing.length - mustFix)}
    </a>
  );
}

/**
 * The bar of the editor: the article's state, Save, Preview and Publish, and how the checklist
 * stands. It sticks (admin.css) to the top of the side column on a wide screen and to the bottom
 * of a phone's, so these are one tap away however long the article.
 */
export function EditorBar({ state, words }: { state: PublishingState; words: Words }) {
  const canPublishNow = state.canPublish && (!state.isLive || state.isScheduled);
  // A live article's Save publishes the change, so its preview shows the saved version instead of saving first.
  const previewSaves = !state.isLive;
  return (
    <div class="editor-actions editor-bar">
      <div class="editor-bar__state">
        <div class="editor-bar__status" data-save-status>
          <StatusLine state={state} words={words} />
        </div>
        <ChecklistSummary items={state.checklist} words={words} />
        {canPublishNow ? (
          <a class="editor-bar__link" href="#schedule">
            {words.text(state.isScheduled ? 'editor.changeTimeLink' : 'editor.scheduleLink')}
          </a>
        ) : null}
      </div>
      <div class="editor-bar__buttons">
        <button type="submit" name="intent" value="save" class="button">
          {words.text(state.editsAreHeld ? 'editor.saveForReview' : state.isLive ? 'editor.saveChanges' : 'editor.saveDraft')}
        </button>
        {previewSaves ? (
          <button type="submit" name="intent" value="preview" class="button">
            {words.text('editor.preview')}
          </button>
        ) : state.articleId ? (
          <a class="button" href={`/admin/articles/${state.articleId}/preview`}>
            {words.text('editor.preview')}
          </a>
        ) : null}
        {!state.isLive && !state.canPublish ? (
          <button type="submit" name="intent" value="review" class="button">
            {words.text('editor.submitForReview')}
          </button>
        ) : null}
        {canPublishNow ? (
          <button type="submit" name="intent" value="publish" class="button button--primary">
            {words.text('editor.publishNow')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The checklist's items in the newsroom's words, by their ids; an item this list does not know keeps the service's sentence. */
const checklistKeys = {
  section: 'editor.checklist.section',
  byline: 'editor.checklist.byline',
  alt: 'editor.checklist.alt',
  'alt-is-caption': 'editor.checklist.altIsCaption',
  credit: 'editor.checklist.credit',
  'headline-length': 'editor.checklist.headlineLength',
  standfirst: 'editor.checklist.standfirst',
  'body-length': 'editor.checklist.bodyLength',
} as const;

function checklistText(item: ChecklistItem, words: Words): string {
  const key = (checklistKeys as Readonly<Record<string, (typeof checklistKeys)[keyof typeof checklistKeys]>>)[item.id];
  return key ? words.text(key, { limit: item.limit ?? 0 }) : item.message;
}

function Checklist({ items, words }: { items: readonly ChecklistItem[]; words: Words }) {
  const failing = items.filter((item) => !item.passed);
  return (
    <section class="editor-panel checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{words.text('editor.checklistHeading')}</h2>
      {failing.length === 0 ? (
        <p class="checklist__ok">{words.text('editor.checklistOk')}</p>
      ) : (
        <ul>
          {failing.map((item) => (
            <li class={item.blocking ? 'checklist__item checklist__item--blocking' : 'checklist__item'}>
              <strong>{words.text(item.blocking ? 'editor.mustFix' : 'editor.check')}</strong>
              {checklistText(item, words)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Beside the bar in the side column: the pre-publish checklist and the date-time picker for
 * scheduling (in the newsroom's time zone).
 */
export function PublishingPanel({ state, words }: { state: PublishingState; words: Words }) {
  const canPublishNow = state.canPublish && (!state.isLive || state.isScheduled);
  return (
    <>
      {state.checklist.length > 0 ? <Checklist items={state.checklist} words={words} /> : null}
      {canPublishNow ? (
        <section class="editor-panel schedule" id="schedule" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{words.text(state.isScheduled ? 'editor.changeTimeHeading' : 'editor.scheduleHeading')}</h2>
          <Field
            name="publishAt"
            type="datetime-local"
            label={publishAtLabel(words, state.timeZone)}
            value={state.values.publishAt}
            error={state.errors.publishAt}
            hint={words.text('editor.publishAtHint')}
            min={state.earliestPublishAt}
          />
          <button type="submit" name="intent" value="schedule" class="button">
            {words.text(state.isScheduled ? 'editor.changeTimeButton' : 'editor.scheduleButton')}
          </button>
        </section>
      ) : null}
    </>
  );
}

/** Unpublish or Unschedule, set apart from Save and Publish: after the bar on a phone, at the end of the side column on a wide screen. */
export function TakeDown({ state, words }: { state: PublishingState; words: Words }) {
  if (!state.canPublish || !state.isLive) return null;
  return (
    <div class="editor-danger">
      <button type="submit" name="intent" value="unpublish" class="button button--danger">
        {words.text(state.isScheduled ? 'editor.unschedule' : 'editor.unpublish')}
      </button>
    </div>
  );
}
