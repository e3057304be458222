import { type NewsroomKey, newsroomTranslator, type Translator } from '../../i18n/index.ts';
import { Field, TextArea } from '../../render/form.tsx';
import {
  appearancePlaceholders,
  characterCountText,
  previewLength,
  recommendedLengths,
  type SearchAppearance,
  searchAppearance,
  urlBaseOf,
} from './editor-live-text.ts';

/**
 * The article editor's address, search and social fields with live previews of the search result and
 * the social card. The browser bundle (editor-client/search-preview.ts) finds its parts by these
 * data- attributes and redraws them with the same editor-live-text.ts:
 *
 *   [data-search-panel][data-url-base]            the <details>; the absolute URL the slug is appended to
 *   [data-character-count=NAME][data-recommended] wraps a counted field; its counter is the field's hint,
 *                                                 #field-NAME-hint, which the input's aria-describedby names;
 *                                                 [data-over] while the value is longer than recommended
 *   [data-character-count-announcer]              polite live region, filled once typing pauses
 *   [data-preview=breadcrumb|search-title|search-description|social-title|social-description|host]
 *                                                 preview texts; [data-empty] while showing a placeholder
 *   [data-preview=social-image]                   the social card's <img>, when there is an image
 */

export interface SearchPanelPreview {
  readonly siteName: string;
  /** The public site's address, e.g. https://news.example */
  readonly siteUrl: string;
  /** The article's address, absolute or from the site's root, as it is or will be once saved; it ends in the slug. */
  readonly articleUrl: string;
  /** A small version of the social image, or of the featured photo when there is none. */
  readonly socialImageUrl?: string;
  /** The address a slug is appended to in each section the form offers (by section id; "" for none), so the preview follows the section chosen. */
  readonly urlBasesBySection?: Readonly<Record<string, string>>;
}

export interface SearchAndSocialPanelProps {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly labels: Record<string, string>;
  readonly preview: SearchPanelPreview;
  /** The newsroom's words; English without them. */
  readonly words?: Translator<NewsroomKey>;
}

const panelFields = ['slug', 'seoTitle', 'seoDescription'] as const;
type CountedName = keyof typeof recommendedLengths;

/** Attributes that mark a preview text and, while there is nothing to show, its placeholder. */
function PreviewText({ kind, text, placeholder, class: className }: { kind: string; text: string; placeholder: string; class: string }) {
  return (
    <p class={className} dir="auto" data-preview={kind} data-empty={text === '' ? '' : undefined}>
      {text === '' ? placeholder : text}
    </p>
  );
}

function SearchResultPreview({ siteName, appearance, words }: { siteName: string; appearance: SearchAppearance; words: Translator<NewsroomKey> }) {
  const placeholders = appearancePlaceholders(words);
  return (
    <section class="search-preview" aria-labelledby="search-preview-heading" data-search-preview="">
      <h2 class="preview-heading" id="search-preview-heading">
        {words.text('editor.searchPreviewHeading')}
      </h2>
      <div class="search-preview__result">
        <p class="search-preview__site" dir="auto">
          {siteName}
        </p>
        {/* Addresses read left to right, also in an Arabic article. */}
        <p class="search-preview__url" dir="ltr" data-preview="breadcrumb">
          {appearance.breadcrumb}
        </p>
        <PreviewText class="search-preview__title" kind="search-title" text={appearance.searchTitle} placeholder={placeholders.noTitle} />
        <PreviewText
          class="search-preview__description"
          kind="search-description"
          text={appearance.searchDescription}
          placeholder={placeholders.noDescription}
        />
      </div>
    </section>
  );
}

function SocialCardPreview({ imageUrl, appearance, words }: { imageUrl: string | undefined; appearance: SearchAppearance; words: Translator<NewsroomKey> }) {
  const placeholders = appearancePlaceholders(words);
  return (
    <section class="social-preview" aria-labelledby="social-preview-heading" data-social-preview="">
      <h2 class="preview-heading" id="social-preview-heading">
        {words.text('editor.socialPreviewHeading')}
      </h2>
      <div class={imageUrl ? 'social-card' : 'social-card social-card--no-image'}>
        {/* The card's words say what the picture is for; its alt text is set in the media library. */}
        {imageUrl ? <img class="social-card__image" src={imageUrl} alt="" data-preview="social-image" /> : null}
        <div class="social-card__text">
          <p class="social-card__host" dir="ltr" data-preview="host">
            {appearance.host}
          </p>
          <PreviewText class="social-card__title" kind="social-title" text={appearance.socialTitle} placeholder={placeholders.noTitle} />
          <PreviewText
            class="social-card__description"
            kind="social-description"
            text={appearance.socialDescription}
            placeholder={placeholders.noDescription}
          />
        </div>
      </div>
    </section>
  );
}

/** A field with its character counter as its hint, so the input's aria-describedby already names the counter. */
function CountedField({ name, props, words }: { name: CountedName; props: SearchAndSocialPanelProps; words: Translator<NewsroomKey> }) {
  const value = props.values[name] ?? '';
  const recommended = recommendedLengths[name];
  const count = previewLength(value);
  const field = { name, label: props.labels[name]!, value, error: props.errors[name], hint: characterCountText(count, recommended, words) };
  return (
    <div class="character-count" data-character-count={name} data-recommended={String(recommended)} data-over={count > recommended ? '' : undefined}>
      {name === 'seoTitle' ? <Field {...field} maxlength={120} /> : <TextArea {...field} rows={2} maxlength={320} />}
    </div>
  );
}

/**
 * The "Address, search and social" group of the article editor: slug, search title and description
 * with character counters, and previews of the search result and social card drawn from those fields
 * and the headline and standfirst. Open when one of its fields was refused, so the message is in view.
 */
export function SearchAndSocialPanel(props: SearchAndSocialPanelProps) {
  const { values, errors, labels, preview, words = newsroomTranslator('en') } = props;
  const urlBase = urlBaseOf(preview.articleUrl, preview.siteUrl);
  const appearance = searchAppearance(
    {
      headline: values.headline ?? '',
      standfirst: values.standfirst ?? '',
      slug: values.slug ?? '',
      seoTitle: values.seoTitle ?? '',
      seoDescription: values.seoDescription ?? '',
    },
    urlBase,
  );
  const anyError = panelFields.some((name) => errors[name]);
  return (
    <details
      class="field-group search-panel"
      open={anyError ? true : undefined}
      data-search-panel=""
      data-url-base={urlBase}
      data-url-bases={preview.urlBasesBySection ? JSON.stringify(preview.urlBasesBySection) : undefined}
    >
      <summary>{words.text('editor.searchPanelSummary')}</summary>
      <Field name="slug" label={labels.slug!} value={values.slug} error={errors.slug} hint={words.text('editor.slugHint')} maxlength={120} />
      <CountedField name="seoTitle" props={props} words={words} />
      <CountedField name="seoDescription" props={props} words={words} />
      <p class="visually-hidden" aria-live="polite" data-character-count-announcer=""></p>
      <div class="appearance-previews">
        <SearchResultPreview siteName={preview.siteName} appearance={appearance} words={words} />
        <SocialCardPreview imageUrl={preview.socialImageUrl} appearance={appearance} words={words} />
      </div>
    </details>
  );
}
