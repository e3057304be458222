import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges, contentTags } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import { createArticle, publishArticle } from './articles.service.ts';
import { KeptSummaries } from './kept-summaries.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');

let database: DatabaseHandle;
const ids: number[] = [];
let draftId = 0;
before(async () => {
  database = await createTestDatabase('sqlite');
  const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
  const sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
  for (const headline of ['Harbour reopens', 'Tram vote tonight', 'Ferry timetable changes']) {
    const article = await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, new Date(t0.getTime() - 3_600_000));
    ids.push(article.id);
  }
  draftId = (await createArticle(deps, { headline: 'Not yet', sectionId, authorIds: [], tagIds: [] })).id;
});
after(() => database.destroy());

/** Changes a headline behind the cache's back, as another instance would before its announcement arrives. */
const retitle = (id: number, headline: string) => database.db.updateTable('articles').set({ headline }).where('id', '=', id).execute();
const headlines = async (kept: KeptSummaries, asked: readonly number[], now = t0) =>
  (await kept.byIds(database.db, asked, now)).map((summary) => summary.headline);

test('teasers are kept until their article, or anything else they show, is announced; in the order asked, published only', async () => {
  const [harbour, trams, ferry] = ids as [number, number, number];
  const changes = new ContentChanges();
  const kept = new KeptSummaries(changes, { maxAgeMs: 1_000 });
  assert.deepEqual(await headlines(kept, [ferry, draftId, harbour]), ['Ferry timetable changes', 'Harbour reopens'], 'a draft is no teaser');

  await retitle(harbour, 'Harbour reopens at dawn');
  await retitle(trams, 'Tram vote tomorrow');
  assert.deepEqual(await headlines(kept, [harbour, trams]), ['Harbour reopens', 'Tram vote tomorrow'], 'harbour kept; trams read for the first time');

  changes.announce([contentTags.article(trams)]);
  assert.deepEqual(await headlines(kept, [harbour]), ['Harbour reopens'], "another article's change (an approved comment) keeps this one");
  changes.announce([contentTags.newsroom]);
  assert.deepEqual(await headlines(kept, [harbour]), ['Harbour reopens'], "the newsroom's own lists are no teaser");
  changes.announce([contentTags.article(harbour)]);
  assert.deepEqual(await headlines(kept, [harbour]), ['Harbour reopens at dawn']);

  for (const tag of [contentTags.section(1), contentTags.author(1), contentTags.media(1), contentTags.settings, contentTags.scope({ kind: 'all' })]) {
    await retitle(ferry, `Ferry after ${tag}`);
    changes.announce([tag]);
    assert.deepEqual(await headlines(kept, [ferry]), [`Ferry after ${tag}`], `${tag} drops every teaser`);
  }

  assert.deepEqual(await headlines(kept, [harbour]), ['Harbour reopens at dawn'], 'read again after those');
  await retitle(harbour, 'Harbour reopens at noon');
  assert.deepEqual(await headlines(kept, [harbour], new Date(t0.getTime() + 999)), ['Harbour reopens at dawn']);
  assert.deepEqual(await headlines(kept, [harbour], new Date(t0.getTime() + 1_000)), ['Harbour reopens at noon'], 'too old: read again');
});

test("a teaser read while its article's change is announced is not kept; another article's change keeps it", async () => {
  const [harbour, trams] = ids as [number, number];
  const changes = new ContentChanges();
  const kept = new KeptSummaries(changes);
  await retitle(harbour, 'Harbour before');
  const reading = headlines(kept, [harbour, trams, harbour]);
  changes.announce([contentTags.article(harbour)]);
  assert.deepEqual(await reading, ['Harbour before', 'Tram vote tomorrow', 'Harbour before'], 'in the order asked, twice when asked twice');
  await retitle(harbour, 'Harbour after');
  await retitle(trams, 'Tram vote postponed');
  assert.deepEqual(await headlines(kept, [harbour, trams]), ['Harbour after', 'Tram vote tomorrow']);
});
