import { Picture, type ResponsiveImage } from './picture.tsx';
import { Document, type PageHead, type SiteChrome } from './document.tsx';
import { type PageLinks, Pagination } from './pagination.tsx';
import { StoryList, type StoryTeaser } from './story-list.tsx';

/** A section, tag or author page: a heading, an introduction and a page of stories. */
export interface CollectionPageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  /** What kind of collection, e.g. "Topic" or a job title; shown above the heading. */
  readonly eyebrow: string;
  readonly heading: string;
  readonly introduction: string;
  /** An author's photo. */
  readonly portrait?: ResponsiveImage;
  readonly stories: readonly StoryTeaser[];
  readonly pages: PageLinks;
}

export function CollectionPage({ data }: { data: CollectionPageData }) {
  const words = data.site.words;
  return (
    <Document head={data.head} site={data.site}>
      <header class={data.portrait ? 'collection__header collection__header--portrait' : 'collection__header'}>
        {data.portrait ? <Picture image={data.portrait} options={{ sizes: '8rem', priority: true, class: 'collection__portrait' }} /> : null}
        {data.eyebrow ? <p class="kicker">{data.eyebrow}</p> : null}
        <h1 class="collection__heading">{data.heading}</h1>
        {data.introduction ? <p class="collection__intro">{data.introduction}</p> : null}
        {data.pages.pageCount > 1 ? (
          <p class="collection__page-note">{words.text('list.pageOfPages', { page: data.pages.page, count: data.pages.pageCount })}</p>
        ) : null}
      </header>
      {data.stories.length > 0 ? <StoryList stories={data.stories} headingLevel={2} /> : <p class="empty-note">{words.text('list.empty')}</p>}
      <Pagination links={data.pages} words={words} />
    </Document>
  );
}
