import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/index.ts';
import type { ArticleSummary } from './article.ts';
import { toStoryTeaser } from './article-teaser.ts';

const summary: ArticleSummary = {
  id: 7,
  slug: 'harbour-reopens',
  headline: 'Harbour reopens',
  standfirst: 'Cranes are back at work.',
  section: { id: 1, slug: 'world', name: 'World' },
  authors: [{ id: 1, slug: 'ama-owusu', name: 'Ama Owusu', jobTitle: '' }],
  image: null,
  publishedAt: new Date('2026-11-20T23:30:00.000Z'),
  updatedAt: new Date('2026-11-20T23:30:00.000Z'),
  commentCount: 3,
  language: 'ko',
};

test("a summary's teaser is made once for each words and languages, and is what making it afresh gives", () => {
  const london = translator('en-GB', 'Europe/London');
  const seoul = translator('ko-KR', 'Asia/Seoul');
  const cases = [
    [london, undefined],
    [seoul, undefined],
    [london, { site: 'en-GB', around: 'ko' }],
    [london, { site: 'ko', around: 'en-GB' }],
  ] as const;
  const made = cases.map(([words, languages]) => toStoryTeaser(summary, words, languages));
  cases.forEach(([words, languages], index) => {
    assert.equal(toStoryTeaser(summary, words, languages), made[index], 'the same object again');
    assert.deepEqual(toStoryTeaser({ ...summary }, words, languages), made[index], 'as made afresh from a copy');
  });
  assert.notEqual(made[0]!.publishedLabel, made[1]!.publishedLabel, "Seoul's date is the next day, in Korean");
  assert.notDeepEqual(made[2]!.language, made[3]!.language);
});
