import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { savePage } from '../../src/pages/index.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

describe('plain pages', () => {
  let gazette: TestGazette;
  const ids: Record<string, number> = {};
  before(async () => {
    gazette = await buildTestApp();
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    const about = await savePage(deps, {
      parentId: null,
      slug: 'about',
      title: 'About us',
      bodyHtml: '<p>We report on <a href="/world">the world</a>.</p>',
      status: 'published',
    });
    ids.about = about.id;
    ids.masthead = (
      await savePage(deps, {
        parentId: about.id,
        slug: 'masthead',
        title: 'Masthead',
        bodyHtml: '<ul><li>Editor: Omar Haddad</li></ul>',
        position: 1,
        status: 'published',
      })
    ).id;
    ids.ethics = (
      await savePage(deps, { parentId: about.id, slug: 'ethics', title: 'Draft ethics', bodyHtml: '<p>Soon.</p>', position: 0, status: 'draft' })
    ).id;
    ids.seoul = (await savePage(deps, { parentId: null, slug: '서울', title: '서울 지국', bodyHtml: '<p>서울</p>', status: 'published' })).id;
  });
  after(() => gazette.close());

  test('a published page shows its title and body in the site’s look, and links to its published sub-pages', async () => {
    const response = await gazette.app.inject({ url: '/page/about' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    const html = response.body;
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /<title>About us \| [^<]+<\/title>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/news\.example\/page\/about"/);
    assert.match(html, /<main\b/);
    assert.equal(html.match(/<h1\b/g)?.length, 1, 'one h1');
    assert.match(html, /<h1 class="article__headline">About us<\/h1>/);
    assert.match(html, /<p>We report on <a href="\/world">the world<\/a>\.<\/p>/);
    assert.match(html, /<nav class="article__footer" aria-labelledby="sub-pages-heading">.*href="\/page\/about\/masthead">Masthead<\/a>/s);
    assert.doesNotMatch(html, /Draft ethics|\/page\/about\/ethics/, 'a draft child is not listed');
    assert.doesNotMatch(html, /aria-label="Breadcrumb"/, 'a top-level page has no breadcrumbs');
  });

  test('a child page has breadcrumbs back to its parent and the home page', async () => {
    const response = await gazette.app.inject({ url: '/page/about/masthead/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<nav aria-label="Breadcrumb"><p class="kicker"><a href="\/">Home<\/a> › <a href="\/page\/about">About us<\/a><\/p><\/nav>/);
    assert.match(response.body, /<li>Editor: Omar Haddad<\/li>/);
  });

  test('drafts, unknown pages and addresses no page can have answer 404', async () => {
    for (const url of ['/page/about/ethics', '/page/nothing', '/page/about/masthead/deeper', '/page/About', '/page/a/b/c/d/e/f/g', '/page/%2e%2e/about']) {
      assert.equal((await gazette.app.inject({ url })).statusCode, 404, url);
    }
  });

  test('a page in another script lives at its percent-encoded address', async () => {
    const response = await gazette.app.inject({ url: `/page/${encodeURIComponent('서울')}` });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1 class="article__headline">서울 지국<\/h1>/);
  });

  test('pages are cached, and saving a page drops the cached copies', async () => {
    const first = await gazette.app.inject({ url: '/page/about' });
    assert.equal((await gazette.app.inject({ url: '/page/about', headers: { 'if-none-match': first.headers.etag as string } })).statusCode, 304);
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    await savePage(
      deps,
      { parentId: ids.about!, slug: 'ethics', title: 'Our ethics', bodyHtml: '<p>Now.</p>', position: 0, status: 'published' },
      { id: ids.ethics! },
    );
    const after = await gazette.app.inject({ url: '/page/about' });
    assert.notEqual(after.headers.etag, first.headers.etag);
    assert.match(after.body, /href="\/page\/about\/ethics">Our ethics<\/a>.*href="\/page\/about\/masthead">Masthead<\/a>/s, 'children in position order');
    assert.equal((await gazette.app.inject({ url: '/page/about/ethics' })).statusCode, 200);
  });
});
