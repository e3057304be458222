import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';
import { type PageLinks, Pagination } from '../render/pagination.tsx';
import { StoryList, type StoryTeaser } from '../render/story-list.tsx';
import type { TextPart } from './highlight.ts';

const messages = {
  heading: 'Search',
  headingFor: (query: string) => `Search results for “${query}”`,
  introduction: 'Find any published article by the words in its headline, text, topics or bylines.',
  found: (total: string, one: boolean) => (one ? '1 article found' : `${total} articles found`),
  more: (total: string) => `More than ${total} articles found`,
  newestOnly: (total: string) => `So many articles match that only the newest ${total} are ranked. Add words or filters to narrow the search.`,
  someWords: 'No article has all of your words, so these have some of them, best matches first.',
  shortened: (max: number) => `Your search was longer than ${max} characters, so only its beginning was used.`,
  nothing: (query: string) => `No articles match “${query}”.`,
  noWords: (query: string) => `“${query}” has no words to search for: try letters or numbers.`,
  tips: ['Check the spelling.', 'Try fewer words, or more general ones.', 'Remove the section or date filters.'],
  latest: 'Latest stories',
  queryLabel: 'Search for',
  submit: 'Search',
  formLabel: 'Search articles',
  filters: 'Narrow the results',
  section: 'Section',
  allSections: 'All sections',
  from: 'Published from',
  to: 'Published up to',
  results: 'Results',
  pageLabels: { previous: 'Previous', next: 'Next' },
};

/** One found article: its headline and the best-matching passage, matches marked. */
export interface SearchResultView {
  readonly url: string;
  readonly kicker: string;
  readonly headline: readonly TextPart[];
  readonly excerpt: readonly TextPart[];
  readonly publishedIso: string;
  readonly publishedLabel: string;
  readonly bylineLabel: string;
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

function SearchForm({ form }: { form: SearchFormView }) {
  return (
    <form class="search-form" role="search" action="/search" method="get" aria-label={messages.formLabel}>
      <div class="search-form__query">
        <label class="search-form__label" for="search-query">
          {messages.queryLabel}
        </label>
        <input id="search-query" class="search-form__input" type="search" name="q" value={form.query} maxlength={form.maxLength} />
        <button class="search-form__button" type="submit">
          {messages.submit}
        </button>
      </div>
      <fieldset class="search-form__filters">
        <legend class="search-form__legend">{messages.filters}</legend>
        <div class="search-form__field search-form__field--section">
          <label for="search-section">{messages.section}</label>
          <select id="search-section" name="section">
            <option value="">{messages.allSections}</option>
            {form.sections.map((section) => (
              <option value={section.slug} selected={section.slug === form.section}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div class="search-form__field">
          <label for="search-from">{messages.from}</label>
          <input id="search-from" type="date" name="from" value={form.from} />
        </div>
        <div class="search-form__field">
          <label for="search-to">{messages.to}</label>
          <input id="search-to" type="date" name="to" value={form.to} />
        </div>
      </fieldset>
    </form>
  );
}

function SearchResult({ result }: { result: SearchResultView }) {
  return (
    <article class="search-result">
      {result.kicker ? <p class="kicker">{result.kicker}</p> : null}
      <h3 class="search-result__headline">
        <a href={result.url}>
          <Highlighted parts={result.headline} />
        </a>
      </h3>
      {result.excerpt.length > 0 ? (
        <p class="search-result__excerpt">
          <Highlighted parts={result.excerpt} />
        </p>
      ) : null}
      <p class="story-card__meta">
        {result.bylineLabel ? <span>{result.bylineLabel}</span> : null} <time datetime={result.publishedIso}>{result.publishedLabel}</time>
      </p>
    </article>
  );
}

function Latest({ stories }: { stories: readonly StoryTeaser[] }) {
  if (stories.length === 0) return null;
  return (
    <section class="search__latest" aria-labelledby="search-latest-heading">
      <h2 id="search-latest-heading" class="rule-heading">
        {messages.latest}
      </h2>
      <StoryList stories={stories} headingLevel={3} />
    </section>
  );
}

function Content({ content, query, language }: { content: SearchPageContent; query: string; language: string }) {
  switch (content.kind) {
    case 'start':
      return (
        <>
          <p class="search__note">{messages.introduction}</p>
          <Latest stories={content.latest} />
        </>
      );
    case 'no-words':
    case 'nothing':
      return (
        <>
          <p class="search__note search__note--empty">{content.kind === 'nothing' ? messages.nothing(query) : messages.noWords(query)}</p>
          <ul class="search__tips">
            {messages.tips.map((tip) => (
              <li>{tip}</li>
            ))}
          </ul>
          <Latest stories={content.latest} />
        </>
      );
    case 'found':
      return (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" class="search__count">
            {content.more ? messages.more(content.total.toLocaleString(language)) : messages.found(content.total.toLocaleString(language), content.total === 1)}
          </h2>
          {content.match === 'any' ? <p class="search__note">{messages.someWords}</p> : null}
          {content.more ? <p class="search__note">{messages.newestOnly(content.total.toLocaleString(language))}</p> : null}
          <ol class="search-results" start={content.firstPosition}>
            {content.results.map((result) => (
              <li>
                <SearchResult result={result} />
              </li>
            ))}
          </ol>
          <Pagination links={content.pages} labels={messages.pageLabels} />
        </section>
      );
  }
}

/** The search page: the form, then results with matches marked, or the latest stories when there are none. */
export function SearchPage({ data }: { data: SearchPageData }) {
  const { form } = data;
  return (
    <Document head={data.head} site={data.site}>
      <div class="search">
        <h1 class="collection__heading search__heading">{form.query ? messages.headingFor(form.query) : messages.heading}</h1>
        <SearchForm form={form} />
        {data.shortened ? <p class="search__note">{messages.shortened(form.maxLength)}</p> : null}
        <Content content={data.content} query={form.query} language={data.site.language} />
      </div>
    </Document>
  );
}
