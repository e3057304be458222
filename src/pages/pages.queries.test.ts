import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ValidationError } from '../errors.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { pageUrl } from '../platform/urls.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { findPagesByPaths, listChildPages } from './pages.queries.ts';
import { findPublicPage, type PageDeps, pagesChanged, publicPageUrl, savePage } from './pages.service.ts';

const t0 = new Date('2026-12-05T10:00:00.000Z');

test('page addresses percent-encode each slug and keep the slashes between them', () => {
  assert.equal(pageUrl('about/masthead'), '/page/about/masthead');
  assert.equal(pageUrl('소개/편집진'), `/page/${encodeURIComponent('소개')}/${encodeURIComponent('편집진')}`);
});

forEachDialect('page queries', (dialect) => {
  let database: DatabaseHandle;
  let deps: PageDeps;
  const announced: string[][] = [];

  before(async () => {
    database = await createTestDatabase(dialect);
    const changes = new ContentChanges();
    changes.subscribe((tags) => announced.push([...tags]));
    deps = { db: database.db, clock: { now: () => t0 }, changes };
  });
  after(() => database.destroy());

  test('a page and its children get paths from their slugs; the body is cleaned; saving announces a change', async () => {
    const about = await savePage(deps, {
      parentId: null,
      slug: 'about',
      title: ' About us ',
      bodyHtml: '<p>Independent.</p><script>alert(1)</script>',
      status: 'published',
    });
    assert.equal(about.path, 'about');
    assert.equal(about.title, 'About us');
    assert.equal(about.bodyHtml, '<p>Independent.</p>');
    assert.ok(about.createdAt instanceof Date && about.updatedAt.getTime() === t0.getTime());
    assert.deepEqual(announced.at(-1), [pagesChanged]);
    const masthead = await savePage(deps, { parentId: about.id, slug: 'masthead', title: 'Masthead', bodyHtml: '', position: 2, status: 'published' });
    const ethics = await savePage(deps, { parentId: about.id, slug: 'ethics', title: 'Ethics', bodyHtml: '', position: 1, status: 'draft' });
    assert.equal(masthead.path, 'about/masthead');
    assert.deepEqual(
      (await listChildPages(database.db, about.id, { publishedOnly: false })).map((page) => page.path),
      ['about/ethics', 'about/masthead'],
    );
    assert.deepEqual(
      (await listChildPages(database.db, about.id, { publishedOnly: true })).map((page) => page.path),
      ['about/masthead'],
    );
    assert.equal(await publicPageUrl(database.db, masthead.id), '/page/about/masthead');
    assert.equal(await publicPageUrl(database.db, ethics.id), undefined, 'a draft has no public address');
  });

  test('readers see a page only when it and every page above it are published', async () => {
    const [about] = await findPagesByPaths(database.db, ['about']);
    const found = await findPublicPage(database.db, 'about/masthead');
    assert.deepEqual(
      found?.ancestors.map((page) => page.path),
      ['about'],
    );
    assert.equal(await findPublicPage(database.db, 'about/ethics'), undefined);
    assert.equal(await findPublicPage(database.db, 'about/nothing'), undefined);
    await savePage(deps, { parentId: null, slug: 'about', title: 'About us', bodyHtml: '', status: 'draft' }, { id: about!.id });
    assert.equal(await findPublicPage(database.db, 'about/masthead'), undefined, 'under a draft');
    await savePage(deps, { parentId: null, slug: 'about', title: 'About us', bodyHtml: '', status: 'published' }, { id: about!.id });
  });

  test('renaming a parent moves its children; a page cannot sit under itself or share an address', async () => {
    const [about] = await findPagesByPaths(database.db, ['about']);
    await savePage(deps, { parentId: null, slug: 'who-we-are', title: 'Who we are', bodyHtml: '', status: 'published' }, { id: about!.id });
    assert.deepEqual((await findPagesByPaths(database.db, ['who-we-are/masthead', 'who-we-are/ethics', 'about/masthead'])).map((page) => page.path).sort(), [
      'who-we-are/ethics',
      'who-we-are/masthead',
    ]);
    const [masthead] = await findPagesByPaths(database.db, ['who-we-are/masthead']);
    await assert.rejects(
      savePage(deps, { parentId: masthead!.id, slug: 'who-we-are', title: 'Loop', bodyHtml: '', status: 'draft' }, { id: about!.id }),
      (error: unknown) => error instanceof ValidationError && error.fields.parentId !== undefined,
    );
    await assert.rejects(
      savePage(deps, { parentId: about!.id, slug: 'masthead', title: 'Second masthead', bodyHtml: '', status: 'draft' }),
      (error: unknown) => error instanceof ValidationError && error.fields.slug !== undefined,
    );
  });

  test('hostile input is refused field by field', async () => {
    const refused = async (input: Partial<Parameters<typeof savePage>[1]>, field: string) =>
      assert.rejects(
        savePage(deps, { parentId: null, slug: 'ok', title: 'Fine', bodyHtml: '', status: 'draft', ...input }),
        (error: unknown) => error instanceof ValidationError && error.fields[field] !== undefined,
        field,
      );
    await refused({ title: '   ' }, 'title');
    await refused({ title: 'x'.repeat(201) }, 'title');
    await refused({ title: 'Bell\u0007' }, 'title');
    await refused({ slug: '../etc' }, 'slug');
    await refused({ slug: 'About Us' }, 'slug');
    await refused({ bodyHtml: 'x'.repeat(400_001) }, 'bodyHtml');
    await refused({ bodyHtml: '<p>nul\u0000</p>' }, 'bodyHtml');
    await refused({ position: -1 }, 'position');
    await refused({ status: 'scheduled' as never }, 'status');
    await refused({ parentId: 999_999 }, 'parentId');
    let parentId: number | null = null;
    for (const slug of ['a', 'b', 'c', 'd', 'e', 'f']) parentId = (await savePage(deps, { parentId, slug, title: slug, bodyHtml: '', status: 'draft' })).id;
    await refused({ parentId }, 'parentId');
  });
});
