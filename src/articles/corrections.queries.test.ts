import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { createArticle, publishArticle } from './articles.service.ts';
import { countPublishedCorrections, insertCorrection, listPublishedCorrections, loadCorrectionsByArticle } from './corrections.queries.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

forEachDialect('correction queries', (dialect) => {
  let database: DatabaseHandle;
  const ids: Record<'published' | 'scheduled' | 'draft', number> = { published: 0, scheduled: 0, draft: 0 };

  before(async () => {
    database = await createTestDatabase(dialect);
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    const sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
    for (const kind of ['published', 'scheduled', 'draft'] as const) {
      const article = await createArticle(deps, { headline: `A ${kind} article`, sectionId, authorIds: [], tagIds: [] });
      if (kind !== 'draft') await publishArticle(deps, article.id, kind === 'published' ? minutes(-60) : minutes(60));
      ids[kind] = article.id;
    }
  });
  after(() => database.destroy());

  test('corrections and updates are kept per article in the order they were made', async () => {
    await insertCorrection(database.db, { articleId: ids.published, kind: 'update', text: 'Talks resumed.', createdAt: minutes(2), createdBy: null });
    await insertCorrection(database.db, { articleId: ids.published, kind: 'correction', text: 'The toll is €2.', createdAt: minutes(1), createdBy: null });
    await insertCorrection(database.db, { articleId: ids.draft, kind: 'correction', text: 'Draft fix.', createdAt: minutes(3), createdBy: null });
    const byArticle = await loadCorrectionsByArticle(database.db, [ids.published, ids.scheduled]);
    assert.deepEqual([...byArticle.keys()], [ids.published]);
    const list = byArticle.get(ids.published)!;
    assert.deepEqual(
      list.map((item) => [item.kind, item.text, item.createdAt.getTime()]),
      [
        ['correction', 'The toll is €2.', minutes(1).getTime()],
        ['update', 'Talks resumed.', minutes(2).getTime()],
      ],
    );
    assert.ok(list[0]!.createdAt instanceof Date);
    assert.deepEqual(await loadCorrectionsByArticle(database.db, []), new Map());
  });

  test('the public corrections page lists corrections, not updates, of articles readers can see, newest first', async () => {
    await insertCorrection(database.db, { articleId: ids.published, kind: 'correction', text: 'Later fix.', createdAt: minutes(5), createdBy: null });
    await insertCorrection(database.db, { articleId: ids.scheduled, kind: 'correction', text: 'Not yet public.', createdAt: minutes(6), createdBy: null });
    const listed = await listPublishedCorrections(database.db, t0, { limit: 10, offset: 0 });
    assert.deepEqual(
      listed.map((item) => [item.articleId, item.text]),
      [
        [ids.published, 'Later fix.'],
        [ids.published, 'The toll is €2.'],
      ],
    );
    assert.ok(listed[0]!.createdAt instanceof Date);
    assert.deepEqual(
      (await listPublishedCorrections(database.db, t0, { limit: 1, offset: 1 })).map((item) => item.text),
      ['The toll is €2.'],
    );
    const count = await countPublishedCorrections(database.db, t0);
    assert.equal(count, 2);
    assert.equal(await countPublishedCorrections(database.db, minutes(-120)), 0, 'nothing before the article was published');
  });
});
