import { translator } from '../../i18n/index.ts';
import { CsrfField, FormOutcome, Field, Select } from '../../render/form.tsx';
import { type PageLinks, Pagination } from '../../render/pagination.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

type Words = AdminChrome['words'];

const typeNames = [
  { value: 'jpeg', label: 'JPEG' },
  { value: 'png', label: 'PNG' },
  { value: 'webp', label: 'WebP' },
  { value: 'avif', label: 'AVIF' },
  { value: 'gif', label: 'GIF' },
];

/** What public/admin-media.js shows while it uploads, as data- attributes on the form, in the newsroom's words. */
function scriptMessageAttributes(words: Words) {
  return {
    'data-message-waiting': words.text('media.scriptWaiting'),
    'data-message-uploading': words.text('media.scriptUploading'),
    'data-message-reading': words.text('media.scriptReading'),
    'data-message-added': words.text('media.scriptAdded'),
    'data-message-edit': words.text('media.scriptEdit'),
    'data-message-caption': words.text('media.scriptCaption'),
    'data-message-credit': words.text('media.scriptCredit'),
    'data-message-no-caption': words.text('media.scriptNoCaption'),
    'data-message-failed': words.text('media.scriptFailed'),
    'data-message-show-new': words.text('media.scriptShowNew'),
  };
}

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

function usageLabel(words: Words, count: number): string {
  return count === 0 ? words.text('media.notUsedShort') : words.text('media.usedIn', { count });
}

function UploadSummary({ words, summary }: { words: Words; summary: MediaLibraryPageData['summary'] }) {
  return (
    <>
      <FormOutcome notice={summary.notice} />
      {summary.added.length > 0 ? (
        <div class="form-message form-message--ok" role="status">
          <p>{words.text('media.addedIntro', { count: summary.added.length })}</p>
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
          <p>{words.text('media.refusedIntro', { count: summary.refused.length })}</p>
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
  const words = chrome.words;
  const typeOptions = [{ value: '', label: words.text('media.allTypes') }, ...typeNames];
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('media.libraryTitle')} scripts={[data.scriptUrl]}>
      <h1>{words.text('media.libraryTitle')}</h1>
      <UploadSummary words={words} summary={data.summary} />
      <section class="media-upload" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{words.text('media.addPhotosHeading')}</h2>
        {/* The token comes before the files: the server checks it before reading any file. */}
        <form
          method="post"
          action="/admin/media"
          enctype="multipart/form-data"
          class="media-upload__form"
          data-media-upload
          data-max-bytes={data.upload.maxBytes}
          data-too-large-message={data.upload.tooLargeMessage}
          {...scriptMessageAttributes(words)}
        >
          <CsrfField token={chrome.csrfToken} />
          <div class="field">
            <label for="field-files">{words.text('media.filesLabel')}</label>
            <p class="field__hint" id="field-files-hint">
              {words.text('media.uploadHint')}
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
            {words.text('media.dropHint')}
          </p>
          <button type="submit" class="button button--primary" data-upload-button>
            {words.text('media.uploadButton')}
          </button>
          <ul class="upload-list" data-upload-list aria-live="polite"></ul>
        </form>
      </section>
      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">{words.text('media.photosHeading')}</h2>
        <form method="get" action="/admin/media" class="media-search" role="search" novalidate>
          <Field name="q" label={words.text('media.searchLabel')} type="search" value={data.search.q} error={data.search.errors.q} maxlength={200} />
          <Select name="type" label={words.text('media.typeLabel')} options={typeOptions} value={data.search.type} error={data.search.errors.type} />
          <button type="submit" class="button">
            {words.text('media.searchButton')}
          </button>
        </form>
        {/* Replaced from a fresh copy of this page by admin-media.js once dropped photos are added. */}
        <div data-media-results>
          <p class="media-count">{words.text(data.isFiltered ? 'media.matchCount' : 'media.photoCount', { count: data.total })}</p>
          {data.items.length === 0 ? (
            <p>{words.text(data.isFiltered ? 'media.nothingFound' : 'media.empty')}</p>
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
                  <p class={item.caption ? 'media-card__caption' : 'media-card__caption media-card__caption--missing'}>
                    {item.caption || words.text('media.noCaption')}
                  </p>
                  {item.credit ? <p class="media-card__credit">{item.credit}</p> : null}
                  <p class="media-card__meta">
                    {item.typeLabel} · {usageLabel(words, item.usageCount)}
                    {item.hasAlt ? null : <strong class="badge badge--warning">{words.text('media.noAlt')}</strong>}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {/* "Page 2 of 5" is the reader site's, in the newsroom's language; "Newer" and "Older" name photos, not articles. */}
          <Pagination
            links={data.pages}
            words={translator(words.language, words.timeZone)}
            labels={{ previous: words.text('media.newer'), next: words.text('media.older') }}
          />
        </div>
      </section>
    </AdminDocument>,
  );
}
