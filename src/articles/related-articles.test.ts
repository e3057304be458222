import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from './article.ts';
import { rankRelated, textSimilarity, topicWords } from './related-articles.ts';

function summary(id: number, headline: string, daysAgo = 0): ArticleSummary {
  const publishedAt = new Date(Date.UTC(2026, 10, 27 - daysAgo));
  return {
    id,
    slug: `a-${id}`,
    headline,
    standfirst: '',
    section: null,
    authors: [],
    image: null,
    publishedAt,
    updatedAt: publishedAt,
    commentCount: 0,
    language: null,
  };
}

test('topic words leave out stop words, numbers and short words, and fold plurals and accents', () => {
  assert.deepEqual([...topicWords('The harbours of São Paulo reopen in 2026 as ships return')], ['harbour', 'sao', 'paulo', 'reopen', 'ship', 'return']);
});

test('similarity is 1 for the same words and 0 for none in common', () => {
  assert.equal(textSimilarity(new Set(['a', 'b']), new Set(['b', 'a'])), 1);
  assert.equal(textSimilarity(new Set(['a']), new Set(['b'])), 0);
  assert.equal(textSimilarity(new Set(), new Set(['b'])), 0);
});

test('shared tags count most, text likeness next, then the newer story', () => {
  const ranked = rankRelated(
    'Harbour reopens after storm damage Shipping',
    [
      { summary: summary(1, 'Council budget approved', 0), sharedTags: 0 },
      { summary: summary(2, 'Storm damage closes harbour for a week', 5), sharedTags: 0 },
      { summary: summary(3, 'Fishing quotas cut', 9), sharedTags: 2 },
      { summary: summary(4, 'Shipping rates fall', 1), sharedTags: 1 },
      { summary: summary(5, 'Rail strike called off', 2), sharedTags: 0 },
    ],
    4,
  );
  assert.deepEqual(
    ranked.map((story) => story.id),
    [3, 4, 2, 1],
  );
});
