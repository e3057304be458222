import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockingProblems, prepublishChecklist } from './prepublish-checklist.ts';

const ready = {
  headline: 'Harbour reopens after storm',
  standfirst: 'Ships queue at the breakwater.',
  section: { id: 1, slug: 'world', name: 'World' },
  image: { id: 1, storageKey: 'k', width: 10, height: 10, alt: 'Ships at anchor', caption: 'The harbour at dawn.', credit: 'AFP' },
  bodyHtml: `<p>${'word '.repeat(120)}</p>`,
  authors: [{ id: 1, slug: 'ana-costa', name: 'Ana Costa', jobTitle: '' }],
};

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
