import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAuthor } from '../authors/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createSection } from '../sections/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { assertPlanUses } from '../../test/helpers/query-plans.ts';
import { type ArticleInput, createArticle, publishArticle, requestReview } from './articles.service.ts';
import {
  countNewsroomLists,
  defaultNewsroomSort,
  listNewsroomArticles,
  type NewsroomListScope,
  type NewsroomSort,
  type NewsroomSortKey,
  type NewsroomView,
  type SearchWalk,
} from './newsroom.queries.ts';
import { findNames, keepExistingIds } from './revisions.queries.ts';
import { type NewsroomListFilters, resolveNewsroomFilters } from './newsroom-filters.queries.ts';
import { trashArticle } from './trash.service.ts';

forEachDialect('names of what a revision points at', (dialect) => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('ids still there are kept and named, whichever table; gone ones are dropped', async () => {
    const world = (await createSection(database.db, { name: 'World', position: 0 })).id;
    const science = (await createSection(database.db, { name: 'Science', position: 1 })).id;
    const tag = (await findOrCreateTag(database.db, { name: 'Trams' })).id;
    const author = (await createAuthor(database.db, { slug: 'mina-park', name: 'Mina Park', jobTitle: 'Reporter', bio: '' })).id;
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'sections', [world, science, 999_999])), { [world]: 'World', [science]: 'Science' });
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'sections', [science])), { [science]: 'Science' });
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'tags', [tag])), { [tag]: 'Trams' });
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'authors', [author])), { [author]: 'Mina Park' });
    assert.deepEqual((await findNames(database.db, 'authors', [])).size, 0);
    assert.deepEqual((await keepExistingIds(database.db, 'sections', [world, 999_999, science])).sort(), [world, science].sort());
    assert.deepEqual(await keepExistingIds(database.db, 'tags', []), []);
  });
});

const t0 = new Date('2026-11-01T08:00:00.000Z');
const minutes = (count: number) => new Date(t0.getTime() + count * 60_000);
const days = (count: number) => new Date(t0.getTime() + count * 86_400_000);

