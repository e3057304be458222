import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';
import { javaSkipReason, testEachPageIsValid } from '../helpers/vnu.ts';

// The newsroom's preview as an editor expects it: a "Not published" banner saying where the article
// stands, a phone-width view that works without JavaScript, and share links for people without an
// account. The demo newsroom's time zone is Europe/London: GMT at the test moment.
describe('article preview', () => {
  let gazette: TestGazette;
  let staff: TestStaff;
  let worldId: string;
  let authorId: string;

  const minutesAfterNow = (minutes: number) => new Date(testNow.getTime() + minutes * 60_000);
  const unavailable = /This preview link has expired or was withdrawn/;

  /** Saves a new article as `browser`, with `overrides` (an intent, a schedule); its id. */
  async function write(browser: FormClient, headline: string, overrides: Record<string, string> = {}): Promise<number> {
    await browser.get('/admin/articles/new');
    const fields = draftArticleFields(headline, {
      sectionId: worldId,
      byline1: authorId,
      dateline: 'Tallinn',
      bodyHtml: `<p>${'The ferry sails. '.repeat(30)}</p>`,
      ...overrides,
    });
    const response = await browser.post('/admin/articles/new', fields);
    assert.equal(response.statusCode, 303, `“${headline}” was saved: ${response.body.slice(0, 200)}`);
    return Number(/\/admin\/articles\/(\d+)/.exec(String(response.headers.location))![1]);
  }

  /** The banner's markup, or undefined when the page has none. */
  function bannerOf(html: string): string | undefined {
    return /<section class="preview-banner"[\s\S]*?<\/nav>/.exec(html)?.[0];
  }

  /** The line under the headline: dateline, publication time, comment count. */
  function metaLineOf(html: string): string {
    return /<p class="article__meta">[\s\S]*?<\/p>/.exec(html)![0];
  }

  /** Creates a share link from the preview page; the link's full address, as shown that once. */
  async function createLink(browser: FormClient, id: number, lifetime?: string): Promise<{ url: string; token: string; page: string }> {
    await browser.get(`/admin/articles/${id}/preview`);
    const response = await browser.post(`/admin/articles/${id}/preview-links`, lifetime ? { lifetime } : {});
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    const url = /<input id="preview-share-url" class="preview-share__url" type="text" readonly="" value="([^"]+)"/.exec(response.body)?.[1];
    assert.ok(url, 'the new link is shown in a read-only field');
    const token = /^https:\/\/news\.example\/preview\/([A-Za-z0-9_-]{43})$/.exec(url)?.[1];
    assert.ok(token, `a 32-byte base64url token on the site's address: ${url}`);
    return { url, token, page: response.body };
  }

  const visit = (path: string) => gazette.app.inject({ url: path });
  const linkCount = async () =>
    Number(
      (
        await gazette.database.db
          .selectFrom('preview_links')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    gazette = await buildTestApp();
    staff = await signInTestStaff(gazette, ['editor', 'contributor'], { namePrefix: 'Preview', firstPage: '/admin/account' });
    ({ worldId, authorId } = await newArticleChoices(await staff.browserAs('owner')));
  });
  after(() => gazette.close());

  test('a draft says "Not published: Draft", links back to the editor, and shows no publication time', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Ferry fares frozen for winter');
    const preview = await editor.get(`/admin/articles/${id}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['x-robots-tag'], 'noindex');
    const banner = bannerOf(preview.body);
    assert.ok(banner, 'the page has the banner');
    assert.match(banner, /^<section class="preview-banner" aria-label="Article preview"/, 'a named region: a landmark');
    assert.match(banner, /<strong class="preview-banner__heading">Not published<\/strong> <span>Draft<\/span>/);
    assert.match(preview.body, new RegExp(`<a href="/admin/articles/${id}">Back to the editor</a>`));
    assert.ok(preview.body.indexOf('class="preview-banner"') < preview.body.indexOf('class="masthead"'), 'the banner is above the masthead');
    assert.match(preview.body, /<h1 class="article__headline">Ferry fares frozen for winter<\/h1>/);
    const meta = metaLineOf(preview.body);
    assert.match(meta, /<span class="dateline">TALLINN —<\/span>/);
    assert.doesNotMatch(meta, /<time/, 'no "now" standing in for a publication time');
  });

  test('an article waiting for review says "In review", with no publication time', async () => {
    const contributor = await staff.browserAs('contributor');
    const id = await write(contributor, 'Harbour cranes to be replaced', { intent: 'review' });
    const preview = await contributor.get(`/admin/articles/${id}/preview`);
    assert.match(bannerOf(preview.body)!, /Not published<\/strong> <span>In review<\/span>/);
    assert.doesNotMatch(metaLineOf(preview.body), /<time/);
  });

  test('a scheduled article says when it goes live, in the site time zone, and its page shows that time', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Night trains return in spring', { intent: 'schedule', publishAt: '2026-11-28T09:30' });
    const preview = await editor.get(`/admin/articles/${id}/preview`);
    assert.match(
      bannerOf(preview.body)!,
      /Not published<\/strong> <span>Scheduled for <time datetime="2026-11-28T09:30:00.000Z">28 November 2026[^<]*09:30 GMT<\/time><\/span>/,
    );
    assert.match(metaLineOf(preview.body), /<time datetime="2026-11-28T09:30:00.000Z"/);
  });

  test('a published article is a preview of the saved version, with its publication time', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Bridge tolls scrapped', { intent: 'publish' });
    const preview = await editor.get(`/admin/articles/${id}/preview`);
    assert.match(bannerOf(preview.body)!, /<strong class="preview-banner__heading">Published<\/strong> <span>Preview of your saved version<\/span>/);
    assert.match(metaLineOf(preview.body), /<time datetime="2026-11-27T12:00:00.000Z"/);
    assert.equal(bannerOf((await visit('/world/bridge-tolls-scrapped')).body), undefined, 'the published page has no banner');
  });

  test('the phone view frames the preview 390 px wide; only these pages relax the framing rules', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Tram line extended to the port');
    const desktop = await editor.get(`/admin/articles/${id}/preview`);
    assert.match(desktop.body, new RegExp(`<a href="/admin/articles/${id}/preview" aria-current="page">Desktop</a>`));
    assert.match(desktop.body, new RegExp(`<a href="/admin/articles/${id}/preview\\?view=phone">Phone</a>`));
    assert.doesNotMatch(String(desktop.headers['content-security-policy']), /frame-src[^;]*'self'/, 'the desktop preview frames nothing of ours');

    const phone = await editor.get(`/admin/articles/${id}/preview?view=phone`);
    assert.equal(phone.statusCode, 200);
    assert.match(
      phone.body,
      new RegExp(`<iframe class="phone-preview__frame" src="/admin/articles/${id}/preview\\?frame=1" width="390" height="844" title="[^"]+"`),
    );
    assert.match(phone.body, /<a href="[^"]+\?view=phone" aria-current="page">Phone<\/a>/);
    assert.match(phone.body, /Back to the editor/, 'the banner, with its tools, stays above the frame');
    assert.doesNotMatch(phone.body, /article__headline/, 'the article is in the frame, not beside it');
    const phonePolicy = String(phone.headers['content-security-policy']);
    assert.match(phonePolicy, /frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com 'self'/);
    assert.match(phonePolicy, /script-src 'self'(;|$)/, 'the rest of the policy is unchanged');

    const framed = await editor.get(`/admin/articles/${id}/preview?frame=1`);
    assert.equal(framed.statusCode, 200);
    assert.equal(bannerOf(framed.body), undefined, 'no banner inside the frame');
    assert.match(framed.body, /<h1 class="article__headline">Tram line extended to the port<\/h1>/);
    assert.equal(framed.headers['x-frame-options'], 'SAMEORIGIN');
    assert.match(String(framed.headers['content-security-policy']), /frame-ancestors 'self'(;|$)/);

    const reader = await visit('/');
    assert.doesNotMatch(String(reader.headers['content-security-policy']), /frame-src[^;]*'self'/, 'reader pages keep the site-wide policy');
    assert.equal((await editor.get(`/admin/articles/${id}/preview?view=tablet`)).statusCode, 400);
  });

  test('a share link shows the saved version to anyone until it expires; only its hash is stored', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Island school gets a new roof');
    const { token, page } = await createLink(editor, id, '1h');
    assert.match(page, /until <time datetime="2026-11-27T13:00:00.000Z">27 November 2026[^<]*13:00 GMT<\/time>/);
    assert.match(page, /<ul class="preview-share__links"[^>]*>\s*<li>Made by Preview editor, expires <time datetime="2026-11-27T13:00:00.000Z">/);

    const rows = await gazette.database.db.selectFrom('preview_links').selectAll().where('article_id', '=', id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not in the table');
    const { id: editorId } = await gazette.database.db.selectFrom('users').select('id').where('name', '=', 'Preview editor').executeTakeFirstOrThrow();
    assert.equal(rows[0]!.created_by, editorId);

    const shared = await visit(`/preview/${token}`);
    assert.equal(shared.statusCode, 200);
    assert.equal(shared.headers['x-robots-tag'], 'noindex');
    assert.equal(shared.headers['cache-control'], 'private, no-store');
    assert.equal(shared.headers['referrer-policy'], 'no-referrer');
    assert.match(bannerOf(shared.body)!, /Not published<\/strong> <span>Draft<\/span>/);
    assert.match(shared.body, /Shared preview — expires <time datetime="2026-11-27T13:00:00.000Z">/);
    assert.doesNotMatch(shared.body, /Back to the editor|preview-links|_csrf/, 'no newsroom tools for outsiders');
    assert.doesNotMatch(metaLineOf(shared.body), /<time/);

    const again = await editor.get(`/admin/articles/${id}/preview`);
    assert.doesNotMatch(again.body, /preview-share-url|\/preview\/[A-Za-z0-9_-]{43}/, 'the link is shown only once');
    assert.match(again.body, /Share a preview link \(1 working\)/);

    await editor.get(`/admin/articles/${id}`);
    await editor.post(`/admin/articles/${id}`, draftArticleFields('Island school gets a new roof at last', { sectionId: worldId, byline1: authorId }));
    assert.match(
      (await visit(`/preview/${token}`)).body,
      /<h1 class="article__headline">Island school gets a new roof at last<\/h1>/,
      'the saved version as it is now',
    );
    const sharedPhone = await visit(`/preview/${token}?view=phone`);
    assert.match(sharedPhone.body, new RegExp(`<iframe class="phone-preview__frame" src="/preview/${token}\\?frame=1"`));
    assert.match(String(sharedPhone.headers['content-security-policy']), /frame-src[^;]*'self'/);

    gazette.setNow(minutesAfterNow(61));
    try {
      const expired = await visit(`/preview/${token}`);
      assert.equal(expired.statusCode, 404);
      assert.match(expired.body, unavailable);
      assert.match(expired.body, /<h1 id="error-heading"/, 'the reader site’s error page');
      assert.equal(expired.headers['cache-control'], 'private, no-store');
      assert.doesNotMatch((await editor.get(`/admin/articles/${id}/preview`)).body, /preview-share__links/, 'an expired link is no longer listed');
    } finally {
      gazette.setNow(testNow);
    }
    assert.match((await (await staff.browserAs('owner')).get('/admin/audit')).body, new RegExp(`article\\.preview-link-created[\\s\\S]*?${id}: Island school`));
  });

  test('the default lifetime is 24 hours', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Lighthouse opens to visitors');
    const form = (await editor.get(`/admin/articles/${id}/preview`)).body;
    assert.match(form, /<option value="24h" selected="">24 hours<\/option>/);
    const { page } = await createLink(editor, id);
    assert.match(page, /until <time datetime="2026-11-28T12:00:00.000Z">/);
  });

  test('a revoked link stops working at once, and the revocation is audited', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Ferry terminal gets solar roof');
    const { token } = await createLink(editor, id, '7d');
    const linkId = /preview-links\/(\d+)\/revoke/.exec((await editor.get(`/admin/articles/${id}/preview`)).body)![1];
    const revoked = await editor.post(`/admin/articles/${id}/preview-links/${linkId}/revoke`, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, `/admin/articles/${id}/preview?done=revoked`);
    const shared = await visit(`/preview/${token}`);
    assert.equal(shared.statusCode, 404);
    assert.match(shared.body, unavailable);
    assert.match((await editor.get(`/admin/articles/${id}/preview?done=revoked`)).body, /role="status">The link was withdrawn/);
    assert.match(
      (await (await staff.browserAs('owner')).get('/admin/audit')).body,
      new RegExp(`article\\.preview-link-revoked[\\s\\S]*?${id}: Ferry terminal`),
    );
  });

  test('a link to an article moved to the trash opens nothing', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Marina plans shelved');
    const { token } = await createLink(editor, id);
    assert.equal((await visit(`/preview/${token}`)).statusCode, 200);
    await editor.get(`/admin/articles/${id}`);
    assert.equal((await editor.post(`/admin/articles/${id}/trash`, {})).statusCode, 303);
    const shared = await visit(`/preview/${token}`);
    assert.equal(shared.statusCode, 404);
    assert.match(shared.body, unavailable);
    await editor.get(`/admin/articles/${id}/preview`);
    assert.equal((await editor.post(`/admin/articles/${id}/preview-links`, {})).statusCode, 409, 'no new link while it is in the trash');
  });

  test('made-up, malformed and hostile tokens are a 404, never a 500', async () => {
    const unknown = 'A'.repeat(43);
    const hostile = [
      unknown,
      'a'.repeat(42),
      'a'.repeat(44),
      'a'.repeat(200),
      'a'.repeat(5000),
      `${'A'.repeat(43)}/more`,
      encodeURIComponent("' OR '1'='1' --"),
      encodeURIComponent('x"; DROP TABLE preview_links; --'),
      encodeURIComponent('!!!!notbase64!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!'),
      encodeURIComponent('ünïcödé'),
      '%00',
    ];
    for (const token of hostile) {
      const response = await visit(`/preview/${token}`);
      assert.equal(response.statusCode, 404, token.slice(0, 60));
      assert.match(response.body, unavailable, token.slice(0, 60));
    }
    assert.equal((await visit('/preview/')).statusCode, 404);
    assert.equal((await gazette.database.db.selectFrom('preview_links').select('id').where('token_hash', '=', unknown).execute()).length, 0);
  });

  test('share-link lookups are rate-limited per address', async () => {
    const guess = (remoteAddress: string) => gazette.app.inject({ url: `/preview/${'B'.repeat(43)}`, remoteAddress });
    for (let attempt = 1; attempt <= 60; attempt++) assert.equal((await guess('10.9.8.7')).statusCode, 404, `attempt ${attempt}`);
    const limited = await guess('10.9.8.7');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['referrer-policy'], 'no-referrer');
    assert.equal((await guess('10.9.8.8')).statusCode, 404, 'another address is not held back');
  });

  test('creating and revoking need the CSRF token', async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Ring road consultation opens');
    const before = await linkCount();
    await editor.get(`/admin/articles/${id}/preview`);
    assert.equal((await editor.post(`/admin/articles/${id}/preview-links`, { _csrf: 'forged' })).statusCode, 403);
    assert.equal(await linkCount(), before, 'no link was made');
    const { token } = await createLink(editor, id);
    const linkId = /preview-links\/(\d+)\/revoke/.exec((await editor.get(`/admin/articles/${id}/preview`)).body)![1];
    assert.equal((await editor.post(`/admin/articles/${id}/preview-links/${linkId}/revoke`, { _csrf: 'forged' })).statusCode, 403);
    assert.equal((await visit(`/preview/${token}`)).statusCode, 200, 'the link still works');
    const stranger = await gazette.app.inject({ method: 'POST', url: `/admin/articles/${id}/preview-links`, payload: {} });
    assert.equal(stranger.statusCode, 401);
  });

  test("a contributor can neither preview nor share someone else's article", async () => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Editor scoop on the harbour deal');
    const contributor = await staff.browserAs('contributor');
    assert.equal((await contributor.get(`/admin/articles/${id}/preview`)).statusCode, 403);
    const before = await linkCount();
    const refused = await contributor.post(`/admin/articles/${id}/preview-links`, {});
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /Editor scoop/);
    assert.equal(await linkCount(), before);
    const own = await write(contributor, 'Contributor notes on ferry fares');
    assert.ok((await createLink(contributor, own)).token, 'their own article they may share');
  });

  test('preview pages are valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
    const editor = await staff.browserAs('editor');
    const id = await write(editor, 'Valid preview markup', { intent: 'schedule', publishAt: '2026-11-29T08:00' });
    const { token, page } = await createLink(editor, id);
    await testEachPageIsValid(t, [
      { name: 'preview with a new share link', html: page },
      { name: 'preview with the links listed', html: (await editor.get(`/admin/articles/${id}/preview`)).body },
      { name: 'phone view', html: (await editor.get(`/admin/articles/${id}/preview?view=phone`)).body },
      { name: 'shared preview', html: (await visit(`/preview/${token}`)).body },
      { name: 'shared phone view', html: (await visit(`/preview/${token}?view=phone`)).body },
      { name: 'expired link', html: (await visit(`/preview/${'A'.repeat(43)}`)).body },
    ]);
  });
});
