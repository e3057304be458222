import type { Translator } from '../i18n/index.ts';
import { toResponsiveImage } from '../media/index.ts';
import { contentTags, type ContentTag } from '../platform/content-changes.ts';
import { formatDay } from '../render/dates.ts';
import { languageAttributes } from '../render/language-tags.ts';
import type { StoryTeaser } from '../render/story-list.tsx';
import type { ArticleSummary } from './article.ts';
import { articleUrl } from '../platform/urls.ts';
import { madeOnce } from '../render/made-once.ts';

/** Where a list stands: the site's language (what an article with none is in) and the language of the list around the teaser. */
export interface ListLanguages {
  readonly site: string;
  readonly around: string;
}

/**
 * Teasers made lately, by the summary they were made from, then the words and the languages: a kept
 * summary (KeptSummaries) is the same object from one render to the next, so its teaser, with its
 * dates, byline and comment count formatted, is made once. A summary read afresh makes its own.
 */
const madeTeasers = new WeakMap<ArticleSummary, WeakMap<Translator, Map<string, StoryTeaser>>>();

/**
 * An article as a list shows it, in the list's words. The article's own language marks its headline
 * and standfirst where it differs from the list's.
 */
export function toStoryTeaser(summary: ArticleSummary, words: Translator, languages?: ListLanguages): StoryTeaser {
  const languagesKey = languages ? `${languages.site} ${languages.around}` : '';
  const byWords = madeOnce(madeTeasers, summary, () => new WeakMap<Translator, Map<string, StoryTeaser>>());
  const byLanguages = madeOnce(byWords, words, () => new Map<string, StoryTeaser>());
  return madeOnce(byLanguages, languagesKey, () => makeStoryTeaser(summary, words, languages));
}

function makeStoryTeaser(summary: ArticleSummary, words: Translator, languages?: ListLanguages): StoryTeaser {
  const { site, around } = languages ?? { site: words.locale, around: words.locale };
  const names = summary.authors.map((author) => author.name);
  return {
    url: articleUrl(summary),
    headline: summary.headline,
    standfirst: summary.standfirst,
    kicker: summary.section?.name ?? '',
    publishedIso: summary.publishedAt.toISOString(),
    publishedLabel: formatDay(summary.publishedAt, words),
    bylineLabel: names.length > 0 ? words.text('story.byline', { names: words.list(names) }) : '',
    image: summary.image ? toResponsiveImage(summary.image) : null,
    ...(summary.commentCount > 0
      ? {
          comments: {
            label: words.text('story.commentCount', { count: summary.commentCount }),
            context: words.text('story.commentsOn', { headline: summary.headline }),
          },
        }
      : {}),
    language: languageAttributes(summary.language ?? site, around),
  };
}

/** Everything a list of articles shows, for the page cache to know when to drop the page. */
export function tagsOfSummaries(summaries: readonly ArticleSummary[]): ContentTag[] {
  return summaries.flatMap((summary) => [
    contentTags.article(summary.id),
    ...(summary.section ? [contentTags.section(summary.section.id)] : []),
    ...summary.authors.map((author) => contentTags.author(author.id)),
    ...(summary.image ? [contentTags.media(summary.image.id)] : []),
  ]);
}
