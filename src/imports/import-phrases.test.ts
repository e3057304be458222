import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsroomTranslator } from '../i18n/index.ts';
import { ExplainedError, importPhrase, importSentenceIn, sentenceForColumn, sentenceFromColumn, storedPhrase } from './import-phrases.ts';
import { phasePhrase } from './import-progress.ts';

const korean = newsroomTranslator('ko', 'Asia/Seoul');
const onLine = importPhrase('imports.file.atLine', { line: '3', problem: importPhrase('imports.file.wordpressEmpty') });

test('a phrase may hold another: each is put in the same words, and English is the message', () => {
  const error = new ExplainedError(onLine);
  assert.equal(error.message, 'Line 3: The file is empty. A WordPress export is the XML file WordPress makes in Tools › Export.');
  assert.equal(error.textIn(korean), '3번째 줄: 파일이 비어 있습니다. WordPress 내보내기 파일은 WordPress의 도구 › 내보내기에서 만드는 XML 파일입니다.');
  assert.equal(importSentenceIn('said by a service in English', korean), 'said by a service in English');
});

test('a job’s failure goes into its text column and comes back; English stored before phrases reads as it was', () => {
  assert.deepEqual(sentenceFromColumn(sentenceForColumn(onLine)), onLine);
  assert.match(sentenceForColumn(onLine), /^phrase:\{/);
  assert.equal(sentenceForColumn('Line 3: The file is empty.'), 'Line 3: The file is empty.');
  assert.equal(sentenceFromColumn('Line 3: The file is empty.'), 'Line 3: The file is empty.');
});

test('a stored phrase whose key is gone, or that is not a phrase, is not read as one', () => {
  assert.deepEqual(sentenceFromColumn('phrase:{"key":"imports.noSuchKey"}'), importPhrase('imports.failed'));
  assert.deepEqual(sentenceFromColumn('phrase:{not json'), importPhrase('imports.failed'));
  assert.equal(storedPhrase({ key: 'imports.file.atLine', values: { line: '3', problem: { key: 'imports.gone' } } }), undefined);
  assert.equal(storedPhrase({ key: 'imports.failed', values: { list: [1, 2] } }), undefined);
  assert.equal(storedPhrase('imports.failed'), undefined);
  assert.equal(storedPhrase({ key: 'imports.file.atLine', values: { line: 3 } }), undefined, 'a value the message needs is missing');
});

test('phases are identifiers put in words; old English names and table names read too', () => {
  assert.equal(importSentenceIn(phasePhrase('sections-and-tags')), 'sections and tags');
  assert.equal(importSentenceIn(phasePhrase('Sections and tags')), 'sections and tags');
  assert.equal(importSentenceIn(phasePhrase('media files')), 'media files');
  assert.equal(importSentenceIn(phasePhrase('search-index'), korean), '검색 색인');
  assert.equal(importSentenceIn(phasePhrase('article_tags'), korean), 'article_tags 테이블');
});
