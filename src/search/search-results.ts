import { toStoryTeaser } from '../articles/index.ts';
import type { Translator } from '../i18n/index.ts';
import { hasHighlight, splitHighlights, type TextPart } from './highlight.ts';
import type { SearchHit } from './search-index.ts';
import type { SearchResultView } from './search-page.tsx';
import type { FoundArticle } from './search.reader.ts';

/**
 * The passage a result shows: the body's best match, or the standfirst when the body has none of
 * the words (the match was in the headline, topics or byline).
 */
export function bestPassage(hit: Pick<SearchHit, 'bodyExcerpt' | 'standfirst'>): TextPart[] {
  const body = splitHighlights(hit.bodyExcerpt);
  const standfirst = splitHighlights(hit.standfirst);
  return hasHighlight(body) || standfirst.length === 0 ? body : standfirst;
}

/** A found article as the page shows it, dated and bylined in the page's words, with its best passage. */
export function toSearchResultView({ summary, hit }: FoundArticle, words: Translator): SearchResultView {
  const teaser = toStoryTeaser(summary, words);
  const headline = splitHighlights(hit.headline);
  return {
    url: teaser.url,
    kicker: teaser.kicker,
    headline: headline.length > 0 ? headline : [{ text: teaser.headline, highlighted: false }],
    excerpt: bestPassage(hit),
    publishedIso: teaser.publishedIso,
    publishedLabel: teaser.publishedLabel,
    bylineLabel: teaser.bylineLabel,
    ...(teaser.language ? { language: teaser.language } : {}),
  };
}
