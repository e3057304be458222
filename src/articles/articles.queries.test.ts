import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAuthor } from '../authors/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { countPublished, findArticleIdBySlugHistory, findPublishedArticleBySlug, listArticlesSharingTags, listPublishedSummaries } from './articles.queries.ts';
import { keepHomeStoryIds, listHomeStories } from './home-stories.queries.ts';
import { KeptSummaries } from './kept-summaries.ts';
import { pinArticle } from './pinning.ts';
import { createArticle, publishArticle, publishDueArticles, unpublishArticle, updateArticle } from './articles.service.ts';
import { trashArticle } from './trash.service.ts';

const t0 = new Date('2026-11-01T08:00:00.000Z');
const hoursLater = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

forEachDialect('articles data layer', (dialect) => {
  let database: DatabaseHandle;
  let now = t0;
  const changes = new ContentChanges();
  const deps = () => ({ db: database.db, clock: { now: () => now }, changes });
  let ids: { world: number; culture: number; mina: number; tomas: number; climate: number; trade: number };

  before(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    ids = {
      world: (await createSection(db, { name: 'World', position: 0 })).id,
      culture: (await createSection(db, { name: 'Culture', position: 1 })).id,
      mina: (await createAuthor(db, { name: 'Mina Park', jobTitle: 'Reporter' })).id,
      tomas: (await createAuthor(db, { name: 'Tomás Ruiz' })).id,
      climate: (await findOrCreateTag(db, { name: 'Climate' })).id,
      trade: (await findOrCreateTag(db, { name: 'Trade' })).id,
    };
  });
  after(() => database.destroy());

  test('an article keeps its bylines and tags in the order given', async () => {
    const article = await createArticle(deps(), {
      headline: 'Harbour reopens after storm',
      sectionId: ids.world,
      authorIds: [ids.tomas, ids.mina],
      tagIds: [ids.trade, ids.climate],
      bodyHtml: '<p>Body</p><script>alert(1)</script>',
    });
    assert.equal(article.slug, 'harbour-reopens-after-storm');
    assert.equal(article.status, 'draft');
    assert.deepEqual(
      article.authors.map((a) => a.name),
      ['Tomás Ruiz', 'Mina Park'],
    );
    assert.deepEqual(
      article.tags.map((t) => t.slug),
      ['trade', 'climate'],
    );
    assert.equal(article.bodyHtml, '<p>Body</p>', 'stored HTML goes through the allow-list');
    assert.ok(article.createdAt instanceof Date && article.createdAt.getTime() === t0.getTime());
  });

  test('drafts and scheduled articles are invisible; published ones appear newest first', async () => {
    const draft = await createArticle(deps(), { headline: 'Draft only', sectionId: ids.world, authorIds: [ids.mina], tagIds: [] });
    const scheduled = await createArticle(deps(), { headline: 'Tomorrow story', sectionId: ids.world, authorIds: [], tagIds: [] });
    const older = await createArticle(deps(), { headline: 'Older story', sectionId: ids.culture, authorIds: [ids.mina], tagIds: [ids.climate] });
    await publishArticle(deps(), scheduled.id, hoursLater(24));
    await publishArticle(deps(), older.id, hoursLater(-5));
    const harbour = await findPublishedArticleBySlug(database.db, 'harbour-reopens-after-storm', now);
    assert.equal(harbour, undefined, 'not published yet');

    const published = await publishArticle(
      deps(),
      (await createArticle(deps(), { headline: 'Newest story', sectionId: ids.world, authorIds: [ids.mina], tagIds: [ids.climate] })).id,
    );
    assert.equal(published.status, 'published');
    assert.equal((await publishArticle(deps(), scheduled.id, hoursLater(24))).status, 'scheduled');

    const all = await listPublishedSummaries(database.db, { scope: { kind: 'all' }, now, limit: 10 });
    assert.deepEqual(
      all.map((a) => a.headline),
      ['Newest story', 'Older story'],
    );
    assert.ok(!all.some((a) => a.id === draft.id || a.id === scheduled.id));
    assert.equal(await countPublished(database.db, { kind: 'all' }, now), 2);
    assert.equal(await countPublished(database.db, { kind: 'tag', tagId: ids.climate }, now), 2);
    assert.equal(await countPublished(database.db, { kind: 'author', authorId: ids.mina }, now), 2);
    assert.equal(await countPublished(database.db, { kind: 'section', sectionId: ids.culture }, now), 1);
    // Going live is the scheduler's job (it also drops cached pages), not a side effect of the clock.
    assert.equal(await countPublished(database.db, { kind: 'all' }, hoursLater(25)), 2);
  });

  test('a published article that changes slug or section remembers its old address', async () => {
    const article = await createArticle(deps(), { headline: 'Bridge vote delayed', sectionId: ids.world, authorIds: [], tagIds: [] });
    await publishArticle(deps(), article.id);
    now = hoursLater(1);
    await updateArticle(deps(), article.id, {
      headline: 'Bridge vote delayed again',
      slug: 'bridge-vote-delayed-again',
      sectionId: ids.culture,
      authorIds: [],
      tagIds: [],
    });
    assert.equal(await findArticleIdBySlugHistory(database.db, 'world', 'bridge-vote-delayed'), article.id);
    const moved = await findPublishedArticleBySlug(database.db, 'bridge-vote-delayed-again', now);
    assert.equal(moved?.section?.slug, 'culture');
    assert.ok(moved && moved.updatedAt > moved.publishedAt, 'the edit is dated after publication');
  });

  test('a slug in use is refused with a message for the slug field', async () => {
    await assert.rejects(
      createArticle(deps(), { headline: 'Newest story', sectionId: null, authorIds: [], tagIds: [] }),
      (error: { code?: string; fields?: Record<string, string> }) => error.code === 'VALIDATION_FAILED' && typeof error.fields?.slug === 'string',
    );
  });

  test('unpublishing takes an article off every list', async () => {
    const article = await findPublishedArticleBySlug(database.db, 'newest-story', now);
    assert.ok(article);
    await unpublishArticle(deps(), article.id);
    assert.equal(await findPublishedArticleBySlug(database.db, 'newest-story', now), undefined);
  });
  test('a tag’s and an author’s lists follow publishing, scheduling, retagging, unpublishing and the trash', async () => {
    const db = database.db;
    const tag = (await findOrCreateTag(db, { name: 'Lighthouses' })).id;
    const otherTag = (await findOrCreateTag(db, { name: 'Ferries' })).id;
    const author = (await createAuthor(db, { name: 'Ines Varga' })).id;
    const listed = async (scope: { kind: 'tag'; tagId: number } | { kind: 'author'; authorId: number }) => ({
      ids: (await listPublishedSummaries(db, { scope, now, limit: 10 })).map((summary) => summary.id),
      count: await countPublished(db, scope, now),
    });
    const inTag = () => listed({ kind: 'tag', tagId: tag });
    const byAuthor = () => listed({ kind: 'author', authorId: author });
    const first = await createArticle(deps(), { headline: 'Keeper retires', sectionId: ids.world, authorIds: [author], tagIds: [tag] });
    assert.deepEqual(await inTag(), { ids: [], count: 0 }, 'a draft is not listed');
    await publishArticle(deps(), first.id);
    now = hoursLater(1);
    const second = await createArticle(deps(), { headline: 'Lamp relit', sectionId: ids.world, authorIds: [ids.mina, author], tagIds: [otherTag, tag] });
    await publishArticle(deps(), second.id);
    assert.deepEqual(await inTag(), { ids: [second.id, first.id], count: 2 }, 'newest first');
    assert.deepEqual(await byAuthor(), { ids: [second.id, first.id], count: 2 }, 'a second byline counts too');

    const third = await createArticle(deps(), { headline: 'Island ferry timetable', sectionId: ids.world, authorIds: [author], tagIds: [tag] });
    await publishArticle(deps(), third.id, hoursLater(5));
    assert.deepEqual((await inTag()).ids, [second.id, first.id], 'scheduled: not yet');
    now = hoursLater(6);
    await publishDueArticles(deps());
    assert.deepEqual((await inTag()).ids, [third.id, second.id, first.id], 'listed once it went live, at its time');

    await updateArticle(deps(), second.id, { headline: 'Lamp relit', sectionId: ids.world, authorIds: [ids.mina], tagIds: [otherTag] });
    assert.deepEqual(await inTag(), { ids: [third.id, first.id], count: 2 }, 'untagged');
    assert.deepEqual((await byAuthor()).ids, [third.id, first.id], 'off the byline');
    assert.deepEqual((await listed({ kind: 'tag', tagId: otherTag })).ids, [second.id]);

    await unpublishArticle(deps(), third.id);
    assert.deepEqual(await inTag(), { ids: [first.id], count: 1 }, 'unpublished');
    await trashArticle(deps(), first.id);
    assert.deepEqual(await inTag(), { ids: [], count: 0 }, 'trashed');
    await publishArticle(deps(), third.id);
    assert.deepEqual(await byAuthor(), { ids: [third.id], count: 1 }, 'published again');
  });
  test('the home page’s stories in one statement of ids: the pinned lead or the newest, then each section without the lead', async () => {
    const db = database.db;
    const harbours = (await createSection(db, { name: 'Harbours', position: 5 })).id;
    const rivers = (await createSection(db, { name: 'Rivers', position: 6 })).id;
    const empty = (await createSection(db, { name: 'Lakes', position: 7 })).id;
    const published: Record<string, number> = {};
    for (const [headline, sectionId] of [
      ['Pier one', harbours],
      ['Pier two', harbours],
      ['Pier three', harbours],
      ['Weir one', rivers],
      ['Weir two', rivers],
    ] as const) {
      now = new Date(now.getTime() + 60_000);
      published[headline] = (await createArticle(deps(), { headline, sectionId, authorIds: [ids.mina], tagIds: [] })).id;
      await publishArticle(deps(), published[headline]!);
    }
    // Read fresh and through what the page keeps between renders, which the services' announcements must keep true.
    const kept = { kept: keepHomeStoryIds(changes), summaries: new KeptSummaries(changes).byIds };
    const home = async () => {
      const [fresh, throughKept] = await Promise.all(
        [{}, kept].map(async (keeping) => {
          const stories = await listHomeStories(db, { sectionIds: [harbours, rivers, empty], now, perSection: 2, ...keeping });
          const headlines = (id: number) => stories.bySection.get(id)?.map((summary) => summary.headline);
          return { lead: stories.lead?.headline, harbours: headlines(harbours), rivers: headlines(rivers), empty: headlines(empty) };
        }),
      );
      assert.deepEqual(throughKept, fresh, 'the kept ids and teasers show what a fresh read shows');
      return fresh!;
    };
    assert.deepEqual(
      await home(),
      { lead: 'Weir two', harbours: ['Pier three', 'Pier two'], rivers: ['Weir one'], empty: [] },
      'none pinned: the newest leads and is left out of its section',
    );
    await pinArticle(deps(), published['Pier one']!, true);
    assert.deepEqual(await home(), { lead: 'Pier one', harbours: ['Pier three', 'Pier two'], rivers: ['Weir two', 'Weir one'], empty: [] }, 'pinned');
    assert.deepEqual(
      (await listHomeStories(db, { sectionIds: [harbours], now, perSection: 2 })).lead?.authors.map((author) => author.name),
      ['Mina Park'],
    );
    await updateArticle(deps(), published['Pier three']!, { headline: 'Pier three reopens', sectionId: harbours, authorIds: [ids.mina], tagIds: [] });
    assert.deepEqual((await home()).harbours, ['Pier three reopens', 'Pier two'], 'an edit shows');
    await unpublishArticle(deps(), published['Pier one']!);
    assert.deepEqual(
      await home(),
      { lead: 'Weir two', harbours: ['Pier three reopens', 'Pier two'], rivers: ['Weir one'], empty: [] },
      'the pinned article unpublished: the newest leads again',
    );
    assert.deepEqual(
      await listHomeStories(db, { sectionIds: [], now: hoursLater(-24), perSection: 2 }),
      { lead: undefined, bySection: new Map() },
      'nothing published yet',
    );
  });
  test('stories sharing tags come most tags in common first, then newest, then the later made, as many as asked', async () => {
    const [ferry, port, bridge] = await Promise.all(['Ferry', 'Port', 'Bridge'].map(async (name) => (await findOrCreateTag(database.db, { name })).id));
    const published = async (headline: string, tagIds: number[], hours: number) => {
      now = hoursLater(hours);
      return (await publishArticle(deps(), (await createArticle(deps(), { headline, sectionId: ids.culture, authorIds: [], tagIds })).id)).id;
    };
    const bothEarly = await published('Both tags, early', [ferry!, port!], 101);
    const ferryOnly = await published('Ferry only', [ferry!], 102);
    const subject = await published('All three tags', [ferry!, port!, bridge!], 103);
    const portOnly = await published('Port only', [port!], 104);
    const bothLate = await published('Both tags, late', [ferry!, port!], 105);
    const bridgeOnly = await published('Bridge only', [bridge!], 106);
    const sameHourFirst = await published('Bridge, same hour, made first', [bridge!], 107);
    const sameHourSecond = await published('Bridge, same hour, made second', [bridge!], 107);
    const madeLastOutFirst = await published('Port, made last but out first', [port!], 100);
    const read = (limit: number) => listArticlesSharingTags(database.db, { tagIds: [ferry!, port!, bridge!], excludeId: subject, now: hoursLater(200), limit });
    const expected = [
      { id: bothLate, sharedTags: 2 },
      { id: bothEarly, sharedTags: 2 },
      { id: sameHourSecond, sharedTags: 1 },
      { id: sameHourFirst, sharedTags: 1 },
      { id: bridgeOnly, sharedTags: 1 },
      { id: portOnly, sharedTags: 1 },
      { id: ferryOnly, sharedTags: 1 },
      { id: madeLastOutFirst, sharedTags: 1 },
    ];
    assert.deepEqual(await read(10), expected);
    assert.deepEqual(await read(4), expected.slice(0, 4));
    assert.deepEqual(
      await listArticlesSharingTags(database.db, { tagIds: [ferry!, port!, bridge!], excludeId: subject, now: hoursLater(105.5), limit: 10 }),
      [
        { id: bothLate, sharedTags: 2 },
        { id: bothEarly, sharedTags: 2 },
        { id: portOnly, sharedTags: 1 },
        { id: ferryOnly, sharedTags: 1 },
        { id: madeLastOutFirst, sharedTags: 1 },
      ],
      'only what is out by then',
    );
  });
});
