import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatDay } from '../render/dates.ts';
import { languageOfWords, translator, translatorFor } from './index.ts';

const november27 = new Date('2026-11-27T09:40:00.000Z');

test('a tag gets the catalog of its language, and a language Gazette does not speak gets English', () => {
  const cases: [string, string, string][] = [
    ['ko-KR', 'ko', '댓글 남기기'],
    ['ar-EG', 'ar', 'أضف تعليقًا'],
    ['es-MX', 'es', 'Deja un comentario'],
    ['fr-CA', 'fr', 'Laisser un commentaire'],
    ['en-GB', 'en', 'Leave a comment'],
    ['pt', 'en', 'Leave a comment'],
    ['he', 'en', 'Leave a comment'],
    ['not a tag', 'en', 'Leave a comment'],
  ];
  for (const [tag, catalog, title] of cases) {
    const words = translator(tag);
    assert.equal(words.catalog, catalog, tag);
    assert.equal(words.text('commentForm.title'), title, tag);
  }
});

test('the words say which language they are in: the tag asked for when it was matched, the catalog’s when it fell back', () => {
  assert.equal(translator('ko-KR').language, 'ko-KR');
  assert.equal(translator('AR-eg').language, 'ar-EG');
  assert.equal(translator('pt-BR').language, 'en');
  // Dates and numbers still follow the tag asked for: a Portuguese site keeps Portuguese dates.
  assert.equal(translator('pt-BR').locale, 'pt-BR');
  assert.equal(formatDay(november27, translator('pt-BR')), '27 de novembro de 2026');
});

test('Arabic counts comments in all six plural forms', () => {
  const arabic = translator('ar');
  const counts = [0, 1, 2, 3, 11, 100].map((count) => arabic.text('story.commentCount', { count }));
  assert.deepEqual(counts, ['لا تعليقات', 'تعليق واحد', 'تعليقان', '3 تعليقات', '11 تعليقًا', '100 تعليق']);
  // The section's heading names the section when it is empty, and counts like the rest otherwise.
  assert.equal(arabic.text('comments.heading', { count: 0 }), 'التعليقات');
  assert.equal(arabic.text('comments.heading', { count: 102 }), '102 تعليق');
  assert.equal(arabic.text('comments.heading', { count: 105 }), '105 تعليقات', '103–110 take the plural again');
  assert.equal(translator('ar-EG').text('comments.heading', { count: 11 }), '١١ تعليقًا', 'in Egypt, with Arabic-Indic digits');
});

test('each language gets its own plural rules', () => {
  const heading = (tag: string, count: number) => translator(tag).text('comments.heading', { count });
  assert.deepEqual(
    [0, 1, 2, 1234].map((count) => heading('en-GB', count)),
    ['Comments', '1 comment', '2 comments', '1,234 comments'],
  );
  assert.deepEqual(
    [0, 1, 7].map((count) => heading('ko', count)),
    ['댓글', '댓글 1개', '댓글 7개'],
  );
  assert.equal(translator('fr').text('story.commentCount', { count: 0 }), '0 commentaire', 'French zero takes the singular');
  assert.equal(translator('fr').text('story.commentCount', { count: 2 }), '2 commentaires');
  assert.equal(translator('es').text('story.commentCount', { count: 1_000_000 }), '1.000.000 de comentarios');
  assert.equal(translator('pt').text('story.commentCount', { count: 0 }), '0 comments', 'English words keep English plurals, whatever the tag');
});

test('dates are in the reader’s language and the newsroom’s time zone; Korean on the 24-hour clock', () => {
  const seoul = translator('ko-KR', 'Asia/Seoul');
  assert.equal(formatDay(november27, seoul), '2026년 11월 27일');
  assert.equal(formatDateTime(november27, seoul), '2026년 11월 27일 18:40 GMT+9');
  assert.equal(formatDateTime(november27, translator('ko-u-hc-h12', 'Asia/Seoul')), '2026년 11월 27일 PM 06:40 GMT+9', 'a tag naming its own clock keeps it');
  assert.equal(formatDateTime(november27, translator('en-GB', 'Europe/London')), '27 November 2026 at 09:40 GMT');
  assert.equal(formatDay(november27, translator('ar', 'UTC')), '27 نوفمبر 2026');
});

test('names are listed as each language lists them, English without a serial comma as it always was', () => {
  const names = ['Mina Park', 'Amara Okafor', 'Lena Vogel'];
  assert.equal(translator('en').list(names), 'Mina Park, Amara Okafor and Lena Vogel');
  assert.equal(translator('en-US').list(names), 'Mina Park, Amara Okafor and Lena Vogel');
  assert.equal(translator('ko').list(names), 'Mina Park, Amara Okafor 및 Lena Vogel');
  assert.equal(translator('es').text('story.byline', { names: translator('es').list(names.slice(0, 2)) }), 'Por Mina Park y Amara Okafor');
  const links = translator('fr').listOf([{ name: 'A' }, { name: 'B' }, { name: 'C' }], (author) => author.name);
  assert.deepEqual(links, [{ name: 'A' }, ', ', { name: 'B' }, ' et ', { name: 'C' }]);
});

test('a message with markup keeps its pieces in the language’s order', () => {
  const hidden = (chunks: unknown[]) => ({ hidden: chunks.join('') });
  assert.deepEqual(translator('en').rich('comment.reply', { name: 'Noor', hidden }), ['Reply', { hidden: ' to Noor' }]);
  assert.deepEqual(translator('ko').rich('comment.reply', { name: 'Noor', hidden }), [{ hidden: 'Noor 님의 댓글에 ' }, '답글']);
  const time = { time: '2026-11-27' };
  assert.deepEqual(translator('ko').rich('story.updated', { time }), ['수정 ', time]);
  // Values are never read as message syntax.
  assert.equal(translator('en').text('story.commentsOn', { headline: '{count} <b>' }), ' on “{count} <b>”');
});

test('one translator per tag and time zone, so each message is compiled once', () => {
  assert.equal(translator('ko-KR', 'Asia/Seoul'), translator('ko-KR', 'Asia/Seoul'));
  assert.notEqual(translator('ko-KR', 'Asia/Seoul'), translator('ko-KR', 'UTC'));
});

test('the words around content are the content’s when Gazette speaks it and the site speaks another language', () => {
  const englishSite = { language: 'en-GB', timeZone: 'Europe/London' };
  assert.equal(translatorFor('ko', englishSite).catalog, 'ko');
  assert.equal(translatorFor('ko', englishSite).timeZone, 'Europe/London', 'dates stay in the newsroom’s time zone');
  assert.equal(translatorFor('he', englishSite), translator('en-GB', 'Europe/London'), 'Hebrew has no catalog yet: the site’s words');
  assert.equal(translatorFor('en', englishSite), translator('en-GB', 'Europe/London'), 'the same words as the site’s: the site’s own');
  assert.equal(translatorFor(null, englishSite), translator('en-GB', 'Europe/London'));
  assert.equal(languageOfWords(translatorFor('ar', englishSite), englishSite), 'ar');
  assert.equal(languageOfWords(translatorFor('he', englishSite), englishSite), 'en-GB');
  assert.equal(languageOfWords(translator('pt'), { language: 'pt', timeZone: 'UTC' }), 'pt', 'a Portuguese page stays a pt page');
});