forEachDialect("the newsroom's list: search, filters, sorting and counts", (dialect) => {
  let database: DatabaseHandle;
  let now = t0;
  const deps = () => ({ db: database.db, clock: { now: () => now }, changes: new ContentChanges() });
  const everything: NewsroomListScope = { kind: 'everything' };
  let writerScope: NewsroomListScope;
  const ids = { world: 0, science: 0, amara: 0, jiwon: 0, zed: 0 };
  const korean = '부산항 화재 진압';
  const arabic = 'القاهرة تفتتح خط ترام';
  const hostile = 'Ferry fares: 50% off_peak for "students" <b>';

  const list = async (options: { filters?: NewsroomListFilters; sort?: NewsroomSort; scope?: NewsroomListScope; view?: NewsroomView } = {}) =>
    listNewsroomArticles(database.db, { view: options.view ?? 'articles', scope: options.scope ?? everything, limit: 50, offset: 0, ...options });
  const headlines = async (filters: NewsroomListFilters, scope: NewsroomListScope = everything) =>
    (await list({ filters, scope })).map((row) => row.headline).sort();
  const sorted = async (key: NewsroomSortKey, direction: 'asc' | 'desc') => (await list({ sort: { key, direction } })).map((row) => row.headline);

  /** An article made at `minute` past t0 (its last edit, unless publishing moves it), then put in `state`. */
  async function write(
    minute: number,
    input: Partial<ArticleInput> & { headline: string },
    state: (id: number) => Promise<unknown> = async () => {},
    actorId?: number,
  ) {
    now = minutes(minute);
    const article = await createArticle(deps(), { sectionId: null, authorIds: [], tagIds: [], ...input }, actorId === undefined ? {} : { actorId });
    await state(article.id);
  }

  before(async () => {
    database = await createTestDatabase(dialect);
    ids.world = (await createSection(database.db, { name: 'World', position: 0 })).id;
    ids.science = (await createSection(database.db, { name: 'Science', position: 1 })).id;
    ids.amara = (await createAuthor(database.db, { slug: 'amara-okafor', name: 'Amara Okafor', jobTitle: '', bio: '' })).id;
    ids.jiwon = (await createAuthor(database.db, { slug: 'ji-won-park', name: 'Ji-won Park', jobTitle: '', bio: '' })).id;
    ids.zed = (await createAuthor(database.db, { slug: 'zed-ahmed', name: 'Zed Ahmed', jobTitle: '', bio: '' })).id;
    const trams = (await findOrCreateTag(database.db, { name: 'Trams' })).id;
    const saoPaulo = (await findOrCreateTag(database.db, { name: 'São Paulo' })).id;
    const writer = await insertTestUser(database.db, { email: 'writer@example.org', name: 'Writer', role: 'contributor' }, t0);
    writerScope = { kind: 'own-and-published', userId: writer };
    const publish = (at: Date) => (id: number) => publishArticle(deps(), id, at);
    // Publishing dates the last edit too: the published and scheduled ones are edited when they go live.
    await write(1, { headline: 'Apple harvest beats forecast', sectionId: ids.world, authorIds: [ids.jiwon], tagIds: [saoPaulo] });
    await write(
      2,
      { headline: 'Bridge vote delayed', standfirst: 'Councillors walked out.', sectionId: ids.science, authorIds: [ids.amara, ids.jiwon] },
      publish(days(-1)),
    );
    await write(3, { headline: korean, standfirst: 'Cranes stopped at dawn.', sectionId: ids.world, authorIds: [ids.zed], tagIds: [trams] }, publish(days(1)));
    await write(4, { headline: hostile }, (id) => requestReview(deps(), id), writer);
    await write(5, { headline: arabic, sectionId: ids.science, authorIds: [ids.zed], tagIds: [trams] }, publish(days(-2)), writer);
    await write(6, { headline: 'Zoo keepers strike', sectionId: ids.world, authorIds: [ids.amara], tagIds: [trams] }, (id) => trashArticle(deps(), id));
  });
  after(() => database.destroy());

  test('search finds words in headlines and standfirsts in any script, ignoring case, and takes % and _ literally', async () => {
    assert.deepEqual(await headlines({ text: 'BRIDGE' }), ['Bridge vote delayed']);
    assert.deepEqual(await headlines({ text: '  vote DELAYED ' }), ['Bridge vote delayed'], 'surrounding spaces do not count');
    assert.deepEqual(await headlines({ text: 'walked out' }), ['Bridge vote delayed'], 'the standfirst counts');
    assert.deepEqual(await headlines({ text: 'cranes' }), [korean]);
    assert.deepEqual(await headlines({ text: '화재' }), [korean]);
    assert.deepEqual(await headlines({ text: 'تفتتح' }), [arabic]);
    assert.deepEqual(await headlines({ text: '%' }), [hostile], 'a percent sign is a percent sign');
    assert.deepEqual(await headlines({ text: '_' }), [hostile]);
    assert.deepEqual(await headlines({ text: 'f_r' }), [], '_ is not "any character"');
    assert.deepEqual(await headlines({ text: '"students" <b>' }), [hostile]);
    assert.deepEqual(await headlines({ text: "'; drop table articles; --" }), []);
    assert.deepEqual(await headlines({ text: '\\' }), []);
    assert.equal((await headlines({ text: '' })).length, 5, 'an empty search is no search');
  });

  test('each filter narrows the list, and together they must all hold', async () => {
    assert.deepEqual(await headlines({ status: 'draft' }), ['Apple harvest beats forecast']);
    assert.deepEqual(await headlines({ status: 'review' }), [hostile]);
    assert.deepEqual(await headlines({ status: 'scheduled' }), [korean]);
    assert.deepEqual(await headlines({ status: 'published' }), ['Bridge vote delayed', arabic].sort());
    assert.deepEqual(await headlines({ sectionId: ids.world }), ['Apple harvest beats forecast', korean].sort());
    assert.deepEqual(await headlines({ sectionId: 999_999 }), []);
    assert.deepEqual(await headlines({ authorId: ids.jiwon }), ['Apple harvest beats forecast', 'Bridge vote delayed'], 'any position on the byline');
    assert.deepEqual(await headlines({ tag: 'trams' }), [arabic, korean].sort(), 'a tag by its name, ignoring case');
    assert.deepEqual(await headlines({ tag: 'sao-paulo' }), ['Apple harvest beats forecast'], 'or by its slug');
    assert.deepEqual(await headlines({ tag: 'Sao Paulo' }), ['Apple harvest beats forecast'], 'or by what its slug is made from');
    assert.deepEqual(await headlines({ tag: 'Tram' }), [], 'a tag is matched whole');
    assert.deepEqual(await headlines({ byline: 'JI-WON PARK' }), ['Apple harvest beats forecast', 'Bridge vote delayed'], 'a byline typed, in any case');
    assert.deepEqual(await headlines({ byline: 'zed-ahmed' }), [arabic, korean].sort(), 'or by its slug');
    assert.deepEqual(await headlines({ byline: 'a' }), ['Apple harvest beats forecast', 'Bridge vote delayed', arabic, korean].sort(), 'or part of any name');
    assert.deepEqual(await headlines({ byline: '%' }), [], 'taking % literally');
    assert.deepEqual(await headlines({ authorId: ids.jiwon, status: 'published' }), ['Bridge vote delayed']);
    assert.deepEqual(await headlines({ authorId: ids.zed, sectionId: ids.science, tag: 'Trams', text: 'خط' }), [arabic]);
    assert.deepEqual(await headlines({ authorId: ids.amara }), ['Bridge vote delayed'], 'the trash stays out of the working list');
    assert.deepEqual(
      (await list({ view: 'trash', filters: { authorId: ids.amara, text: 'zoo' } })).map((row) => row.headline),
      ['Zoo keepers strike'],
      'and filters work there too',
    );
  });

  test("filters never widen a writer's scope: another writer's draft stays out of rows and counts", async () => {
    assert.deepEqual(await headlines({}, writerScope), ['Bridge vote delayed', arabic, hostile].sort());
    assert.deepEqual(await headlines({ text: 'Apple' }, writerScope), []);
    assert.deepEqual(await headlines({ status: 'scheduled' }, writerScope), []);
    assert.deepEqual(await headlines({ authorId: ids.jiwon }, writerScope), ['Bridge vote delayed']);
    const counts = await countNewsroomLists(database.db, { view: 'articles', scope: writerScope, filters: { text: 'apple' } });
    assert.deepEqual(counts, { inView: 3, matching: 0, changes: 0, trash: 0 });
  });

  test('the counts: the whole view, what in it matches, and the other lists', async () => {
    assert.deepEqual(await countNewsroomLists(database.db, { view: 'articles', scope: everything, filters: { sectionId: ids.world } }), {
      inView: 5,
      matching: 2,
      changes: 0,
      trash: 1,
    });
    assert.deepEqual(await countNewsroomLists(database.db, { view: 'trash', scope: everything }), { inView: 1, matching: 1, changes: 0, trash: 1 });
    assert.deepEqual(await countNewsroomLists(database.db, { view: 'articles', scope: everything, filters: { text: '%' } }), {
      inView: 5,
      matching: 1,
      changes: 0,
      trash: 1,
    });
  });

  test('each count of what matches is the number of rows listed, whatever the filters, view and scope', async () => {
    const filterSets: NewsroomListFilters[] = [
      { authorId: ids.amara },
      { authorId: ids.jiwon },
      { tag: 'trams' },
      { tag: 'sao-paulo' },
      { tag: 'no such tag' },
      { sectionId: ids.world },
      { status: 'published' },
      { status: 'draft', sectionId: ids.world },
      { text: 'e' },
      { authorId: ids.zed, tag: 'Trams' },
      { authorId: ids.amara, status: 'published' },
      { tag: 'trams', text: 'خط' },
      { byline: 'amara okafor' },
      { byline: 'a' },
      { byline: 'nobody' },
      { byline: 'park', tag: 'sao-paulo' },
      { byline: 'a', tag: 'trams' },
      { byline: 'zed', authorId: ids.amara },
    ];
    for (const filters of filterSets) {
      for (const scope of [everything, writerScope]) {
        for (const view of ['articles', 'trash'] as const) {
          const counts = await countNewsroomLists(database.db, { view, scope, filters });
          assert.equal(counts.matching, (await list({ view, scope, filters })).length, JSON.stringify({ filters, scope, view }));
        }
      }
    }
  });

  test('every column sorts both ways; what has no value comes last either way, ties go most recently edited first', async () => {
    const latin = (titles: string[]) => titles.filter((title) => /^[A-Z]/.test(title));
    assert.deepEqual(await sorted('edited', 'desc'), [korean, hostile, 'Apple harvest beats forecast', 'Bridge vote delayed', arabic]);
    assert.deepEqual(await list(), await list({ sort: defaultNewsroomSort }), 'most recently edited first by default');
    assert.deepEqual(await sorted('edited', 'asc'), [arabic, 'Bridge vote delayed', 'Apple harvest beats forecast', hostile, korean]);
    assert.deepEqual(latin(await sorted('headline', 'asc')), ['Apple harvest beats forecast', 'Bridge vote delayed', hostile]);
    assert.deepEqual(latin(await sorted('headline', 'desc')), [hostile, 'Bridge vote delayed', 'Apple harvest beats forecast']);
    assert.deepEqual(await sorted('status', 'asc'), ['Apple harvest beats forecast', hostile, korean, 'Bridge vote delayed', arabic]);
    assert.deepEqual(await sorted('status', 'desc'), ['Bridge vote delayed', arabic, korean, hostile, 'Apple harvest beats forecast']);
    assert.deepEqual(await sorted('section', 'asc'), ['Bridge vote delayed', arabic, korean, 'Apple harvest beats forecast', hostile]);
    assert.deepEqual(await sorted('section', 'desc'), [korean, 'Apple harvest beats forecast', 'Bridge vote delayed', arabic, hostile]);
    assert.deepEqual(await sorted('byline', 'asc'), ['Bridge vote delayed', 'Apple harvest beats forecast', korean, arabic, hostile], 'by the first byline');
    assert.deepEqual(await sorted('byline', 'desc'), [korean, arabic, 'Apple harvest beats forecast', 'Bridge vote delayed', hostile]);
    assert.deepEqual(await sorted('goes-live', 'desc'), [korean, 'Bridge vote delayed', arabic, hostile, 'Apple harvest beats forecast']);
    assert.deepEqual(await sorted('goes-live', 'asc'), [arabic, 'Bridge vote delayed', korean, hostile, 'Apple harvest beats forecast']);
  });

  test('pages follow the sort, and each row carries its bylines in order', async () => {
    const page = (offset: number) =>
      listNewsroomArticles(database.db, { view: 'articles', scope: everything, sort: { key: 'status', direction: 'asc' }, limit: 2, offset });
    assert.deepEqual(
      [...(await page(0)), ...(await page(2)), ...(await page(4))].map((row) => row.headline),
      (await sorted('status', 'asc')).slice(0, 5),
    );
    const rows = await list();
    const bylines = Object.fromEntries(rows.map((row) => [row.headline, row.bylines]));
    assert.deepEqual(bylines['Bridge vote delayed'], ['Amara Okafor', 'Ji-won Park']);
    assert.deepEqual(bylines[korean], ['Zed Ahmed']);
    assert.deepEqual(bylines[hostile], []);
  });
  test('the tag filter finds its tag by slug or by name in any case, through an index of each', async () => {
    const tag = await findOrCreateTag(database.db, { name: 'Harbour Fires' });
    for (const typed of ['harbour-fires', 'HARBOUR FIRES', ' harbour fires ']) {
      assert.deepEqual((await resolveNewsroomFilters(database.db, { tag: typed })).tagIds, [tag.id], typed);
    }
    await assertPlanUses(database, `select id from tags where (slug = 'harbour-fires' or lower(name) = lower('Harbour Fires'))`, 'tags_lower_name_idx');
  });
});

