import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges, contentTags } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { CollectionCounts } from './collection-counts.ts';
import { createArticle, publishArticle } from './index.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

let database: DatabaseHandle;
let sectionId: number;

before(async () => {
  database = await createTestDatabase('sqlite');
  sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
});
after(() => database.destroy());

/** Publishes a story in the section, announcing it on `changes` as the newsroom does. */
async function publishStory(changes: ContentChanges, headline: string): Promise<void> {
  const deps = { db: database.db, clock: { now: () => t0 }, changes };
  const article = await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [] });
  await publishArticle(deps, article.id, later(-60_000));
}

test('a count is kept until a change to the lists is announced, and counted again then', async () => {
  const changes = new ContentChanges();
  const counts = new CollectionCounts(changes);
  const section = { kind: 'section', sectionId } as const;
  await publishStory(changes, 'Harbour reopens');
  assert.equal(await counts.count(database.db, section, t0), 1);
  // Published without telling these counts (as by a writer that announced nothing): the kept number stands.
  await publishStory(new ContentChanges(), 'Tram vote tonight');
  assert.equal(await counts.count(database.db, section, later(1_000)), 1, 'kept');
  changes.announce([contentTags.article(1)]);
  assert.equal(await counts.count(database.db, section, later(2_000)), 1, 'a change to one article alone leaves the lists');
  changes.announce([contentTags.scope({ kind: 'tag', tagId: 99 })], 'remote');
  assert.equal(await counts.count(database.db, section, later(3_000)), 2, 'any list announced, by any instance, drops the counts');
  await publishStory(changes, 'Bridge closes');
  assert.equal(await counts.count(database.db, section, later(4_000)), 3, 'publishing announces its lists');
  assert.equal(await counts.count(database.db, { kind: 'all' }, later(4_000)), 3);
});

test('a kept count is counted again after its time, and concurrent requests count once', async () => {
  const counts = new CollectionCounts(new ContentChanges(), 10_000);
  const all = { kind: 'all' } as const;
  const first = counts.count(database.db, all, t0);
  assert.equal(counts.count(database.db, all, t0), first, 'the same count for a request that came while it ran');
  const before = await first;
  await publishStory(new ContentChanges(), 'Ferry timetable changes');
  assert.equal(await counts.count(database.db, all, later(9_999)), before);
  assert.equal(await counts.count(database.db, all, later(10_000)), before + 1);
});

test('a count that failed is not kept', async () => {
  const counts = new CollectionCounts(new ContentChanges());
  const broken = await createTestDatabase('sqlite');
  await broken.destroy();
  await assert.rejects(counts.count(broken.db, { kind: 'all' }, t0));
  assert.ok((await counts.count(database.db, { kind: 'all' }, t0)) > 0);
});
