import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, publishArticle, updateArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import * as searchLanguagesMigration from '../db/migrations/2026-12-06T1200-search-languages.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { SettingsStore } from '../settings/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { highlightEnd as end, highlightStart as start } from './highlight.ts';
import { searchIndexFor } from './index.ts';
import type { SearchRequest } from './search-index.ts';
import { parseSearchQuery } from './search-query.ts';

const now = new Date('2026-12-06T12:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

interface Story {
  readonly headline: string;
  readonly standfirst?: string;
  readonly text: string;
  readonly language?: string | null;
}

const stories: Record<string, Story> = {
  korean: { headline: '소방당국은 화재 원인을 조사하고 있다', text: '서울 북부의 창고에서 불이 났다. 인명 피해는 없었다.', language: 'ko' },
  koreanBody: { headline: '창고 주인 인터뷰', text: '주인은 소방당국이 빨리 왔다고 말했다.', language: 'ko' },
  japanese: { headline: '東京都の知事は新しい計画を発表した', text: '計画は来年から始まる。', language: 'ja' },
  chinese: { headline: '北京今天下雨', text: '中国气象局发布了暴雨预警。', language: 'zh-Hans' },
  arabic: { headline: 'افتتاح الميناء الجديد', text: 'وصلت السفينة الأولى أمس إلى الميناء.', language: 'ar' },
  arabicUnmarked: { headline: 'Shipping news', text: 'رست السفن بالميناء صباح اليوم.', language: null },
  english: { headline: 'Count delayed in council election', text: 'Officials said the elections office needs another day.', language: null },
  french: { headline: 'Les chevaux du village', text: 'Les éleveurs présentent leurs chevaux à la foire.', language: 'fr' },
};

forEachDialect('search in every language', (dialect) => {
  let database: DatabaseHandle;
  const changes = new ContentChanges();
  const deps = () => ({ db: database.db, clock: { now: () => now }, changes });
  const index = searchIndexFor(dialect);
  const ids: Record<string, number> = {};
  const names = new Map<number, string>();
  let sectionId = 0;

  async function search(query: string, options: { match?: SearchRequest['match']; offset?: number; limit?: number } = {}) {
    const request: SearchRequest = { terms: parseSearchQuery(query).terms, match: options.match ?? 'all', now };
    const results = await index.search(database.db, request, { limit: options.limit ?? 20, offset: options.offset ?? 0 });
    return { ...results, found: results.hits.map((hit) => names.get(hit.articleId) ?? `#${hit.articleId}`) };
  }

  const fieldsOf = (story: Story) => ({
    headline: story.headline,
    standfirst: story.standfirst ?? '',
    bodyHtml: `<p>${story.text}</p>`,
    language: story.language ?? null,
    sectionId,
    authorIds: [],
    tagIds: [],
  });

  async function publish(name: string, story: Story, hours: number): Promise<void> {
    const article = await createArticle(deps(), fieldsOf(story));
    await publishArticle(deps(), article.id, hoursAgo(hours));
    ids[name] = article.id;
    names.set(article.id, name);
  }

  before(async () => {
    database = await createTestDatabase(dialect);
    sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
    let hours = 100;
    for (const [name, story] of Object.entries(stories)) await publish(name, story, hours--);
  });
  after(() => database.destroy());

  test('a Korean word is found inside its longer forms, and marked there', async () => {
    const { found, hits } = await search('소방당국');
    assert.deepEqual(found, ['korean', 'koreanBody'], 'the headline match first');
    assert.equal(hits[0]!.headline, `${start}소방당국${end}은 화재 원인을 조사하고 있다`);
    assert.match(hits[1]!.bodyExcerpt, new RegExp(`주인은 ${start}소방당국${end}이 빨리`));
    assert.deepEqual((await search('소방당국은')).found, ['korean']);
    assert.deepEqual((await search('화재')).found, ['korean'], 'a word of two syllables');
    assert.deepEqual((await search('불')).found, ['korean'], 'a word of one syllable');
    assert.deepEqual((await search('소방당국 화재')).found, ['korean'], 'every word');
    assert.deepEqual((await search('소방당국 zebra', { match: 'any' })).found.sort(), ['korean', 'koreanBody']);
  });

  test('Chinese and Japanese words are found inside the text around them', async () => {
    assert.deepEqual((await search('知事')).found, ['japanese']);
    assert.deepEqual((await search('東京都')).found, ['japanese']);
    assert.deepEqual((await search('計画')).found, ['japanese']);
    assert.deepEqual((await search('中国')).found, ['chinese']);
    assert.deepEqual((await search('气象局')).found, ['chinese']);
    assert.deepEqual((await search('暴')).found, ['chinese']);
    assert.equal((await search('東京大学')).total, 0, 'all of it, not some of its characters');
    const { hits } = await search('中国');
    assert.match(hits[0]!.bodyExcerpt, new RegExp(`${start}中国${end}气象局`));
  });

  test('an Arabic word is found with and without its prefixes, in any article', async () => {
    assert.deepEqual((await search('ميناء')).found.sort(), ['arabic', 'arabicUnmarked']);
    assert.deepEqual((await search('الميناء')).found.sort(), ['arabic', 'arabicUnmarked']);
    const { hits } = await search('ميناء');
    const arabic = hits.find((hit) => hit.articleId === ids.arabic)!;
    assert.equal(arabic.headline, `افتتاح ${start}الميناء${end} الجديد`);
    assert.deepEqual((await search('امس')).found, ['arabic'], 'without the hamza it finds أمس');
    assert.deepEqual((await search('السفينة')).found, ['arabic']);
  });

  test('English is still stemmed', async () => {
    assert.deepEqual((await search('elections')).found, ['english']);
    assert.deepEqual((await search('election')).found, ['english']);
    assert.deepEqual((await search('delays')).found, ['english']);
    const { hits } = await search('election');
    assert.equal(hits[0]!.headline, `Count delayed in council ${start}election${end}`);
  });

  test('results in Korean are ranked and paged', async () => {
    for (let i = 0; i < 12; i++) await publish(`port${i}`, { headline: `제주항 소식 ${i + 1}`, text: '배가 들어왔다.', language: 'ko' }, 200 + i);
    const first = await search('제주항', { limit: 10 });
    const second = await search('제주항', { limit: 10, offset: 10 });
    assert.equal(first.total, 12);
    assert.equal(first.found.length, 10);
    assert.equal(second.found.length, 2);
    assert.equal(new Set([...first.found, ...second.found]).size, 12, 'no article on both pages');
  });

  test('hostile queries in any script are only words', async () => {
    const queries = [
      '"소방당국',
      'NEAR(소방당국 화재, 2)',
      '소방* ميناء*',
      '-ميناء',
      '"الميناء" OR "x',
      'headline:中国',
      '{headline}:東京',
      '소방당국 & !화재 | 불 <-> 서울',
      '中国:*',
      'ال ال ال',
      '"""',
      'ـــ',
      'ً',
      '〇',
      'ㄱ',
      '𠀀𠀁',
      '々',
      '소'.repeat(5_000),
      'الميناء '.repeat(2_000),
      Array.from({ length: 30 }, (_, i) => `${String.fromCodePoint(0xac00 + i)}${i}`).join(' '),
    ];
    for (const query of queries) {
      for (const match of ['all', 'any'] as const) {
        const results = await search(query, { match });
        assert.ok(Number.isInteger(results.total), `${query.slice(0, 30)} (${match})`);
      }
    }
  });

  test('the migration indexes the articles that already exist', async () => {
    await searchLanguagesMigration.down(database.db);
    await searchLanguagesMigration.up(database.db);
    assert.deepEqual((await search('소방당국')).found, ['korean', 'koreanBody']);
    assert.deepEqual((await search('ميناء')).found.sort(), ['arabic', 'arabicUnmarked']);
    assert.deepEqual((await search('elections')).found, ['english']);
  });

  test('each article is stemmed in its own language, else the site’s', { skip: dialect === 'sqlite' && 'SQLite stems English only' }, async () => {
    assert.deepEqual((await search('cheval')).found, ['french'], 'French stemming: chevaux is a form of cheval');
    await updateArticle(deps(), ids.french!, { ...fieldsOf(stories.french!), language: null });
    assert.deepEqual((await search('cheval')).found, [], 'in the site’s language, English, it is not');
    const settings = await SettingsStore.load(database.db, changes);
    await settings.update({ language: 'fr-CA' });
    assert.deepEqual((await search('cheval')).found, ['french'], 'until the site’s language is French');
    await settings.update({ language: 'en' });
    assert.deepEqual((await search('cheval')).found, []);
  });
});
