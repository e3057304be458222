import type { Child } from 'hono/jsx';
import type { NewsroomKey } from '../../i18n/index.ts';
import {
  type ImportJob,
  type ImportKind,
  type ImportReportJson,
  type ImportSentence,
  importSentenceIn,
  phasePhrase,
  storedPhrase,
} from '../../imports/index.ts';
import { CsrfField, ErrorSummary, FormOutcome, Select } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';

type Words = AdminChrome['words'];
type Outcome = ImportReportJson['notes'][number]['outcome'];

const kindNames = { wordpress: 'imports.kindWordpress', ghost: 'imports.kindGhost', disqus: 'imports.kindDisqus' } as const satisfies Record<
  ImportKind,
  string
>;

/** Each outcome's column heading, and its name in a note's row. */
const outcomes = {
  created: { column: 'imports.columnCreated', note: 'imports.outcomeCreated' },
  updated: { column: 'imports.columnUpdated', note: 'imports.outcomeUpdated' },
  unchanged: { column: 'imports.columnUnchanged', note: 'imports.outcomeUnchanged' },
  changed: { column: 'imports.columnChanged', note: 'imports.outcomeChanged' },
  skipped: { column: 'imports.columnSkipped', note: 'imports.outcomeSkipped' },
} as const satisfies Record<Outcome, { column: string; note: string }>;
const outcomeOrder = ['created', 'updated', 'unchanged', 'changed', 'skipped'] as const satisfies readonly Outcome[];

/** What the importers count and note, by the names they give it; anything else (a table of the export, say) shows as named. */
const whatKeys: Readonly<Record<string, NewsroomKey>> = {
  authors: 'imports.what.authors',
  sections: 'imports.what.sections',
  tags: 'imports.what.tags',
  photos: 'imports.what.photos',
  articles: 'imports.what.articles',
  pages: 'imports.what.pages',
  comments: 'imports.what.comments',
  threads: 'imports.what.threads',
  redirects: 'imports.what.redirects',
};

function whatText(words: Words, kind: string): string {
  return Object.hasOwn(whatKeys, kind) ? words.text(whatKeys[kind]!) : kind;
}

/**
 * A sentence stored with a job, in the newsroom's words. Jobs outlive the Gazette that stored them: one
 * whose phrase no longer fits its message (a value renamed since) gives `fallback` rather than no page.
 */
function storedText(words: Words, sentence: ImportSentence, fallback: string): string {
  try {
    return importSentenceIn(sentence, words);
  } catch {
    return fallback;
  }
}

/** Why a note's item was skipped or changed: its phrase when the report kept one (reports stored before phrases hold English only). */
function reasonText(words: Words, note: ImportReportJson['notes'][number]): string {
  const phrase = storedPhrase(note.phrase);
  return phrase ? storedText(words, phrase, note.reason) : note.reason;
}
/** A report can list thousands of notes; past these the page says how many more the import noted. */
const notesShown = 500;
const refreshSeconds = 3;

export interface ImportFormData {
  readonly kind: string;
  readonly errors: Readonly<Record<string, string>>;
  /** The largest export the page accepts, for the hint. */
  readonly maxMebibytes: number;
  /** The largest zip of photos the page accepts. */
  readonly maxPhotosGibibytes: number;
}

