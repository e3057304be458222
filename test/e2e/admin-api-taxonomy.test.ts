import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { User } from '../../src/accounts/index.ts';
import { findAuthorIdForUser, linkAuthorToUser } from '../../src/authors/index.ts';
import { contentTags } from '../../src/platform/content-changes.ts';
import { type AdminApi, adminApiClient, apiTokenFor } from '../helpers/admin-api.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { fetchOpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

forEachDialect('Admin API: sections, tags and authors', (dialect) => {
  let gazette: TestGazette;
  /** Every answer is held to the OpenAPI document: its status, type and body must be the ones declared. */
  let api: AdminApi;
  let editorToken: string;
  let authorToken: string;
  let contributorToken: string;
  let owner: User;

  const asEditor = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api(method, url, { token: editorToken, body });

  const idOf = async (table: 'sections' | 'tags' | 'authors', slug: string) =>
    (await gazette.database.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const auditSubjects = async (action: string) =>
    (await gazette.database.db.selectFrom('audit_log').select('subject').where('action', '=', action).orderBy('id').execute()).map((entry) => entry.subject);

  before(async () => {
    gazette = await buildTestApp({ dialect });
    api = adminApiClient(gazette, await fetchOpenApiDocument(gazette.app));
    owner = (await createTestOwner(gazette)).user;
    editorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner, 'editor', 'Eda Editor')).user, 'Desk script');
    authorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner, 'author', 'Ada Author')).user, 'Author script');
    contributorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner, 'contributor', 'Cato Contributor')).user, 'Contributor script');
  });
  after(() => gazette.close());

  test('an author’s or contributor’s token may not manage sections, tags or authors: 403, and nothing is created or deleted', async () => {
    const world = await idOf('sections', 'world');
    const unused = (await asEditor('POST', '/authors', { name: 'Kept Profile' })).json();
    for (const token of [authorToken, contributorToken]) {
      for (const attempt of [
        api('GET', '/sections', { token }),
        api('POST', '/sections', { token, body: { name: 'Not allowed' } }),
        api('PATCH', `/sections/${world}`, { token, body: { name: 'Renamed' } }),
        api('DELETE', `/sections/${world}`, { token }),
        api('POST', '/tags', { token, body: { name: 'Not allowed' } }),
        api('POST', '/authors', { token, body: { name: 'Not allowed' } }),
        api('DELETE', `/authors/${unused.id}`, { token }),
      ]) {
        const answer = await attempt;
        assert.equal(answer.statusCode, 403, answer.body);
        assert.equal(answer.json().code, 'FORBIDDEN');
      }
    }
    const sections = (await asEditor('GET', '/sections')).json().sections;
    assert.ok(!sections.some((section: { name: string }) => section.name === 'Not allowed' || section.name === 'Renamed'));
    assert.equal((await asEditor('GET', `/authors/${unused.id}`)).statusCode, 200, 'the unused profile is still there');
    assert.equal((await gazette.app.inject('/author/kept-profile')).statusCode, 200);
    assert.ok(!(await auditSubjects('authors.deleted')).some((subject) => subject.startsWith(`${unused.id}:`)));
  });

  test('a new section is on the site at once, holds articles published into it, and is in the audit log under the token', async () => {
    const created = await asEditor('POST', '/sections', { name: 'Obituaries', description: 'Lives remembered.', position: 9 });
    assert.equal(created.statusCode, 201, created.body);
    const section = created.json();
    assert.deepEqual(
      { slug: section.slug, name: section.name, position: section.position, articleCount: section.articleCount, url: section.url },
      { slug: 'obituaries', name: 'Obituaries', position: 9, articleCount: 0, url: 'https://news.example/obituaries' },
    );
    assert.equal(created.headers.location, `/api/v1/admin/sections/${section.id}`);
    const page = await gazette.app.inject('/obituaries');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="collection__heading">Obituaries<\/h1>/);

    const article = (
      await asEditor('POST', '/articles', { headline: 'Harbour pilot remembered', section: 'obituaries', body: '<p>Forty years at sea.</p>' })
    ).json();
    assert.equal((await asEditor('POST', `/articles/${article.id}/publish`)).statusCode, 200);
    assert.match((await gazette.app.inject('/obituaries')).body, /Harbour pilot remembered/);
    assert.equal((await asEditor('GET', `/sections/${section.id}`)).json().articleCount, 1);
    assert.ok((await asEditor('GET', '/sections')).json().sections.some((listed: { id: number }) => listed.id === section.id));
    assert.deepEqual(await auditSubjects('sections.added'), [`${section.id}: Obituaries via API token Desk script`]);
  });

  test('an update changes only the fields sent; a new slug leaves the old address answering 301', async () => {
    const id = await idOf('sections', 'culture');
    const before = (await asEditor('GET', `/sections/${id}`)).json();
    const renamed = await asEditor('PATCH', `/sections/${id}`, { name: 'Arts & Culture', slug: 'arts' });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().description, before.description);
    assert.equal(renamed.json().position, before.position);
    const old = await gazette.app.inject('/culture');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/arts');
    assert.match((await gazette.app.inject('/arts')).body, /<h1 class="collection__heading">Arts &amp; Culture<\/h1>/);
    assert.ok((await auditSubjects('sections.changed')).includes(`${id}: Arts & Culture via API token Desk script`));
  });

  test('a section still holding articles is a 409 problem; an empty one is deleted', async () => {
    const world = await idOf('sections', 'world');
    const refused = await asEditor('DELETE', `/sections/${world}`);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'CONFLICT');
    assert.match(refused.json().detail, /still holds \d+ articles/);
    assert.equal((await gazette.app.inject('/world')).statusCode, 200);

    const { id } = (await asEditor('POST', '/sections', { name: 'Letters' })).json();
    assert.equal((await gazette.app.inject('/letters')).statusCode, 200);
    const deleted = await asEditor('DELETE', `/sections/${id}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assert.equal((await gazette.app.inject('/letters')).statusCode, 404);
    assert.equal((await asEditor('GET', `/sections/${id}`)).statusCode, 404);
    assert.equal((await asEditor('DELETE', `/sections/${id}`)).statusCode, 404);
    assert.deepEqual(await auditSubjects('sections.deleted'), [`${id}: Letters via API token Desk script`]);
  });

  test('bad input is a 422 naming each field, as the newsroom refuses it', async () => {
    const cases: [unknown, string, RegExp?][] = [
      [{ name: '   ' }, 'name'],
      [{ name: 'Admin', slug: 'admin' }, 'slug', /used by the site itself/],
      [{ name: 'Politics again', slug: 'politics' }, 'slug', /already uses this slug/],
      [{ name: 'Sports', slug: 'Sports!' }, 'slug'],
      [{ name: 'Sports', position: 5000 }, 'position'],
      [{ name: 'Sports', position: '3' }, 'position'],
      [{ name: 'Sports', title: 'typo' }, 'title'],
      [{ slug: 'no-name' }, 'name'],
      [{ name: 'x'.repeat(61) }, 'name'],
    ];
    for (const [body, field, message] of cases) {
      const answer = await asEditor('POST', '/sections', body);
      assert.equal(answer.statusCode, 422, JSON.stringify(body));
      assert.equal(answer.json().code, 'VALIDATION_FAILED');
      assert.ok(answer.json().errors[field], `${JSON.stringify(body)} → ${answer.body}`);
      if (message) assert.match(answer.json().errors[field], message);
    }
    const world = await idOf('sections', 'world');
    assert.equal((await asEditor('PATCH', `/sections/${world}`, {})).statusCode, 422);
    const badId = await asEditor('PATCH', '/sections/abc', { name: 'x' });
    assert.equal(badId.statusCode, 422);
    assert.ok(badId.json().errors['params.id']);
  });

  test('names with markup are stored as text and escaped on the site', async () => {
    const hostile = '<script>alert(1)</script>';
    const section = await asEditor('POST', '/sections', { name: hostile, slug: 'hostile-section' });
    assert.equal(section.statusCode, 201, section.body);
    assert.equal(section.json().name, hostile);
    const sectionPage = (await gazette.app.inject('/hostile-section')).body;
    assert.match(sectionPage, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(sectionPage, /<script>alert\(1\)/);

    const author = await asEditor('POST', '/authors', { name: `Mallory ${hostile}`, slug: 'mallory', bio: `<img src=x onerror=alert(2)> bio` });
    assert.equal(author.statusCode, 201, author.body);
    const authorPage = (await gazette.app.inject('/author/mallory')).body;
    assert.match(authorPage, /Mallory &lt;script&gt;/);
    assert.doesNotMatch(authorPage, /<script>alert\(1\)|<img src=x/);
  });

  test('tags: create, rename with a 301 from the old address, and delete only when no article carries one', async () => {
    const created = await asEditor('POST', '/tags', { name: 'Harbour Life', description: 'Ships, ferries and the port.' });
    assert.equal(created.statusCode, 201, created.body);
    const tag = created.json();
    assert.equal(tag.slug, 'harbour-life');
    assert.equal(tag.url, 'https://news.example/tag/harbour-life');
    assert.equal(tag.articleCount, 0);
    const duplicate = await asEditor('POST', '/tags', { name: 'Harbour life' });
    assert.equal(duplicate.statusCode, 422);
    assert.ok(duplicate.json().errors.slug);
    assert.ok((await asEditor('GET', '/tags')).json().tags.some((listed: { id: number }) => listed.id === tag.id));

    const article = (await asEditor('POST', '/articles', { headline: 'Night ferry crews', tags: ['Harbour Life'] })).json();
    await asEditor('POST', `/articles/${article.id}/publish`);
    const renamed = await asEditor('PATCH', `/tags/${tag.id}`, { slug: 'port-life' });
    assert.equal(renamed.json().name, 'Harbour Life');
    assert.equal(renamed.json().description, 'Ships, ferries and the port.');
    const old = await gazette.app.inject('/tag/harbour-life');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/tag/port-life');

    const inUse = await asEditor('DELETE', `/tags/${tag.id}`);
    assert.equal(inUse.statusCode, 409);
    const unused = (await asEditor('POST', '/tags', { name: 'Unused tag' })).json();
    assert.equal((await asEditor('DELETE', `/tags/${unused.id}`)).statusCode, 204);
    assert.ok(!(await asEditor('GET', '/tags')).json().tags.some((listed: { id: number }) => listed.id === unused.id));
    assert.deepEqual(await auditSubjects('tags.added'), [
      `${tag.id}: Harbour Life via API token Desk script`,
      `${unused.id}: Unused tag via API token Desk script`,
    ]);
  });

  test('authors: a profile with a library photo, changed field by field; an unknown photo is refused', async () => {
    const photo = (await gazette.database.db.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const created = await asEditor('POST', '/authors', { name: 'Ana Costa', jobTitle: 'Harbour correspondent', bio: 'Covers the port.', photo });
    assert.equal(created.statusCode, 201, created.body);
    const author = created.json();
    assert.deepEqual({ slug: author.slug, photo: author.photo, url: author.url }, { slug: 'ana-costa', photo, url: 'https://news.example/author/ana-costa' });
    const page = (await gazette.app.inject('/author/ana-costa')).body;
    assert.match(page, /Covers the port\./);

    const changed = await asEditor('PATCH', `/authors/${author.id}`, { jobTitle: 'Port editor' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      { bio: changed.json().bio, photo: changed.json().photo, jobTitle: changed.json().jobTitle },
      { bio: 'Covers the port.', photo, jobTitle: 'Port editor' },
    );
    const noPhoto = await asEditor('PATCH', `/authors/${author.id}`, { photo: null });
    assert.equal(noPhoto.json().photo, null);

    const unknown = await asEditor('PATCH', `/authors/${author.id}`, { photo: 99999 });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.json().errors.photo, /99999/);
    const tooLong = await asEditor('POST', '/authors', { name: 'Long Bio', bio: 'x'.repeat(1501) });
    assert.equal(tooLong.statusCode, 422);
    assert.ok(tooLong.json().errors.bio);
    assert.ok((await auditSubjects('authors.changed')).includes(`${author.id}: Ana Costa via API token Desk script`));
  });

  test('an author in the byline of any article, even one in the trash, is a 409 problem and keeps the byline', async () => {
    const author = (await asEditor('POST', '/authors', { name: 'Bo Byline' })).json();
    const article = (await asEditor('POST', '/articles', { headline: 'Storm closes the pier', bylines: ['bo-byline'] })).json();
    assert.equal((await asEditor('POST', `/articles/${article.id}/trash`)).statusCode, 200);

    const refused = await asEditor('DELETE', `/authors/${author.id}`);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, 'CONFLICT');
    assert.match(refused.json().detail, /byline of 1 article, counting drafts and the trash/);
    assert.equal((await asEditor('GET', `/authors/${author.id}`)).statusCode, 200);
    assert.deepEqual(
      (await asEditor('GET', `/articles/${article.id}`)).json().bylines.map((byline: { id: number }) => byline.id),
      [author.id],
    );
    assert.equal((await gazette.app.inject('/author/bo-byline')).statusCode, 200);

    const onLive = await gazette.database.db
      .selectFrom('article_authors')
      .innerJoin('articles', 'articles.id', 'article_authors.article_id')
      .select('article_authors.author_id')
      .where('articles.status', '=', 'published')
      .executeTakeFirstOrThrow();
    assert.equal((await asEditor('DELETE', `/authors/${onLive.author_id}`)).statusCode, 409, 'a byline on a published article');
    assert.equal((await asEditor('GET', `/authors/${onLive.author_id}`)).statusCode, 200);
    assert.ok(!(await auditSubjects('authors.deleted')).some((subject) => subject.startsWith(`${author.id}:`)));
  });

  test('an unused author is deleted: gone from the API, their page and old addresses 404, their account unlinked', async () => {
    const author = (await asEditor('POST', '/authors', { name: 'Una Used', slug: 'una' })).json();
    assert.equal((await asEditor('PATCH', `/authors/${author.id}`, { slug: 'una-used' })).statusCode, 200);
    assert.equal((await gazette.app.inject('/author/una')).statusCode, 301, 'the old address redirects before the delete');
    const writer = await addTestMember(gazette, owner, 'author', 'Una Writer');
    await linkAuthorToUser(gazette.database.db, author.id, writer.user.id);
    assert.equal((await gazette.app.inject('/author/una-used')).statusCode, 200);

    const announced: string[] = [];
    const stopListening = gazette.changes.subscribe((tags) => announced.push(...tags));
    const deleted = await asEditor('DELETE', `/authors/${author.id}`);
    stopListening();
    assert.ok(announced.includes(contentTags.author(author.id)), 'pages and API answers naming the author are dropped from caches');
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal(deleted.body, '');
    assert.equal((await asEditor('GET', `/authors/${author.id}`)).statusCode, 404);
    assert.ok(!(await asEditor('GET', '/authors')).json().authors.some((listed: { id: number }) => listed.id === author.id));
    assert.equal((await gazette.app.inject('/author/una-used')).statusCode, 404);
    assert.equal((await gazette.app.inject('/author/una')).statusCode, 404, 'the old slug no longer leads anywhere');
    assert.equal(await findAuthorIdForUser(gazette.database.db, writer.user.id), undefined);
    assert.ok(await gazette.database.db.selectFrom('users').select('id').where('id', '=', writer.user.id).executeTakeFirst(), 'the account stays');
    assert.equal((await asEditor('DELETE', `/authors/${author.id}`)).statusCode, 404);
    assert.deepEqual(await auditSubjects('authors.deleted'), [`${author.id}: Una Used via API token Desk script`]);
  });
});
