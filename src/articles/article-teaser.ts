import { toResponsiveImage } from '../media/index.ts';
import { contentTags, type ContentTag } from '../platform/content-changes.ts';
import { type DateStyle, formatDay } from '../render/dates.ts';
import { languageAttributes } from '../render/language-tags.ts';
import type { StoryTeaser } from '../render/story-list.tsx';
import type { ArticleSummary } from './article.ts';
import { articleUrl } from '../platform/urls.ts';

/** "Amara Okafor and Lena Vogel", "A, B and C" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function toStoryTeaser(summary: ArticleSummary, dateStyle: DateStyle): StoryTeaser {
  return {
    url: articleUrl(summary),
    headline: summary.headline,
    standfirst: summary.standfirst,
    kicker: summary.section?.name ?? '',
    publishedIso: summary.publishedAt.toISOString(),
    publishedLabel: formatDay(summary.publishedAt, dateStyle),
    bylineLabel: summary.authors.length > 0 ? `By ${joinNames(summary.authors.map((author) => author.name))}` : '',
    image: summary.image ? toResponsiveImage(summary.image) : null,
    commentCount: summary.commentCount,
    // A date style's locale is the site's language (see dateStyleOf), which lists are written in.
    language: languageAttributes(summary.language, dateStyle.locale),
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
