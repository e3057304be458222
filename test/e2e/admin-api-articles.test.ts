import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken, revokeApiToken, type User } from '../../src/accounts/index.ts';
import { type AdminApi, adminApiClient, apiTokenFor } from '../helpers/admin-api.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { fetchOpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const meta = { ip: '127.0.0.1', userAgent: 'test' };

forEachDialect('Admin API: articles', (dialect) => {
  let gazette: TestGazette;
  /** Every answer is held to the OpenAPI document: its status, type and body must be the ones declared. */
  let api: AdminApi;
  let owner: User;
  let ownerToken: string;
  let contributorToken: string;
  let authorToken: string;

  const draft = {
    headline: 'Harbour ferry fares to rise in March',
    standfirst: 'Commuters face a 6% increase.',
    body: '<p>Fares rise.</p>',
    section: 'world',
    tags: ['Transport'],
  };

  before(async () => {
    gazette = await buildTestApp({ dialect });
    api = adminApiClient(gazette, await fetchOpenApiDocument(gazette.app));
    const created = await createTestOwner(gazette);
    owner = created.user;
    ownerToken = await apiTokenFor(gazette, owner, 'Deploy script');
    contributorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner, 'contributor', 'Cato Contributor')).user, 'Cato script');
    authorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner, 'author', 'Ada Author')).user, 'Ada script');
  });
  after(() => gazette.close());

  test('without a valid bearer token every route is a 401 problem, and a session cookie is not enough', async () => {
    for (const attempt of [
      api('GET', '/articles/1'),
      api('GET', '/articles/1', { token: 'gzt_not-a-real-token' }),
      api('POST', '/articles', { body: draft, headers: { cookie: 'gazette_session=anything' } }),
    ]) {
      const answer = await attempt;
      assert.equal(answer.statusCode, 401);
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
      assert.equal(answer.headers['www-authenticate'], 'Bearer realm="gazette"');
      assert.equal(answer.json().code, 'UNAUTHORIZED');
    }
  });

  test('a revoked token stops working at once', async () => {
    const { token, secret } = await createApiToken({ db: gazette.database.db, clock: gazette.site.clock }, owner, { name: 'Short-lived' }, meta);
    assert.equal((await api('GET', '/articles/1', { token: secret })).statusCode, 200);
    await revokeApiToken({ db: gazette.database.db, clock: gazette.site.clock }, owner, token.id, meta);
    assert.equal((await api('GET', '/articles/1', { token: secret })).statusCode, 401);
  });

  test('create a draft, publish it, and readers see it; each step is in the audit log with the token', async () => {
    const created = await api('POST', '/articles', { token: ownerToken, body: { ...draft, body: '<p>Fares rise.</p><script>alert(1)</script>' } });
    assert.equal(created.statusCode, 201, created.body);
    const article = created.json();
    assert.equal(typeof article.id, 'number');
    assert.equal(article.status, 'draft');
    assert.equal(article.headline, draft.headline);
    assert.equal(article.section.slug, 'world');
    assert.deepEqual(
      article.tags.map((tag: { name: string }) => tag.name),
      ['Transport'],
    );
    assert.doesNotMatch(article.bodyHtml, /script/);
    assert.equal(created.headers.location, `/api/v1/admin/articles/${article.id}`);
    assert.equal(created.headers.etag, `"article-${article.id}-v${article.version}"`);
    const path = new URL(article.url).pathname;
    assert.equal((await gazette.app.inject(path)).statusCode, 404, 'a draft is not on the site');

    const published = await api('POST', `/articles/${article.id}/publish`, { token: ownerToken });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');
    assert.equal(published.json().url, `https://news.example${path}`);
    const page = await gazette.app.inject(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Harbour ferry fares to rise in March/);

    const entries = await gazette.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject'])
      .where('subject', 'like', `${article.id}: %`)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['article.created', 'article.published'],
    );
    for (const entry of entries) assert.match(entry.subject, / via API token Deploy script$/);
  });

  test('schedule for later, refuse a time in the past, and publish a scheduled article now', async () => {
    const { id } = (await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Night ferries return' } })).json();
    const past = await api('POST', `/articles/${id}/schedule`, { token: ownerToken, body: { at: '2020-01-01T00:00:00Z' } });
    assert.equal(past.statusCode, 422);
    assert.ok(past.json().errors.at);
    const noZone = await api('POST', `/articles/${id}/schedule`, { token: ownerToken, body: { at: '2030-01-01T06:00:00' } });
    assert.equal(noZone.statusCode, 422);
    const at = new Date(gazette.site.clock.now().getTime() + 86_400_000).toISOString();
    const scheduled = await api('POST', `/articles/${id}/schedule`, { token: ownerToken, body: { at } });
    assert.equal(scheduled.statusCode, 200, scheduled.body);
    assert.equal(scheduled.json().status, 'scheduled');
    assert.equal(scheduled.json().scheduledFor, at);
    const now = await api('POST', `/articles/${id}/publish`, { token: ownerToken });
    assert.equal(now.json().status, 'published');
    assert.equal(now.json().publishedAt, gazette.site.clock.now().toISOString());
  });

  test('an update needs If-Match: none is a 428, a stale one a 412 that loses nothing, the right one saves', async () => {
    const created = await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Tram line opens' } });
    const { id } = created.json();
    const etag = String(created.headers.etag);
    const missing = await api('PATCH', `/articles/${id}`, { token: ownerToken, body: { standfirst: 'One' } });
    assert.equal(missing.statusCode, 428);
    assert.equal(missing.json().code, 'PRECONDITION_REQUIRED');

    const first = await api('PATCH', `/articles/${id}`, { token: ownerToken, body: { standfirst: 'Saved first.' }, headers: { 'if-match': etag } });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().standfirst, 'Saved first.');
    assert.equal(first.json().headline, 'Tram line opens', 'fields not sent are kept');
    assert.notEqual(first.headers.etag, etag);

    const stale = await api('PATCH', `/articles/${id}`, { token: ownerToken, body: { standfirst: 'Saved second.' }, headers: { 'if-match': etag } });
    assert.equal(stale.statusCode, 412);
    assert.equal(stale.json().code, 'PRECONDITION_FAILED');
    assert.equal((await api('GET', `/articles/${id}`, { token: ownerToken })).json().standfirst, 'Saved first.');
  });

  test('bad input is a 422 naming each field, with the API’s own field names', async () => {
    const answer = await api('POST', '/articles', {
      token: ownerToken,
      body: { headline: '  ', section: 'no-such-section', bylines: ['nobody-here'], featuredImage: 99999 },
    });
    assert.equal(answer.statusCode, 422);
    const { errors } = answer.json();
    assert.match(errors.section, /no-such-section/);
    assert.match(errors.bylines, /nobody-here/);
    assert.match(errors.featuredImage, /99999/);
    const empty = await api('POST', '/articles', { token: ownerToken, body: { headline: '' } });
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.json().errors.headline);
    const unknownField = await api('POST', '/articles', { token: ownerToken, body: { headline: 'x', bodyHtml: '<p>typo</p>' } });
    assert.equal(unknownField.statusCode, 422);
    assert.ok(unknownField.json().errors.bodyHtml);
    const badJson = await api('POST', '/articles', { token: ownerToken, body: '{"headline": ' });
    assert.equal(badJson.statusCode, 400);
    assert.equal(badJson.json().code, 'INVALID_JSON');
    const language = await api('POST', '/articles', { token: ownerToken, body: { headline: 'Language', language: 'not a language!' } });
    assert.equal(language.statusCode, 422);
    assert.ok(language.json().errors.language);
    const korean = await api('POST', '/articles', { token: ownerToken, body: { headline: '부산 항만', language: 'ko' } });
    assert.equal(korean.json().language, 'ko');
  });

  test('a token has exactly its owner’s rights', async () => {
    const byOwner = (await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Owner’s story' } })).json();
    assert.equal((await api('GET', `/articles/${byOwner.id}`, { token: authorToken })).statusCode, 403, 'an author may not open another’s draft');

    const byContributor = await api('POST', '/articles', { token: contributorToken, body: { ...draft, headline: 'Contributor’s story', tags: [] } });
    assert.equal(byContributor.statusCode, 201, byContributor.body);
    const contributorArticle = byContributor.json();
    const refused = await api('POST', `/articles/${contributorArticle.id}/publish`, { token: contributorToken });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'FORBIDDEN');
    const newTag = await api('POST', '/articles', { token: contributorToken, body: { headline: 'Tags', tags: ['Brand new tag'] } });
    assert.equal(newTag.statusCode, 422);
    assert.match(newTag.json().errors.tags, /Brand new tag/);

    // Once an editor publishes it, the contributor's edit waits for review instead of going live.
    await api('POST', `/articles/${contributorArticle.id}/publish`, { token: ownerToken });
    const current = await api('GET', `/articles/${contributorArticle.id}`, { token: contributorToken });
    const held = await api('PATCH', `/articles/${contributorArticle.id}`, {
      token: contributorToken,
      body: { headline: 'Contributor’s story, revised' },
      headers: { 'if-match': String(current.headers.etag) },
    });
    assert.equal(held.statusCode, 202, held.body);
    assert.equal(held.json().held, true);
    assert.equal(held.json().article.headline, 'Contributor’s story');
    assert.equal((await api('GET', `/articles/${contributorArticle.id}`, { token: ownerToken })).json().headline, 'Contributor’s story');
  });

  test('Idempotency-Key: a retried create happens once; the same key for another request is refused', async () => {
    const count = async () =>
      Number(
        (
          await gazette.database.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const headers = { 'idempotency-key': 'create-ferry-story-1' };
    const first = await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Once only' }, headers });
    const retry = await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Once only' }, headers });
    assert.equal(first.statusCode, 201);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.json().id, first.json().id);
    assert.equal(await count(), before + 1);
    const other = await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Something else' }, headers });
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'IDEMPOTENCY_CONFLICT');
    // Keys are each member's own: another token's script may use the same one.
    const theirs = await api('POST', '/articles', { token: authorToken, body: { ...draft, headline: 'Theirs', tags: [] }, headers });
    assert.equal(theirs.statusCode, 201);
    assert.notEqual(theirs.json().id, first.json().id);
  });

  test('trash takes it off the site; restore brings it back as a draft', async () => {
    const { id } = (await api('POST', '/articles', { token: ownerToken, body: { ...draft, headline: 'Bridge closes for repairs' } })).json();
    const { url } = (await api('POST', `/articles/${id}/publish`, { token: ownerToken })).json();
    const trashed = await api('POST', `/articles/${id}/trash`, { token: ownerToken });
    assert.equal(trashed.json().trashed, true);
    assert.notEqual((await gazette.app.inject(new URL(url).pathname)).statusCode, 200);
    const again = await api('POST', `/articles/${id}/publish`, { token: ownerToken });
    assert.equal(again.statusCode, 409);
    const restored = await api('POST', `/articles/${id}/restore`, { token: ownerToken });
    assert.equal(restored.json().trashed, false);
    assert.equal(restored.json().status, 'draft');
    assert.equal((await api('POST', `/articles/${id}/restore`, { token: ownerToken })).statusCode, 409);
  });
});
