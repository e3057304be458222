import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';
import { StoryCard, type StoryTeaser } from '../render/story-list.tsx';

export interface HomeSection {
  readonly name: string;
  readonly url: string;
  readonly stories: readonly StoryTeaser[];
}

export interface HomePageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  readonly lead: StoryTeaser | null;
  readonly sections: readonly HomeSection[];
}

export function HomePage({ data }: { data: HomePageData }) {
  const words = data.site.words;
  return (
    <Document head={data.head} site={data.site}>
      <h1 class="visually-hidden">{words.text('home.heading', { siteName: data.site.siteName })}</h1>
      {data.lead ? (
        <StoryCard story={data.lead} block="lead-story" headingLevel={2} priority imageSizes="(min-width: 64rem) 44rem, 100vw" />
      ) : (
        <p class="empty-note">{words.text('home.empty')}</p>
      )}
      {data.sections.map((section, index) => (
        <section class="home-section" aria-labelledby={`home-section-${index}`}>
          <h2 class="rule-heading" id={`home-section-${index}`}>
            <a href={section.url}>{section.name}</a>
          </h2>
          <ul class="home-section__grid">
            {section.stories.map((story) => (
              <li>
                <StoryCard story={story} headingLevel={3} imageSizes="(min-width: 64rem) 17rem, (min-width: 40rem) 50vw, 100vw" />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Document>
  );
}