/** A file input with its hint (the children) and, after a refusal, its error. */
function FileField(props: { name: string; label: string; accept: string; required?: boolean; error: string | undefined; children: Child }) {
  const id = `field-${props.name}`;
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <p class="field__hint" id={`${id}-hint`}>
        {props.children}
      </p>
      {props.error ? (
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        name={props.name}
        required={props.required}
        accept={props.accept}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

export function renderImportForm(chrome: AdminChrome, form: ImportFormData): string {
  const words = chrome.words;
  const labels = { kind: words.text('imports.labelKind'), file: words.text('imports.labelFile'), photos: words.text('imports.labelPhotos') };
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('imports.title')}>
      <h1>{words.text('imports.heading')}</h1>
      <p class="admin-lede">{words.text('imports.lede')}</p>
      <p>
        {words.rich('imports.photosIntro', {
          gibibytes: form.maxPhotosGibibytes,
          wordpressCommand: <code>npx gazette import wordpress export.xml --uploads wp-content/uploads</code>,
          ghostCommand: <code>npx gazette import ghost export.json --images content/images</code>,
        })}
      </p>
      <ErrorSummary errors={form.errors} labels={labels} title={words.text('imports.problemTitle')} />
      <form method="post" action="/admin/import" enctype="multipart/form-data" class="admin-form">
        <CsrfField token={chrome.csrfToken} />
        <Select
          name="kind"
          label={labels.kind}
          options={Object.entries(kindNames).map(([value, key]) => ({ value, label: words.text(key) }))}
          value={form.kind}
          error={form.errors.kind}
        />
        <FileField name="file" label={labels.file} accept=".xml,.json,application/xml,text/xml,application/json" required error={form.errors.file}>
          {words.text('imports.fileHint', { mebibytes: form.maxMebibytes })}
        </FileField>
        <FileField name="photos" label={labels.photos} accept=".zip,application/zip" error={form.errors.photos}>
          {words.text('imports.photosHint', { gibibytes: form.maxPhotosGibibytes })}
        </FileField>
        <button type="submit" class="button button--primary">
          {words.text('imports.checkButton')}
        </button>
      </form>
    </AdminDocument>,
  );
}

function ReportView({ words, report }: { words: Words; report: ImportReportJson }) {
  const kinds = Object.entries(report.counts);
  const unmapped = Object.entries(report.unmappedFields);
  return (
    <>
      {kinds.length === 0 ? (
        <p>{words.text('imports.nothingToImport')}</p>
      ) : (
        <AdminTable columns={[words.text('imports.columnWhat'), ...outcomeOrder.map((outcome) => words.text(outcomes[outcome].column))]}>
          {kinds.map(([kind, counts]) => (
            <tr>
              <th scope="row">{whatText(words, kind)}</th>
              {outcomeOrder.map((outcome) => (
                <td>{(counts[outcome] ?? 0).toLocaleString('en')}</td>
              ))}
            </tr>
          ))}
        </AdminTable>
      )}
      {report.notes.length > 0 ? (
        <>
          <h2>{words.text('imports.notesHeading')}</h2>
          <AdminTable
            columns={(['columnWhat', 'columnSourceId', 'columnTitle', 'columnOutcome', 'columnWhy'] as const).map((key) => words.text(`imports.${key}`))}
          >
            {report.notes.slice(0, notesShown).map((note) => (
              <tr>
                <td>{whatText(words, note.kind)}</td>
                <td>{note.sourceId}</td>
                <td>{note.title}</td>
                <td>{Object.hasOwn(outcomes, note.outcome) ? words.text(outcomes[note.outcome].note) : note.outcome}</td>
                <td>{reasonText(words, note)}</td>
              </tr>
            ))}
          </AdminTable>
          {report.notes.length + report.notesLeftOut > notesShown ? (
            <p>{words.text('imports.moreNotes', { count: (report.notes.length + report.notesLeftOut - notesShown).toLocaleString('en') })}</p>
          ) : null}
        </>
      ) : null}
      {unmapped.length > 0 ? (
        <>
          <h2>{words.text('imports.unmappedHeading')}</h2>
          <ul>
            {unmapped.map(([field, count]) => (
              <li>
                {field} ({count.toLocaleString('en')})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function RunForm({ chrome, job, label }: { chrome: AdminChrome; job: ImportJob; label: string }) {
  return (
    <form method="post" action={`/admin/import/${job.id}/run`} class="admin-form">
      <CsrfField token={chrome.csrfToken} />
      <button type="submit" class="button button--primary">
        {label}
      </button>
    </form>
  );
}

function countText(words: Words, job: ImportJob): string {
  if (job.phase === '') return '';
  const done = job.done.toLocaleString('en');
  return job.total === null ? words.text('imports.countSoFar', { done }) : words.text('imports.countOf', { done, total: job.total.toLocaleString('en') });
}

/**
 * The import going on. The phase is a live region (spoken when it changes); the count and the bar
 * are not, or a screen reader would read a number every second while the page follows the import.
 */
function Progress({ words, job }: { words: Words; job: ImportJob }) {
  const count = countText(words, job);
  return (
    <>
      <p>
        <span role="status" data-import-phase>
          {job.phase === '' ? words.text('imports.starting') : words.text('imports.importing', { phase: storedText(words, phasePhrase(job.phase), job.phase) })}
        </span>{' '}
        <span data-import-count>{count}</span>
      </p>
      <progress
        class="import-progress"
        data-import-bar
        aria-label={words.text('imports.progressLabel')}
        max={job.total ?? undefined}
        value={job.total === null ? undefined : Math.min(job.done, job.total)}
      >
        {count}
      </progress>
      <p class="field__hint">{words.text('imports.leaveHint', { seconds: refreshSeconds })}</p>
    </>
  );
}

function JobState({ chrome, job }: { chrome: AdminChrome; job: ImportJob }) {
  const words = chrome.words;
  switch (job.state) {
    case 'checked':
      return (
        <>
          <p>{words.text('imports.dryRun')}</p>
          <ReportView words={words} report={job.dryRunReport} />
          <RunForm chrome={chrome} job={job} label={words.text('imports.importNow')} />
        </>
      );
    case 'running':
      return (
        <>
          <Progress words={words} job={job} />
          <h2>{words.text('imports.dryRunFound')}</h2>
          <ReportView words={words} report={job.dryRunReport} />
        </>
      );
    case 'stopped':
      return (
        <>
          <FormOutcome problem={words.text('imports.stopped')} />
          <RunForm chrome={chrome} job={job} label={words.text('imports.runAgain')} />
        </>
      );
    case 'failed':
      return (
        <>
          <FormOutcome problem={job.error === null ? words.text('imports.failed') : storedText(words, job.error, words.text('imports.failed'))} />
          <RunForm chrome={chrome} job={job} label={words.text('imports.runAgain')} />
        </>
      );
    case 'finished':
      return (
        <>
          <FormOutcome notice={words.text('imports.finished')} />
          {job.report ? <ReportView words={words} report={job.report} /> : null}
          <p>
            {words.rich('imports.whatNext', {
              articles: (chunks) => <a href="/admin">{chunks}</a>,
              another: (chunks) => <a href="/admin/import">{chunks}</a>,
            })}
          </p>
        </>
      );
  }
}

/** `scriptUrl`: public/admin-import.js, which follows a running import without reloading the page. */
export function renderImportJobPage(chrome: AdminChrome, { job, scriptUrl }: { job: ImportJob; scriptUrl: string }): string {
  const words = chrome.words;
  const running = job.state === 'running';
  const title = words.text('imports.jobTitle', { fileName: job.fileName });
  return renderDocument(
    <AdminDocument chrome={chrome} title={title} refreshSeconds={running ? refreshSeconds : undefined} scripts={running ? [scriptUrl] : []}>
      <h1>{title}</h1>
      <p class="admin-lede">{words.text(kindNames[job.kind])}</p>
      <div data-import-job data-state={job.state}>
        <JobState chrome={chrome} job={job} />
      </div>
    </AdminDocument>,
  );
}
