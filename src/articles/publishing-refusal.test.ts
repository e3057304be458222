import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsroomTranslator } from '../i18n/translator.ts';
import { blockingProblems, prepublishChecklist } from './prepublish-checklist.ts';
import { readyArticle } from './checklist-article.test-support.ts';

// The refusal to publish (articles.service.ts) says the checklist's blocking items in the newsroom's
// catalogs, not from the checklist itself: its English must stay the checklist's, word for word.

const ready = readyArticle;

const english = newsroomTranslator('en');

test('the refusal to publish reads as the checklist’s blocking items always did, for each that fails', () => {
  const cases = [
    { article: { ...ready, section: null }, section: 'yes', alt: 'no' },
    { article: { ...ready, image: { ...ready.image, alt: ' ' } }, section: 'no', alt: 'yes' },
    { article: { ...ready, section: null, image: { ...ready.image, alt: '' } }, section: 'yes', alt: 'yes' },
  ];
  for (const { article, section, alt } of cases) {
    assert.equal(
      english.text('refusal.articles.cannotPublishYet', { section, alt }),
      `This article cannot be published yet: ${blockingProblems(article).join(' ')}`,
    );
  }
});

test('the only blocking items are the ones the refusal can say, and each field’s sentence is its checklist item', () => {
  const blocking = prepublishChecklist({ ...ready, section: null, image: { ...ready.image, alt: '' }, headline: 'h'.repeat(200), standfirst: '' })
    .filter((item) => item.blocking)
    .map((item) => [item.id, item.message]);
  assert.deepEqual(blocking, [
    ['section', english.text('refusal.articles.publishNeedsSection')],
    ['alt', english.text('refusal.articles.publishNeedsAlt')],
  ]);
});

test('in Korean and Arabic, the refusal says what the editor’s checklist says', () => {
  for (const language of ['ko', 'ar']) {
    const words = newsroomTranslator(language);
    assert.equal(words.text('refusal.articles.publishNeedsSection'), words.text('editor.checklist.section'), language);
    assert.equal(words.text('refusal.articles.publishNeedsAlt'), words.text('editor.checklist.alt'), language);
    const both = words.text('refusal.articles.cannotPublishYet', { section: 'yes', alt: 'yes' });
    assert.ok(both.includes(words.text('editor.checklist.section')) && both.includes(words.text('editor.checklist.alt')), language);
    assert.ok(!/[A-Za-z]{3}/.test(both), `${language}: no English in “${both}”`);
  }
});
