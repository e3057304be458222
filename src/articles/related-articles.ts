import { englishStopWords, foldDiacritics, wordsOf } from '../platform/words.ts';
import type { ArticleSummary } from './article.ts';

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

export interface RelatedCandidate {
  readonly summary: ArticleSummary;
  readonly sharedTags: number;
}

/**
 * Orders candidates by tags in common, plus how alike their headline and standfirst are to the
 * article's words; newer first among equals.
 */
export function rankRelated(articleText: string, candidates: readonly RelatedCandidate[], limit: number): ArticleSummary[] {
  const words = topicWords(articleText);
  return candidates
    .map(({ summary, sharedTags }) => ({
      summary,
      score: sharedTags + similarityWeight * textSimilarity(words, topicWords(`${summary.headline} ${summary.standfirst}`)),
    }))
    .sort((a, b) => b.score - a.score || b.summary.publishedAt.getTime() - a.summary.publishedAt.getTime() || b.summary.id - a.summary.id)
    .slice(0, limit)
    .map(({ summary }) => summary);
}
