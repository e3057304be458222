import type { LanguageAttributes } from './language-tags.ts';
import { madeOnce } from './made-once.ts';
import { flattened, type SafeHtml } from './safe-html.ts';
import { Picture, type ResponsiveImage } from './picture.tsx';

/** An article as lists show it: enough to choose it, nothing more. */
export interface StoryTeaser {
  readonly url: string;
  readonly headline: string;
  readonly standfirst: string;
  readonly kicker: string;
  /** ISO 8601, for <time datetime>. */
  readonly publishedIso: string;
  readonly publishedLabel: string;
  readonly bylineLabel: string;
  readonly image: ResponsiveImage | null;
  /** Its approved comments in the list's words ("3 comments", and " on “Headline”" for screen readers); absent when there are none. */
  readonly comments?: { readonly label: string; readonly context: string };
  /** The article's language where it differs from the page's; it marks the headline and standfirst, the writer's words. */
  readonly language?: LanguageAttributes;
}

interface StoryCardProps {
  readonly story: StoryTeaser;
  readonly headingLevel?: 2 | 3;
  readonly imageSizes: string;
  /** CSS block name: "story-card" in lists, "lead-story" for the front page's top story. */
  readonly block?: 'story-card' | 'lead-story';
  /** The top story's picture is the page's main image: loaded first, never lazily. */
  readonly priority?: boolean;
}

/**
 * Cards drawn lately, by the teaser they show and how: a teaser made once for a kept summary (toStoryTeaser)
 * is drawn once for each place it appears (home shows 145 on a newsroom of 36 sections), and flattened.
 */
const drawnCards = new WeakMap<StoryTeaser, Map<string, SafeHtml>>();

export function StoryCard(props: StoryCardProps): SafeHtml {
  const { story, headingLevel = 3, imageSizes, block = 'story-card', priority = false } = props;
  const how = `${headingLevel} ${block} ${priority} ${imageSizes}`;
  const byHow = madeOnce(drawnCards, story, () => new Map<string, SafeHtml>());
  return madeOnce(byHow, how, () => flattened(drawStoryCard(props)));
}

function drawStoryCard({ story, headingLevel = 3, imageSizes, block = 'story-card', priority = false }: StoryCardProps): SafeHtml {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={block}>
      {story.image ? <Picture image={story.image} options={{ sizes: imageSizes, priority, class: `${block}__image` }} /> : null}
      <div class={`${block}__text`}>
        {story.kicker ? <p class="kicker">{story.kicker}</p> : null}
        <Heading class={`${block}__headline`} lang={story.language?.lang} dir={story.language?.dir}>
          <a href={story.url}>{story.headline}</a>
        </Heading>
        {story.standfirst ? (
          <p class={`${block}__standfirst`} lang={story.language?.lang} dir={story.language?.dir}>
            {story.standfirst}
          </p>
        ) : null}
        <p class="story-card__meta">
          {story.bylineLabel ? <span>{story.bylineLabel}</span> : null} <time datetime={story.publishedIso}>{story.publishedLabel}</time>
          {story.comments ? (
            <>
              {' · '}
              <a class="story-card__comments" href={`${story.url}#comments`}>
                {story.comments.label}
                <span class="visually-hidden">{story.comments.context}</span>
              </a>
            </>
          ) : null}
        </p>
      </div>
    </article>
  ) as SafeHtml;
}

export function StoryList({ stories, headingLevel = 2 }: { stories: readonly StoryTeaser[]; headingLevel?: 2 | 3 }) {
  return (
    <ol class="story-list">
      {stories.map((story) => (
        <li>
          <StoryCard story={story} headingLevel={headingLevel} imageSizes="(min-width: 48rem) 16rem, 100vw" />
        </li>
      ))}
    </ol>
  );
}
