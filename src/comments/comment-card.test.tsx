import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/index.ts';
import { CommentCard, type CommentCardInputs, drawCard } from './comment-card.tsx';

const english = translator('en-GB', 'Europe/London');

const card: CommentCardInputs = {
  id: 9_001,
  authorName: 'Ama Owusu',
  authorWebsite: 'https://ama.example.org/',
  isStaff: false,
  body: 'The tram vote matters.\n\nSee https://example.org/trams for the minutes.',
  createdIso: '2026-11-20T10:00:00.000Z',
  createdLabel: '20 November 2026 at 10:00',
  pending: false,
  replyUrl: '/world/trams?reply-to=9001#comment-form',
};

/** Each input changed in turn, to a value that shows on the card. */
const changes: readonly Partial<CommentCardInputs>[] = [
  { authorName: 'Ama K. Owusu' },
  { authorWebsite: '' },
  { isStaff: true },
  { body: 'Edited by a moderator <b>here</b>.' },
  { createdIso: '2026-11-20T11:00:00.000Z' },
  { createdLabel: '20 November 2026 at 11:00' },
  { pending: true },
  { replyUrl: null },
];

test('a card drawn again from the same inputs is the one kept, and it is exactly what drawing gives', () => {
  const first = CommentCard({ comment: card, words: english });
  assert.equal(String(first), String(drawCard(card, english)));
  assert.equal(CommentCard({ comment: { ...card }, words: english }), first, 'equal inputs in another object take the kept card');
});

test('a change to any input, or to the words, draws the card again', () => {
  const before = String(CommentCard({ comment: card, words: english }));
  for (const change of changes) {
    const changed = { ...card, ...change };
    const html = String(CommentCard({ comment: changed, words: english }));
    assert.notEqual(html, before, `changing ${Object.keys(change).join()} must show`);
    assert.equal(html, String(drawCard(changed, english)), `after changing ${Object.keys(change).join()}`);
    assert.equal(String(CommentCard({ comment: card, words: english })), before, 'and back again');
  }
  for (const words of [translator('ko-KR', 'Asia/Seoul'), translator('en-GB', 'America/New_York')]) {
    assert.equal(String(CommentCard({ comment: card, words })), String(drawCard(card, words)));
  }
  assert.equal(String(CommentCard({ comment: card, words: english })), before);
});

test('text the commenter typed is escaped on a kept card as on a drawn one', () => {
  const hostile = { ...card, id: 9_002, authorName: '<script>alert(1)</script>', body: '"><img src=x onerror=alert(1)>' };
  for (let round = 0; round < 2; round++) {
    const html = String(CommentCard({ comment: hostile, words: english }));
    assert.doesNotMatch(html, /<script>|<img/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  }
});
