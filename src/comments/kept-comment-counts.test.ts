import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, publishArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges, contentTags } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { testCommentRow } from '../../test/helpers/comment-rows.ts';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import { countCommentThreads } from './comment-pages.queries.ts';
import { insertComment } from './comments.queries.ts';
import { KeptCommentCounts } from './kept-comment-counts.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');

let database: DatabaseHandle;
const articles: number[] = [];
before(async () => {
  database = await createTestDatabase('sqlite');
  const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
  const sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
  for (const headline of ['Harbour reopens', 'Tram vote tonight']) {
    const article = await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, new Date(t0.getTime() - 3_600_000));
    articles.push(article.id);
  }
});
after(() => database.destroy());

test("an article's counts are kept until a change to that article or a list is announced, or until they are too old", async () => {
  const [harbour, trams] = articles as [number, number];
  let now = t0;
  const changes = new ContentChanges();
  const kept = new KeptCommentCounts(changes, { clock: { now: () => now }, maxAgeMs: 1_000 });
  const comment = (articleId: number) => insertComment(database.db, testCommentRow({ articleId, createdAt: t0 }));

  assert.deepEqual(await kept.count(database.db, harbour), { approved: 0, threads: 0 });
  assert.deepEqual(await kept.count(database.db, trams), { approved: 0, threads: 0 });
  const first = await comment(harbour);
  await comment(trams);
  assert.deepEqual(await kept.count(database.db, harbour), { approved: 0, threads: 0 }, 'nothing announced yet: kept');

  changes.announce([contentTags.article(harbour)]);
  assert.deepEqual(await kept.count(database.db, harbour), { approved: 1, threads: 1 });
  assert.deepEqual(await kept.count(database.db, trams), { approved: 0, threads: 0 }, "another article's change keeps this one");

  changes.announce([contentTags.section(1), contentTags.tag(1)]);
  assert.deepEqual(await kept.count(database.db, trams), { approved: 0, threads: 0 }, 'a section or a tag is no comment change');
  changes.announce([contentTags.scope({ kind: 'all' })]);
  assert.deepEqual(await kept.count(database.db, trams), { approved: 1, threads: 1 }, 'a list change drops every kept value, these too');
  await comment(trams);
  changes.announce([contentTags.everything]);
  assert.deepEqual(await kept.count(database.db, trams), { approved: 2, threads: 2 });
  assert.deepEqual(await kept.count(database.db, harbour), { approved: 1, threads: 1 }, '"everything" dropped every article');

  await database.db.updateTable('comments').set({ status: 'spam' }).where('id', '=', first).execute();
  now = new Date(t0.getTime() + 999);
  assert.deepEqual(await kept.count(database.db, harbour), { approved: 1, threads: 1 });
  now = new Date(t0.getTime() + 1_000);
  assert.deepEqual(await kept.count(database.db, harbour), await countCommentThreads(database.db, harbour), 'too old: counted again');
  assert.deepEqual(await kept.count(database.db, harbour), { approved: 0, threads: 0 });
});
