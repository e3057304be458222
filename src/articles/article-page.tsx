import { CommentSection, type CommentSectionView } from '../comments/index.ts';
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
  readonly published: { readonly iso: string; readonly label: string };
  readonly updated: { readonly iso: string; readonly label: string } | null;
  readonly photo: CaptionedImage | null;
  readonly body: SafeHtml;
  readonly tags: readonly LinkTo[];
  /** "Opinion", "Analysis"…; empty for news reporting. */
  readonly kindLabel: string;
  readonly sponsored: boolean;
  readonly commentCount: number;
  readonly corrections: readonly { readonly kind: 'Correction' | 'Update'; readonly iso: string; readonly label: string; readonly text: string }[];
  /** Set when the article is in another language than the site: the article element says so, the site's menus stay as they are. */
  readonly language: LanguageAttributes;
  /**
   * The site's language inside such an article, for the site's own words (dates, counts, labels): an English
   * date set right to left would read "November 2026 27".
   */
  readonly siteWords: LanguageAttributes;
}

export interface ArticlePageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  readonly article: ArticleView;
  readonly related: readonly StoryTeaser[];
  /** Absent where comments do not belong (e.g. a newsroom preview without them). */
  readonly comments?: CommentSectionView;
}

function Byline({ authors }: { authors: readonly LinkTo[] }) {
  if (authors.length === 0) return null;
  return (
    <p class="byline">
      By{' '}
      {authors.map((author, index) => (
        <>
          {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : null}
          <a rel="author" href={author.url}>
            {author.label}
          </a>
        </>
      ))}
    </p>
  );
}

function ArticleHeader({ article }: { article: ArticleView }) {
  const { lang, dir } = article.siteWords;
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
      <Byline authors={article.authors} />
      <p class="article__meta">
        {article.dateline ? <span class="dateline">{article.dateline} —</span> : null}{' '}
        <time datetime={article.published.iso} lang={lang} dir={dir}>
          {article.published.label}
        </time>
        {article.commentCount > 0 ? (
          <>
            {' '}
            <a class="article__comment-count" href="#comments" lang={lang} dir={dir}>
              {article.commentCount === 1 ? '1 comment' : `${article.commentCount.toLocaleString('en')} comments`}
            </a>
          </>
        ) : null}
        {article.updated ? (
          <>
            {' '}
            <span class="article__updated" lang={lang} dir={dir}>
              Updated <time datetime={article.updated.iso}>{article.updated.label}</time>
            </span>
          </>
        ) : null}
      </p>
    </header>
  );
}

export function ArticlePage({ data }: { data: ArticlePageData }) {
  const { article } = data;
  return (
    <Document head={data.head} site={data.site}>
      <article class="article" lang={article.language.lang} dir={article.language.dir}>
        <ArticleHeader article={article} />
        {article.photo ? (
          <Figure photo={article.photo} options={{ sizes: '(min-width: 64rem) 64rem, 100vw', priority: true, class: 'article__photo' }} />
        ) : null}
        <div class="article__body">{article.body}</div>
        {article.corrections.length > 0 ? (
          <section class="article__corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading" {...article.siteWords}>
              Corrections and updates
            </h2>
            <ol>
              {article.corrections.map((correction) => (
                <li>
                  <p>
                    <strong {...article.siteWords}>
                      {correction.kind}, <time datetime={correction.iso}>{correction.label}</time>:
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
            <h2 class="visually-hidden" {...article.siteWords}>
              Topics
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
        <aside class="related" aria-labelledby="related-heading">
          <h2 id="related-heading" class="rule-heading">
            Related
          </h2>
          <StoryList stories={data.related} headingLevel={3} />
        </aside>
      ) : null}
      {data.comments ? <CommentSection section={data.comments} /> : null}
      <p class="back-to-top-holder">
        <a class="back-to-top" href="#top">
          <span aria-hidden="true">↑</span> Back to top
        </a>
      </p>
    </Document>
  );
}
