import type { MessageKey, Translator } from '../i18n/index.ts';
import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';
import type { LanguageAttributes } from '../render/language-tags.ts';
import { type PageLinks, Pagination } from '../render/pagination.tsx';
import { StoryList, type StoryTeaser } from '../render/story-list.tsx';
import type { TextPart } from './highlight.ts';

/** What to try when nothing matched, in the order a reader would try them. */
const tips: readonly MessageKey[] = ['search.tip.spelling', 'search.tip.fewerWords', 'search.tip.filters'];

/** One found article: its headline and the best-matching passage, matches marked. */
export interface SearchResultView {
  readonly url: string;
  readonly kicker: string;
  readonly headline: readonly TextPart[];
  readonly excerpt: readonly TextPart[];
  readonly publishedIso: string;
  readonly publishedLabel: string;
  readonly bylineLabel: string;
  /** The article's language where it differs from the page's; it marks the headline and passage, the writer's words. */
  readonly language?: LanguageAttributes;
}

/** The form as the reader left it. */
export interface SearchFormView {
  readonly query: string;
  readonly section: string;
  readonly from: string;
  readonly to: string;
  readonly sections: readonly { readonly slug: string; readonly name: string }[];
  readonly maxLength: number;
}

export type SearchPageContent =
  | { readonly kind: 'start' | 'no-words' | 'nothing'; readonly latest: readonly StoryTeaser[] }
  | {
      readonly kind: 'found';
      readonly match: 'all' | 'any';
      readonly total: number;
      /** More than `total` match; the best of the newest `total` are shown. */
      readonly more: boolean;
      /** The number of the first result on this page, for <ol start>. */
      readonly firstPosition: number;
      readonly results: readonly SearchResultView[];
      readonly pages: PageLinks;
    };

export interface SearchPageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  readonly form: SearchFormView;
  readonly shortened: boolean;
  readonly content: SearchPageContent;
}

function Highlighted({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((part) => (part.highlighted ? <mark>{part.text}</mark> : part.text))}</>;
}

function SearchForm({ form, words }: { form: SearchFormView; words: Translator }) {
  return (
    <form class="search-form" role="search" action="/search" method="get" aria-label={words.text('search.formLabel')}>
      <div class="search-form__query">
        <label class="search-form__label" for="search-query">
          {words.text('search.queryLabel')}
        </label>
        <input id="search-query" class="search-form__input" type="search" name="q" value={form.query} maxlength={form.maxLength} />
        <button class="search-form__button" type="submit">
          {words.text('search.submit')}
        </button>
      </div>
      <fieldset class="search-form__filters">
        <legend class="search-form__legend">{words.text('search.filters')}</legend>
        <div class="search-form__field search-form__field--section">
          <label for="search-section">{words.text('search.section')}</label>
          <select id="search-section" name="section">
            <option value="">{words.text('search.allSections')}</option>
            {form.sections.map((section) => (
              <option value={section.slug} selected={section.slug === form.section}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div class="search-form__field">
          <label for="search-from">{words.text('search.from')}</label>
          <input id="search-from" type="date" name="from" value={form.from} />
        </div>
        <div class="search-form__field">
          <label for="search-to">{words.text('search.to')}</label>
          <input id="search-to" type="date" name="to" value={form.to} />
        </div>
      </fieldset>
    </form>
  );
}

function SearchResult({ result }: { result: SearchResultView }) {
  const { lang, dir } = result.language ?? {};
  return (
    <article class="search-result">
      {result.kicker ? <p class="kicker">{result.kicker}</p> : null}
      <h3 class="search-result__headline" lang={lang} dir={dir}>
        <a href={result.url}>
          <Highlighted parts={result.headline} />
        </a>
      </h3>
      {result.excerpt.length > 0 ? (
        <p class="search-result__excerpt" lang={lang} dir={dir}>
          <Highlighted parts={result.excerpt} />
        </p>
      ) : null}
      <p class="story-card__meta">
        {result.bylineLabel ? <span>{result.bylineLabel}</span> : null} <time datetime={result.publishedIso}>{result.publishedLabel}</time>
      </p>
    </article>
  );
}

function Latest({ stories, words }: { stories: readonly StoryTeaser[]; words: Translator }) {
  if (stories.length === 0) return null;
  return (
    <section class="search__latest" aria-labelledby="search-latest-heading">
      <h2 id="search-latest-heading" class="rule-heading">
        {words.text('search.latest')}
      </h2>
      <StoryList stories={stories} headingLevel={3} />
    </section>
  );
}

function Content({ content, query, words }: { content: SearchPageContent; query: string; words: Translator }) {
  switch (content.kind) {
    case 'start':
      return (
        <>
          <p class="search__note">{words.text('search.introduction')}</p>
          <Latest stories={content.latest} words={words} />
        </>
      );
    case 'no-words':
    case 'nothing':
      return (
        <>
          <p class="search__note search__note--empty">{words.text(content.kind === 'nothing' ? 'search.nothing' : 'search.noWords', { query })}</p>
          <ul class="search__tips">
            {tips.map((tip) => (
              <li>{words.text(tip)}</li>
            ))}
          </ul>
          <Latest stories={content.latest} words={words} />
        </>
      );
    case 'found':
      return (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" class="search__count">
            {words.text(content.more ? 'search.more' : 'search.found', { count: content.total })}
          </h2>
          {content.match === 'any' ? <p class="search__note">{words.text('search.someWords')}</p> : null}
          {content.more ? <p class="search__note">{words.text('search.newestOnly', { count: content.total })}</p> : null}
          <ol class="search-results" start={content.firstPosition}>
            {content.results.map((result) => (
              <li>
                <SearchResult result={result} />
              </li>
            ))}
          </ol>
          <Pagination links={content.pages} words={words} labels={{ previous: words.text('search.previous'), next: words.text('search.next') }} />
        </section>
      );
  }
}

/** The search page: the form, then results with matches marked, or the latest stories when there are none. */
export function SearchPage({ data }: { data: SearchPageData }) {
  const { form } = data;
  const { words } = data.site;
  return (
    <Document head={data.head} site={data.site}>
      <div class="search">
        <h1 class="collection__heading search__heading">{form.query ? words.text('search.headingFor', { query: form.query }) : words.text('search.title')}</h1>
        <SearchForm form={form} words={words} />
        {data.shortened ? <p class="search__note">{words.text('search.shortened', { max: form.maxLength })}</p> : null}
        <Content content={data.content} query={form.query} words={words} />
      </div>
    </Document>
  );
}
