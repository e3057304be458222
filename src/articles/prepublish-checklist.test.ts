import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockingProblems, prepublishChecklist } from './prepublish-checklist.ts';
import { readyArticle } from './checklist-article.test-support.ts';

const ready = readyArticle;

function failing(article: Parameters<typeof prepublishChecklist>[0]): string[] {
  return prepublishChecklist(article)
    .filter((item) => !item.passed)
    .map((item) => item.id);
}

test('a complete article passes every check', () => {
  assert.deepEqual(failing(ready), []);
});

test('each problem is reported, and only missing alt text or section blocks publishing', () => {
  const image = ready.image;
  assert.deepEqual(failing({ ...ready, section: null }), ['section']);
  assert.deepEqual(failing({ ...ready, authors: [] }), ['byline']);
  assert.deepEqual(blockingProblems({ ...ready, authors: [] }), [], 'an article without a byline may still be published');
  assert.deepEqual(failing({ ...ready, image: { ...image, alt: ' ' } }), ['alt']);
  assert.deepEqual(failing({ ...ready, image: { ...image, alt: image.caption } }), ['alt-is-caption']);
  assert.deepEqual(failing({ ...ready, image: { ...image, credit: '' } }), ['credit']);
  assert.deepEqual(failing({ ...ready, headline: 'h'.repeat(111) }), ['headline-length']);
  assert.deepEqual(failing({ ...ready, standfirst: '' }), ['standfirst']);
  assert.deepEqual(failing({ ...ready, bodyHtml: '<p>Too short.</p>' }), ['body-length']);
  assert.equal(blockingProblems({ ...ready, section: null, image: { ...image, alt: '' }, standfirst: '' }).length, 2);
  assert.deepEqual(failing({ ...ready, image: null }), [], 'no photo is allowed');
});
