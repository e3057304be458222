import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { commentOn, cookieFrom, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { FormClient } from '../helpers/form-client.ts';
import { articleLinks } from '../helpers/html.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const publicUrl = 'https://news.example';

/** Commenters whose addresses must never leave the newsroom; none shares a word with its name or website. */
const commenters = Array.from({ length: 6 }, (_, index) => ({
  name: ['Hana Kim', 'Tomás Ruiz', 'Ifeoma Eze', 'Lars Berg', 'Priti Shah', 'Yusuf Demir'][index]!,
  email: `secret-commenter-${123 + index}@hidden-mailbox-${index}.example`,
  website: index % 2 === 0 ? `https://blog-${index}.example.net/` : '',
}));

/** Every spelling of an address a page might carry: itself, its parts, upper case, and the hashes avatar services use. */
function forbiddenForms(email: string): string[] {
  const [local, domain] = email.split('@') as [string, string];
  const hashes = ['md5', 'sha1', 'sha256'].map((algorithm) => createHash(algorithm).update(email.trim().toLowerCase()).digest('hex'));
  return [email, local, domain, ...hashes].map((form) => form.toLowerCase());
}

/** Undoes the encodings an address could hide behind in HTML, XML, JSON and URLs, and folds case. */
function normalise(text: string): string {
  let decoded = text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replaceAll('&amp;', '&');
  try {
    decoded = decodeURIComponent(decoded.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  } catch {
    // Not URL-encoded as a whole; the literal text is checked.
  }
  return decoded.toLowerCase();
}

/** Same-site paths a response points to: links, alternates, sitemap <loc>s, feed item and Atom links, JSON Feed urls. */
function discoveredPaths(body: string, pagePath: string): string[] {
  const candidates = [
    ...[...body.matchAll(/\bhref="([^"]+)"/g)].map((match) => match[1]!),
    ...[...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
    ...[...body.matchAll(/<link>([^<]+)<\/link>/g)].map((match) => match[1]!),
    ...[...body.matchAll(/"(?:url|home_page_url|feed_url|external_url)":"([^"]+)"/g)].map((match) => match[1]!),
    ...[...body.matchAll(/^Sitemap: (\S+)$/gm)].map((match) => match[1]!),
  ];
  const paths: string[] = [];
  for (const candidate of candidates) {
    const href = candidate.replaceAll('&amp;', '&');
    let url: URL;
    try {
      url = new URL(href, `${publicUrl}${pagePath}`);
    } catch {
      continue;
    }
    if (url.origin !== publicUrl) continue;
    // Admin is the newsroom's, media and assets are files the commenters never wrote into.
    if (/^\/(admin|media|assets)(\/|$)/.test(url.pathname)) continue;
    paths.push(`${url.pathname}${url.search}`);
  }
  return paths;
}

interface Leak {
  readonly path: string;
  readonly form: string;
  readonly where: string;
}

/** `echo` is what the reader typed into the request (a search query), which the page may show back to them alone. */
function findLeaks(path: string, response: LightMyRequestResponse, forms: readonly string[], echo = ''): Leak[] {
  const leaks: Leak[] = [];
  const body = echo ? normalise(response.body).replaceAll(echo.toLowerCase(), '') : normalise(response.body);
  const headers = normalise(JSON.stringify(response.headers));
  for (const form of forms) {
    const at = body.indexOf(form);
    if (at >= 0) leaks.push({ path, form, where: body.slice(Math.max(0, at - 80), at + form.length + 40) });
    if (headers.includes(form)) leaks.push({ path, form, where: 'headers' });
  }
  return leaks;
}

describe('commenters’ email addresses appear on no public route', () => {
  let gazette: TestGazette;
  const jsonAnswers: LightMyRequestResponse[] = [];
  const postedBodies: string[] = [];
  let commenterCookie = '';

  before(async () => {
    gazette = await buildTestApp({ commentsPerMinute: 1000 });
    const home = await gazette.app.inject({ url: '/' });
    const articles = articleLinks(home.body).filter((path) => !path.startsWith('/policies/'));
    assert.ok(articles.length >= 10, 'the demo has articles to comment on');

    // Published straight away, then threaded replies on each article that still takes comments.
    await setCommentPolicy(gazette, { moderation: 'publish' });
    let index = 0;
    for (const path of articles) {
      const page = await gazette.app.inject({ url: path });
      if (!page.body.includes('data-comment-form')) continue;
      const author = commenters[index % commenters.length]!;
      const replier = commenters[(index + 1) % commenters.length]!;
      const text = `Privacy walk comment ${index} by ${author.name}.`;
      const top = await commentOn(
        gazette,
        path,
        { name: author.name, email: author.email, website: author.website, comment: text },
        { json: true, remoteAddress: `203.0.113.${index + 1}` },
      );
      assert.equal(top.statusCode, 201, top.body);
      jsonAnswers.push(top);
      postedBodies.push(text);
      const replyText = `A reply ${index} from ${replier.name}.`;
      const reply = await commentOn(
        gazette,
        path,
        {
          name: replier.name,
          email: replier.email.toUpperCase(),
          website: replier.website,
          comment: replyText,
          parent_id: String((top.json() as { id: number }).id),
        },
        { remoteAddress: `203.0.113.${index + 101}` },
      );
      assert.equal(reply.statusCode, 303);
      postedBodies.push(replyText);
      index += 1;
    }
    assert.ok(index >= 8, `comments were posted on ${index} articles`);

    // Held and spam comments too: they must not leak either, even to the browser that posted them.
    await setCommentPolicy(gazette, { moderation: 'hold-all' });
    const held = await commentOn(
      gazette,
      articles[0]!,
      { name: 'Held Person', email: 'secret-held-commenter@hidden-mailbox-held.example', comment: 'Waiting for a moderator.' },
      { remoteAddress: '203.0.113.240' },
    );
    commenterCookie = cookieFrom(held);
    postedCommentId(held);
    await commentOn(
      gazette,
      articles[0]!,
      { name: 'Robot', email: 'secret-spam-commenter@hidden-mailbox-spam.example', comment: 'Cheap pills.', homepage: 'x' },
      { remoteAddress: '203.0.113.241' },
    );

    // A staff reply, from an editor's account.
    const { user: owner } = await createTestOwner(gazette);
    const { sessionToken } = await addTestMember(gazette, owner, 'editor', 'Rosa Lindqvist');
    const editor = new FormClient(gazette.app);
    editor.setCookie('gazette_session', sessionToken);
    const firstApproved = await gazette.database.db
      .selectFrom('comments')
      .select('id')
      .where('status', '=', 'approved')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await editor.get(`/admin/comments/${firstApproved.id}/edit`);
    const staffReply = await editor.post(`/admin/comments/${firstApproved.id}/reply`, { reply: 'Thank you, we have corrected the caption.' });
    assert.equal(staffReply.statusCode, 303, 'the staff reply was published');
    await setCommentPolicy(gazette, { moderation: 'hold-first' });
  });
  after(() => gazette.close());

  test('the check finds an address where one is: a refused form shown back to the person who typed it', async () => {
    const commenter = commenters[0]!;
    const refused = await commentOn(gazette, '/world/busan-terminal-remote-cranes-night-shift', {
      name: '',
      email: commenter.email.toUpperCase(),
      comment: 'No name.',
    });
    assert.equal(refused.statusCode, 422);
    assert.ok(findLeaks('422', refused, forbiddenForms(commenter.email)).length > 0);
    const encoded = {
      ...refused,
      body: `x=${encodeURIComponent(commenter.email)} &#115;ecret-commenter-123 ${createHash('md5').update(commenter.email).digest('hex')}`,
    } as LightMyRequestResponse;
    const [email, local, domain, md5] = forbiddenForms(commenter.email);
    assert.deepEqual(
      findLeaks('encoded', encoded, forbiddenForms(commenter.email)).map((leak) => leak.form),
      [email, local, domain, md5],
    );
  });

  test('a walk of every public route finds no address, local part, domain, upper-case form or hash of one', async (t) => {
    const forms = [
      ...commenters.flatMap((commenter) => forbiddenForms(commenter.email)),
      ...forbiddenForms('secret-held-commenter@hidden-mailbox-held.example'),
      ...forbiddenForms('secret-spam-commenter@hidden-mailbox-spam.example'),
      // The staff member's own address is not a commenter's to see either.
      'rosa.lindqvist@example.org',
    ];
    const seeds = [
      '/',
      '/robots.txt',
      '/sitemap.xml',
      '/corrections',
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      '/search?q=secret',
      '/search?q=commenter',
      '/search?q=Privacy+walk+comment',
      '/search?q=hidden-mailbox',
      ...commenters.map((commenter) => `/search?q=${encodeURIComponent(commenter.name)}`),
      '/comments/alerts/confirm?token=not-a-real-token',
      '/comments/alerts/stop?token=not-a-real-token',
    ];
    const queue = [...seeds];
    const seen = new Set(queue);
    const leaks: Leak[] = [];
    const kinds = new Map<string, number>();
    let pagesShowingComments = 0;
    let commentFeedsServed = 0;
    let commentFeedsLinked = false;
    while (queue.length > 0) {
      assert.ok(seen.size < 3000, 'the walk ends');
      const path = queue.shift()!;
      const response = await gazette.app.inject({ url: path });
      assert.ok(response.statusCode < 500, `${path} answered ${response.statusCode}`);
      const kind = path === '/' || path.startsWith('/?') ? 'home' : path.split(/[/?]/)[1]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      leaks.push(...findLeaks(path, response, forms));
      if (postedBodies.some((body) => response.body.includes(body))) pagesShowingComments += 1;
      // Article pages also in their other comment orders and with the reply form open.
      const isArticle = /^\/[a-z0-9-]+\/[a-z0-9-]+$/.test(path) && !path.startsWith('/policies/');
      // Per-article comment feeds too, whether or not a page links to them.
      const extra = isArticle
        ? [`${path}?comments=newest`, `${path}?comments-page=2`, `${path}/comments.xml`, `${path}/comments.atom`, `${path}/comments.json`]
        : [];
      if (/\/comments\.(xml|atom|json)$/.test(path) && response.statusCode === 200) commentFeedsServed += 1;
      if (isArticle && /href="[^"]*\/comments\.(xml|atom|json)"/.test(response.body)) commentFeedsLinked = true;
      for (const next of [...discoveredPaths(response.body, path), ...extra]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const expected of [
      'home',
      'world',
      'politics',
      'science',
      'culture',
      'tag',
      'author',
      'search',
      'corrections',
      'feed.xml',
      'feed.atom',
      'feed.json',
      'sitemap.xml',
      'sitemaps',
      'robots.txt',
      'policies',
    ]) {
      assert.ok(kinds.has(expected), `the walk reached ${expected} (reached: ${[...kinds.keys()].join(', ')})`);
    }
    assert.ok(pagesShowingComments >= 8, `the walk saw the comments themselves on ${pagesShowingComments} pages`);
    assert.ok(commentFeedsLinked, 'article pages link their comment feeds');
    assert.ok(commentFeedsServed > 0, 'the walk read the comment feeds');
    t.diagnostic(`${commentFeedsServed} per-article comment feeds served`);
    t.diagnostic(`walked ${seen.size} routes: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
    assert.deepEqual(leaks, [], `addresses leaked on ${seen.size} routes walked`);
  });

  test('searching for an address finds nothing of its owner’s', async () => {
    const leaks: Leak[] = [];
    for (const commenter of commenters) {
      const path = `/search?q=${encodeURIComponent(commenter.email)}`;
      const response = await gazette.app.inject({ url: path });
      assert.equal(response.statusCode, 200);
      const others = commenters.filter((other) => other !== commenter).flatMap((other) => forbiddenForms(other.email));
      leaks.push(...findLeaks(path, response, [...forbiddenForms(commenter.email), ...others], commenter.email));
      assert.ok(!postedBodies.some((body) => response.body.includes(body)), `searching ${commenter.email} finds their comments`);
    }
    assert.deepEqual(leaks, []);
  });

  test('article pages with the comment section, reply form and own pending comment carry no address', async () => {
    const forms = [
      ...commenters.flatMap((commenter) => forbiddenForms(commenter.email)),
      ...forbiddenForms('secret-held-commenter@hidden-mailbox-held.example'),
    ];
    const ids = await gazette.database.db.selectFrom('comments').select(['id', 'article_id']).where('status', '=', 'approved').execute();
    const leaks: Leak[] = [];
    const home = await gazette.app.inject({ url: '/' });
    for (const path of articleLinks(home.body)) {
      for (const variant of [path, ...ids.slice(0, 3).map((row) => `${path}?replyto=${row.id}`)]) {
        leaks.push(...findLeaks(variant, await gazette.app.inject({ url: variant, headers: { cookie: commenterCookie } }), forms));
      }
    }
    assert.deepEqual(leaks, []);
  });

  test('the JSON answer to a post carries no address', () => {
    assert.ok(jsonAnswers.length > 0);
    for (const answer of jsonAnswers) {
      const forms = commenters.flatMap((commenter) => forbiddenForms(commenter.email));
      assert.deepEqual(findLeaks('POST /comments (JSON)', answer, forms), []);
    }
  });
});
