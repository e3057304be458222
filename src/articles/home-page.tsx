import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';
import { Picture } from '../render/picture.tsx';
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

function LeadStory({ story }: { story: StoryTeaser }) {
  return (
    <article class="lead-story">
      {story.image ? (
        <Picture image={story.image} options={{ sizes: '(min-width: 64rem) 44rem, 100vw', priority: true, class: 'lead-story__image' }} />
      ) : null}
      <div class="lead-story__text">
        {story.kicker ? <p class="kicker">{story.kicker}</p> : null}
        <h2 class="lead-story__headline">
          <a href={story.url}>{story.headline}</a>
        </h2>
        {story.standfirst ? <p class="lead-story__standfirst">{story.standfirst}</p> : null}
        <p class="story-card__meta">
          {story.bylineLabel ? <span>{story.bylineLabel}</span> : null}{' '}
          <time datetime={story.publishedIso}>{story.publishedLabel}</time>
        </p>
      </div>
    </article>
  );
}

export function HomePage({ data }: { data: HomePageData }) {
  return (
    <Document head={data.head} site={data.site}>
      <h1 class="visually-hidden">{data.site.siteName}: latest news</h1>
      {data.lead ? <LeadStory story={data.lead} /> : <p class="empty-note">No stories have been published yet.</p>}
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
