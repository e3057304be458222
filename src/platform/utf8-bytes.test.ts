import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8Bytes } from './utf8-bytes.ts';

test("a page's bytes are Buffer.from's, whatever its length and characters, and each is a buffer of its own", () => {
  const texts = [
    '',
    'plain ASCII',
    'Café — “quotes” · 기사 · خبر · 🗞️ news',
    'lone surrogates \ud800 and \udfff are replaced',
    'é'.repeat(300_000),
    '🗞'.repeat(200_000),
    'x'.repeat(2_000_000),
  ];
  const encoded = texts.map((text) => utf8Bytes(text));
  for (const [index, text] of texts.entries()) assert.deepEqual(encoded[index], Buffer.from(text), `text ${index}`);
  assert.equal(encoded[1]!.toString(), 'plain ASCII', 'not overwritten by the encodings after it');
});
