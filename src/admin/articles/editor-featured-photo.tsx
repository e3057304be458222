import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { Field, Select, type SelectOption, TextArea } from '../../render/form.tsx';

/** The library photo chosen as featured, as the editor shows it. */
export interface FeaturedPhotoChoice {
  readonly id: number;
  readonly thumbnailUrl: string;
  readonly width: number;
  readonly height: number;
  readonly name: string;
  /** Other articles that show it, featured or inline: a new description reaches them too. */
  readonly usedElsewhere: number;
  /** Why this person may not change its description, when they may not. */
  readonly describeRefusal?: string;
}

export interface FeaturedPhotoData {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly images: readonly SelectOption[];
  readonly photo?: FeaturedPhotoChoice;
  /** Where the editor's script uploads a dropped or chosen file (the media library's upload). */
  readonly uploadUrl: string;
}

/** The featured photo's fields by name, as labels and in the editor's error summary. */
export function featuredPhotoLabels(words: Translator<NewsroomKey>) {
  return {
    featuredMediaId: words.text('editor.featuredPhotoLabel'),
    featuredAlt: words.text('editor.featuredAltLabel'),
    featuredCaption: words.text('editor.featuredCaptionLabel'),
    featuredCredit: words.text('editor.featuredCreditLabel'),
  };
}

/**
 * The featured photo, at the top of the article: the photo itself, the library choice, and its
 * alt text, caption and credit edited in place. Without scripts the library list chooses; the
 * editor's script (editor-client/featured-photo.ts) adds a searchable picker, upload and drop.
 * `featuredWordsFor` names the photo the words belong to, so words typed for one photo are never
 * saved onto another chosen meanwhile.
 */
export function FeaturedPhoto({ data, words }: { data: FeaturedPhotoData; words: Translator<NewsroomKey> }) {
  const { values, errors, photo } = data;
  const readOnly = photo?.describeRefusal !== undefined;
  const labels = featuredPhotoLabels(words);
  return (
    <fieldset class="field-group featured-photo" data-featured-photo data-upload-url={data.uploadUrl}>
      <legend>{labels.featuredMediaId}</legend>
      <div class="featured-photo__preview" data-featured-preview>
        {photo ? (
          <img src={photo.thumbnailUrl} alt="" width={photo.width} height={photo.height} />
        ) : (
          <p class="featured-photo__empty">{words.text('editor.featuredEmpty')}</p>
        )}
      </div>
      <div class="featured-photo__choice">
        <Select
          name="featuredMediaId"
          label={words.text('editor.featuredChoose')}
          options={[{ value: '', label: words.text('editor.noChoice') }, ...data.images]}
          value={values.featuredMediaId}
          error={errors.featuredMediaId}
        />
      </div>
      {/* Words shown read-only are not posted, so nothing is described on their behalf. */}
      <input type="hidden" name="featuredWordsFor" value={photo && !readOnly ? String(photo.id) : ''} />
      <div class="featured-photo__words" data-featured-words hidden={photo ? undefined : true}>
        <p class="field__hint" data-featured-scope>
          {photo?.describeRefusal ?? words.text('editor.featuredEverywhere', { others: photo?.usedElsewhere ?? 0 })}
        </p>
        {readOnly ? (
          <dl class="featured-photo__read-only">
            <dt>{labels.featuredAlt}</dt>
            <dd>{values.featuredAlt || '—'}</dd>
            <dt>{labels.featuredCaption}</dt>
            <dd>{values.featuredCaption || '—'}</dd>
            <dt>{labels.featuredCredit}</dt>
            <dd>{values.featuredCredit || '—'}</dd>
          </dl>
        ) : (
          <>
            <TextArea
              name="featuredAlt"
              dir="auto"
              label={labels.featuredAlt}
              value={values.featuredAlt}
              error={errors.featuredAlt}
              hint={words.text('editor.featuredAltHint')}
              rows={2}
              maxlength={250}
            />
            <TextArea
              name="featuredCaption"
              dir="auto"
              label={labels.featuredCaption}
              value={values.featuredCaption}
              error={errors.featuredCaption}
              rows={2}
              maxlength={1000}
            />
            <Field
              name="featuredCredit"
              dir="auto"
              label={labels.featuredCredit}
              value={values.featuredCredit}
              error={errors.featuredCredit}
              hint={words.text('editor.featuredCreditHint')}
              maxlength={200}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
