import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceIn } from '../errors.ts';
import { newsroomTranslator } from '../i18n/translator.ts';
import { defaultCommentPolicy } from '../settings/comment-policy.ts';
import { reasonsFrom } from './moderation.queries.ts';
import { type CommentFacts, decideCommentStatus } from './spam-checks.ts';

const at = new Date('2026-11-20T10:00:00.000Z');

const quiet: CommentFacts = {
  name: 'Ada',
  email: 'ada@example.com',
  website: '',
  body: 'A note on the harbour.',
  ipAddress: '198.51.100.7',
  honeypot: '',
  stamp: 'ok',
  standing: { trusted: true, banned: false },
  blocks: [],
  verdict: { probability: 0.1, evidence: [] },
  policy: { ...defaultCommentPolicy, moderation: 'publish', maxLinks: 2 },
};

/** The reasons as stored (JSON) and read back, in English. */
function storedAndReadInEnglish(facts: CommentFacts): string[] {
  return reasonsFrom(JSON.stringify(decideCommentStatus(facts).reasons)).map((reason) => sentenceIn(reason));
}

test('the spam checks give phrases whose English is what the queue has always shown', () => {
  assert.deepEqual(decideCommentStatus(quiet), { status: 'approved', reasons: [] });
  const robot: CommentFacts = {
    ...quiet,
    honeypot: 'http://spam.example',
    stamp: 'too-fast',
    standing: { trusted: false, banned: true },
    blocks: [
      { id: 1, kind: 'email', pattern: 'ADA@example.com', createdAt: at },
      { id: 2, kind: 'ip', pattern: '198.51.100.0/24', createdAt: at },
      { id: 3, kind: 'word', pattern: 'Harbour', createdAt: at },
    ],
    verdict: {
      probability: 0.968,
      evidence: [
        { feature: 'harbour', probability: 0.99 },
        { feature: 'note', probability: 0.95 },
      ],
    },
  };
  assert.equal(decideCommentStatus(robot).status, 'spam');
  assert.deepEqual(storedAndReadInEnglish(robot), [
    'The hidden field that only robots see was filled in',
    'Sent within seconds of the form being shown',
    'This email is banned',
    'Blocked email ADA@example.com',
    'Blocked address 198.51.100.0/24',
    'Blocked word "Harbour"',
    'Learning filter: 97% likely spam (harbour, note)',
  ]);
  assert.deepEqual(storedAndReadInEnglish({ ...quiet, stamp: 'invalid' }), ['The form was not one this site made']);

  const held: CommentFacts = {
    ...quiet,
    body: 'https://a.example/ https://b.example/ https://c.example/',
    standing: { trusted: false, banned: false },
    verdict: { probability: 0.7, evidence: [] },
    policy: { ...quiet.policy, moderation: 'hold-first' },
  };
  assert.equal(decideCommentStatus(held).status, 'pending');
  assert.deepEqual(storedAndReadInEnglish(held), ['Learning filter: 70% likely spam', '3 links; the limit is 2', 'First comment from this email']);
  assert.deepEqual(storedAndReadInEnglish({ ...quiet, policy: { ...quiet.policy, moderation: 'hold-all' } }), ['Every comment is held for a moderator']);
});

test('the reasons are stored as phrases and read in the newsroom’s language', () => {
  const { reasons } = decideCommentStatus({ ...quiet, standing: { trusted: false, banned: false }, policy: { ...quiet.policy, moderation: 'hold-first' } });
  const json = JSON.stringify(reasons);
  assert.deepEqual(JSON.parse(json), [{ key: 'moderation.reason.firstComment' }]);
  const [reason] = reasonsFrom(json);
  assert.equal(sentenceIn(reason!, newsroomTranslator('ko', 'Asia/Seoul')), '이 이메일로 쓴 첫 댓글');
  assert.equal(sentenceIn(reason!, newsroomTranslator('ar', 'Asia/Dubai')), 'أول تعليق من هذا البريد الإلكتروني');
});

test('an older row’s English strings are read as they are, beside phrases', () => {
  const json = JSON.stringify(['First comment from this email', { key: 'moderation.reason.blockedWord', values: { word: 'casino' } }]);
  const reasons = reasonsFrom(json);
  assert.deepEqual(reasons, ['First comment from this email', { key: 'moderation.reason.blockedWord', values: { word: 'casino' } }]);
  const korean = newsroomTranslator('ko', 'Asia/Seoul');
  assert.deepEqual(
    reasons.map((reason) => sentenceIn(reason, korean)),
    ['First comment from this email', '차단 목록의 단어 “casino”'],
  );
});

test('a malformed column is read safely: what is not a string or a reason phrase is left out', () => {
  for (const json of ['', 'not json', 'null', '{}', '"a string"', '42', '{"key":"moderation.reason.banned"}']) {
    assert.deepEqual(reasonsFrom(json), [], json);
  }
  const kept = { key: 'moderation.reason.tooManyLinks', values: { count: 3, limit: 2 } };
  const column = JSON.stringify([
    kept,
    null,
    7,
    true,
    ['moderation.reason.banned'],
    {},
    { key: 42 },
    { key: 'moderation.reason.noSuchReason' },
    // Real newsroom keys, but not reasons: a row cannot make the queue say another screen's sentence.
    { key: 'moderation.saved' },
    { key: 'nav.articles' },
    { key: '__proto__' },
    { key: 'toString' },
    { key: 'hasOwnProperty' },
    { key: 'moderation.reason.blockedWord', values: 'casino' },
    { key: 'moderation.reason.blockedWord', values: ['casino'] },
    { key: 'moderation.reason.blockedWord', values: null },
    { key: 'moderation.reason.blockedWord', values: { word: { toString: 'casino' } } },
    { key: 'moderation.reason.blockedWord', values: { word: ['casino'] } },
    { key: 'moderation.reason.blockedWord', values: { word: true } },
    // A value the message needs is missing: it could not be put in words.
    { key: 'moderation.reason.blockedWord' },
    { key: 'moderation.reason.blockedWord', values: { pattern: 'casino' } },
    { key: 'moderation.reason.tooManyLinks', values: { count: 3 } },
    { key: 'moderation.reason.firstComment', values: { extra: 1 }, also: 'ignored' },
  ]);
  const reasons = reasonsFrom(column);
  assert.deepEqual(reasons, [kept, { key: 'moderation.reason.firstComment', values: { extra: 1 } }]);
  for (const language of ['en', 'ko', 'ar']) {
    for (const reason of reasons) assert.ok(sentenceIn(reason, newsroomTranslator(language)).length > 0, language);
  }
  const prototypePolluted = reasonsFrom('[{"key":"moderation.reason.blockedWord","values":{"__proto__":{"word":"x"}}}]');
  assert.deepEqual(prototypePolluted, [], 'a value hidden behind __proto__ is not a value');
  assert.equal(({} as Record<string, unknown>).word, undefined);
});
