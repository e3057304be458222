import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError } from '../errors.ts';
import { cursors } from './cursors.ts';

const position = { at: new Date('2026-11-27T09:30:00.123Z'), id: 42 };

test('a cursor reads back as the position it was made from, and is plain URL-safe text', () => {
  const cursor = cursors.articles.encode(position);
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(cursors.articles.decode(cursor), position);
  assert.equal(cursors.tags.decode(cursors.tags.encode('부산항-화재')), '부산항-화재');
  assert.deepEqual(cursors.search.decode(cursors.search.encode({ page: 3, perPage: 25 })), { page: 3, perPage: 25 });
});

test('anything a list did not give out is a BadRequestError, never a position', () => {
  const made = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const refused = [
    '',
    'not a cursor!',
    '%00',
    'a'.repeat(5000),
    made({ at: position.at, id: 42 }),
    made(['articles']),
    made(['articles', '2026-11-27T09:30:00.123Z']),
    made(['articles', '2026-11-27T09:30:00.123Z', 42, 'extra']),
    made(['articles', '2026-11-27T09:30:00Z', 42]),
    made(['articles', '2026-02-30T09:30:00.000Z', 42]),
    made(['articles', '2026-11-27T09:30:00.123Z', 0]),
    made(['articles', '2026-11-27T09:30:00.123Z', 1.5]),
    made(['articles', '2026-11-27T09:30:00.123Z', '42']),
    made(['articles', '2026-11-27T09:30:00.123Z', 2 ** 40]),
    made(['comments', '2026-11-27T09:30:00.123Z', 42]),
    made(['tags', 'Not A Slug']),
    made(['search', 0, 10]),
    made(['search', 1, 1000]),
    Buffer.from('["articles", "2026-11-27T09:30:00.123Z", 42').toString('base64url'),
  ];
  for (const cursor of refused) {
    assert.throws(() => cursors.articles.decode(cursor), BadRequestError, cursor.slice(0, 80));
  }
  // One list's cursor is refused by another, with a message naming the list.
  assert.throws(() => cursors.tags.decode(cursors.authors.encode('ana-lima')), /tags list/);
  assert.throws(() => cursors.search.decode(made(['search', 0, 10])), BadRequestError);
  assert.throws(() => cursors.tags.decode(made(['tags', 'Not A Slug'])), BadRequestError);
});
