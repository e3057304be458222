import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAuthor } from '../authors/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { listArticleIndexEntries, listPublicationTimes, listPublishedArticles } from './articles.queries.ts';
import { listPublishedCollections } from './published-collections.queries.ts';
import { createArticle, publishArticle } from './articles.service.ts';

const now = new Date('2026-11-27T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

/** The queries feeds and sitemaps are built from. */
forEachDialect('feed and sitemap queries', (dialect) => {
  let database: DatabaseHandle;
  let ids: Record<'world' | 'culture' | 'mina' | 'tomas' | 'climate' | 'secret' | 'photo' | 'october' | 'november' | 'late' | 'draft', number>;

  before(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    let clockNow = at('2026-10-01T00:00:00Z');
    const deps = { db, clock: { now: () => clockNow }, changes: new ContentChanges() };
    const photo = await db
      .insertInto('media')
      .values({
        storage_key: 'cranes-1a2b3c',
        original_name: 'cranes.jpg',
        mime_type: 'image/jpeg',
        width: 2400,
        height: 1600,
        bytes: 1000,
        alt: 'Cranes',
        caption: 'Cranes at dawn.',
        credit: 'Ana Ruiz',
        photographer: 'Ana Ruiz',
        copyright: '',
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const world = (await createSection(db, { name: 'World', position: 0 })).id;
    const culture = (await createSection(db, { name: 'Culture', position: 1 })).id;
    const mina = (await createAuthor(db, { name: 'Mina Park' })).id;
    const tomas = (await createAuthor(db, { name: 'Tomás Ruiz' })).id;
    const climate = (await findOrCreateTag(db, { name: 'Climate' })).id;
    const secret = (await findOrCreateTag(db, { name: 'Merger talks' })).id;
    const publishAt = async (headline: string, when: string, input: { sectionId: number; authorIds: number[]; tagIds: number[]; featuredMediaId?: number }) => {
      const article = await createArticle(deps, { headline, bodyHtml: `<p>${headline} body</p>`, ...input });
      clockNow = at(when);
      return (await publishArticle(deps, article.id)).id;
    };
    const october = await publishAt('October story', '2026-10-31T23:59:59Z', {
      sectionId: world,
      authorIds: [mina],
      tagIds: [climate],
      featuredMediaId: photo.id,
    });
    const november = await publishAt('November story', '2026-11-01T00:00:00Z', { sectionId: culture, authorIds: [tomas, mina], tagIds: [climate] });
    const late = await publishAt('Late story', '2026-11-27T11:00:00Z', { sectionId: world, authorIds: [mina], tagIds: [] });
    const draft = (await createArticle(deps, { headline: 'Draft story', sectionId: culture, authorIds: [tomas], tagIds: [secret] })).id;
    clockNow = now;
    await publishArticle(
      deps,
      (await createArticle(deps, { headline: 'Scheduled story', sectionId: culture, authorIds: [tomas], tagIds: [secret] })).id,
      at('2026-11-28T08:00:00Z'),
    );
    ids = { world, culture, mina, tomas, climate, secret, photo: photo.id, october, november, late, draft };
  });
  after(() => database.destroy());

  test('feeds get whole published articles, body and tags included, newest first', async () => {
    const articles = await listPublishedArticles(database.db, { scope: { kind: 'tag', tagId: ids.climate }, now, limit: 10 });
    assert.deepEqual(
      articles.map((a) => a.headline),
      ['November story', 'October story'],
    );
    assert.equal(articles[0]!.bodyHtml, '<p>November story body</p>');
    assert.deepEqual(
      articles[0]!.authors.map((a) => a.name),
      ['Tomás Ruiz', 'Mina Park'],
    );
    assert.deepEqual(
      articles[1]!.tags.map((t) => t.name),
      ['Climate'],
    );
    assert.ok(articles[0]!.publishedAt instanceof Date);
    const all = await listPublishedArticles(database.db, { scope: { kind: 'all' }, now, limit: 10 });
    assert.deepEqual(
      all.map((a) => a.headline),
      ['Late story', 'November story', 'October story'],
      'no draft, nothing scheduled',
    );
  });

  test('index entries cover [from, before) oldest first, with section and photo, a page at a time', async () => {
    const november = await listArticleIndexEntries(database.db, { now, from: at('2026-11-01T00:00:00Z'), before: at('2026-12-01T00:00:00Z') });
    assert.deepEqual(
      november.map((e) => e.headline),
      ['November story', 'Late story'],
    );
    const [october] = await listArticleIndexEntries(database.db, { now, from: at('2026-10-01T00:00:00Z'), before: at('2026-11-01T00:00:00Z') });
    assert.equal(october?.id, ids.october);
    assert.deepEqual(october?.section, { id: ids.world, slug: 'world', name: 'World' });
    assert.equal(october?.image?.caption, 'Cranes at dawn.');
    assert.equal(october?.image?.storageKey, 'cranes-1a2b3c');
    assert.equal(october?.publishedAt.toISOString(), '2026-10-31T23:59:59.000Z');
    assert.ok(october?.updatedAt instanceof Date);
    const second = await listArticleIndexEntries(database.db, { now, from: at('2026-01-01T00:00:00Z'), page: { limit: 2, offset: 2 } });
    assert.deepEqual(
      second.map((e) => e.headline),
      ['Late story'],
    );
  });

  test('publication times list every published article, oldest first, as dates', async () => {
    const times = await listPublicationTimes(database.db, now);
    assert.deepEqual(
      times.map((t) => t.publishedAt.toISOString()),
      ['2026-10-31T23:59:59.000Z', '2026-11-01T00:00:00.000Z', '2026-11-27T11:00:00.000Z'],
    );
    assert.ok(times.every((t) => t.updatedAt instanceof Date));
  });

  test('only sections, tags and authors with published articles are listed, with their newest change', async () => {
    const sections = await listPublishedCollections(database.db, 'section', now);
    assert.deepEqual(
      sections.map((s) => [s.slug, s.lastModified.toISOString()]),
      [
        ['culture', '2026-11-01T00:00:00.000Z'],
        ['world', '2026-11-27T11:00:00.000Z'],
      ],
    );
    const tags = await listPublishedCollections(database.db, 'tag', now);
    assert.deepEqual(
      tags.map((t) => t.slug),
      ['climate'],
      'a tag used only by a draft or a scheduled story does not leak',
    );
    const authors = await listPublishedCollections(database.db, 'author', now);
    assert.deepEqual(
      authors.map((a) => [a.id, a.lastModified.toISOString()]),
      [
        [ids.mina, '2026-11-27T11:00:00.000Z'],
        [ids.tomas, '2026-11-01T00:00:00.000Z'],
      ],
    );
  });
});
