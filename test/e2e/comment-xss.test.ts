import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { commentOn, commentSection, type HostilePost, postHostileComments } from '../helpers/comment-forms.ts';
import { assertNoActiveMarkup, findActiveMarkup } from '../helpers/active-markup.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';
import { hostileEmails, hostileWebsites, xssPayloads } from '../fixtures/xss-payloads.ts';

const paths = { text: '/world/busan-terminal-remote-cranes-night-shift', urls: '/world/nairobi-traders-shared-solar-cold-rooms' };

/** Elements the comment markup is made of; anything else in a comment came from a commenter. */
const commentElements = new Set([
  'section',
  'h2',
  'h3',
  'p',
  'ol',
  'ul',
  'li',
  'article',
  'header',
  'span',
  'bdi',
  'a',
  'time',
  'div',
  'br',
  'form',
  'input',
  'textarea',
  'label',
  'button',
  'nav',
  'strong',
]);

/** The page's text as a reader sees it: entities decoded, tags gone. */
function visibleText(html: string): string {
  let text = '';
  new Parser({ ontext: (chunk) => (text += chunk) }, { decodeEntities: true }).end(html);
  return text;
}

/** A piece of the payload certain to be shown as typed: its first line, cleaned as the form cleans. */
function probeOf(payload: string): string {
  const cleaned = payload.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
  return cleaned
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '')!
    .slice(0, 40)
    .trim();
}

function assertCspForbidsInlineScript(response: LightMyRequestResponse, where: string): void {
  const csp = String(response.headers['content-security-policy'] ?? '');
  const directives = new Map(
    csp.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  assert.ok(scriptSources, `${where}: the CSP has a script-src (${csp})`);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', '*', 'http:', 'https:']) {
    assert.ok(!scriptSources.includes(unsafe), `${where}: script-src allows ${unsafe}`);
  }
  assert.deepEqual(directives.get('object-src'), ["'none'"], `${where}: object-src 'none'`);
  assert.ok(
    directives.get('base-uri')?.every((source) => source === "'self'" || source === "'none'"),
    `${where}: base-uri is locked`,
  );
  const attributeSources = directives.get('script-src-attr');
  if (attributeSources) assert.ok(!attributeSources.includes("'unsafe-inline'"), `${where}: script-src-attr allows inline handlers`);
}

test('the check finds active markup where there is some', () => {
  const samples = [
    '<img src=x onerror=alert(1)>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<script>alert(1)</script>',
    '<script src="https://evil.example/x.js"></script>',
    '<svg><a xlink:href="javascript:x">y</a></svg>',
    '<p style="background:url(x)">x</p>',
    '<meta http-equiv="Refresh" content="0;url=javascript:alert(1)">',
    '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
  ];
  for (const sample of samples) assert.ok(findActiveMarkup(sample).length > 0, sample);
  assert.deepEqual(findActiveMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1) javascript:alert(1)</p>'), [], 'escaped text is text');
  assert.ok(findActiveMarkup('<li><img src=x></li>', { only: commentElements }).length > 0, 'an element comments are not made of');
});

