import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingSpeeds } from '../render/text-measures.ts';
import { bodyStats } from './reading-time.ts';

const paragraphs = (text: string, count: number) => `<p>${text}</p>`.repeat(count);

test('English: words between tags and across paragraphs count once each, minutes at 230 words a minute, rounded', () => {
  assert.deepEqual(bodyStats('<p>Fire at the <strong>harbour</strong>.</p><p>Crews stayed all night.</p>', 'en'), { words: 8, minutes: 1 });
  // "</p><p>" separates words: without it "two" and "one" would merge into one word.
  assert.deepEqual(bodyStats(paragraphs('one two', 345), 'en'), { words: 690, minutes: 3 });
  assert.equal(bodyStats(paragraphs('one two', 172), 'en').minutes, 1, '344 words are 1.5 minutes less a little');
  assert.equal(bodyStats(paragraphs('one two', 173), 'en').minutes, 2, '346 words round up to 2 minutes');
  assert.equal(readingSpeeds.wordsPerMinute, 230);
});

test('a short body reads in at least a minute; an empty one in none', () => {
  assert.deepEqual(bodyStats('<p>Breaking.</p>', 'en'), { words: 1, minutes: 1 });
  assert.deepEqual(bodyStats('', 'en'), { words: 0, minutes: 0 });
  assert.deepEqual(bodyStats('   \n ', 'en'), { words: 0, minutes: 0 });
});

test('markup without words counts nothing: empty paragraphs, breaks, rules, images, comments, punctuation', () => {
  assert.deepEqual(bodyStats('<p></p><p><br></p><hr><img src="/media/a/800.jpg" alt="Firefighters at the harbour"><!-- note to self: add quotes -->', 'en'), {
    words: 0,
    minutes: 0,
  });
  assert.deepEqual(bodyStats('<p>— … !</p>', 'en'), { words: 0, minutes: 0 });
});

test('entities are decoded before counting: an encoded letter is part of its word, &amp; and &nbsp; are not words', () => {
  assert.deepEqual(bodyStats('<p>caf&eacute; &amp; bar&nbsp;Caf&#233;s</p>', 'en'), { words: 3, minutes: 1 });
  assert.equal(bodyStats('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', 'en').words, 4, 'escaped markup is text: script, alert, 1, script');
});

test('script and style contents, embed links and photo credits are not the story; captions are', () => {
  const body =
    '<p>Fire at the harbour.</p><script>var a = "many words here"</script><style>p { color: red }</style>' +
    '<figure class="embed" data-provider="youtube" data-url="https://www.youtube.com/watch?v=abc"><a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a></figure>' +
    '<figure class="inline-photo" data-media="fire-1a2b"><img src="/media/fire-1a2b/800.jpg" alt="Smoke" width="800" height="533">' +
    '<figcaption><span class="figure__text">Smoke over the docks</span> <span class="figure__credit">Photo: Jane Doe</span></figcaption></figure>';
  assert.deepEqual(bodyStats(body, 'en'), { words: 8, minutes: 1 });
});

test('Korean: words are the spaced phrases (eojeol); reading time counts Hangul syllables at 500 a minute', () => {
  const sentence = '부산항에서 큰 화재가 발생했다. 소방관 30명이 출동했다.';
  assert.deepEqual(bodyStats(`<p>${sentence}</p>`, 'ko'), { words: 8, minutes: 1 });
  // 22 syllables and one number a paragraph: 100 paragraphs are 2,200 syllables (4.4 min) and 100 words (0.43 min).
  assert.deepEqual(bodyStats(paragraphs(sentence, 100), 'ko'), { words: 800, minutes: 5 });
});

test('Arabic: words are found between spaces and punctuation, with attached conjunctions kept in their word', () => {
  const sentence = 'اندلع حريق كبير في ميناء بوسان، وهرع ثلاثون رجل إطفاء.';
  assert.deepEqual(bodyStats(`<p>${sentence}</p>`, 'ar'), { words: 10, minutes: 1 });
  assert.deepEqual(bodyStats(paragraphs(sentence, 46), 'ar'), { words: 460, minutes: 2 });
});

test('Japanese and Chinese have no spaces: words come from the dictionary, reading time from the characters', () => {
  // 18 letters and 2 punctuation marks a sentence; 140 sentences are 2,520 characters: 5.04 minutes at 500 a minute.
  const japanese = bodyStats(paragraphs('東京都は昨日、新しい条例を発表しました。', 140), 'ja');
  assert.equal(japanese.minutes, 5);
  assert.ok(japanese.words >= 140 * 5 && japanese.words <= 140 * 18, `${japanese.words} words: more than one a sentence, fewer than one a letter`);
  // 12 characters a sentence: 1,500 characters are 3 minutes, though the roughly 1,000 words would take over 4 at 230 a minute.
  const chinese = bodyStats(paragraphs('上海今天下雨了，交通很拥堵。', 125), 'zh');
  assert.equal(chinese.minutes, 3);
  assert.ok(chinese.words > 125 * 4 && chinese.words < 125 * 12, `${chinese.words} words`);
});

test('an unusable language tag still counts, with the default rules', () => {
  assert.deepEqual(bodyStats('<p>Fire at the harbour.</p>', 'not a language!'), { words: 4, minutes: 1 });
  assert.deepEqual(bodyStats('<p>Fire at the harbour.</p>', ''), { words: 4, minutes: 1 });
});
