import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../helpers/databases.ts';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The pages editor over HTTP on each database: the service's SQL (paths, moves, deletion) runs on both.
forEachDialect('the newsroom’s pages editor', (dialect) => {
  let gazette: TestGazette;
  let editor: FormClient;
  let contributor: FormClient;
  const ids: Record<string, number> = {};

  const form = (fields: Record<string, string>) => ({ title: '', slug: '', parentId: '', position: '0', status: 'draft', bodyHtml: '', ...fields });
  const reader = (url: string) => gazette.app.inject({ url });
  const auditActions = async () =>
    (await gazette.database.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'like', 'page.%').orderBy('id').execute()).map(
      (entry) => `${entry.action} ${entry.subject}`,
    );

  /** Creates a page through the form and returns its id, from the address the form sends the browser to. */
  async function create(fields: Record<string, string>): Promise<number> {
    await editor.get('/admin/pages/new');
    const created = await editor.post('/admin/pages/new', form(fields));
    assert.equal(created.statusCode, 303, created.body.slice(0, 2000));
    const id = /^\/admin\/pages\/(\d+)\?done=/.exec(String(created.headers.location))?.[1];
    assert.ok(id, String(created.headers.location));
    return Number(id);
  }

  /** Opens a page's editor and saves it with `fields`. */
  async function edit(id: number, fields: Record<string, string>) {
    await editor.get(`/admin/pages/${id}`);
    return editor.post(`/admin/pages/${id}`, form(fields));
  }

  before(async () => {
    gazette = await buildTestApp({ dialect, seed: false });
    const staff = await signInTestStaff(gazette, ['editor', 'contributor'], { namePrefix: 'Pages', firstPage: '/admin' });
    editor = await staff.browserAs('editor');
    contributor = await staff.browserAs('contributor');
  });
  after(() => gazette.close());

  test('contributors cannot open or post to the pages editor, nor see it in the navigation', async () => {
    assert.doesNotMatch((await contributor.get('/admin')).body, /href="\/admin\/pages"/);
    assert.match((await editor.get('/admin')).body, /<a href="\/admin\/pages">Pages<\/a>/);
    for (const url of ['/admin/pages', '/admin/pages/new']) assert.equal((await contributor.get(url)).statusCode, 403, url);
    const refused = await contributor.post('/admin/pages/new', form({ title: 'Sneaky', slug: 'sneaky', status: 'published' }));
    assert.equal(refused.statusCode, 403);
    assert.equal((await reader('/page/sneaky')).statusCode, 404);
  });

  test('an editor creates a draft, publishes it, edits it, and the public page follows each change', async () => {
    const list = await editor.get('/admin/pages');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<a class="button button--primary" href="\/admin\/pages\/new">New page<\/a>/);
    ids.about = await create({ title: 'About us', slug: '', bodyHtml: '<p>Independent since 1921.</p>' });
    const draft = await editor.get(`/admin/pages/${ids.about}?done=created`);
    assert.match(draft.body, /Status: <strong>Draft<\/strong>/);
    assert.match(draft.body, /value="about-us"/, 'an empty slug is made from the title');
    assert.match(draft.body, /Its address is https:\/\/news\.example\/page\/about-us\./);
    assert.equal((await reader('/page/about-us')).statusCode, 404, 'a draft is not public');

    assert.equal(
      (await edit(ids.about, { title: 'About us', slug: 'about', status: 'published', bodyHtml: '<p>Independent since 1921.</p>' })).statusCode,
      303,
    );
    const published = await reader('/page/about');
    assert.equal(published.statusCode, 200);
    assert.match(published.body, /<p>Independent since 1921\.<\/p>/);
    const listed = (await editor.get('/admin/pages')).body;
    assert.match(
      listed,
      /<a href="\/admin\/pages\/\d+">About us<\/a><\/td><td>\/page\/about<\/td><td><span class="status status--published">Published<\/span>/,
    );
    assert.match(listed, /<a href="\/page\/about">View<span class="visually-hidden"> “About us”<\/span><\/a>/);

    // Cached now; an edit must drop the cached copy.
    const etag = published.headers.etag as string;
    assert.equal((await gazette.app.inject({ url: '/page/about', headers: { 'if-none-match': etag } })).statusCode, 304);
    await edit(ids.about, { title: 'About the Gazette', slug: 'about', status: 'published', bodyHtml: '<p>Owned by its readers.</p>' });
    const edited = await reader('/page/about');
    assert.match(edited.body, /<h1 class="article__headline">About the Gazette<\/h1>/);
    assert.match(edited.body, /Owned by its readers\./);
    assert.notEqual(edited.headers.etag, etag);

    assert.equal(
      (await edit(ids.about, { title: 'About the Gazette', slug: 'about', status: 'draft', bodyHtml: '<p>Owned by its readers.</p>' })).statusCode,
      303,
    );
    assert.equal((await reader('/page/about')).statusCode, 404, 'unpublished: gone from readers at once');
    assert.match((await editor.get(`/admin/pages/${ids.about}?done=unpublished`)).body, /Unpublished: it is a draft again/);
    await edit(ids.about, { title: 'About the Gazette', slug: 'about', status: 'published', bodyHtml: '<p>Owned by its readers.</p>' });
    assert.equal((await reader('/page/about')).statusCode, 200);

    assert.deepEqual(await auditActions(), [
      `page.created ${ids.about}: About us`,
      `page.updated ${ids.about}: About us`,
      `page.published ${ids.about}: About us`,
      `page.updated ${ids.about}: About the Gazette`,
      `page.updated ${ids.about}: About the Gazette`,
      `page.unpublished ${ids.about}: About the Gazette`,
      `page.updated ${ids.about}: About the Gazette`,
      `page.published ${ids.about}: About the Gazette`,
    ]);
  });

  test('sub-pages sit under their parent in the list and on the site; changing the parent moves the address', async () => {
    ids.team = await create({ title: 'Our team', slug: 'team', parentId: String(ids.about), status: 'published', bodyHtml: '<p>Who we are.</p>' });
    ids.company = await create({ title: 'Company', slug: 'company', position: '5', status: 'published' });
    const child = await reader('/page/about/team');
    assert.equal(child.statusCode, 200);
    assert.match(child.body, /<a href="\/">Home<\/a> › <a href="\/page\/about">About the Gazette<\/a>/);
    const list = (await editor.get('/admin/pages')).body;
    assert.match(list, /<td class="page-tree page-tree--depth-1"><a href="\/admin\/pages\/\d+">Our team<\/a><\/td><td>\/page\/about\/team<\/td>/);
    assert.ok(list.indexOf('>About the Gazette<') < list.indexOf('>Our team<') && list.indexOf('>Our team<') < list.indexOf('>Company<'), 'tree order');

    const moved = await edit(ids.team, { title: 'Our team', slug: 'team', parentId: String(ids.company), status: 'published', bodyHtml: '<p>Who we are.</p>' });
    assert.equal(moved.statusCode, 303);
    const left = await reader('/page/about/team');
    assert.equal(left.statusCode, 301, 'the old address answers with the new one');
    assert.equal(left.headers.location, '/page/company/team');
    const there = await reader('/page/company/team');
    assert.equal(there.statusCode, 200);
    assert.match(there.body, /<a href="\/page\/company">Company<\/a>/);
    assert.doesNotMatch((await reader('/page/about')).body, /Our team/, 'the old parent no longer lists it');
  });

  test('a page cannot go under itself or one of its sub-pages: the form comes back as typed with the reason', async () => {
    const page = (await editor.get(`/admin/pages/${ids.company}`)).body;
    const parentChoices = /<select id="field-parentId"[^>]*>([\s\S]*?)<\/select>/.exec(page)![1]!;
    assert.doesNotMatch(parentChoices, new RegExp(`value="(${ids.company}|${ids.team})"`), 'neither itself nor its sub-page is offered');
    assert.match(parentChoices, new RegExp(`<option value="${ids.about}">About the Gazette</option>`));
    const refused = await editor.post(
      `/admin/pages/${ids.company}`,
      form({ title: 'Company, renamed', slug: 'company', parentId: String(ids.team), status: 'published' }),
    );
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /A page cannot sit under itself or under one of its own sub-pages\./);
    assert.match(refused.body, /aria-invalid="true" aria-describedby="field-parentId-error"/);
    assert.match(refused.body, /value="Company, renamed"/);
    assert.equal((await reader('/page/company/team')).statusCode, 200, 'nothing changed');
  });

  test('bad input is refused for its field with the form re-shown: empty title, slug taken by a sibling, a body too long', async () => {
    await editor.get('/admin/pages/new');
    const taken = await editor.post(
      '/admin/pages/new',
      form({ title: 'Second team page', slug: 'team', parentId: String(ids.company), bodyHtml: '<p>Kept as typed</p>' }),
    );
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /<a href="#field-slug">Another page already has this address\. Choose another slug or parent\.<\/a>/);
    assert.match(taken.body, /value="Second team page"/);
    assert.match(taken.body, /&lt;p&gt;Kept as typed&lt;\/p&gt;<\/textarea>/);
    assert.match(taken.body, new RegExp(`<option value="${ids.company}" selected="">Company</option>`));

    const untitled = await editor.post('/admin/pages/new', form({ title: '   ', slug: 'x' }));
    assert.equal(untitled.statusCode, 422);
    assert.match(untitled.body, /<a href="#field-title">Write a title\.<\/a>/);

    const long = await editor.post('/admin/pages/new', form({ title: 'Long', slug: 'long', bodyHtml: `<p>${'x'.repeat(400_001)}</p>` }));
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /<a href="#field-bodyHtml">The page is too long to save/);

    const badPosition = await editor.post('/admin/pages/new', form({ title: 'Odd', slug: 'odd', position: 'first', parentId: '99999999999' }));
    assert.equal(badPosition.statusCode, 422);
    assert.match(badPosition.body, /Choose one of the pages in the list\./);
    assert.equal((await reader('/page/company/team')).statusCode, 200);
  });

  test('every post needs the form’s CSRF token', async () => {
    for (const url of ['/admin/pages/new', `/admin/pages/${ids.team}`, `/admin/pages/${ids.team}/delete`]) {
      const response = await editor.post(url, { ...form({ title: 'No token', slug: 'no-token' }), _csrf: '' });
      assert.equal(response.statusCode, 403, url);
    }
    assert.equal((await reader('/page/company/team')).statusCode, 200, 'not deleted');
  });

  test('script in a title or body is escaped in the newsroom and removed from the public page', async () => {
    const hostile = '<script>alert("title")</script>Policies';
    const id = await create({
      title: hostile,
      slug: 'policies',
      status: 'published',
      bodyHtml: '<p onclick="alert(1)">Fair <a href="javascript:alert(2)">play</a></p><script>alert(3)</script><img src=x onerror="alert(4)">',
    });
    for (const html of [(await editor.get('/admin/pages')).body, (await editor.get(`/admin/pages/${id}`)).body, (await reader('/page/policies')).body]) {
      assert.doesNotMatch(html, /<script>alert|onclick=|onerror=|javascript:/);
      assert.match(html, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;Policies/);
    }
    assert.match((await reader('/page/policies')).body, /<p>Fair <a>play<\/a><\/p>/);
    const refused = await editor.post(
      `/admin/pages/${id}`,
      form({ title: hostile, slug: 'company', status: 'published', bodyHtml: '<script>alert(5)</script>' }),
    );
    assert.equal(refused.statusCode, 422);
    assert.doesNotMatch(refused.body, /<script>alert/);
    assert.match(refused.body, /&lt;script&gt;alert\(5\)&lt;\/script&gt;<\/textarea>/);
  });

  test('a draft can be previewed in the newsroom only, marked not to be indexed', async () => {
    const id = await create({ title: 'Careers', slug: 'careers', bodyHtml: '<p>We are hiring.</p>' });
    const preview = await editor.get(`/admin/pages/${id}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['x-robots-tag'], 'noindex');
    assert.match(preview.body, /We are hiring\./);
    assert.equal((await contributor.get(`/admin/pages/${id}/preview`)).statusCode, 403);
    assert.equal((await reader('/page/careers')).statusCode, 404);
    assert.equal((await editor.get('/admin/pages/2147483000')).statusCode, 404);
    assert.equal((await editor.get('/admin/pages/abc')).statusCode, 400);
  });

  test('deleting a page asks first, then moves its sub-pages up to its parent and drops it from the site', async () => {
    await create({ title: 'Seoul bureau', slug: 'seoul', parentId: String(ids.team), status: 'published' });
    assert.equal((await reader('/page/company/team/seoul')).statusCode, 200);
    const confirm = await editor.get(`/admin/pages/${ids.team}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Delete “Our team”\?<\/h1>/);
    assert.match(confirm.body, /Its sub-pages move up to “Company”/);
    assert.match(confirm.body, /Seoul bureau: \/page\/company\/team\/seoul → \/page\/company\/seoul/);
    const deleted = await editor.post(`/admin/pages/${ids.team}/delete`, {});
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/admin/pages?done=deleted-moved&count=1');
    assert.match((await editor.get(String(deleted.headers.location))).body, /The page was deleted; its sub-page moved up a level\./);
    assert.equal((await reader('/page/company/team')).statusCode, 404);
    const movedUp = await reader('/page/company/team/seoul');
    assert.equal(movedUp.statusCode, 301, 'a sub-page that moved up answers at its old address');
    assert.equal(movedUp.headers.location, '/page/company/seoul');
    assert.equal((await reader('/page/about/team')).statusCode, 404, 'the deleted page’s own old addresses go with it');
    assert.equal((await reader('/page/company/seoul')).statusCode, 200);
    assert.equal((await editor.get(`/admin/pages/${ids.team}`)).statusCode, 404);
    assert.ok((await auditActions()).includes(`page.deleted ${ids.team}: Our team`));
  });

  test('a page whose sub-page would take an address in use is not deleted, and the reason is given', async () => {
    await create({ title: 'Seoul, again', slug: 'seoul', status: 'published' });
    const confirm = await editor.get(`/admin/pages/${ids.company}/delete`);
    assert.match(confirm.body, /“Seoul bureau” cannot move up: a page already has the address it would take\./);
    assert.doesNotMatch(confirm.body, />Delete permanently</, 'no button while it cannot be deleted');
    const refused = await editor.post(`/admin/pages/${ids.company}/delete`, {});
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /cannot move up/);
    assert.equal((await reader('/page/company/seoul')).statusCode, 200);
  });
});
