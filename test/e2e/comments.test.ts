import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CommentSigner } from '../../src/comments/index.ts';
import { stampForm } from '../../src/comments/comment-signing.ts';
import type { DialectName } from '../../src/db/connect.ts';
import { contentTags } from '../../src/platform/content-changes.ts';
import {
  advanceClock,
  commentOn,
  commentSection,
  cookieFrom,
  postCommentForm,
  postedCommentId,
  readCommentForm,
  setCommentPolicy,
} from '../helpers/comment-forms.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { FormClient } from '../helpers/form-client.ts';
import { jsonLdBlocks } from '../helpers/html.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Demo articles by age at the test clock (2026-11-27T12:00Z); comments close 14 days after publication.
const demo = {
  busan: '/world/busan-terminal-remote-cranes-night-shift',
  nairobi: '/world/nairobi-traders-shared-solar-cold-rooms',
  toronto: '/world/toronto-rent-register-pilot-tenants',
  mekong: '/world/mekong-delta-farmers-salt-water-shrimp',
  rotterdam: '/politics/rotterdam-council-backs-docklands-tram',
  aarhus: '/politics/aarhus-stadium-rebuild-referendum',
  aragon: '/politics/aragon-wind-farm-vote-divides-farmers',
  glacier: '/science/alpine-glacier-lost-tenth-of-ice-in-one-summer',
  arsenic: '/science/paper-strip-test-arsenic-well-water',
  wheat: '/science/heat-tolerant-wheat-field-trials',
  /** Published 2026-11-13T15:00Z: its comments close at 15:00 on the test day. */
  vancouver: '/science/vancouver-ship-speed-limit-trial-whales',
  football: '/culture/cape-town-womens-football-final-sells-out',
  hawkers: '/culture/george-town-hawkers-write-down-recipes',
  /** Published 2026-11-10: already closed by age. */
  choir: '/culture/mountain-village-choir-records-old-songs',
} as const;

const ok = { name: 'Ada Okafor', email: 'ada.okafor@example.com', comment: 'The night shift change matters more than the cranes.' };

async function storedComments(gazette: TestGazette) {
  return gazette.database.db.selectFrom('comments').select(['id', 'article_id', 'parent_id', 'status', 'author_email', 'body', 'spam_reasons']).orderBy('id').execute();
}