describe('hostile comments stay text', () => {
  let gazette: TestGazette;
  let posts: HostilePost[];
  let moderator: FormClient;

  before(async () => {
    gazette = await buildTestApp({ commentsPerMinute: 1000 });
    posts = await postHostileComments(gazette, paths, { payloads: xssPayloads, websites: hostileWebsites, emails: hostileEmails });
    const { sessionToken } = await createTestOwner(gazette);
    moderator = new FormClient(gazette.app);
    moderator.setCookie('gazette_session', sessionToken);
    // Something in every tab of the queue: three websites to spam, three to the trash, one email case held.
    const websiteIds = posts.filter((post) => post.field === 'website' && post.id).map((post) => String(post.id));
    await moderator.get('/admin/comments?status=approved');
    for (const [action, ids] of [
      ['spam', websiteIds.slice(0, 3)],
      ['trash', websiteIds.slice(3, 6)],
    ] as const) {
      const response = await moderator.post('/admin/comments/bulk', { action, ids: ids[0]! });
      assert.equal(response.statusCode, 303);
      for (const id of ids.slice(1)) await moderator.post(`/admin/comments/${id}/${action}`, {});
    }
    await gazette.settings.update({ comments: { ...gazette.settings.current().comments, moderation: 'hold-all' } });
    await commentOn(
      gazette,
      paths.urls,
      { name: '<img src=x onerror=alert(1)>', email: hostileEmails[0]!, comment: '<svg onload=alert(1)>held' },
      { remoteAddress: '10.99.0.1' },
    );
  });
  after(() => gazette.close());

  test('the corpus goes in through every field', () => {
    assert.ok(xssPayloads.length >= 60, `${xssPayloads.length} payloads`);
    const texts = posts.filter((post) => post.field === 'name and comment');
    const stored = texts.filter((post) => post.status === 201);
    assert.ok(stored.length >= 60, `${stored.length} payloads stored through name and comment`);
    for (const post of texts.filter((item) => item.status !== 201)) {
      // Only what breaks the length limits may be refused, and it is refused, not stored in part.
      const payload = xssPayloads.find((item) => item.name === post.name)!;
      assert.ok([...payload.text].length > 5000, `${post.name} was refused with ${post.status}`);
      assert.ok([413, 422].includes(post.status), `${post.name}: ${post.status}`);
    }
    for (const website of hostileWebsites) {
      const post = posts.find((item) => item.field === 'website' && item.name === website.name)!;
      assert.equal(post.status, website.accepted ? 201 : 422, `website ${website.name}`);
    }
    for (const email of hostileEmails) {
      assert.equal(posts.find((item) => item.field === 'email' && item.name === email)!.status, 201, `email ${email}`);
    }
  });

  for (const [name, path] of [
    ['article page with the text payloads', paths.text],
    ['its newest-first order', `${paths.text}?comments=newest`],
    ['article page with the website and email payloads', paths.urls],
  ]) {
    test(`${name}: no active markup; the comments show as text`, async () => {
      const response = await gazette.app.inject({ url: path! });
      assert.equal(response.statusCode, 200);
      assertNoActiveMarkup(response.body, path!);
      const section = commentSection(response.body);
      assertNoActiveMarkup(section, `${path}, comment section`, { only: commentElements });
      assertCspForbidsInlineScript(response, path!);
      const text = visibleText(section);
      const shownHere = path!.startsWith(paths.text) ? ['name and comment'] : ['email'];
      for (const post of posts.filter((item) => item.id !== undefined && shownHere.includes(item.field))) {
        assert.ok(section.includes(`id="comment-${post.id}"`), `${post.field} ${post.name} is on the page`);
        if (post.field === 'name and comment') {
          const payload = xssPayloads.find((item) => item.name === post.name)!;
          assert.ok(text.includes(probeOf(payload.text)), `${post.name} reads as typed: ${JSON.stringify(probeOf(payload.text))}`);
        }
      }
      for (const payload of xssPayloads) {
        if (/<[a-z!/]/i.test(payload.text)) assert.ok(!response.body.includes(payload.text), `${payload.name} appears unescaped`);
      }
    });
  }

  test('website links are http(s) only, escaped, and marked nofollow ugc', async () => {
    const section = commentSection((await gazette.app.inject({ url: paths.urls })).body);
    const links: { href: string; rel: string }[] = [];
    new Parser(
      { onopentag: (name, attributes) => name === 'a' && attributes.rel && links.push({ href: attributes.href ?? '', rel: attributes.rel }) },
      { decodeEntities: true },
    ).end(section);
    const authorLinks = links.filter((link) => !link.href.startsWith('#') && !link.href.startsWith('?'));
    assert.ok(authorLinks.length >= hostileWebsites.filter((website) => website.accepted).length - 6, `${authorLinks.length} website links`);
    for (const link of authorLinks) {
      assert.match(link.href, /^https?:\/\/[^\s"'<>`]+$/, 'an http(s) URL with nothing that could break out of its attribute');
      assert.equal(link.rel, 'nofollow ugc noopener');
    }
  });

  test('the JSON answers’ html, which the script inserts with innerHTML, is inert', () => {
    const answers = posts.filter((post) => post.html !== undefined);
    assert.ok(answers.length >= 80);
    for (const post of answers) assertNoActiveMarkup(post.html!, `JSON answer for ${post.field} ${post.name}`, { only: commentElements });
  });

  test('a refused form shows every payload back as text in its fields', async () => {
    for (const [index, payload] of xssPayloads.entries()) {
      if ([...payload.text].length > 5000) continue;
      const typed = {
        name: [...payload.text].slice(0, 100).join(''),
        email: `not-an-email-${index}`,
        website: payload.text.slice(0, 200),
        comment: payload.text,
      };
      const response = await commentOn(gazette, paths.text, typed, { remoteAddress: `10.77.0.${1 + (index % 250)}` });
      assert.equal(response.statusCode, 422, payload.name);
      assertNoActiveMarkup(response.body, `refused form with ${payload.name}`);
      const fields: Record<string, string> = {};
      let inTextarea = false;
      new Parser(
        {
          onopentag: (name, attributes) => {
            if (name === 'input' && attributes.name) fields[attributes.name] = attributes.value ?? '';
            inTextarea = name === 'textarea';
          },
          ontext: (text) => {
            // htmlparser2 hands over a textarea's content (RCDATA) undecoded; browsers decode it.
            if (inTextarea) fields.comment = (fields.comment ?? '') + decodeHTML(text);
          },
          onclosetag: () => (inTextarea = false),
        },
        { decodeEntities: true },
      ).end(commentSection(response.body));
      assert.equal(fields.name, typed.name, `${payload.name}: the name comes back exactly as typed`);
      assert.equal(fields.website, typed.website, `${payload.name}: the website comes back exactly as typed`);
      assert.equal(fields.comment?.replace(/^\n/, ''), typed.comment, `${payload.name}: the comment comes back exactly as typed`);
    }
  });

  test('the moderation queue shows every payload and address as text, under a CSP without inline script', async () => {
    let pagesSeen = 0;
    let approvedText = '';
    for (const status of ['pending', 'approved', 'spam', 'trash']) {
      for (let page = 1; page <= 10; page++) {
        const response = await moderator.get(`/admin/comments?status=${status}${page > 1 ? `&page=${page}` : ''}`);
        assert.equal(response.statusCode, 200, `${status} page ${page}`);
        if (!response.body.includes('id="moderation-comment-')) break;
        pagesSeen += 1;
        assertNoActiveMarkup(response.body, `queue ${status} page ${page}`);
        assertCspForbidsInlineScript(response, `queue ${status}`);
        if (status === 'approved') approvedText += visibleText(response.body);
        if (!/rel="next"|>Older</.test(response.body)) break;
      }
    }
    assert.ok(pagesSeen >= 4, `${pagesSeen} queue pages had comments`);
    for (const email of hostileEmails) assert.ok(approvedText.includes(email.toLowerCase()), `the queue shows ${email} as text`);
    const byEmail = await moderator.get(`/admin/comments?email=${encodeURIComponent(hostileEmails[0]!)}`);
    assert.equal(byEmail.statusCode, 200);
    assertNoActiveMarkup(byEmail.body, 'one commenter’s comments');
    for (const post of posts.filter((item) => item.id).slice(0, 10)) {
      const edit = await moderator.get(`/admin/comments/${post.id}/edit`);
      assert.equal(edit.statusCode, 200);
      assertNoActiveMarkup(edit.body, `edit page of ${post.name}`);
    }
  });
});
