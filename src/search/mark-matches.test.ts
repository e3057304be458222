import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightEnd as end, highlightStart as start } from './highlight.ts';
import { excerptMatches, markMatches, needlesFor } from './mark-matches.ts';

test('Korean, Chinese and Japanese matches are marked as found; others grow to the whole word', () => {
  const marked = (text: string, query: string[]) => markMatches(text, needlesFor(query));
  assert.equal(marked('소방당국은 화재를 조사했다', ['소방당국']), `${start}소방당국${end}은 화재를 조사했다`);
  assert.equal(marked('北京今天下雨，中国气象局', ['中国']), `北京今天下雨，${start}中国${end}气象局`);
  assert.equal(marked('افتتاح الميناء الجديد', ['ميناء']), `افتتاح ${start}الميناء${end} الجديد`);
  assert.equal(marked('افتتاح الْمِينَاءُ الجديد', ['الميناء']), `افتتاح ${start}الْمِينَاءُ${end} الجديد`, 'diacritics and all');
  assert.equal(marked('Tomás and the harbours', ['tomas', 'harbour']), `${start}Tomás${end} and the ${start}harbours${end}`);
  assert.equal(marked('no match here', ['소방']), 'no match here');
  assert.equal(marked('𠀀𠀁 and 소방', ['소방']), `𠀀𠀁 and ${start}소방${end}`, 'offsets survive astral characters');
});

test('an excerpt is cut around the first match, with ellipses where the text goes on', () => {
  const needles = needlesFor(['소방당국']);
  const long = `${'앞부분 문장입니다. '.repeat(40)}그러자 소방당국은 즉시 출동했다. ${'뒷부분 문장입니다. '.repeat(40)}`;
  const excerpt = excerptMatches(long, needles);
  assert.match(excerpt, new RegExp(`^…[^…]*${start}소방당국${end}은 즉시 출동했다[^…]*…$`));
  assert.ok(Array.from(excerpt).length < 160, 'a Korean character counts twice');
  assert.equal(excerptMatches('짧은 글', needles), '짧은 글', 'short text is whole, without ellipses');
  const english = `${'word '.repeat(100)}harbour ${'more '.repeat(100)}`;
  const englishExcerpt = excerptMatches(english, needlesFor(['harbour']));
  assert.match(englishExcerpt, /^…word .* more…$/u, 'cut between words');
  assert.ok(englishExcerpt.includes(`${start}harbour${end}`));
  assert.match(excerptMatches(`${'lead '.repeat(100)}`, needlesFor(['absent'])), /^lead .*…$/u, 'no match: the beginning');
});