async function storedComment(gazette: TestGazette, id: number) {
  return gazette.database.db.selectFrom('comments').select(['id', 'article_id', 'parent_id', 'status', 'author_name', 'author_email', 'author_website', 'body', 'spam_reasons']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function articleIdOf(gazette: TestGazette, path: string): Promise<number> {
  const slug = path.split('/').pop()!;
  return (await gazette.database.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** Page assertions that name the pattern, not the whole page, when they fail. */
function assertHas(html: string, pattern: RegExp, message = `the page lacks ${pattern}`): void {
  assert.ok(pattern.test(html), message);
}

function assertLacks(html: string, pattern: RegExp, message = `the page has ${pattern}`): void {
  assert.ok(!pattern.test(html), message);
}

function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`<p class="field__error" id="comment-${field}-error">([^<]*)</p>`).exec(html)?.[1];
}

function inputValue(html: string, field: string): string | undefined {
  return new RegExp(`<input id="comment-${field}" name="${field}"[^>]*? value="([^"]*)"`).exec(html)?.[1];
}

function textareaValue(html: string): string | undefined {
  return /<textarea id="comment-comment"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function newsArticleJsonLd(html: string): Record<string, any> {
  const block = jsonLdBlocks(html).find((item) => [item['@type']].flat().includes('NewsArticle'));
  assert.ok(block, 'the page has a NewsArticle block');
  return block as Record<string, any>;
}

/** How deep each comment sits in the rendered thread (1 = top level), by id. */
function depthsOf(section: string): Map<number, number> {
  const depths = new Map<number, number>();
  let depth = 0;
  for (const match of section.matchAll(/<ol class="comment-list[^"]*"|<\/ol>|<li id="comment-(\d+)"/g)) {
    if (match[0].startsWith('<ol')) depth += 1;
    else if (match[0] === '</ol>') depth -= 1;
    else depths.set(Number(match[1]), depth);
  }
  return depths;
}

let addressCounter = 0;
/** A fresh reader address for each post, so the per-address limit is not what a test measures. */
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${1 + (addressCounter % 250)}`;
}

forEachDialect('comments on the reader site', (dialect: DialectName) => {
  let gazette: TestGazette;

  before(async () => {
    gazette = await buildTestApp({ dialect, commentsPerMinute: 1000 });
  });
  after(() => gazette.close());

  const post = (path: string, fields: Parameters<typeof commentOn>[2], options: Parameters<typeof commentOn>[3] = {}) =>
    commentOn(gazette, path, fields, { remoteAddress: freshAddress(), ...options });

  describe('posting', () => {
    test('without JavaScript: 303 to the comment, a signed cookie, and the pending comment shown to that browser alone', async () => {
      const publicBefore = await gazette.app.inject({ url: demo.busan });
      assert.equal(publicBefore.statusCode, 200);
      const response = await post(demo.busan, ok);
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
      assert.equal((await storedComment(gazette, id)).status, 'pending', 'hold-first: a first comment waits');

      const own = await gazette.app.inject({ url: demo.busan, headers: { cookie: cookieFrom(response) } });
      assert.equal(own.statusCode, 200);
      assert.equal(own.headers['cache-control'], 'private, no-store');
      const ownSection = commentSection(own.body);
      assert.match(ownSection, new RegExp(`<li id="comment-${id}" class="comment comment--pending">`));
      assert.match(ownSection, /Your comment is awaiting moderation/);
      assert.ok(ownSection.includes(ok.comment));

      for (const cookieHeader of [undefined, `gazette_comments=${id}.forged-signature`, `gazette_comments=${id}`]) {
        const other = await gazette.app.inject({ url: demo.busan, headers: cookieHeader ? { cookie: cookieHeader } : {} });
        assert.equal(other.statusCode, 200);
        assert.ok(!other.body.includes(`comment-${id}`), `someone else (${cookieHeader ?? 'no cookie'}) never sees the pending comment`);
        assert.ok(!other.body.includes(ok.comment));
        assert.doesNotMatch(String(other.headers['cache-control']), /private/);
      }
    });

    test('with Accept: application/json: 201 with id, status, message, location and the comment as html', async () => {
      const response = await post(demo.nairobi, { ...ok, email: 'json.reader@example.com', comment: 'Posted with script.' }, { json: true });
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

      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const published = await post(demo.nairobi, { ...ok, email: 'json.reader@example.com', comment: 'Published straight away.' }, { json: true });
        assert.equal(published.statusCode, 201);
        assert.equal((published.json() as { status: string }).status, 'approved');
        assert.match((published.json() as { html: string }).html, /class="comment"/);
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });

    test('hold-first: once an editor approves a commenter, their later comments are published directly', async () => {
      const { user: owner } = await createTestOwner(gazette);
      const { sessionToken } = await addTestMember(gazette, owner, 'editor', 'Eddie Ward');
      const editor = new FormClient(gazette.app);
      editor.setCookie('gazette_session', sessionToken);
      const email = 'returning.reader@example.com';
      const first = postedCommentId(await post(demo.toronto, { ...ok, email, comment: 'My first comment here.' }));
      assert.equal((await storedComment(gazette, first)).status, 'pending');
      const queue = await editor.get('/admin/comments?status=pending');
      assert.equal(queue.statusCode, 200);
      assert.match(queue.body, new RegExp(`id="moderation-comment-${first}"`));
      const approved = await editor.post(`/admin/comments/${first}/approve`, {});
      assert.equal(approved.statusCode, 303);
      assert.equal((await storedComment(gazette, first)).status, 'approved');
      const second = postedCommentId(await post(demo.toronto, { ...ok, email: 'Returning.Reader@Example.com', comment: 'And a second one.' }));
      assert.equal((await storedComment(gazette, second)).status, 'approved', 'the same email, however it is typed, is trusted now');
      const page = await gazette.app.inject({ url: demo.toronto });
      assert.ok(commentSection(page.body).includes('And a second one.'));
    });
  });

  describe('validation', () => {
    test('an empty form gets a message for each required field, a summary, and nothing is stored', async () => {
      const before = (await storedComments(gazette)).length;
      const response = await post(demo.mekong, { name: '', email: '', comment: '' });
      assert.equal(response.statusCode, 422);
      assert.equal(response.headers['cache-control'], 'no-store');
      for (const field of ['name', 'email', 'comment']) {
        assert.ok(fieldError(response.body, field), `${field} has its own message`);
        assertHas(response.body, new RegExp(`id="comment-${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="comment-${field}-error"`));
      }
      assert.equal(fieldError(response.body, 'website'), undefined, 'the website is optional');
      assertHas(response.body, /<div class="error-summary" role="alert"/);
      assertHas(response.body, /<a href="#comment-name">/);
      assert.equal((await storedComments(gazette)).length, before);
    });

    test('every field typed wrongly comes back as typed, escaped, each with its message', async () => {
      const typed = {
        name: `<b onmouseover="x()">Zoë</b> & "friends" ${'n'.repeat(100)}`,
        email: 'not-an-email<script>',
        website: 'javascript:alert("x")',
        comment: `<script>alert("x")</script> & "quoted" 'single' ${'c'.repeat(5000)}`,
      };
      const response = await post(demo.mekong, { ...typed, reply_alerts: 'on' });
      assert.equal(response.statusCode, 422);
      assert.match(fieldError(response.body, 'name') ?? '', /100/);
      assert.match(fieldError(response.body, 'email') ?? '', /email address/i);
      assert.match(fieldError(response.body, 'website') ?? '', /http/);
      assert.match(fieldError(response.body, 'comment') ?? '', /5,000/);
      assert.equal(inputValue(response.body, 'name'), escapeHtml(typed.name));
      assert.equal(inputValue(response.body, 'email'), escapeHtml(typed.email));
      assert.equal(inputValue(response.body, 'website'), escapeHtml(typed.website));
      const textarea = textareaValue(response.body) ?? '';
      assert.ok(textarea.includes('&lt;script&gt;alert('), 'the comment is escaped in the textarea');
      assert.equal(textarea.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&'), typed.comment);
      assertHas(response.body, /<input id="comment-reply-alerts" name="reply_alerts" type="checkbox" checked/, 'the box stays ticked');
      assert.ok(!response.body.includes('<script>alert("x")'), 'nothing typed became markup');
      assert.ok(!response.body.includes('onmouseover="x()"'));
    });

    test('with JSON: 422 and one message per field', async () => {
      const response = await post(demo.mekong, { name: '', email: 'x@', website: 'ftp://example.org/', comment: '  ' }, { json: true });
      assert.equal(response.statusCode, 422);
      const body = response.json() as { message: string; errors: Record<string, string> };
      assert.ok(body.message);
      assert.deepEqual(Object.keys(body.errors).sort(), ['comment', 'email', 'name', 'website']);
    });

    const boundaries = [
      { field: 'name', value: 'n'.repeat(100), accepted: true },
      { field: 'name', value: 'n'.repeat(101), accepted: false },
      { field: 'name', value: '𝒜'.repeat(100), accepted: true, note: '100 characters outside the BMP are 100 characters' },
      { field: 'comment', value: 'c'.repeat(5000), accepted: true },
      { field: 'comment', value: 'c'.repeat(5001), accepted: false },
      { field: 'comment', value: 'é'.repeat(5000), accepted: true, note: 'characters, not bytes' },
      { field: 'website', value: `https://example.org/${'w'.repeat(180)}`, accepted: true },
      { field: 'website', value: `https://example.org/${'w'.repeat(181)}`, accepted: false },
      { field: 'email', value: `${'e'.repeat(64)}@${'d'.repeat(185)}.com`, accepted: true },
      { field: 'email', value: `${'e'.repeat(64)}@${'d'.repeat(186)}.com`, accepted: false },
    ] as const;
    for (const [index, { field, value, accepted, ...rest }] of boundaries.entries()) {
      const length = [...value].length;
      test(`${field} of ${length} characters is ${accepted ? 'accepted' : 'refused'}${'note' in rest ? ` (${rest.note})` : ''}`, async () => {
        const fields = { ...ok, email: `boundary-${index}@example.com`, comment: `Boundary case ${index}.`, [field]: value };
        const response = await post(demo.rotterdam, fields, { json: true });
        if (accepted) {
          assert.equal(response.statusCode, 201, response.body);
        } else {
          assert.equal(response.statusCode, 422);
          assert.deepEqual(Object.keys((response.json() as { errors: Record<string, string> }).errors), [field]);
        }
      });
    }

    const refusedWebsites = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'ftp://example.org/file',
      'file:///etc/passwd',
      'mailto:someone@example.org',
      '//evil.example/path',
      'example.org',
      'https://bank.example@evil.example/',
      'http://',
    ];
    for (const website of refusedWebsites) {
      test(`the website ${JSON.stringify(website)} is refused`, async () => {
        const response = await post(demo.rotterdam, { ...ok, email: 'websites@example.com', comment: `Website ${website}`, website }, { json: true });
        assert.equal(response.statusCode, 422);
        assert.deepEqual(Object.keys((response.json() as { errors: Record<string, string> }).errors), ['website']);
      });
    }

    test('http and https websites are accepted and shown as a nofollow ugc link on the name', async () => {
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const response = await post(demo.aarhus, { ...ok, name: 'Web Person', email: 'web.person@example.com', website: 'HTTPS://Example.org/a page?x=1&y=2', comment: 'See my site.' });
        const id = postedCommentId(response);
        assert.equal((await storedComment(gazette, id)).author_website, 'https://example.org/a%20page?x=1&y=2');
        const page = await gazette.app.inject({ url: demo.aarhus });
        assert.match(commentSection(page.body), /<a href="https:\/\/example\.org\/a%20page\?x=1&amp;y=2" rel="nofollow ugc noopener"><bdi>Web Person<\/bdi><\/a>/);
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });

    const emails = [
      { email: 'a@b.co', valid: true },
      { email: 'first.last+tag@sub.example.co.uk', valid: true },
      { email: 'UPPER.Case@Example.COM', valid: true },
      { email: 'plain', valid: false },
      { email: '@example.com', valid: false },
      { email: 'someone@', valid: false },
      { email: 'someone@localhost', valid: false },
      { email: 'two@@example.com', valid: false },
      { email: 'with space@example.com', valid: false },
      { email: 'someone@example.c', valid: false },
      { email: '<someone@example.com>', valid: false },
      { email: 'a@example.com,b@example.com', valid: false },
      { email: 'a@example.com\nBcc: victim@example.org', valid: false },
    ];
    for (const [index, { email, valid }] of emails.entries()) {
      test(`the email ${JSON.stringify(email)} is ${valid ? 'accepted' : 'refused'}`, async () => {
        const response = await post(demo.aragon, { ...ok, email, comment: `Email shape ${index}.` }, { json: true });
        if (valid) {
          assert.equal(response.statusCode, 201, response.body);
          assert.equal((await storedComment(gazette, (response.json() as { id: number }).id)).author_email, email.toLowerCase());
        } else {
          assert.equal(response.statusCode, 422);
          assert.deepEqual(Object.keys((response.json() as { errors: Record<string, string> }).errors), ['email']);
        }
      });
    }
  });

  describe('spam defences', () => {
    test('a filled honeypot is stored as spam, answered like success, and never shown', async () => {
      const response = await post(demo.glacier, { ...ok, email: 'robot@example.com', comment: 'Buy now.', homepage: 'http://spam.example' });
      assert.equal(response.statusCode, 303, 'the robot is told nothing');
      const id = postedCommentId(response);
      const stored = await storedComment(gazette, id);
      assert.equal(stored.status, 'spam');
      assert.match(stored.spam_reasons, /hidden field/i);
      const json = await post(demo.glacier, { ...ok, email: 'robot2@example.com', comment: 'Buy now again.', homepage: 'x' }, { json: true });
      assert.equal(json.statusCode, 201);
      assert.equal((json.json() as { status: string }).status, 'pending', 'spam is reported as awaiting moderation');
      for (const cookie of [undefined, cookieFrom(response)]) {
        const page = await gazette.app.inject({ url: demo.glacier, headers: cookie ? { cookie } : {} });
        assert.ok(!page.body.includes('Buy now'), 'not to the public, not even to the robot’s own browser');
      }
    });

    test('a form sent within 3 s of being rendered is stored as spam, answered like success', async () => {
      const page = await gazette.app.inject({ url: demo.arsenic });
      const form = readCommentForm(page.body);
      advanceClock(gazette, 1_000);
      const response = await postCommentForm(gazette, form, { ...ok, email: 'quick@example.com', comment: 'Too quick.' }, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 303);
      const stored = await storedComment(gazette, postedCommentId(response));
      assert.equal(stored.status, 'spam');
      assert.match(stored.spam_reasons, /seconds/);
    });

    test('forged stamps are stored as spam', async () => {
      const page = await gazette.app.inject({ url: demo.arsenic });
      const form = readCommentForm(page.body);
      advanceClock(gazette, 5_000);
      const [articleId, renderedAt, signature] = form.stamp.split('.');
      const otherArticle = readCommentForm((await gazette.app.inject({ url: demo.wheat })).body).stamp;
      advanceClock(gazette, 5_000);
      const forgeries = {
        empty: '',
        garbage: 'not-a-stamp',
        'an earlier time with the old signature': `${articleId}.${Number(renderedAt) - 60_000}.${signature}`,
        'a signature of another length': `${articleId}.${renderedAt}.${signature}x`,
        'another article’s stamp': otherArticle,
        'an extra part': `${form.stamp}.1`,
      };
      for (const [name, stamp] of Object.entries(forgeries)) {
        const response = await postCommentForm(gazette, { ...form, stamp }, { ...ok, email: 'forger@example.com', comment: `Forged: ${name}.` }, { remoteAddress: freshAddress() });
        assert.equal(response.statusCode, 303, `${name}: answered like success`);
        const stored = await storedComment(gazette, postedCommentId(response));
        assert.equal(stored.status, 'spam', `${name}: stored as spam`);
      }
    });

    test('a stamp older than two days: 422 "form expired", the text kept, nothing stored', async () => {
      const articleId = await articleIdOf(gazette, demo.arsenic);
      const signer = await CommentSigner.load(gazette.database.db);
      const now = gazette.site.clock.now();
      const stamp = stampForm(signer, articleId, new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000 - 60_000));
      const before = (await storedComments(gazette)).length;
      const text = 'Written over a long weekend.\n\nStill relevant.';
      const response = await postCommentForm(gazette, { articleId: String(articleId), stamp, parentId: '' }, { ...ok, email: 'slow@example.com', comment: text }, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 422);
      assertHas(response.body, /expired/);
      assert.equal(textareaValue(response.body), text);
      assert.equal(inputValue(response.body, 'email'), 'slow@example.com');
      const json = await postCommentForm(gazette, { articleId: String(articleId), stamp, parentId: '' }, { ...ok, email: 'slow@example.com', comment: text }, { json: true, remoteAddress: freshAddress() });
      assert.equal(json.statusCode, 422);
      assert.match((json.json() as { message: string }).message, /expired/);
      assert.equal((await storedComments(gazette)).length, before);
      // The refused page carries a fresh form that works.
      advanceClock(gazette, 5_000);
      const retry = await postCommentForm(gazette, readCommentForm(response.body), { ...ok, email: 'slow@example.com', comment: text }, { remoteAddress: freshAddress() });
      assert.equal(retry.statusCode, 303);
      assert.equal((await storedComment(gazette, postedCommentId(retry))).status, 'pending');
    });

    test('the same comment twice from the same email: 422 on the second, text kept', async () => {
      const fields = { ...ok, email: 'twice@example.com', comment: 'Sent twice by a double click.' };
      assert.equal((await post(demo.wheat, fields)).statusCode, 303);
      const again = await post(demo.wheat, fields);
      assert.equal(again.statusCode, 422);
      assert.ok(fieldError(again.body, 'comment'));
      assert.equal(textareaValue(again.body), fields.comment);
      assert.equal((await storedComments(gazette)).filter((row) => row.body === fields.comment).length, 1);
    });

    test('correcting a refused form and sending it again at once is not taken for a robot', async () => {
      const refused = await post(demo.wheat, { ...ok, name: '', email: 'corrector@example.com', comment: 'I forgot my name.' });
      assert.equal(refused.statusCode, 422);
      // A person who only has to type a short name sends again within a couple of seconds of the refusal.
      advanceClock(gazette, 2_000);
      const response = await postCommentForm(gazette, readCommentForm(refused.body), { ...ok, email: 'corrector@example.com', comment: 'I forgot my name.' }, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 303);
      const stored = await storedComment(gazette, postedCommentId(response));
      assert.notEqual(stored.status, 'spam', `the corrected comment went to spam: ${stored.spam_reasons}`);
    });

    test('a comment with more links than the policy allows is held', async () => {
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const response = await post(demo.wheat, { ...ok, email: 'linker@example.com', comment: 'https://a.example/ https://b.example/ https://c.example/' });
        const stored = await storedComment(gazette, postedCommentId(response));
        assert.equal(stored.status, 'pending');
        assert.match(stored.spam_reasons, /links/);
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
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
        const before = (await storedComments(gazette)).length;
        const response = await post(demo.hawkers, { ...ok, email: 'victim@example.com', comment: `Cross-site: ${name}.` }, { headers });
        assert.equal(response.statusCode, 403);
        assertHas(response.body, /Comments can only be posted from this site/);
        const json = await post(demo.hawkers, { ...ok, email: 'victim@example.com', comment: `Cross-site JSON: ${name}.` }, { headers, json: true });
        assert.equal(json.statusCode, 403);
        assert.match((json.json() as { message: string }).message, /Comments can only be posted from this site/);
        assert.equal((await storedComments(gazette)).length, before);
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
        const response = await post(demo.hawkers, { ...ok, email: `same-origin-${index}@example.com`, comment: `Same origin: ${name}.` }, { headers });
        assert.equal(response.statusCode, 303);
      });
    }
  });

  describe('closing', () => {
    test('an article closed by the newsroom says so, shows no form, and refuses posts', async () => {
      const articleId = await articleIdOf(gazette, demo.football);
      await setCommentPolicy(gazette, { moderation: 'publish' });
      const earlier = postedCommentId(await post(demo.football, { ...ok, email: 'before.close@example.com', comment: 'Said before closing.' }));
      await setCommentPolicy(gazette, { moderation: 'hold-first' });
      const open = await gazette.app.inject({ url: demo.football });
      const form = readCommentForm(open.body);
      await gazette.database.db.updateTable('articles').set({ comments_open: 0 }).where('id', '=', articleId).execute();
      gazette.changes.announce([contentTags.article(articleId)]);
      const closed = await gazette.app.inject({ url: demo.football });
      const section = commentSection(closed.body);
      assert.match(section, /Comments are closed on this article\./);
      assertLacks(closed.body, /<form class="comment-form"/);
      assertLacks(closed.body, /comments\.[^"]*\.js|comments\.js/, 'no comment script without a form');
      assert.match(section, new RegExp(`id="comment-${earlier}"`), 'earlier comments stay');
      assert.doesNotMatch(section, /class="comment__reply"/, 'no Reply links on a closed article');
      advanceClock(gazette, 5_000);
      const before = (await storedComments(gazette)).length;
      const refused = await postCommentForm(gazette, form, { ...ok, email: 'after.close@example.com', comment: 'Too late.' }, { remoteAddress: freshAddress() });
      assert.equal(refused.statusCode, 403);
      assertHas(refused.body, /Comments are closed on this article/);
      const json = await postCommentForm(gazette, form, { ...ok, email: 'after.close@example.com', comment: 'Too late.' }, { json: true, remoteAddress: freshAddress() });
      assert.equal(json.statusCode, 403);
      assert.equal((await storedComments(gazette)).length, before);
    });

    test('an article older than closeAfterDays is closed; setting 0 keeps comments open', async () => {
      const closed = await gazette.app.inject({ url: demo.choir });
      assert.match(commentSection(closed.body), /Comments are closed on this article\./);
      await setCommentPolicy(gazette, { closeAfterDays: 0 });
      try {
        const reopened = await gazette.app.inject({ url: demo.choir });
        assertHas(reopened.body, /<form class="comment-form"/);
      } finally {
        await setCommentPolicy(gazette, { closeAfterDays: 14 });
      }
    });
  });

  describe('threads', () => {
    test('replies nest to depth 3; a reply to a depth-3 comment lands at depth 3, beside it', async () => {
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const reply = async (parent: number | null, who: string) =>
          postedCommentId(await post(demo.mekong, { ...ok, name: who, email: `${who.toLowerCase()}@example.com`, comment: `${who} speaks.`, parent_id: parent === null ? '' : String(parent) }));
        const first = await reply(null, 'First');
        const second = await reply(first, 'Second');
        const third = await reply(second, 'Third');
        const fourth = await reply(third, 'Fourth');
        assert.equal((await storedComment(gazette, second)).parent_id, first);
        assert.equal((await storedComment(gazette, third)).parent_id, second);
        assert.equal((await storedComment(gazette, fourth)).parent_id, second, 'attached to the depth-2 comment, so it sits at depth 3');
        const section = commentSection((await gazette.app.inject({ url: demo.mekong })).body);
        const depths = depthsOf(section);
        assert.deepEqual([first, second, third, fourth].map((id) => depths.get(id)), [1, 2, 3, 3]);
        const replyLink = (id: number) => new RegExp(`<a class="comment__reply" href="\\?replyto=${id}#respond" rel="nofollow" data-reply-to="${id}"`);
        assert.match(section, replyLink(first));
        assert.match(section, replyLink(second));
        assert.doesNotMatch(section, replyLink(third), 'no Reply at the deepest level');

        const replyForm = await gazette.app.inject({ url: `${demo.mekong}?replyto=${second}` });
        assert.equal(replyForm.statusCode, 200);
        assert.equal(replyForm.headers['cache-control'], 'public, max-age=0, must-revalidate', 'a reply form is a cached view of the page, like its other views');
        assert.equal(readCommentForm(replyForm.body).parentId, String(second));
        assertHas(replyForm.body, /Reply to <bdi>Second<\/bdi>/);
        const deepest = await gazette.app.inject({ url: `${demo.mekong}?replyto=${third}` });
        assert.equal(deepest.statusCode, 302, 'no reply form for a comment at the deepest level');
        assert.equal(deepest.headers.location, demo.mekong);
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });

    test('a reply to a pending, missing or other article’s comment: 422 with the text kept', async () => {
      const pending = postedCommentId(await post(demo.toronto, { ...ok, email: 'not.yet@example.com', comment: 'Still pending.' }));
      await setCommentPolicy(gazette, { moderation: 'publish' });
      const elsewhere = postedCommentId(await post(demo.busan, { ...ok, email: 'elsewhere@example.com', comment: 'On another article.' }));
      await setCommentPolicy(gazette, { moderation: 'hold-first' });
      for (const [name, parent] of [['pending', pending], ['missing', 999_999], ['on another article', elsewhere]] as const) {
        const text = `Replying to a ${name} comment.`;
        const response = await post(demo.toronto, { ...ok, email: 'replier@example.com', comment: text, parent_id: String(parent) });
        assert.equal(response.statusCode, 422, name);
        assert.ok(fieldError(response.body, 'comment'), name);
        assert.equal(textareaValue(response.body), text);
      }
    });
  });

  describe('the published section', () => {
    test('counts, JSON-LD Comment markup without emails, and the count on article lists', async () => {
      // The lists are in the page cache before the comments arrive: the counts must still show up.
      assert.equal((await gazette.app.inject({ url: '/science' })).statusCode, 200);
      assert.equal((await gazette.app.inject({ url: '/' })).statusCode, 200);
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const a = postedCommentId(await post(demo.vancouver, { ...ok, name: 'Lena Fischer', email: 'lena.private@example.com', comment: 'Whales first.' }));
        const b = postedCommentId(await post(demo.vancouver, { ...ok, name: 'Omar Haddad', email: 'omar.private@example.com', comment: 'Ships too.', parent_id: String(a) }));
        await setCommentPolicy(gazette, { moderation: 'hold-all' });
        postedCommentId(await post(demo.vancouver, { ...ok, name: 'Held One', email: 'held.private@example.com', comment: 'Held back.' }));
        const html = (await gazette.app.inject({ url: demo.vancouver })).body;
        assert.match(commentSection(html), /<h2 id="comments-heading" class="rule-heading">2 comments<\/h2>/);
        assertHas(html, /<a class="article__comment-count" href="#comments">2 comments<\/a>/);
        const article = newsArticleJsonLd(html);
        assert.equal(article.commentCount, 2);
        assert.equal(article.comment.length, 2);
        const [first, second] = article.comment as Record<string, any>[];
        assert.equal(first!['@type'], 'Comment');
        assert.deepEqual(first!.author, { '@type': 'Person', name: 'Lena Fischer' });
        assert.equal(first!.text, 'Whales first.');
        assert.ok(!Number.isNaN(Date.parse(first!.dateCreated)));
        assert.equal(first!.url, `https://news.example${demo.vancouver}#comment-${a}`);
        assert.equal(second!.parentItem?.['@id'], first!['@id'], 'a reply points at its parent');
        assert.equal(second!.url, `https://news.example${demo.vancouver}#comment-${b}`);
        const allJsonLd = JSON.stringify(jsonLdBlocks(html));
        assert.ok(!allJsonLd.includes('@example.com') && !allJsonLd.includes('private'), 'no email in JSON-LD');
        assert.ok(!html.includes('Held back.'));

        const section = (await gazette.app.inject({ url: '/science' })).body;
        const teaser = section.slice(section.indexOf(`href="${demo.vancouver}"`));
        assert.match(teaser.slice(0, teaser.indexOf('</li>') > 0 ? teaser.indexOf('</li>') : 2000), /2 comments/, 'the section list shows the count');
        const home = (await gazette.app.inject({ url: '/' })).body;
        const homeTeaser = home.slice(home.indexOf(`href="${demo.vancouver}"`));
        assert.match(homeTeaser.slice(0, homeTeaser.indexOf('</li>') > 0 ? homeTeaser.indexOf('</li>') : 2000), /2 comments/, 'the home page shows the count');
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });

    test('plain text: paragraphs, line breaks, http(s) links with rel="nofollow ugc noopener", the rest escaped', async () => {
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const text = [
          'First line <em>not emphasis</em> & "quotes"',
          'second line javascript:alert(1) and data:text/html,<b>x</b>',
          '',
          '',
          'New paragraph: https://example.org/report?a=1&b=<2> ends.',
        ].join('\r\n');
        const id = postedCommentId(await post(demo.aragon, { ...ok, name: 'Plain Texter', email: 'plain.texter@example.com', comment: text }));
        const section = commentSection((await gazette.app.inject({ url: demo.aragon })).body);
        const item = section.slice(section.indexOf(`<li id="comment-${id}"`));
        const body = /<div class="comment__body" dir="auto">([\s\S]*?)<\/div>/.exec(item)![1]!;
        assert.equal(
          body.replace(/<a href="[^"]*" rel="nofollow ugc noopener">([^<]*)<\/a>/, '<A>$1</A>'),
          '<p>First line &lt;em&gt;not emphasis&lt;/em&gt; &amp; &quot;quotes&quot;<br/>second line javascript:alert(1) and data:text/html,&lt;b&gt;x&lt;/b&gt;</p>' +
            '<p>New paragraph: <A>https://example.org/report?a=1&amp;b=&lt;2&gt;</A> ends.</p>',
        );
        const link = /<a href="([^"]*)" rel="nofollow ugc noopener">/.exec(body)![1]!;
        assert.ok(link.startsWith('https://example.org/report?a=1&amp;b='), link);
        assert.doesNotMatch(body, /href="(?:javascript|data):/i);
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });

    test('avatars are initials drawn locally; no Gravatar, no image, no hash', async () => {
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const id = postedCommentId(await post(demo.aarhus, { ...ok, name: 'Ngozi Adichie-Okoro', email: 'avatar.person@example.com', comment: 'About the stadium.' }));
        const html = (await gazette.app.inject({ url: demo.aarhus })).body;
        const item = commentSection(html).slice(commentSection(html).indexOf(`<li id="comment-${id}"`));
        assert.match(item, /^<li[^>]*><article[^>]*><header class="comment__header"><span class="avatar avatar--\d" aria-hidden="true">NA<\/span>/);
        assertLacks(html, /gravatar/i);
        assert.doesNotMatch(commentSection(html), /<img\b/);
        assertLacks(html, /\b[0-9a-f]{32}\b|\b[0-9a-f]{64}\b/, 'no email hash of any kind');
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });

    test('newest first on request, oldest first by default', async () => {
      await setCommentPolicy(gazette, { moderation: 'publish' });
      try {
        const older = postedCommentId(await post(demo.glacier, { ...ok, email: 'older@example.com', comment: 'Older one.' }));
        const newer = postedCommentId(await post(demo.glacier, { ...ok, email: 'newer@example.com', comment: 'Newer one.' }));
        const order = (html: string) => [...commentSection(html).matchAll(/<li id="comment-(\d+)"/g)].map((match) => Number(match[1])).filter((id) => id === older || id === newer);
        assert.deepEqual(order((await gazette.app.inject({ url: demo.glacier })).body), [older, newer]);
        assert.deepEqual(order((await gazette.app.inject({ url: `${demo.glacier}?comments=newest` })).body), [newer, older]);
      } finally {
        await setCommentPolicy(gazette, { moderation: 'hold-first' });
      }
    });
  });

  describe('caching', () => {
    test('a page served from the cache still carries a working form', async () => {
      const first = await gazette.app.inject({ url: demo.arsenic });
      advanceClock(gazette, 60_000);
      const second = await gazette.app.inject({ url: demo.arsenic });
      assert.equal(second.headers.etag, first.headers.etag);
      assert.equal(second.body, first.body, 'the second page came from the cache (same stamp a minute later)');
      assert.match(String(second.headers['cache-control']), /public/);
      const response = await postCommentForm(gazette, readCommentForm(second.body), { ...ok, email: 'cached.reader@example.com', comment: 'From a cached page.' }, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 303);
      assert.equal((await storedComment(gazette, postedCommentId(response))).status, 'pending', 'not taken for spam');
    });
  });
});

