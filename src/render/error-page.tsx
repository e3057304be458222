import { type Phrase, sentenceIn } from '../errors.ts';
import { errorMessageKey, errorTitleKey, newsroomTranslator, translator } from '../i18n/index.ts';
import { Document, type SiteChrome } from './document.tsx';
import { languageAttributes } from './language-tags.ts';
import { renderDocument } from './safe-html.ts';

export interface ErrorPageData {
  readonly site: SiteChrome;
  readonly status: number;
  /** The error's title and sentence in English, as the error handler and services write them. */
  readonly title: string;
  readonly message: string;
  /** The same sentence as a phrase of the newsroom's catalogs, when the service said it as one. */
  readonly phrase?: Phrase;
}

const english = translator('en');

/**
 * An error in the site's words. The service's own sentence is shown in them when it came as a phrase
 * the newsroom's catalogs speak in that language; otherwise, on a site in another language, the
 * status's own message from the catalog comes first and the service's sentence, when it says more
 * than that, follows marked as English.
 */
export function ErrorPage({ data }: { data: ErrorPageData }) {
  const words = data.site.words;
  const inEnglish = words.catalog === 'en';
  const phraseWords = data.phrase && !inEnglish ? newsroomTranslator(words.locale, words.timeZone) : undefined;
  const ownSentence = data.phrase && phraseWords?.catalog === words.catalog ? sentenceIn(data.phrase, phraseWords) : undefined;
  const title = inEnglish ? data.title : words.text(errorTitleKey(data.status));
  const message = inEnglish ? data.message : (ownSentence ?? words.text(errorMessageKey(data.status)));
  const saysMore = !inEnglish && !ownSentence && data.message !== english.text(errorMessageKey(data.status));
  return (
    <Document site={data.site} head={{ title, description: message, ogType: 'website', noindex: true }}>
      <section class="error-page" aria-labelledby="error-heading">
        <p class="kicker">{words.text('error.kicker', { status: data.status })}</p>
        <h1 id="error-heading" class="collection__heading">
          {title}
        </h1>
        <p class="collection__intro">{message}</p>
        {saysMore ? <p {...languageAttributes('en', data.site.language)}>{data.message}</p> : null}
        <p>
          <a href="/">{words.text('error.home')}</a>
        </p>
      </section>
    </Document>
  );
}

export function renderErrorPage(data: ErrorPageData): string {
  return renderDocument(<ErrorPage data={data} />);
}
