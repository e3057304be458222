import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { articleLinks } from '../helpers/html.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
const staff = new Map<Role, { user: User; sessionToken: string }>();

async function browserAs(role: Role, page = '/admin'): Promise<FormClient> {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', staff.get(role)!.sessionToken);
  await browser.get(page);
  return browser;
}

async function idOf(table: 'sections' | 'tags' | 'authors', slug: string): Promise<number> {
  return (await gazette.database.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

before(async () => {
  gazette = await buildTestApp();
  const owner = await createTestOwner(gazette);
  staff.set('owner', owner);
  staff.set('editor', await addTestMember(gazette, owner.user, 'editor', 'Test editor'));
  staff.set('author', await addTestMember(gazette, owner.user, 'author', 'Test author'));
});
after(() => gazette.close());

test("renaming a section keeps its old address and its articles' old addresses working with 301s", async () => {
  const articleUrl = articleLinks((await gazette.app.inject({ url: '/culture' })).body).find((url) => url.startsWith('/culture/'))!;
  const editor = await browserAs('editor', '/admin/sections');
  const id = await idOf('sections', 'culture');
  await editor.get(`/admin/sections/${id}`);
  const saved = await editor.post(`/admin/sections/${id}`, { name: 'Arts & Culture', slug: 'arts', position: '3', description: 'Books, stage and screen.' });
  assert.equal(saved.statusCode, 200);
  assert.match(saved.body, /Saved/);
  const section = await gazette.app.inject({ url: '/culture?page=1' });
  assert.equal(section.statusCode, 301);
  assert.equal(section.headers.location, '/arts');
  const article = await gazette.app.inject({ url: articleUrl });
  assert.equal(article.statusCode, 301);
  assert.equal(article.headers.location, articleUrl.replace('/culture/', '/arts/'));
  assert.match((await gazette.app.inject({ url: '/arts' })).body, /<h1 class="collection__heading">Arts &amp; Culture<\/h1>/);
  assert.match(
    (await gazette.app.inject({ url: article.headers.location as string })).body,
    /<a href="\/arts">Arts &amp; Culture<\/a>/,
    'cached article pages show the new name',
  );
});

test('renaming a tag or an author leaves their old pages answering 301', async () => {
  const editor = await browserAs('editor', '/admin/tags');
  const tagId = await idOf('tags', 'climate');
  await editor.get(`/admin/tags/${tagId}`);
  assert.equal((await editor.post(`/admin/tags/${tagId}`, { name: 'Climate crisis', slug: 'climate-crisis', description: '' })).statusCode, 200);
  assert.equal((await gazette.app.inject({ url: '/tag/climate' })).headers.location, '/tag/climate-crisis');
  const authorId = await gazette.database.db.selectFrom('authors').select(['id', 'slug']).executeTakeFirstOrThrow();
  await editor.get(`/admin/authors/${authorId.id}`);
  assert.equal(
    (await editor.post(`/admin/authors/${authorId.id}`, { name: 'Renamed Reporter', slug: 'renamed-reporter', jobTitle: 'Reporter', bio: 'Writes things.' }))
      .statusCode,
    200,
  );
  assert.equal((await gazette.app.inject({ url: `/author/${authorId.slug}` })).headers.location, '/author/renamed-reporter');
  assert.match((await gazette.app.inject({ url: '/author/renamed-reporter' })).body, /Writes things\./);
});

test('a section with articles cannot be deleted; an empty one can', async () => {
  const editor = await browserAs('editor', '/admin/sections');
  const world = await idOf('sections', 'world');
  await editor.get(`/admin/sections/${world}`);
  const refused = await editor.post(`/admin/sections/${world}/delete`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /still holds \d+ articles/);
  const created = await editor.post('/admin/sections', { name: 'Obituaries', slug: '', position: '9', description: '' });
  assert.match(created.body, /Added/);
  const id = await idOf('sections', 'obituaries');
  assert.equal((await gazette.app.inject({ url: '/obituaries' })).statusCode, 200);
  await editor.get(`/admin/sections/${id}`);
  assert.match((await editor.post(`/admin/sections/${id}/delete`, {})).body, /Deleted “Obituaries”/);
  assert.equal((await gazette.app.inject({ url: '/obituaries' })).statusCode, 404);
});

test('bad values are refused with messages, and a reserved or taken slug is explained', async () => {
  const editor = await browserAs('editor', '/admin/sections');
  const cases: [Record<string, string>, RegExp][] = [
    [{ name: '', slug: '', position: '0', description: '' }, /Give the section a name/],
    [{ name: 'Admin', slug: 'admin', position: '0', description: '' }, /used by the site itself/],
    [{ name: 'Politics again', slug: 'politics', position: '0', description: '' }, /already uses this slug/],
    [{ name: 'Sports', slug: 'Sports!', position: '0', description: '' }, /lower-case letters/],
    [{ name: 'Sports', slug: '', position: 'first', description: '' }, /whole number/],
    [{ name: '<script>alert(1)</script>', slug: '', position: '1', description: 'x'.repeat(600) }, /under 500 characters/],
  ];
  for (const [fields, message] of cases) {
    const response = await editor.post('/admin/sections', fields);
    assert.equal(response.statusCode, 422, JSON.stringify(fields).slice(0, 50));
    assert.match(response.body, message);
  }
  const response = await editor.post('/admin/sections', cases.at(-1)![0]);
  assert.match(response.body, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/, 'what was typed comes back, escaped');
});

test('authors and contributors cannot manage sections, tags or authors', async () => {
  const author = await browserAs('author');
  for (const url of ['/admin/sections', '/admin/tags', '/admin/authors']) assert.equal((await author.get(url)).statusCode, 403, url);
  assert.doesNotMatch((await author.get('/admin')).body, /href="\/admin\/sections"/);
});

test('an author profile takes a photo from the media library and shows it on the author page', async () => {
  const editor = await browserAs('editor', '/admin/authors');
  const author = await gazette.database.db
    .selectFrom('authors')
    .select(['id', 'slug', 'name', 'job_title', 'bio'])
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const photo = await gazette.database.db.selectFrom('media').select('id').executeTakeFirstOrThrow();
  const form = { name: author.name, slug: author.slug, jobTitle: author.job_title, bio: author.bio };
  await editor.get(`/admin/authors/${author.id}`);
  const crafted = await editor.post(`/admin/authors/${author.id}`, { ...form, photo: '999999' });
  assert.equal(crafted.statusCode, 422);
  assert.match(crafted.body, /Choose one of the photos/);
  assert.equal((await editor.post(`/admin/authors/${author.id}`, { ...form, photo: String(photo.id) })).statusCode, 200);
  const page = (await gazette.app.inject({ url: `/author/${author.slug}` })).body;
  assert.match(page, /<picture class="collection__portrait">/);
});

test('an author in a byline cannot be deleted; an unused one can, with the page’s CSRF token', async () => {
  const editor = await browserAs('editor', '/admin/authors');
  const inByline = (await gazette.database.db.selectFrom('article_authors').select('author_id').executeTakeFirstOrThrow()).author_id;
  const page = await editor.get(`/admin/authors/${inByline}`);
  assert.match(page.body, new RegExp(`<form method="post" action="/admin/authors/${inByline}/delete"[^>]*><input type="hidden" name="_csrf" value="[^"]+"`));
  const refused = await editor.post(`/admin/authors/${inByline}/delete`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /in the byline of \d+ articles?, counting drafts and the trash/);
  assert.ok(await gazette.database.db.selectFrom('authors').select('id').where('id', '=', inByline).executeTakeFirst(), 'still there');

  assert.match((await editor.post('/admin/authors', { name: 'Temp Stringer', slug: '', jobTitle: '', bio: '', photo: '' })).body, /Added/);
  const id = await idOf('authors', 'temp-stringer');
  assert.equal((await gazette.app.inject({ url: '/author/temp-stringer' })).statusCode, 200);
  await editor.get(`/admin/authors/${id}`);
  assert.equal((await editor.post(`/admin/authors/${id}/delete`, { _csrf: 'forged' })).statusCode, 403, 'a forged token is refused');
  assert.equal((await gazette.app.inject({ url: '/author/temp-stringer' })).statusCode, 200);
  await editor.get(`/admin/authors/${id}`);
  assert.match((await editor.post(`/admin/authors/${id}/delete`, {})).body, /Deleted “Temp Stringer”/);
  assert.equal((await gazette.app.inject({ url: '/author/temp-stringer' })).statusCode, 404);
  const audited = await gazette.database.db.selectFrom('audit_log').select('subject').where('action', '=', 'authors.deleted').execute();
  assert.deepEqual(
    audited.map((entry) => entry.subject),
    ['Temp Stringer'],
  );
});