forEachDialect("a search of the newsroom's list, looked for among the newest articles first", (dialect) => {
  let database: DatabaseHandle;
  let now = t0;
  const deps = () => ({ db: database.db, clock: { now: () => now }, changes: new ContentChanges() });

  before(async () => {
    database = await createTestDatabase(dialect);
    const world = (await createSection(database.db, { name: 'World', position: 0 })).id;
    // Edited in this order; "tram" in every third, in the headline or the standfirst; some published, one trashed.
    for (let minute = 1; minute <= 30; minute++) {
      now = minutes(minute);
      const words =
        minute % 3 === 0
          ? { headline: `Tram line ${minute}`, standfirst: '' }
          : { headline: `Ferry ${minute}`, standfirst: minute % 5 === 0 ? 'By TRAM.' : '' };
      const article = await createArticle(deps(), { ...words, sectionId: minute % 2 === 1 ? world : null, authorIds: [], tagIds: [] });
      if (minute % 4 === 1) await publishArticle(deps(), article.id, days(-minute));
      if (minute === 27) await trashArticle(deps(), article.id);
    }
    // Edited again last, out of the order it was made in.
    now = minutes(40);
    const [oldest] = await listNewsroomArticles(database.db, {
      view: 'articles',
      scope: { kind: 'everything' },
      sort: { key: 'edited', direction: 'asc' },
      limit: 1,
      offset: 0,
    });
    await database.db.updateTable('articles').set({ updated_at: now.toISOString() }).where('id', '=', oldest!.id).execute();
  });
  after(() => database.destroy());

  test('every page is the same whether the newest articles hold it, hold part of it, or are not read first', async () => {
    const page = (walk: SearchWalk, filters: NewsroomListFilters, limit: number, offset: number) =>
      listNewsroomArticles(database.db, { view: 'articles', scope: { kind: 'everything' }, filters, limit, offset, walk }).then((rows) =>
        rows.map((row) => row.headline),
      );
    const none = { firstLook: 0, budget: 0 };
    for (const filters of [{ text: 'tram' }, { text: 'TRAM', status: 'published' as const }, { text: 'ferry 1' }, { text: 'no such words' }]) {
      for (const [limit, offset] of [
        [3, 0],
        [3, 3],
        [5, 5],
        [50, 0],
      ] as const) {
        const expected = await page(none, filters, limit, offset);
        for (const firstLook of [1, 4, 8, 100]) {
          for (const budget of [1, 4, 8, 12, 100]) {
            const walk = { firstLook, budget };
            assert.deepEqual(
              await page(walk, filters, limit, offset),
              expected,
              `${JSON.stringify(filters)}, ${limit} from ${offset}, ${JSON.stringify(walk)}`,
            );
          }
        }
      }
    }
    // Ferry 25 was published with a date days back, which dates its last edit; Tram line 27 is in the trash.
    assert.deepEqual(await page(none, { text: 'tram' }, 3, 0), ['Tram line 30', 'Tram line 24', 'Ferry 20']);
  });
});
