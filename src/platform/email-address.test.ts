import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasInvisibleCharacters, normaliseEmailAddress } from './email-address.ts';

test('every spelling of one address comes out as one form', () => {
  for (const typed of [
    'victim@target.example',
    ' Victim@Target.Example\n',
    'VICTIM@TARGET.EXAMPLE',
    'victim\u0001\u0001@target.example',
    'vic\u200btim@target.example',
    'victim\u202e@target.example',
    '\uff56ictim\uff20\uff54arget.example',
  ]) {
    assert.equal(normaliseEmailAddress(typed), 'victim@target.example', JSON.stringify(typed));
  }
});

test('control and format characters inside an address are found; surrounding spaces and line breaks are not', () => {
  for (const typed of [
    'victim\u0001@target.example',
    'vic\u200btim@target.example',
    'victim@target.example\u0000',
    'a\u00adb@target.example',
    'a\tb@target.example',
  ]) {
    assert.equal(hasInvisibleCharacters(typed), true, JSON.stringify(typed));
  }
  for (const typed of ['victim@target.example', ' victim@target.example\r\n', 'zoë@exämple.org', '\uff56ictim@target.example']) {
    assert.equal(hasInvisibleCharacters(typed), false, JSON.stringify(typed));
  }
});

test('however long the typing, the form stays short enough to tell it is too long and no longer', () => {
  assert.equal(normaliseEmailAddress(`${'\ufdfa'.repeat(50_000)}@example.com`).length, 255);
  assert.equal(normaliseEmailAddress(`${' '.repeat(5000)}victim@target.example`), 'victim@target.example');
});

test('a lookalike letter folds into the plain one, so it finds the same account or commenter', () => {
  assert.equal(normaliseEmailAddress('\u212Aim@example.org'), 'kim@example.org');
});
