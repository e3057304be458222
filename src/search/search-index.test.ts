import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type Article, createArticle, publishArticle, publishDueArticles, unpublishArticle, updateArticle } from '../articles/index.ts';
import { createAuthor } from '../authors/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import * as searchIndexMigration from '../db/migrations/2026-11-27T1010-search-index.ts';
import * as searchLanguagesMigration from '../db/migrations/2026-12-06T1200-search-languages.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { highlightEnd, highlightStart } from './highlight.ts';
import { searchIndexFor } from './index.ts';
import { postgresSearchIndex } from './search-index.postgres.ts';
import type { SearchFilters, SearchRequest } from './search-index.ts';
import { parseSearchQuery } from './search-query.ts';

const t0 = new Date('2026-11-20T08:00:00.000Z');
/** ts_headline marking every match with the markers a search result uses. */
const options = `HighlightAll=true, StartSel=${highlightStart}, StopSel=${highlightEnd}`;
const daysLater = (days: number) => new Date(t0.getTime() + days * 86_400_000);
const body = (text: string) => `<p>${text}</p><p>${'Filler words about the weather and the week. '.repeat(12)}</p>`;

forEachDialect('search index', (dialect) => {
  let database: DatabaseHandle;
  let now = t0;
  const deps = () => ({ db: database.db, clock: { now: () => now }, changes: new ContentChanges() });
  const index = searchIndexFor(dialect);
  /** Sections, tags and authors by name. */
  const ids: Record<string, number> = {};
  const articles: Record<string, number> = {};
  const names = new Map<number, string>();

  async function search(query: string, options: SearchFilters & { match?: SearchRequest['match']; window?: number } = {}) {
    const { match = 'all', window, ...filters } = options;
    const request = { ...filters, terms: parseSearchQuery(query).terms, match, now };
    const results = await (window ? searchIndexFor(dialect, { rankingWindow: window }) : index).search(database.db, request, { limit: 20, offset: 0 });
    return { ...results, found: results.hits.map((hit) => names.get(hit.articleId) ?? `#${hit.articleId}`) };
  }

  async function write(
    name: string,
    input: { headline: string; text?: string; standfirst?: string; section?: string; tags?: string[]; authors?: string[] },
    publishAt?: Date,
  ): Promise<Article> {
    const fields = {
      headline: input.headline,
      standfirst: input.standfirst ?? '',
      bodyHtml: body(input.text ?? ''),
      sectionId: ids[input.section ?? 'world']!,
      tagIds: (input.tags ?? []).map((tag) => ids[tag]!),
      authorIds: (input.authors ?? []).map((author) => ids[author]!),
    };
    const article = articles[name] ? await updateArticle(deps(), articles[name]!, fields) : await createArticle(deps(), fields);
    articles[name] = article.id;
    names.set(article.id, name);
    return publishAt ? publishArticle(deps(), article.id, publishAt) : article;
  }

  before(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    ids.world = (await createSection(db, { name: 'World', position: 0 })).id;
    ids.culture = (await createSection(db, { name: 'Culture', position: 1 })).id;
    ids.tomas = (await createAuthor(db, { name: 'Tomás Ruiz' })).id;
    ids.mina = (await createAuthor(db, { name: 'Mina Park' })).id;
    ids.freight = (await findOrCreateTag(db, { name: 'Freight' })).id;
    ids.climate = (await findOrCreateTag(db, { name: 'Climate' })).id;
    await write('headline', { headline: 'Harbour reopens after the storm', text: 'Cranes are moving again.', authors: ['mina'] }, daysLater(-3));
    await write('body', { headline: 'Port traffic figures for October', text: 'Ships waited outside the harbour for days.', tags: ['freight'] }, daysLater(-2));
    await write(
      'culture',
      { headline: 'Festival choir sings in the old harbours', section: 'culture', text: 'A concert by the water.', authors: ['tomas'], tags: ['climate'] },
      daysLater(-1),
    );
  });
  after(() => database.destroy());

  test('a word in the headline ranks above the same word in the body; plurals match', async () => {
    const { total, found, hits } = await search('harbour');
    assert.equal(total, 3);
    assert.deepEqual(found.slice(0, 2).sort(), ['culture', 'headline']);
    assert.equal(found[2], 'body');
    const headline = hits.find((hit) => hit.articleId === articles.headline)!;
    assert.equal(headline.headline, `${highlightStart}Harbour${highlightEnd} reopens after the storm`);
    const inBody = hits.find((hit) => hit.articleId === articles.body)!;
    assert.match(inBody.bodyExcerpt, new RegExp(`outside the ${highlightStart}harbour${highlightEnd} for days`));
    assert.ok(!inBody.bodyExcerpt.includes('<p>'), 'the body is indexed as plain text');
  });

  test('a result marks the words that the database’s own highlighter marks', async () => {
    const written = await write(
      'marks',
      { headline: 'Walruses and a walrus crossing near the narwhals', standfirst: 'Studies of studying students', text: 'Narwhal tusks studied.' },
      daysLater(-1),
    );
    const terms = ['walrus', 'narwhal', 'study'];
    const hit = (await search(terms.join(' '), { match: 'any' })).hits.find((found) => found.articleId === written.id)!;
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ headline: string; standfirst: string }>`
            select highlight(article_search_fts, 0, ${highlightStart}, ${highlightEnd}) as headline, highlight(article_search_fts, 1, ${highlightStart}, ${highlightEnd}) as standfirst
            from article_search_fts where article_search_fts match ${terms.map((term) => `"${term}"`).join(' OR ')} and rowid = cast(${written.id} as integer)`.execute(
            database.db,
          )
        : await sql<{ headline: string; standfirst: string }>`
            select ts_headline(s.config, s.headline, q.query, ${options}) as headline, ts_headline(s.config, s.standfirst, q.query, ${options}) as standfirst
            from article_search s cross join lateral (select plainto_tsquery(s.config, ${terms.join(' ')}) as query) q(query) where s.article_id = ${written.id}`.execute(
            database.db,
          );
    assert.equal(hit.headline, rows[0]!.headline);
    assert.equal(hit.standfirst, rows[0]!.standfirst);
    assert.match(hit.bodyExcerpt, new RegExp(`^${highlightStart}Narwhal${highlightEnd} tusks ${highlightStart}studied${highlightEnd}\\.`));
    await unpublishArticle(deps(), written.id);
  });

  test('tags and bylines are searchable, with or without accents', async () => {
    assert.deepEqual((await search('freight')).found, ['body']);
    assert.deepEqual((await search('Mina Park')).found, ['headline']);
    assert.deepEqual((await search('tomas ruiz')).found, ['culture']);
    assert.deepEqual((await search('Tomás')).found, ['culture']);
  });

  test('every word must match; "any" finds articles with some of them', async () => {
    assert.deepEqual((await search('harbour storm')).found, ['headline']);
    assert.equal((await search('harbour zebra')).total, 0);
    assert.deepEqual((await search('zebra storm', { match: 'any' })).found, ['headline']);
  });

  test('section and date filters narrow the results', async () => {
    assert.deepEqual((await search('harbour', { sectionId: ids.culture })).found, ['culture']);
    assert.deepEqual((await search('harbour', { from: daysLater(-2.5), before: daysLater(-1.5) })).found, ['body']);
  });

  test('publishing, editing and unpublishing show in the very next search; drafts never do', async () => {
    await write('draft', { headline: 'Lighthouse keeper retires', text: 'After forty years.' });
    assert.equal((await search('lighthouse')).total, 0, 'a draft is not found');
    await publishArticle(deps(), articles.draft!);
    assert.deepEqual((await search('lighthouse')).found, ['draft']);
    await write('draft', { headline: 'Lamplighter retires', text: 'After forty years.' });
    assert.equal((await search('lighthouse')).total, 0, 'the old headline is gone');
    assert.deepEqual((await search('lamplighter')).found, ['draft']);
    await unpublishArticle(deps(), articles.draft!);
    assert.equal((await search('lamplighter')).total, 0);
    assert.equal(
      (await database.db.selectFrom('article_search').select('article_id').where('article_id', '=', articles.draft!).execute()).length,
      0,
      'an unpublished article leaves the index',
    );
  });

  test('a scheduled article is found only once the scheduler has published it', async () => {
    await write('scheduled', { headline: 'Embargoed lighthouse report', text: 'Not yet.' }, daysLater(1));
    assert.equal((await search('embargoed')).total, 0);
    now = daysLater(2);
    assert.equal((await search('embargoed')).total, 0, 'its time has come, but it is not published yet');
    await publishDueArticles(deps());
    assert.deepEqual((await search('embargoed')).found, ['scheduled']);
    now = t0;
  });

  test('renaming or deleting a tag or author changes what finds their articles', async () => {
    await database.db.updateTable('tags').set({ name: 'Maritime' }).where('id', '=', ids.freight!).execute();
    await database.db.updateTable('authors').set({ name: 'Mina Park-Lee' }).where('id', '=', ids.mina!).execute();
    assert.deepEqual((await search('maritime')).found, ['body']);
    assert.equal((await search('freight')).total, 0);
    assert.deepEqual((await search('park lee')).found, ['headline']);
    await database.db.deleteFrom('tags').where('id', '=', ids.climate!).execute();
    assert.equal((await search('climate')).total, 0);
  });

  test('beyond the ranking window, the newest matches are ranked and the count says "more"', async () => {
    const { total, found } = await search('harbour', { window: 2 });
    assert.equal(total, 3, 'two in the window, and one more');
    assert.deepEqual(found.sort(), ['body', 'culture'], 'the two newest matches');
  });

  test('the lead a match ranks by follows edits to the headline, and one to the body alone leaves it', async () => {
    const older = await write('older walrus', { headline: 'Walrus pups counted on the ice', text: 'A census by boat.' }, daysLater(-1));
    const newer = await write('newer walrus', { headline: 'Ice census by boat', text: 'The walrus pups were counted.' }, daysLater(-0.5));
    assert.deepEqual((await search('walrus')).found, ['older walrus', 'newer walrus'], 'the headline first, though older');
    await write('older walrus', { headline: 'Pups counted on the ice', text: 'A walrus census by boat.' });
    assert.deepEqual((await search('walrus')).found, ['newer walrus', 'older walrus'], 'out of the headline, it ranks by date');
    await write('newer walrus', { headline: 'Ice census by boat', text: 'The pups were counted, walrus by walrus.' });
    await write('older walrus', { headline: 'Walrus pups counted on the ice', text: 'A census by boat.' });
    assert.deepEqual((await search('walrus')).found, ['older walrus', 'newer walrus'], 'back in the headline');
    if (dialect === 'sqlite') {
      // Checks the index against article_search, its content table: it throws on any entry out of step.
      await sql`insert into article_search_fts_lead(article_search_fts_lead) values ('integrity-check')`.execute(database.db);
    }
    await unpublishArticle(deps(), older.id);
    await unpublishArticle(deps(), newer.id);
    assert.equal((await search('walrus')).total, 0);
  });

  if (dialect === 'postgres') {
    test('each searchable article’s lead, which PostgreSQL ranks by, follows its edits and leaves with it', async () => {
      const leads = async () =>
        (
          await sql<{ article_id: number; lead: string }>`select article_id, lead::text as lead from article_search_lead order by article_id`.execute(
            database.db,
          )
        ).rows;
      const documents = await database.db.selectFrom('article_search').select('article_id').orderBy('article_id').execute();
      assert.deepEqual(
        (await leads()).map((row) => row.article_id),
        documents.map((row) => row.article_id),
      );
      const written = await write('lead', { headline: 'Lighthouse keepers vote', standfirst: 'A ballot by the sea', text: 'Walrus colony.' }, daysLater(-1));
      const leadOf = async () => (await leads()).find((row) => row.article_id === written.id)?.lead;
      assert.match((await leadOf())!, /'lighthous':1A/u, 'the headline, weighted A');
      assert.match((await leadOf())!, /'ballot':\d+C/u, 'the standfirst, weighted C');
      assert.doesNotMatch((await leadOf())!, /walrus/u, 'the body is not in it');
      assert.deepEqual((await search('walrus lighthouse', { match: 'any' })).found.slice(0, 1), ['lead']);
      await write('lead', { headline: 'Walrus colony grows', text: 'Lighthouse keepers counted them.' });
      assert.match((await leadOf())!, /'walrus':1A/u, 'an edit rewrites it');
      await unpublishArticle(deps(), written.id);
      assert.equal(await leadOf(), undefined, 'unpublished, it goes with the document');
    });

    test('the newest matches and their order are the same whichever slices of the newest ids PostgreSQL looks in first, and however it finds their leads', async () => {
      for (const rankingWindow of [1, 2]) {
        // Runs of one id, as this archive holds only a few: the index files them by runs of 1,024.
        const sliced = postgresSearchIndex({ rankingWindow, recentSlices: [1, 2, 3, 5, 8], idsPerRun: 1 });
        const whole = postgresSearchIndex({ rankingWindow, recentSlices: [] });
        // Leads looked for by their words alone, as for a window wider than a few runs.
        const wide = postgresSearchIndex({ rankingWindow, recentSlices: [], runsForLeads: 0 });
        const cases: { query: string; match?: SearchRequest['match']; filters?: SearchFilters }[] = [
          { query: 'harbour' },
          { query: 'weather' },
          { query: 'harbour', filters: { sectionId: ids.culture! } },
          { query: 'zebra storm', match: 'any' },
          { query: 'harbour storm' },
          { query: 'zebra' },
        ];
        for (const { query, match = 'all', filters = {} } of cases) {
          const request = { ...filters, terms: parseSearchQuery(query).terms, match, now };
          for (const offset of [0, 1, 2]) {
            const page = { limit: 1, offset };
            const expected = await whole.search(database.db, request, page);
            assert.deepEqual(await sliced.search(database.db, request, page), expected, `${query}, window ${rankingWindow}, from ${offset}`);
            assert.deepEqual(await wide.search(database.db, request, page), expected, `${query}, window ${rankingWindow}, from ${offset}, leads by word`);
          }
        }
        const { total } = await sliced.search(database.db, { terms: ['weather'], match: 'all', now }, { limit: 2, offset: 0 });
        assert.equal(total, rankingWindow + 1, 'the window and one more');
      }
    });
  }

  test('the migration indexes the articles that already exist', async () => {
    const indexed = async () =>
      (await database.db.selectFrom('article_search').select('article_id').orderBy('article_id').execute()).map((row) => row.article_id);
    const before = await indexed();
    await searchLanguagesMigration.down(database.db);
    await searchIndexMigration.down(database.db);
    await searchIndexMigration.up(database.db);
    await searchLanguagesMigration.up(database.db);
    assert.deepEqual(await indexed(), before);
    assert.deepEqual((await search('lamplighter')).found, [], 'drafts are left out');
    assert.deepEqual((await search('cranes')).found, ['headline'], 'bodies are indexed as text');
  });
});
