import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAuthor } from '../authors/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import type { ArticleScope } from './article.ts';
import { listPublishedSummaries } from './articles.queries.ts';
import { loadArticleListPage } from './articles.reader.ts';
import { createArticle, publishArticle, unpublishArticle } from './articles.service.ts';
import { CollectionCounts } from './collection-counts.ts';

const t0 = new Date('2026-11-01T08:00:00.000Z');
const perPage = 5;

forEachDialect('list pages started from the article before them', (dialect) => {
  let database: DatabaseHandle;
  let now = t0;
  const changes = new ContentChanges();
  const deps = (announceTo = changes) => ({ db: database.db, clock: { now: () => now }, changes: announceTo });
  let scopes: ArticleScope[];
  let ids: number[];
  let sectionId: number;

  before(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    sectionId = (await createSection(db, { name: 'World', position: 0 })).id;
    const tagId = (await findOrCreateTag(db, { name: 'Harbours' })).id;
    const authorId = (await createAuthor(db, { name: 'Mina Park' })).id;
    scopes = [{ kind: 'all' }, { kind: 'section', sectionId }, { kind: 'tag', tagId }, { kind: 'author', authorId }];
    ids = [];
    for (let i = 0; i < 23; i++) {
      // Every third story shares its publication time with the one before: the order falls back to ids.
      if (i % 3 !== 2) now = new Date(now.getTime() + 60_000);
      const article = await createArticle(deps(), { headline: `Story ${i}`, sectionId, authorIds: [authorId], tagIds: [tagId] });
      await publishArticle(deps(), article.id);
      ids.push(article.id);
    }
  });
  after(() => database.destroy());

  /** Every page of every scope, read through `counts` in `order`, against the same pages read by position. */
  async function expectPagesAsByPosition(counts: CollectionCounts, order: 'forwards' | 'backwards', message: string) {
    for (const scope of scopes) {
      const pageCount = Math.ceil((await counts.count(database.db, scope, now)) / perPage);
      const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
      for (const page of order === 'forwards' ? pages : pages.reverse()) {
        const read = await loadArticleListPage(database.db, counts, scope, page, perPage, now);
        const byPosition = await listPublishedSummaries(database.db, { scope, now, limit: perPage, offset: (page - 1) * perPage });
        assert.deepEqual(
          read.summaries.map((summary) => summary.id),
          byPosition.map((summary) => summary.id),
          `${message}: ${scope.kind} page ${page}`,
        );
      }
    }
  }

  test('every page, read in either direction and again, is the page read by position', async () => {
    const counts = new CollectionCounts(changes);
    await expectPagesAsByPosition(counts, 'backwards', 'first reading, from the end');
    await expectPagesAsByPosition(counts, 'forwards', 'read again from kept starts');
    await expectPagesAsByPosition(new CollectionCounts(changes), 'forwards', 'a reader going on, page after page');
  });

  test('a change to the lists drops the kept starts; an article gone without a word is read by position', async () => {
    const counts = new CollectionCounts(changes);
    await expectPagesAsByPosition(counts, 'forwards', 'before');
    now = new Date(now.getTime() + 60_000);
    const article = await createArticle(deps(), { headline: 'A new lead', sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps(), article.id);
    await expectPagesAsByPosition(counts, 'forwards', 'after a story was published');
    // The story page 3 of the whole site starts after (page 2's last: the new lead, then ids[22] to ids[14]) is
    // withdrawn by a writer these counts do not hear: the kept start no longer answers, the page is read by position.
    await unpublishArticle(deps(new ContentChanges()), ids[14]!);
    const all = { kind: 'all' } as const;
    const page3 = await loadArticleListPage(database.db, counts, all, 3, perPage, now);
    const byPosition = await listPublishedSummaries(database.db, { scope: all, now, limit: perPage, offset: 2 * perPage });
    assert.deepEqual(
      page3.summaries.map((summary) => summary.id),
      byPosition.map((summary) => summary.id),
    );
  });
});
