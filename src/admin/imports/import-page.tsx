import type { Child } from 'hono/jsx';
import type { ImportJob, ImportKind, ImportReportJson } from '../../imports/index.ts';
import { CsrfField, ErrorSummary, FormOutcome, Select } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';

export const kindNames: Record<ImportKind, string> = {
  wordpress: 'WordPress (WXR export, .xml)',
  ghost: 'Ghost (JSON export, .json)',
  disqus: 'Disqus comments (XML export, .xml)',
};

const labels = { kind: 'Where the export comes from', file: 'Export file', photos: 'Photos (optional)' };
const outcomes = ['created', 'updated', 'unchanged', 'changed', 'skipped'] as const;
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
  return renderDocument(
    <AdminDocument chrome={chrome} title="Import">
      <h1>Import from another system</h1>
      <p class="admin-lede">
        Bring in the articles, authors, sections, tags and comments of a WordPress or Ghost site, or the comments kept by Disqus. The file is checked first with
        a dry run that writes nothing: you see what the import would do, then choose to import. Running the same export again updates what changed and never
        makes duplicates.
      </p>
      <p>
        To bring the photos in with the articles, zip the old site’s photo folder and send it with the export. For a site whose photos run to more than{' '}
        {form.maxPhotosGibibytes} GiB, run <code>npx gazette import wordpress export.xml --uploads wp-content/uploads</code> (or{' '}
        <code>npx gazette import ghost export.json --images content/images</code>) on the server instead.
      </p>
      <ErrorSummary errors={form.errors} labels={labels} />
      <form method="post" action="/admin/import" enctype="multipart/form-data" class="admin-form">
        <CsrfField token={chrome.csrfToken} />
        <Select
          name="kind"
          label={labels.kind}
          options={Object.entries(kindNames).map(([value, label]) => ({ value, label }))}
          value={form.kind}
          error={form.errors.kind}
        />
        <FileField name="file" label={labels.file} accept=".xml,.json,application/xml,text/xml,application/json" required error={form.errors.file}>
          WordPress: Tools › Export › All content. Ghost: Settings › Labs › Export your content. Disqus: Moderation › Export. Up to {form.maxMebibytes} MiB.
        </FileField>
        <FileField name="photos" label={labels.photos} accept=".zip,application/zip" error={form.errors.photos}>
          A .zip of WordPress’s wp-content/uploads folder or Ghost’s content/images folder. Only the photos in it are used. Up to {form.maxPhotosGibibytes} GiB.
        </FileField>
        <button type="submit" class="button button--primary">
          Check the file
        </button>
      </form>
    </AdminDocument>,
  );
}

function ReportView({ report }: { report: ImportReportJson }) {
  const kinds = Object.entries(report.counts);
  const unmapped = Object.entries(report.unmappedFields);
  return (
    <>
      {kinds.length === 0 ? (
        <p>The file holds nothing to import.</p>
      ) : (
        <AdminTable columns={['What', ...outcomes.map((outcome) => outcome[0]!.toUpperCase() + outcome.slice(1))]}>
          {kinds.map(([kind, counts]) => (
            <tr>
              <th scope="row">{kind}</th>
              {outcomes.map((outcome) => (
                <td>{(counts[outcome] ?? 0).toLocaleString('en')}</td>
              ))}
            </tr>
          ))}
        </AdminTable>
      )}
      {report.notes.length > 0 ? (
        <>
          <h2>Skipped or changed on the way in</h2>
          <AdminTable columns={['What', 'Id in the export', 'Title', 'Outcome', 'Why']}>
            {report.notes.slice(0, notesShown).map((note) => (
              <tr>
                <td>{note.kind}</td>
                <td>{note.sourceId}</td>
                <td>{note.title}</td>
                <td>{note.outcome}</td>
                <td>{note.reason}</td>
              </tr>
            ))}
          </AdminTable>
          {report.notes.length + report.notesLeftOut > notesShown ? (
            <p>… and {(report.notes.length + report.notesLeftOut - notesShown).toLocaleString('en')} more not listed.</p>
          ) : null}
        </>
      ) : null}
      {unmapped.length > 0 ? (
        <>
          <h2>Fields with no place in Gazette (not imported)</h2>
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

function countText(job: ImportJob): string {
  if (job.phase === '') return '';
  return job.total === null ? `${job.done.toLocaleString('en')} so far` : `${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')}`;
}

/**
 * The import going on. The phase is a live region (spoken when it changes); the count and the bar
 * are not, or a screen reader would read a number every second while the page follows the import.
 */
function Progress({ job }: { job: ImportJob }) {
  const count = countText(job);
  return (
    <>
      <p>
        <span role="status" data-import-phase>
          {job.phase === '' ? 'Starting the import…' : `Importing: ${job.phase.toLowerCase()}.`}
        </span>{' '}
        <span data-import-count>{count}</span>
      </p>
      <progress
        class="import-progress"
        data-import-bar
        aria-label="Import progress"
        max={job.total ?? undefined}
        value={job.total === null ? undefined : Math.min(job.done, job.total)}
      >
        {count}
      </progress>
      <p class="field__hint">
        You may leave this page and come back: the import goes on. Without JavaScript the page reloads itself every {refreshSeconds} seconds.
      </p>
    </>
  );
}

function JobState({ chrome, job }: { chrome: AdminChrome; job: ImportJob }) {
  switch (job.state) {
    case 'checked':
      return (
        <>
          <p>Dry run: nothing was written. This is what the import would do.</p>
          <ReportView report={job.dryRunReport} />
          <RunForm chrome={chrome} job={job} label="Import now" />
        </>
      );
    case 'running':
      return (
        <>
          <Progress job={job} />
          <h2>What the dry run found</h2>
          <ReportView report={job.dryRunReport} />
        </>
      );
    case 'stopped':
      return (
        <>
          <FormOutcome problem="The import stopped before it finished: the server restarted while it ran. What was imported is kept; running it again carries on without duplicates." />
          <RunForm chrome={chrome} job={job} label="Run the import again" />
        </>
      );
    case 'failed':
      return (
        <>
          <FormOutcome problem={job.error ?? 'The import failed.'} />
          <RunForm chrome={chrome} job={job} label="Run the import again" />
        </>
      );
    case 'finished':
      return (
        <>
          <FormOutcome notice="Import finished." />
          {job.report ? <ReportView report={job.report} /> : null}
          <p>
            <a href="/admin">Go to the articles</a> or <a href="/admin/import">import another file</a>.
          </p>
        </>
      );
  }
}

/** `scriptUrl`: public/admin-import.js, which follows a running import without reloading the page. */
export function renderImportJobPage(chrome: AdminChrome, { job, scriptUrl }: { job: ImportJob; scriptUrl: string }): string {
  const running = job.state === 'running';
  return renderDocument(
    <AdminDocument
      chrome={chrome}
      title={`Import of ${job.fileName}`}
      refreshSeconds={running ? refreshSeconds : undefined}
      scripts={running ? [scriptUrl] : []}
    >
      <h1>Import of {job.fileName}</h1>
      <p class="admin-lede">{kindNames[job.kind]}</p>
      <div data-import-job data-state={job.state}>
        <JobState chrome={chrome} job={job} />
      </div>
    </AdminDocument>,
  );
}
