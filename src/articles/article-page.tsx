import { CommentSection, type CommentSectionView } from '../comments/index.ts';
import type { Translator } from '../i18n/index.ts';
import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';
import type { LanguageAttributes } from '../render/language-tags.ts';
import { type CaptionedImage, Figure } from '../render/picture.tsx';
import type { SafeHtml } from '../render/safe-html.ts';
import { StoryList, type StoryTeaser } from '../render/story-list.tsx';

export interface LinkTo {
  readonly label: string;
  readonly url: string;
}

export interface ArticleView {
  readonly section: LinkTo | null;
  readonly headline: string;
  readonly standfirst: string;
  readonly authors: readonly LinkTo[];
  /** Place only, e.g. "SEOUL"; the dash is typography. */
  readonly dateline: string;
  /** Null in a preview of an article not published or scheduled yet: it has no publication time to show. */
  readonly published: { readonly iso: string; readonly label: string } | null;
  readonly updated: { readonly iso: string; readonly label: string } | null;
  readonly photo: CaptionedImage | null;
  readonly body: SafeHtml;
  readonly tags: readonly LinkTo[];
  /** "Opinion", "Analysis"… in the page's words; empty for news reporting. */
  readonly kindLabel: string;
  readonly sponsored: boolean;
  readonly commentCount: number;
  readonly corrections: readonly { readonly kind: 'correction' | 'update'; readonly iso: string; readonly label: string; readonly text: string }[];
  /** Set when the article is in another language than the site: the article element says so, the site's menus stay as they are. */
  readonly language: LanguageAttributes;
  /**
   * The language of the words around the writer's (dates, counts, labels) inside the article, where it
   * differs from the article's: the site's, for an article in a language Gazette does not speak. An
   * English date set right to left in a Hebrew article would read "November 2026 27".
   */
  readonly wordsLanguage: LanguageAttributes;
}

export interface ArticlePageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  /** The words around the writer's: the article's language when Gazette speaks it, else the site's. The masthead and footer keep the site's. */
  readonly words: Translator;
  /** What marks the parts after the article (related stories, comments) when those words are not the page's. */
  readonly wordsAround: LanguageAttributes;
  readonly article: ArticleView;
  readonly related: readonly StoryTeaser[];
  /** Absent where comments do not belong (e.g. a newsroom preview without them). */
  readonly comments?: CommentSectionView;
  /** A preview's "Not published" banner, above the masthead; never on the published page. */
  readonly previewBanner?: SafeHtml;
}

function Byline({ authors, words }: { authors: readonly LinkTo[]; words: Translator }) {
  if (authors.length === 0) return null;
  const links = words
    .listOf(authors, (author) => author.label)
    .map((item) =>
      typeof item === 'string' ? (
        item
      ) : (
        <a rel="author" href={item.url}>
          {item.label}
        </a>
      ),
    );
  return <p class="byline">{words.rich('story.byline', { names: <>{links}</> })}</p>;
}

function ArticleHeader({ article, words }: { article: ArticleView; words: Translator }) {
  const { lang, dir } = article.wordsLanguage;
  return (
    <header class="article__header">
      {article.section ? (
        <p class="kicker">
          <a href={article.section.url}>{article.section.label}</a>
        </p>
      ) : null}
      {article.kindLabel ? (
        <p class={article.sponsored ? 'kind-label kind-label--sponsored' : 'kind-label'} lang={lang} dir={dir}>
          {article.kindLabel}
        </p>
      ) : null}
      <h1 class="article__headline">{article.headline}</h1>
      {article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
      <Byline authors={article.authors} words={words} />
      <p class="article__meta">
        {article.dateline ? <span class="dateline">{article.dateline} —</span> : null}{' '}
        {article.published ? (
          <time datetime={article.published.iso} lang={lang} dir={dir}>
            {article.published.label}
          </time>
        ) : null}
        {article.commentCount > 0 ? (
          <>
            {' '}
            <a class="article__comment-count" href="#comments" lang={lang} dir={dir}>
              {words.text('story.commentCount', { count: article.commentCount })}
            </a>
          </>
        ) : null}
        {article.updated ? (
          <>
            {' '}
            <span class="article__updated" lang={lang} dir={dir}>
              {words.rich('story.updated', { time: <time datetime={article.updated.iso}>{article.updated.label}</time> })}
            </span>
          </>
        ) : null}
      </p>
    </header>
  );
}

export function ArticlePage({ data }: { data: ArticlePageData }) {
  const { article, words, wordsAround } = data;
  return (
    <Document head={data.head} site={data.site} banner={data.previewBanner}>
      <article class="article" lang={article.language.lang} dir={article.language.dir}>
        <ArticleHeader article={article} words={words} />
        {article.photo ? (
          <Figure photo={article.photo} options={{ sizes: '(min-width: 64rem) 64rem, 100vw', priority: true, class: 'article__photo' }} words={words} />
        ) : null}
        <div class="article__body">{article.body}</div>
        {article.corrections.length > 0 ? (
          <section class="article__corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading" {...article.wordsLanguage}>
              {words.text('story.correctionsHeading')}
            </h2>
            <ol>
              {article.corrections.map((correction) => (
                <li>
                  <p>
                    <strong {...article.wordsLanguage}>
                      {words.rich('story.correctionLabel', {
                        kind: correction.kind,
                        time: <time datetime={correction.iso}>{correction.label}</time>,
                      })}
                    </strong>{' '}
                    {correction.text}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {article.tags.length > 0 ? (
          <footer class="article__footer">
            <h2 class="visually-hidden" {...article.wordsLanguage}>
              {words.text('story.topics')}
            </h2>
            <ul class="tag-list">
              {article.tags.map((tag) => (
                <li>
                  <a href={tag.url}>{tag.label}</a>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      {data.related.length > 0 ? (
        <aside class="related" aria-labelledby="related-heading" {...wordsAround}>
          <h2 id="related-heading" class="rule-heading">
            {words.text('story.related')}
          </h2>
          <StoryList stories={data.related} headingLevel={3} />
        </aside>
      ) : null}
      {data.comments ? <CommentSection section={data.comments} language={wordsAround} /> : null}
      <p class="back-to-top-holder" {...wordsAround}>
        <a class="back-to-top" href="#top">
          <span aria-hidden="true">↑</span> {words.text('story.backToTop')}
        </a>
      </p>
    </Document>
  );
}
