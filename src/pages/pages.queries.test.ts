import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { sentenceIn, ValidationError } from '../errors.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { pageUrl } from '../platform/urls.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { findPagesByPaths, listChildPages } from './pages.queries.ts';
import { ConflictError } from '../errors.ts';
import { deletePage, findPublicPage, listPageTree, type PageDeps, pagesChanged, planPageDeletion, publicPageUrl, savePage } from './pages.service.ts';

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

forEachDialect('page tree and deletion', (dialect) => {
  let database: DatabaseHandle;
  let deps: PageDeps;
  const announced: string[][] = [];
  const save = (slug: string, parentId: number | null, extra: { position?: number; status?: 'draft' | 'published' } = {}) =>
    savePage(deps, { parentId, slug, title: slug.toUpperCase(), bodyHtml: '', status: extra.status ?? 'published', position: extra.position ?? 0 });

  before(async () => {
    database = await createTestDatabase(dialect);
    const changes = new ContentChanges();
    changes.subscribe((tags) => announced.push([...tags]));
    deps = { db: database.db, clock: { now: () => t0 }, changes };
  });
  after(() => database.destroy());

  test('the tree lists each page before its sub-pages, siblings by position, and knows what readers can see', async () => {
    const about = await save('about', null, { position: 1 });
    await save('contact', null, { position: 0 });
    const team = await save('team', about.id, { status: 'draft' });
    await save('seoul', team.id);
    const tree = await listPageTree(database.db);
    assert.deepEqual(
      tree.map((entry) => [entry.page.path, entry.depth, entry.titles.join(' › '), entry.visibleToReaders, entry.descendantCount]),
      [
        ['contact', 0, 'CONTACT', true, 0],
        ['about', 0, 'ABOUT', true, 2],
        ['about/team', 1, 'ABOUT › TEAM', false, 1],
        ['about/team/seoul', 2, 'ABOUT › TEAM › SEOUL', false, 0],
      ],
    );
  });

  test('a page moved deeper is refused when its sub-pages would pass the deepest level', async () => {
    let parentId: number | null = null;
    for (const slug of ['d1', 'd2', 'd3', 'd4', 'd5']) parentId = (await save(slug, parentId)).id;
    const [team] = (await listPageTree(database.db)).filter((entry) => entry.page.path === 'about/team');
    await assert.rejects(
      savePage(deps, { parentId, slug: 'team', title: 'Team', bodyHtml: '', status: 'draft' }, { id: team!.page.id }),
      (error: unknown) => error instanceof ValidationError && /sub-pages/.test(error.fields.parentId ?? ''),
    );
  });

  test('deleting a page moves its sub-pages up to its parent, with their own sub-pages, and announces the change', async () => {
    const tree = await listPageTree(database.db);
    const team = tree.find((entry) => entry.page.path === 'about/team')!.page;
    const plan = await planPageDeletion(database.db, team.id);
    assert.deepEqual(plan.movingUp, [{ title: 'SEOUL', from: 'about/team/seoul', to: 'about/seoul' }]);
    assert.equal(plan.refusal, undefined);
    announced.length = 0;
    await deletePage(deps, team.id);
    assert.deepEqual(announced, [[pagesChanged]]);
    const after = await listPageTree(database.db);
    assert.equal(
      after.find((entry) => entry.page.id === team.id),
      undefined,
    );
    const seoul = after.find((entry) => entry.page.slug === 'seoul')!;
    assert.equal(seoul.page.path, 'about/seoul');
    assert.equal(seoul.titles.join(' › '), 'ABOUT › SEOUL');
    assert.equal((await findPublicPage(database.db, 'about/seoul'))?.page.id, seoul.page.id, 'out from under the draft, it is public');
  });

  test('a sub-page may take its deleted parent’s own address; one that would take another page’s is refused', async () => {
    const about = (await findPagesByPaths(database.db, ['about']))[0]!;
    const nested = await save('about', about.id);
    const contact = await save('contact', about.id);
    const plan = await planPageDeletion(database.db, about.id);
    assert.equal(plan.refusal && sentenceIn(plan.refusal), '“CONTACT” cannot move up: a page already has the address it would take. Change its slug first.');
    await assert.rejects(deletePage(deps, about.id), ConflictError);
    assert.equal((await findPagesByPaths(database.db, ['about/contact'])).length, 1, 'nothing moved');
    await deletePage(deps, contact.id);
    await deletePage(deps, about.id);
    const moved = (await findPagesByPaths(database.db, ['about', 'seoul'])).map((page) => [page.id, page.path]);
    assert.deepEqual(
      moved.find(([id]) => id === nested.id),
      [nested.id, 'about'],
    );
    assert.deepEqual((await findPagesByPaths(database.db, ['about/seoul'])).length, 0);
  });
});
