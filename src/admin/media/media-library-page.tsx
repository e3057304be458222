import { CsrfField, FormOutcome, Field, Select } from '../../render/form.tsx';
import { type PageLinks, Pagination } from '../../render/pagination.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

const messages = {
  uploadHint:
    'JPEG, PNG, WebP, AVIF or GIF, up to 20 MB and 50 megapixels each, 20 at a time. Alt text, caption, credit, photographer and copyright are read from the file where it has them.',
  dropHint: 'Or drop photos on this box. Each uploads on its own, with its own progress bar.',
  noCaption: 'No caption yet',
  noAlt: 'No alt text',
  nothingFound: 'No photos match. Try fewer words, or another type.',
  empty: 'The library is empty. Add the first photos above.',
  addedIntro: (count: number) => `Added ${count === 1 ? '1 photo' : `${count} photos`}. Check the alt text, caption and credit read from each file:`,
  refusedIntro: (count: number) => `${count === 1 ? '1 file was' : `${count} files were`} not added:`,
};

const typeOptions = [
  { value: '', label: 'All types' },
  { value: 'jpeg', label: 'JPEG' },
  { value: 'png', label: 'PNG' },
  { value: 'webp', label: 'WebP' },
  { value: 'avif', label: 'AVIF' },
  { value: 'gif', label: 'GIF' },
];

export interface MediaCard {
  readonly id: number;
  readonly name: string;
  readonly caption: string;
  readonly credit: string;
  readonly hasAlt: boolean;
  readonly typeLabel: string;
  readonly usageCount: number;
  readonly thumbnail: { readonly url: string; readonly width: number; readonly height: number };
}

export interface MediaLibraryPageData {
  readonly scriptUrl: string;
  /** For the script, so it can refuse an oversized file before sending it. */
  readonly upload: { readonly maxBytes: number; readonly tooLargeMessage: string };
  /** The search form as typed, with a message for each value that could not be used. */
  readonly search: { readonly q: string; readonly type: string; readonly errors: Readonly<Record<string, string>> };
  readonly total: number;
  readonly isFiltered: boolean;
  readonly items: readonly MediaCard[];
  readonly pages: PageLinks;
  /** What the last upload without JavaScript did, or a notice about the last action (a delete). */
  readonly summary: {
    readonly added: readonly { readonly id: number; readonly name: string }[];
    readonly refused: readonly { readonly name: string; readonly message: string }[];
    readonly notice?: string;
  };
}

function usageLabel(count: number): string {
  return count === 0 ? 'Not used' : `Used in ${count === 1 ? '1 article' : `${count} articles`}`;
}

function UploadSummary({ summary }: { summary: MediaLibraryPageData['summary'] }) {
  return (
    <>
      <FormOutcome notice={summary.notice} />
      {summary.added.length > 0 ? (
        <div class="form-message form-message--ok" role="status">
          <p>{messages.addedIntro(summary.added.length)}</p>
          <ul>
            {summary.added.map((item) => (
              <li>
                <a href={`/admin/media/${item.id}`}>{item.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {summary.refused.length > 0 ? (
        <div class="form-message" role="alert">
          <p>{messages.refusedIntro(summary.refused.length)}</p>
          <ul>
            {summary.refused.map((entry) => (
              <li>
                {entry.name ? <strong>{entry.name}: </strong> : null}
                {entry.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function renderMediaLibraryPage(chrome: AdminChrome, data: MediaLibraryPageData): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Media library" scripts={[data.scriptUrl]}>
      <h1>Media library</h1>
      <UploadSummary summary={data.summary} />
      <section class="media-upload" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Add photos</h2>
        {/* The token comes before the files: the server checks it before reading any file. */}
        <form
          method="post"
          action="/admin/media"
          enctype="multipart/form-data"
          class="media-upload__form"
          data-media-upload
          data-max-bytes={data.upload.maxBytes}
          data-too-large-message={data.upload.tooLargeMessage}
        >
          <CsrfField token={chrome.csrfToken} />
          <div class="field">
            <label for="field-files">Photo files</label>
            <p class="field__hint" id="field-files-hint">
              {messages.uploadHint}
            </p>
            <input
              id="field-files"
              type="file"
              name="files"
              multiple
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              aria-describedby="field-files-hint"
            />
          </div>
          <p class="media-upload__drop-hint" hidden data-drop-hint>
            {messages.dropHint}
          </p>
          <button type="submit" class="button button--primary" data-upload-button>
            Upload
          </button>
          <ul class="upload-list" data-upload-list aria-live="polite"></ul>
        </form>
      </section>
      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">Photos</h2>
        <form method="get" action="/admin/media" class="media-search" role="search" novalidate>
          <Field name="q" label="Search captions, credits and file names" type="search" value={data.search.q} error={data.search.errors.q} maxlength={200} />
          <Select name="type" label="Type" options={typeOptions} value={data.search.type} error={data.search.errors.type} />
          <button type="submit" class="button">
            Search
          </button>
        </form>
        {/* Replaced from a fresh copy of this page by admin-media.js once dropped photos are added. */}
        <div data-media-results>
          <p class="media-count">
            {data.isFiltered
              ? `${data.total} ${data.total === 1 ? 'photo matches' : 'photos match'}`
              : `${data.total} ${data.total === 1 ? 'photo' : 'photos'}, newest first`}
          </p>
          {data.items.length === 0 ? (
            <p>{data.isFiltered ? messages.nothingFound : messages.empty}</p>
          ) : (
            <ul class="media-grid">
              {data.items.map((item) => (
                <li class="media-card">
                  <a class="media-card__link" href={`/admin/media/${item.id}`}>
                    <img
                      class="media-card__image"
                      src={item.thumbnail.url}
                      width={item.thumbnail.width}
                      height={item.thumbnail.height}
                      alt=""
                      loading="lazy"
                      decoding="async"
                    />
                    <span class="media-card__name">{item.name}</span>
                  </a>
                  <p class={item.caption ? 'media-card__caption' : 'media-card__caption media-card__caption--missing'}>{item.caption || messages.noCaption}</p>
                  {item.credit ? <p class="media-card__credit">{item.credit}</p> : null}
                  <p class="media-card__meta">
                    {item.typeLabel} · {usageLabel(item.usageCount)}
                    {item.hasAlt ? null : <strong class="badge badge--warning">{messages.noAlt}</strong>}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination links={data.pages} />
        </div>
      </section>
    </AdminDocument>,
  );
}