// These move the clock by days, so each has an app of its own.
forEachDialect('comments and the passing of time', (dialect: DialectName) => {
  test('comments close by themselves 14 days after publication', async () => {
    const gazette = await buildTestApp({ dialect, commentsPerMinute: 1000 });
    try {
      const open = await gazette.app.inject({ url: demo.vancouver });
      const form = readCommentForm(open.body);
      gazette.setNow(new Date('2026-11-27T15:00:01Z'));
      gazette.pages.clear();
      const closed = await gazette.app.inject({ url: demo.vancouver });
      assert.match(commentSection(closed.body), /Comments are closed on this article\./);
      assertLacks(closed.body, /<form class="comment-form"/);
      const response = await postCommentForm(gazette, form, ok, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 403);
    } finally {
      await gazette.close();
    }
  });

  test('a page cached before the closing time no longer offers the form after it', async () => {
    const gazette = await buildTestApp({ dialect, commentsPerMinute: 1000 });
    try {
      assert.match((await gazette.app.inject({ url: demo.vancouver })).body, /<form class="comment-form"/);
      gazette.setNow(new Date('2026-11-27T15:00:01Z'));
      const later = await gazette.app.inject({ url: demo.vancouver });
      assertLacks(later.body, /<form class="comment-form"/, 'the cached page still offers a form whose posts are refused');
      assertHas(later.body, /Comments are closed on this article\./);
    } finally {
      await gazette.close();
    }
  });

  test('a page cached more than two days ago still carries a form that works', async () => {
    const gazette = await buildTestApp({ dialect, commentsPerMinute: 1000 });
    try {
      await gazette.app.inject({ url: demo.busan });
      gazette.setNow(new Date(testNow.getTime() + 3 * 24 * 60 * 60 * 1000));
      const page = await gazette.app.inject({ url: demo.busan });
      const response = await postCommentForm(gazette, readCommentForm(page.body), ok, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 303, 'a reader who just opened the page is told the form expired');
    } finally {
      await gazette.close();
    }
  });

  test('over the rate limit (2 a minute): 429 with the form and the text kept', async () => {
    const gazette = await buildTestApp({ dialect, commentsPerMinute: 2 });
    try {
      const address = '192.0.2.77';
      for (const n of [1, 2]) {
        const response = await commentOn(gazette, demo.busan, { ...ok, email: `rate-${n}@example.com`, comment: `Allowed ${n}.` }, { remoteAddress: address });
        assert.equal(response.statusCode, 303);
      }
      const text = 'The third one, kept when refused.';
      const limited = await commentOn(gazette, demo.busan, { ...ok, email: 'rate-3@example.com', comment: text }, { remoteAddress: address });
      assert.equal(limited.statusCode, 429);
      assert.equal(textareaValue(limited.body), text);
      assert.equal(inputValue(limited.body, 'email'), 'rate-3@example.com');
      assertHas(limited.body, /<p class="comment-form__message" role="alert">[^<]+<\/p>/);
      const json = await commentOn(gazette, demo.busan, { ...ok, email: 'rate-4@example.com', comment: 'JSON over the limit.' }, { remoteAddress: address, json: true });
      assert.equal(json.statusCode, 429);
      assert.ok((json.json() as { message: string }).message);

      // Per email too: one commenter from many addresses.
      for (const n of [1, 2]) {
        const response = await commentOn(gazette, demo.nairobi, { ...ok, email: 'roaming@example.com', comment: `Roaming ${n}.` }, { remoteAddress: `192.0.2.${100 + n}` });
        assert.equal(response.statusCode, 303);
      }
      const roaming = await commentOn(gazette, demo.nairobi, { ...ok, email: 'Roaming@Example.com', comment: 'Roaming 3.' }, { remoteAddress: '192.0.2.103' });
      assert.equal(roaming.statusCode, 429);
      const stored = await gazette.database.db.selectFrom('comments').select('body').execute();
      assert.deepEqual(stored.map((row) => row.body).sort(), ['Allowed 1.', 'Allowed 2.', 'Roaming 1.', 'Roaming 2.']);
    } finally {
      await gazette.close();
    }
  });
});
