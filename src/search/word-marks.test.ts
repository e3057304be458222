import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { highlightEnd as end, highlightStart as start } from './highlight.ts';
import { bodyPassage, markWords, porterWordTest } from './word-marks.ts';

const shown = (marked: string) => marked.replaceAll(start, '[').replaceAll(end, ']');

test('words are marked when their stem is a query word’s: plurals, case, diacritics, never inside another word', () => {
  const words = porterWordTest(['harbour', 'city', 'cafe', 'art']);
  assert.equal(
    shown(markWords('Harbours of the City’s cities: the harbour café and the Café, art and artists in smart articles', words)),
    '[Harbours] of the [City]’s [cities]: the [harbour] [café] and the [Café], [art] and artists in smart articles',
  );
  assert.equal(shown(markWords('a cafe\u0301 written with a combining accent', words)), 'a [cafe\u0301] written with a combining accent');
  assert.equal(shown(markWords('ÉCOLE and école', porterWordTest(['ecole']))), '[ÉCOLE] and [école]');
  assert.equal(markWords('nothing to see', words), 'nothing to see');
  assert.equal(markWords('', words), '');
});

test('marks what FTS5’s porter tokenizer matches, word for word', () => {
  const texts = [
    'The committee’s committees met; committed members commit to the commission’s report on harbours and harbouring.',
    'Running runners ran; the run-off from the runway ruined a rerun. Generously generous generals generalised.',
    'Tomás Müller and the Zürich École: résumés, naïve cafés, the coöperative and the CAFÉ.',
    'Cities, city, citizens; studies, studying, studied, student; happily happy happiness.',
    'G7 summit in 2026: 7 nations, 2026’s budget, covid19 and COVID-19 figures.',
  ];
  const queries = [
    ['committee'],
    ['harbour', 'commit'],
    ['run', 'general'],
    ['tomas', 'cafe', 'zurich', 'ecole'],
    ['city', 'study', 'happy'],
    ['2026', 'g7', 'covid19'],
  ];
  const db = new SQLite(':memory:');
  db.exec("create virtual table t using fts5(x, tokenize = 'porter unicode61 remove_diacritics 2')");
  const insert = db.prepare('insert into t(rowid, x) values (?, ?)');
  for (const [index, text] of texts.entries()) insert.run(index + 1, text);
  const highlighted = db.prepare<[string, number], { marked: string }>(
    `select highlight(t, 0, '${start}', '${end}') as marked from t where t match ? and rowid = cast(? as integer)`,
  );
  for (const terms of queries) {
    const expression = terms.map((term) => `"${term}"`).join(' OR ');
    texts.forEach((text, index) => {
      const fts5 = highlighted.get(expression, index + 1)?.marked ?? text;
      assert.equal(shown(markWords(text, porterWordTest(terms))), shown(fts5), `${terms.join(' ')} in text ${index + 1}`);
    });
  }
  db.close();
});

test('the body’s passage holds the most different query words, cut between words, with ellipses where the text goes on', () => {
  const words = porterWordTest(['harbour', 'crane']);
  const filler = (word: string, count: number) => Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');
  const body = `${filler('lead', 60)} the harbour opened. ${filler('middle', 60)} harbour cranes stood at the harbour. ${filler('tail', 60)}`;
  const passage = shown(bodyPassage(body, words));
  assert.match(passage, /^…middle55 middle56 middle57 middle58 middle59 \[harbour\] \[cranes\] stood at the \[harbour\]\. tail0 .* tail24…$/u);
  assert.equal(passage.replace(/^…|…$/gu, '').split(/\s+/u).length, 36, 'thirty-six words');

  const short = 'Harbour cranes, briefly.';
  assert.equal(shown(bodyPassage(short, words)), '[Harbour] [cranes], briefly.', 'a short body is whole, without ellipses');
  const nearTheEnd = `${filler('lead', 80)} and at last the harbour.`;
  assert.match(
    shown(bodyPassage(nearTheEnd, words)),
    /^…lead49 .* at last the \[harbour\]\.$/u,
    'a match near the end takes words from before, and the end whole',
  );
  assert.match(shown(bodyPassage(`${filler('lead', 80)}.`, words)), /^lead0 lead1 .* lead35…$/u, 'no match: the beginning');
  assert.equal(bodyPassage('', words), '');
  assert.equal(
    shown(bodyPassage(`“Harbour”, she said. ${filler('rest', 50)}`, words)),
    `“[Harbour]”, she said. ${filler('rest', 33)}…`,
    'opening punctuation kept',
  );
});

test('the first letters of a word decide nothing but where to look: an accented or upper-case start is still found', () => {
  const words = porterWordTest(['ecole']);
  const body = `${Array.from({ length: 50 }, () => 'mot').join(' ')} L’École ferme. ${Array.from({ length: 50 }, () => 'fin').join(' ')}`;
  assert.match(shown(bodyPassage(body, words)), /L’\[École\] ferme\./u);
});

test('a word next to a character beyond the Basic Multilingual Plane is cut between characters, never inside one', () => {
  const words = porterWordTest(['harbour']);
  assert.equal(shown(markWords('harbour𠀀 and 𠀀harbour and 𝐀 harbour', words)), 'harbour𠀀 and 𠀀harbour and 𝐀 [harbour]');
  assert.equal(shown(markWords('😀harbour', words)), '😀[harbour]', 'an emoji is not a letter');
});
