import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commentSection, cookieFrom, postedCommentId, readCommentForm } from '../helpers/comment-forms.ts';
import { assertHas, demo, ok, useCommentTestSite } from '../helpers/comment-pages.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';

// Posting a comment: with and without JavaScript, from this site only, from a cached page.
describe('comments on the reader site', () => {
  const site = useCommentTestSite();

  describe('posting', () => {
    test('without JavaScript: 303 to the comment, a signed cookie, and the pending comment shown to that browser alone', async () => {
      const publicBefore = await site.gazette.app.inject({ url: demo.busan });
      assert.equal(publicBefore.statusCode, 200);
      const response = await site.post(demo.busan, ok);
      assert.equal(response.statusCode, 303);
      const id = postedCommentId(response);
      assert.equal(response.headers.location, `${demo.busan}#comment-${id}`);
      const cookie = response.cookies.find((item) => item.name === 'gazette_comments');
      assert.ok(cookie, 'the gazette_comments cookie is set');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.secure, true, 'Secure, because the public URL is https');
      assert.equal(cookie.path, '/');
      assert.doesNotMatch(cookie.value, /@/, 'the cookie holds ids, not the email');
      assert.equal((await site.storedComment(id)).status, 'pending', 'hold-first: a first comment waits');

      const own = await site.gazette.app.inject({ url: demo.busan, headers: { cookie: cookieFrom(response) } });
      assert.equal(own.statusCode, 200);
      assert.equal(own.headers['cache-control'], 'private, no-store');
      const ownSection = commentSection(own.body);
      assert.match(ownSection, new RegExp(`<li id="comment-${id}" class="comment comment--pending">`));
      assert.match(ownSection, /Your comment is awaiting moderation/);
      assert.ok(ownSection.includes(ok.comment));

      for (const cookieHeader of [undefined, `gazette_comments=${id}.forged-signature`, `gazette_comments=${id}`]) {
        const other = await site.gazette.app.inject({ url: demo.busan, headers: cookieHeader ? { cookie: cookieHeader } : {} });
        assert.equal(other.statusCode, 200);
        assert.ok(!other.body.includes(`comment-${id}`), `someone else (${cookieHeader ?? 'no cookie'}) never sees the pending comment`);
        assert.ok(!other.body.includes(ok.comment));
        // Any commenter cookie, even a forged one, makes the answer private: a shared cache never keeps a page asked for with one.
        assert.match(String(other.headers['cache-control']), cookieHeader ? /^private, no-store$/ : /^public, .*s-maxage=\d+/);
      }
    });

    test('with Accept: application/json: 201 with id, status, message, location and the comment as html', async () => {
      const response = await site.post(demo.nairobi, { ...ok, email: 'json.reader@example.com', comment: 'Posted with script.' }, { json: true });
      assert.equal(response.statusCode, 201);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const body = response.json() as { id: number; status: string; message: string; location: string; html: string };
      assert.deepEqual(Object.keys(body).sort(), ['html', 'id', 'location', 'message', 'status']);
      assert.equal(body.status, 'pending');
      assert.equal(body.location, `${demo.nairobi}#comment-${body.id}`);
      assert.ok(body.message.length > 10);
      assert.match(body.html, new RegExp(`^<li id="comment-${body.id}" class="comment comment--pending">`));
      assert.ok(body.html.includes('Posted with script.'));
      assert.ok(!response.body.includes('json.reader'), 'the email is not in the answer');
      assert.ok(response.cookies.some((cookie) => cookie.name === 'gazette_comments'));

      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const published = await site.post(demo.nairobi, { ...ok, email: 'json.reader@example.com', comment: 'Published straight away.' }, { json: true });
        assert.equal(published.statusCode, 201);
        assert.equal((published.json() as { status: string }).status, 'approved');
        assert.match((published.json() as { html: string }).html, /class="comment"/);
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });

    test('hold-first: once an editor approves a commenter, their later comments are published directly', async () => {
      const { user: owner } = await createTestOwner(site.gazette);
      const { sessionToken } = await addTestMember(site.gazette, owner, 'editor', 'Eddie Ward');
      const editor = new FormClient(site.gazette.app);
      editor.setCookie('gazette_session', sessionToken);
      const email = 'returning.reader@example.com';
      const first = postedCommentId(await site.post(demo.toronto, { ...ok, email, comment: 'My first comment here.' }));
      assert.equal((await site.storedComment(first)).status, 'pending');
      const queue = await editor.get('/admin/comments?status=pending');
      assert.equal(queue.statusCode, 200);
      assert.match(queue.body, new RegExp(`id="moderation-comment-${first}"`));
      const approved = await editor.post(`/admin/comments/${first}/approve`, {});
      assert.equal(approved.statusCode, 303);
      assert.equal((await site.storedComment(first)).status, 'approved');
      const second = postedCommentId(await site.post(demo.toronto, { ...ok, email: 'Returning.Reader@Example.com', comment: 'And a second one.' }));
      assert.equal((await site.storedComment(second)).status, 'approved', 'the same email, however it is typed, is trusted now');
      const page = await site.gazette.app.inject({ url: demo.toronto });
      assert.ok(commentSection(page.body).includes('And a second one.'));
    });
  });

  describe('cross-site posts', () => {
    const refusals: Record<string, Record<string, string>> = {
      'Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site' },
      'Sec-Fetch-Site: same-site': { 'sec-fetch-site': 'same-site' },
      'a foreign Origin': { origin: 'https://evil.example' },
      'the public host over http': { origin: 'http://news.example' },
      'a look-alike Origin': { origin: 'https://news.example.evil.example' },
      'Origin: null': { origin: 'null' },
      'a foreign Origin with Sec-Fetch-Site: same-origin': { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    };
    for (const [name, headers] of Object.entries(refusals)) {
      test(`${name}: 403 and nothing stored`, async () => {
        const before = (await site.storedComments()).length;
        const response = await site.post(demo.hawkers, { ...ok, email: 'victim@example.com', comment: `Cross-site: ${name}.` }, { headers });
        assert.equal(response.statusCode, 403);
        assertHas(response.body, /Comments can only be posted from this site/);
        const json = await site.post(demo.hawkers, { ...ok, email: 'victim@example.com', comment: `Cross-site JSON: ${name}.` }, { headers, json: true });
        assert.equal(json.statusCode, 403);
        assert.match((json.json() as { message: string }).message, /Comments can only be posted from this site/);
        assert.equal((await site.storedComments()).length, before);
        assert.equal(response.cookies.length, 0, 'no cookie either');
      });
    }

    const passes: Record<string, Record<string, string>> = {
      'Sec-Fetch-Site: same-origin with the public Origin': { 'sec-fetch-site': 'same-origin', origin: 'https://news.example' },
      'the request’s own origin': { origin: 'http://localhost:80' },
      'no Sec-Fetch-Site and no Origin (older browsers)': {},
    };
    for (const [index, [name, headers]] of Object.entries(passes).entries()) {
      test(`${name}: posted`, async () => {
        const response = await site.post(demo.hawkers, { ...ok, email: `same-origin-${index}@example.com`, comment: `Same origin: ${name}.` }, { headers });
        assert.equal(response.statusCode, 303);
      });
    }
  });

  describe('caching', () => {
    test('a page served from the cache still carries a working form', async () => {
      const first = await site.gazette.app.inject({ url: demo.arsenic });
      site.advanceClock(60_000);
      const second = await site.gazette.app.inject({ url: demo.arsenic });
      assert.equal(second.headers.etag, first.headers.etag);
      assert.equal(second.body, first.body, 'the second page came from the cache (same stamp a minute later)');
      assert.match(String(second.headers['cache-control']), /public/);
      const response = await site.postForm(readCommentForm(second.body), { ...ok, email: 'cached.reader@example.com', comment: 'From a cached page.' });
      assert.equal(response.statusCode, 303);
      assert.equal((await site.storedComment(postedCommentId(response))).status, 'pending', 'not taken for spam');
    });
  });
});
