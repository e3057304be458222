import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError } from '../../errors.ts';
import { articleFields, pickFields, selectFields } from './content-fields.ts';

test('without fields=, entries carry a summary’s fields, read without bodies', () => {
  const selection = selectFields(undefined);
  assert.deepEqual(selection, selectFields(''));
  assert.equal(selection.whole, false);
  assert.ok(selection.fields.includes('headline') && selection.fields.includes('url'));
  assert.ok(!selection.fields.includes('bodyHtml'));
});

test('fields= keeps id always, ignores spaces and repeats, and lists fields in the answer’s order', () => {
  assert.deepEqual(selectFields('headline').fields, ['id', 'headline']);
  assert.deepEqual(selectFields(' url , headline,url,,id ').fields, ['id', 'url', 'headline']);
  assert.equal(selectFields('id,headline,url').whole, false);
  assert.equal(selectFields('headline,bodyHtml').whole, true);
  assert.equal(selectFields('tags').whole, true);
});

test('an unknown field is a BadRequestError that names it and lists every known field', () => {
  for (const raw of ['email', 'headline,authorEmail', '__proto__', 'constructor', 'Headline']) {
    assert.throws(
      () => selectFields(raw),
      (error) => error instanceof BadRequestError && articleFields.every((field) => error.message.includes(field)),
      raw,
    );
  }
});

test('pickFields copies only what was asked for', () => {
  const entry = pickFields({ id: 3, headline: 'H', url: 'https://news.example/world/h', commentCount: 2 }, selectFields('headline'));
  assert.deepEqual(entry, { id: 3, headline: 'H' });
});
