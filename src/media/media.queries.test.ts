import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { escapeLikePattern } from '../db/like-pattern.ts';
import {
  deleteMedia,
  findMediaById,
  findMediaUsage,
  findUploaderName,
  insertEarlierDescription,
  insertMedia,
  listEarlierDescriptions,
  type MediaItem,
  searchMedia,
  updateMediaDescription,
} from './media.queries.ts';

const t0 = new Date('2026-11-01T08:00:00.000Z');

function mediaRow(key: string, overrides: Partial<MediaItem> = {}): Omit<MediaItem, 'id'> {
  return {
    storageKey: key,
    originalName: `${key}.jpg`,
    mimeType: 'image/jpeg',
    width: 1600,
    height: 1067,
    bytes: 1000,
    alt: '',
    caption: '',
    credit: '',
    photographer: '',
    copyright: '',
    createdAt: t0,
    uploadedBy: null,
    ...overrides,
  };
}

test('escapeLikePattern makes wildcards and the escape character literal', () => {
  assert.equal(escapeLikePattern('100%_done\\'), '100\\%\\_done\\\\');
});

forEachDialect('media data layer', (dialect) => {
  let database: DatabaseHandle;
  const ids: Record<string, number> = {};
  const search = (text: string, mimeType: string | null = null, limit = 50, offset = 0) => searchMedia(database.db, { text, mimeType, limit, offset });
  const keysOf = async (text: string, mimeType: string | null = null) => (await search(text, mimeType)).items.map((item) => item.storageKey);

  before(async () => {
    database = await createTestDatabase(dialect);
    const rows: [string, Partial<MediaItem>][] = [
      ['harbour', { caption: 'Boats in HARBOUR at dawn', credit: 'Reuters', createdAt: new Date(t0.getTime() + 3000) }],
      [
        'percent',
        { caption: 'Turnout rose 100% in a year', createdAt: new Date(t0.getTime() + 2000), mimeType: 'image/png', originalName: 'turnout_chart.png' },
      ],
      ['market', { caption: 'Fish market', credit: 'Gazette Pictures', createdAt: new Date(t0.getTime() + 1000), mimeType: 'image/webp' }],
      ['plain', { originalName: 'IMG_0042.JPG' }],
    ];
    for (const [key, overrides] of rows) ids[key] = await insertMedia(database.db, mediaRow(key, overrides));
  });
  after(() => database.destroy());

  test('search matches caption, credit and file name, ignoring ASCII case, newest first', async () => {
    assert.deepEqual(await keysOf(''), ['harbour', 'percent', 'market', 'plain']);
    assert.deepEqual(await keysOf('harbour'), ['harbour']);
    assert.deepEqual(await keysOf('gazette pic'), ['market']);
    assert.deepEqual(await keysOf('img_0042'), ['plain']);
  });

  test('% and _ typed in the search box are literal characters, not wildcards', async () => {
    assert.deepEqual(await keysOf('100%'), ['percent']);
    assert.deepEqual(await keysOf('%'), ['percent']);
    assert.deepEqual(await keysOf('_'), ['percent', 'plain'], 'only names with an underscore');
    assert.deepEqual(await keysOf('g_0'), ['plain']);
    assert.deepEqual(await keysOf('\\'), []);
    assert.deepEqual(await keysOf("'; drop table media; --"), []);
  });

  test('filter by type, count everything that matched, page through it', async () => {
    assert.deepEqual(await keysOf('', 'image/png'), ['percent']);
    const firstPage = await search('', null, 2, 0);
    const secondPage = await search('', null, 2, 2);
    assert.equal(firstPage.total, 4);
    assert.deepEqual(
      [...firstPage.items, ...secondPage.items].map((item) => item.storageKey),
      ['harbour', 'percent', 'market', 'plain'],
    );
  });

  test('usage: featured photos and photos linked inside a body, with counts in the grid', async () => {
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    const featured = await createArticle(deps, { headline: 'Harbour at dawn', sectionId: null, authorIds: [], tagIds: [], featuredMediaId: ids.harbour! });
    const inline = await createArticle(deps, {
      headline: 'Market day',
      sectionId: null,
      authorIds: [],
      tagIds: [],
      bodyHtml: '<p><a href="/media/market/800.jpg">The market</a> and <a href="/media/market-extra/800.jpg">not this one</a></p>',
    });
    assert.deepEqual(
      (await findMediaUsage(database.db, { id: ids.harbour!, storageKey: 'harbour' })).map((a) => [a.id, a.headline, a.status]),
      [[featured.id, 'Harbour at dawn', 'draft']],
    );
    assert.deepEqual(
      (await findMediaUsage(database.db, { id: ids.market!, storageKey: 'market' })).map((a) => a.id),
      [inline.id],
    );
    assert.deepEqual(await findMediaUsage(database.db, { id: ids.plain!, storageKey: 'plain' }), []);
    const counts = Object.fromEntries((await search('')).items.map((item) => [item.storageKey, item.usageCount]));
    assert.deepEqual(counts, { harbour: 1, percent: 0, market: 1, plain: 0 });
  });

  test('usage: a social image counts as a use, as a featured photo does', async () => {
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    const shared = await createArticle(deps, {
      headline: 'Shared with a percent chart',
      sectionId: null,
      authorIds: [],
      tagIds: [],
      socialImageId: ids.percent!,
    });
    assert.deepEqual(
      (await findMediaUsage(database.db, { id: ids.percent!, storageKey: 'percent' })).map((a) => a.id),
      [shared.id],
    );
    assert.equal((await search('100%')).items[0]?.usageCount, 1);
  });

  test('earlier descriptions: newest first with who replaced them, and gone with their image', async () => {
    const user = await database.db
      .insertInto('users')
      .values({ email: 'desk@example.org', name: 'Desk Editor', role: 'editor', password_hash: 'x', created_at: t0.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = await insertMedia(database.db, mediaRow('described', { uploadedBy: user.id }));
    assert.equal((await findMediaById(database.db, id))?.uploadedBy, user.id);
    assert.equal(await findUploaderName(database.db, id), 'Desk Editor');
    assert.equal(await findUploaderName(database.db, ids.market!), undefined, 'no uploader recorded');
    const text = (caption: string) => ({ alt: 'Alt', caption, credit: "O'Brien & Co", photographer: '', copyright: '' });
    await insertEarlierDescription(database.db, id, text('First'), { at: new Date(t0.getTime() + 1000), by: user.id });
    await insertEarlierDescription(database.db, id, text('Second'), { at: new Date(t0.getTime() + 2000), by: null });
    const history = await listEarlierDescriptions(database.db, id, 10);
    assert.deepEqual(
      history.map((entry) => [entry.caption, entry.changedBy, entry.changedAt.toISOString(), entry.credit]),
      [
        ['Second', null, new Date(t0.getTime() + 2000).toISOString(), "O'Brien & Co"],
        ['First', 'Desk Editor', new Date(t0.getTime() + 1000).toISOString(), "O'Brien & Co"],
      ],
    );
    assert.equal((await listEarlierDescriptions(database.db, id, 1)).length, 1);
    assert.equal(await deleteMedia(database.db, id), true);
    assert.deepEqual(await listEarlierDescriptions(database.db, id, 10), []);
  });

  test('descriptions are stored exactly; deleting removes the row', async () => {
    const hostile = "O'Brien; DROP TABLE media; -- <b>not html</b> 100% \u00e9\u4e2d";
    assert.equal(await updateMediaDescription(database.db, ids.plain!, { alt: 'A', caption: hostile, credit: '', photographer: 'P', copyright: 'C' }), true);
    assert.equal((await findMediaById(database.db, ids.plain!))?.caption, hostile);
    assert.equal(await updateMediaDescription(database.db, 999_999, { alt: '', caption: '', credit: '', photographer: '', copyright: '' }), false);
    assert.equal(await deleteMedia(database.db, ids.plain!), true);
    assert.equal(await findMediaById(database.db, ids.plain!), undefined);
    assert.equal(await deleteMedia(database.db, ids.plain!), false);
  });
});
