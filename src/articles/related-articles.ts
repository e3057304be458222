import { LRUCache } from 'lru-cache';
import { englishStopWords, foldDiacritics, wordsOf } from '../platform/words.ts';
import type { ArticleSummary } from './article.ts';

/**
 * Each candidate's words, by its headline and standfirst: an article page ranks a few dozen candidates
 * and the same ones again on the next page, so the words are found once. Bounded by the characters kept.
 */
const wordsByText = new LRUCache<string, ReadonlySet<string>>({ maxSize: 2 * 1024 * 1024, sizeCalculation: (_words, text) => text.length + 1 });

function rememberedTopicWords(text: string): ReadonlySet<string> {
  let words = wordsByText.get(text);
  if (!words) {
    words = topicWords(text);
    wordsByText.set(text, words);
  }
  return words;
}

/** How much text likeness (0 to 1) weighs against one shared tag. */
const similarityWeight = 2;

/** Words that say what a story is about: no stop words, numbers or short words, plurals folded. */
export function topicWords(text: string): Set<string> {
  return new Set(
    wordsOf(text)
      .map(foldDiacritics)
      .filter((word) => word.length > 2 && !englishStopWords.has(word) && !/^\d+$/.test(word))
      .map((word) => word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '')),
  );
}

/** Cosine similarity of two sets of words, from 0 (nothing shared) to 1 (the same words). */
export function textSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/** What ranking reads of a candidate: the rest of its row is read for the few it picks. */
export type RankedStory = Pick<ArticleSummary, 'id' | 'headline' | 'standfirst' | 'publishedAt'>;

export interface RelatedCandidate {
  readonly summary: RankedStory;
  readonly sharedTags: number;
}

/**
 * Orders candidates by tags in common, plus how alike their headline and standfirst are to the
 * article's words; newer first among equals.
 */
export function rankRelated(articleText: string, candidates: readonly RelatedCandidate[], limit: number): RankedStory[] {
  const words = rememberedTopicWords(articleText);
  return candidates
    .map(({ summary, sharedTags }) => ({
      summary,
      score: sharedTags + similarityWeight * textSimilarity(words, rememberedTopicWords(`${summary.headline} ${summary.standfirst}`)),
    }))
    .sort((a, b) => b.score - a.score || b.summary.publishedAt.getTime() - a.summary.publishedAt.getTime() || b.summary.id - a.summary.id)
    .slice(0, limit)
    .map(({ summary }) => summary);
}
