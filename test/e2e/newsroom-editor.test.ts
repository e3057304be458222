import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publishDueArticles } from '../../src/articles/index.ts';
import { newArticleChoices } from '../helpers/article-form.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let staff: TestStaff;
let worldId: string;
let authorId: string;

function articleForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    headline: 'Ferry strike ends after night of talks',
    standfirst: 'Crews return on Monday; the union won a shorter rota.',
    dateline: 'Helsinki',
    sectionId: worldId,
    byline1: authorId,
    tags: 'Transport, Trade',
    bodyHtml: '<p>Ferries will sail again on Monday.</p><h2>What changed</h2><ul><li>Shorter rota</li></ul>',
    intent: 'save',
    ...overrides,
  };
}

function idFrom(location: string | undefined): number {
  return Number(/\/admin\/articles\/(\d+)/.exec(location ?? '')?.[1]);
}

before(async () => {
  gazette = await buildTestApp();
  staff = await signInTestStaff(gazette, ['editor', 'author', 'contributor'], { namePrefix: 'Test' });
  ({ worldId, authorId } = await newArticleChoices(await staff.browserAs('owner')));
});
after(() => gazette.close());

test('an author writes a draft, publishes it, and readers see it at once', async () => {
  const author = await staff.browserAs('author');
  await author.get('/admin/articles/new');
  const created = await author.post('/admin/articles/new', articleForm());
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location as string);
  const edit = await author.get(`/admin/articles/${id}`);
  assert.match(edit.body, /Status: <strong>Draft<\/strong>/);
  assert.match(edit.body, /value="Transport, Trade"/);
  assert.equal((await gazette.app.inject({ url: '/world/ferry-strike-ends-after-night-of-talks' })).statusCode, 404, 'a draft is not public');
  const published = await author.post(`/admin/articles/${id}`, articleForm({ intent: 'publish' }));
  assert.equal(published.statusCode, 303);
  const page = await gazette.app.inject({ url: '/world/ferry-strike-ends-after-night-of-talks' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<span class="dateline">HELSINKI —<\/span>/);
  assert.match((await gazette.app.inject({ url: '/' })).body, /Ferry strike ends after night of talks/);
  assert.match((await (await staff.browserAs('owner')).get('/admin/audit')).body, /article\.published/);
});

test('a contributor cannot publish but can send a draft for review, which an editor publishes', async () => {
  const contributor = await staff.browserAs('contributor');
  const form = await contributor.get('/admin/articles/new');
  assert.doesNotMatch(form.body, /value="publish"/, 'no Publish button for contributors');
  const forced = await contributor.post('/admin/articles/new', articleForm({ headline: 'Contributor tries to publish', intent: 'publish' }));
  assert.equal(forced.statusCode, 403);
  assert.match(forced.body, /Your role cannot publish this article/);
  assert.match(forced.body, /value="Contributor tries to publish"/, 'what was typed is kept');
  const sent = await contributor.post('/admin/articles/new', articleForm({ headline: 'Harbour pilots want new radios', intent: 'review' }));
  const id = idFrom(sent.headers.location as string);
  const list = (await (await staff.browserAs('editor')).get('/admin')).body;
  assert.match(list, /Harbour pilots want new radios<\/a>[\s\S]*?In review/);
  const editor = await staff.browserAs('editor');
  await editor.get(`/admin/articles/${id}`);
  assert.equal((await editor.post(`/admin/articles/${id}`, articleForm({ headline: 'Harbour pilots want new radios', intent: 'publish' }))).statusCode, 303);
  assert.equal((await gazette.app.inject({ url: '/world/harbour-pilots-want-new-radios' })).statusCode, 200);
});

test("authors and contributors may not open other people's articles; editors may", async () => {
  const author = await staff.browserAs('author');
  await author.get('/admin/articles/new');
  const id = idFrom((await author.post('/admin/articles/new', articleForm({ headline: 'Author only story' }))).headers.location as string);
  assert.equal((await (await staff.browserAs('contributor')).get(`/admin/articles/${id}`)).statusCode, 403);
  assert.equal((await (await staff.browserAs('editor')).get(`/admin/articles/${id}`)).statusCode, 200);
  const demoArticle = (await gazette.database.db.selectFrom('articles').select('id').where('created_by', 'is', null).executeTakeFirstOrThrow()).id;
  assert.equal((await author.get(`/admin/articles/${demoArticle}`)).statusCode, 403);
});

test('a scheduled article goes live at its time, and the home page follows', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const scheduled = await editor.post(
    '/admin/articles/new',
    articleForm({ headline: 'Night trains return in spring', intent: 'schedule', publishAt: '2099-01-01T06:00' }),
  );
  assert.equal(scheduled.statusCode, 303);
  const id = idFrom(scheduled.headers.location as string);
  assert.match((await editor.get(`/admin/articles/${id}`)).body, /Status: <strong>Scheduled<\/strong>/);
  assert.doesNotMatch((await gazette.app.inject({ url: '/' })).body, /Night trains return in spring/);
  const due = await publishDueArticles({ db: gazette.database.db, clock: { now: () => new Date('2099-01-01T06:00:01Z') }, changes: gazette.changes });
  assert.deepEqual(due, [id]);
  gazette.setNow(new Date('2099-01-01T07:00:00Z'));
  assert.match((await gazette.app.inject({ url: '/' })).body, /Night trains return in spring/);
  gazette.setNow(new Date('2026-11-27T12:00:00.000Z'));
});

test('a time in the past or a made-up date is refused with a message', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  for (const [publishAt, message] of [
    ['2001-01-01T06:00', /Choose a time in the future/],
    ['next tuesday', /Enter a day and time like/],
    ['2026-13-45T99:99', /Enter a day and time like/],
  ] as const) {
    const response = await editor.post('/admin/articles/new', articleForm({ headline: `Bad time ${publishAt}`, intent: 'schedule', publishAt }));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, message);
  }
});

test('a second editor saving over a newer version gets a conflict, and keeps their text', async () => {
  const first = await staff.browserAs('editor');
  const second = await staff.browserAs('owner');
  await first.get('/admin/articles/new');
  const id = idFrom((await first.post('/admin/articles/new', articleForm({ headline: 'Two editors, one story' }))).headers.location as string);
  const loaded = /name="loadedVersion" value="([^"]+)"/.exec((await first.get(`/admin/articles/${id}`)).body)![1]!;
  await second.get(`/admin/articles/${id}`);
  assert.equal((await first.post(`/admin/articles/${id}`, articleForm({ headline: 'Two editors, first save', loadedVersion: loaded }))).statusCode, 303);
  const conflict = await second.post(`/admin/articles/${id}`, articleForm({ headline: 'Two editors, second save', loadedVersion: loaded }));
  assert.equal(conflict.statusCode, 409);
  assert.match(conflict.body, /Someone else saved this article/);
  assert.match(conflict.body, /value="Two editors, second save"/);
});

test('hostile input in every field gets a clear message or is made harmless, and nothing stored is lost', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const id = idFrom((await editor.post('/admin/articles/new', articleForm({ headline: 'Safe original headline' }))).headers.location as string);
  const cases: [Record<string, string>, RegExp][] = [
    [{ headline: '' }, /Write a headline/],
    [{ headline: 'x'.repeat(201) }, /under 200 characters/],
    [{ standfirst: 'y'.repeat(601) }, /under 600 characters/],
    [{ headline: 'Bell\u0007 character' }, /invisible control characters/],
    [{ sectionId: '999999' }, /Choose one of the options/],
    [{ byline2: '1 OR 1=1; --' }, /Choose one of the options/],
    [{ featuredMediaId: '<script>' }, /Choose one of the options/],
    [{ slug: '../../etc/passwd' }, /lower-case letters, digits and single hyphens/],
    [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') }, /at most 10 tags/],
  ];
  for (const [fields, message] of cases) {
    const response = await editor.post(`/admin/articles/${id}`, articleForm(fields));
    assert.equal(response.statusCode, 422, JSON.stringify(fields).slice(0, 60));
    assert.match(response.body, message);
  }
  assert.match((await editor.get(`/admin/articles/${id}`)).body, /value="Safe original headline"/, 'refused saves changed nothing');

  await editor.post(
    `/admin/articles/${id}`,
    articleForm({
      headline: '<img src=x onerror=alert(1)> Headline',
      bodyHtml: '<p onclick="alert(1)">Text</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
      intent: 'publish',
    }),
  );
  const page = await gazette.app.inject({ url: '/world/ferry-strike-ends-after-night-of-talks-2' });
  const html =
    page.statusCode === 200
      ? page.body
      : (
          await gazette.app.inject({
            url: `/world/${(await gazette.database.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug}`,
          })
        ).body;
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; Headline/);
  assert.doesNotMatch(html, /<script>alert|onclick=|javascript:alert/);
});

test('every save is a revision: differences are shown, and an old version can be restored', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const id = idFrom((await editor.post('/admin/articles/new', articleForm({ headline: 'Bridge repairs start' }))).headers.location as string);
  await editor.get(`/admin/articles/${id}`);
  await editor.post(`/admin/articles/${id}`, articleForm({ headline: 'Bridge repairs start early', bodyHtml: '<p>Work begins in March.</p>' }));
  const revisions = await editor.get(`/admin/articles/${id}/revisions`);
  assert.equal(revisions.statusCode, 200);
  assert.match(revisions.body, /<ins>early<\/ins>/);
  const oldest = [...revisions.body.matchAll(/revisions\/(\d+)\/restore/g)].at(-1)![1]!;
  assert.equal((await editor.post(`/admin/articles/${id}/revisions/${oldest}/restore`, {})).statusCode, 303);
  assert.match((await editor.get(`/admin/articles/${id}`)).body, /value="Bridge repairs start"/);
  assert.equal((await editor.get(`/admin/articles/${id}/revisions`)).body.match(/<tr>/g)!.length, 4, 'three saves and the header row');
});

test('the preview renders a draft exactly as the article page would', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const id = idFrom((await editor.post('/admin/articles/new', articleForm({ headline: 'Preview me please' }))).headers.location as string);
  const preview = await editor.get(`/admin/articles/${id}/preview`);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /<h1 class="article__headline">Preview me please<\/h1>/);
  assert.match(preview.body, /<span class="dateline">HELSINKI —<\/span>/);
  assert.equal((await gazette.app.inject({ url: `/admin/articles/${id}/preview` })).statusCode, 303, 'strangers are sent to sign in');
});

test('the checklist warns before publishing, and refuses an article without a section', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const created = await editor.post('/admin/articles/new', articleForm({ headline: 'No section yet', sectionId: '', standfirst: '' }));
  const id = idFrom(created.headers.location as string);
  const page = await editor.get(`/admin/articles/${id}`);
  assert.match(page.body, /Must fix: <\/strong>Choose a section/);
  assert.match(page.body, /Check: <\/strong>The standfirst is empty/);
  assert.match(page.body, /Check: <\/strong>The body is under 100 words/);
  const refused = await editor.post(`/admin/articles/${id}`, articleForm({ headline: 'No section yet', sectionId: '', intent: 'publish' }));
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /cannot be published yet/);
  const savedAnyway = await editor.post(`/admin/articles/${id}`, articleForm({ headline: 'No section yet, saved again', sectionId: '', intent: 'save' }));
  assert.equal(savedAnyway.statusCode, 303, 'the refused publish left a form that saves without a conflict');
});

test('a correction is dated on the article, in its JSON-LD, and on the corrections page; an update only on the article', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const body = `<p>${'The council met again on Tuesday. '.repeat(20)}</p>`;
  const id = idFrom(
    (await editor.post('/admin/articles/new', articleForm({ headline: 'Council sets bridge budget', bodyHtml: body, intent: 'publish' }))).headers
      .location as string,
  );
  await editor.get(`/admin/articles/${id}`);
  const empty = await editor.post(`/admin/articles/${id}/corrections`, { correctionKind: 'correction', correctionText: '   ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Write what was wrong/);
  const hostile = await editor.post(`/admin/articles/${id}/corrections`, { correctionKind: 'retraction', correctionText: 'x' });
  assert.match(hostile.body, /Choose correction or update/);
  assert.equal(
    (
      await editor.post(`/admin/articles/${id}/corrections`, {
        correctionKind: 'correction',
        correctionText: 'An earlier version gave the budget as €4m; it is €4.5m.',
      })
    ).statusCode,
    303,
  );
  assert.equal(
    (await editor.post(`/admin/articles/${id}/corrections`, { correctionKind: 'update', correctionText: 'The council has now approved the budget.' }))
      .statusCode,
    303,
  );

  const page = (await gazette.app.inject({ url: '/world/council-sets-bridge-budget' })).body;
  assert.match(page, /<h2 id="corrections-heading">Corrections and updates<\/h2>/);
  assert.match(page, /<strong>Correction, <time datetime="[^"]+">[^<]+<\/time>:<\/strong> An earlier version gave the budget as €4m; it is €4.5m./);
  assert.match(page, /<strong>Update, <time/);
  const jsonLd = JSON.parse(
    /<script type="application\/ld\+json">(\{"@context":"https:\/\/schema.org","@type":\["NewsArticle"[\s\S]*?)<\/script>/.exec(page)![1]!,
  );
  assert.equal(jsonLd.correction.length, 1);
  assert.equal(jsonLd.correction[0]['@type'], 'CorrectionComment');
  const corrections = (await gazette.app.inject({ url: '/corrections' })).body;
  assert.match(corrections, /<a href="\/world\/council-sets-bridge-budget">Council sets bridge budget<\/a>/);
  assert.doesNotMatch(corrections, /The council has now approved the budget/);
});

test('opinion and sponsored work is labelled for readers and typed for search engines', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const body = `<p>${'We should build the bridge. '.repeat(25)}</p>`;
  await editor.post('/admin/articles/new', articleForm({ headline: 'Build the bridge now', kind: 'opinion', bodyHtml: body, intent: 'publish' }));
  const opinion = (await gazette.app.inject({ url: '/world/build-the-bridge-now' })).body;
  assert.match(opinion, /<p class="kind-label">Opinion<\/p>/);
  assert.match(opinion, /"@type":\["NewsArticle","OpinionNewsArticle"\]/);
  await editor.get('/admin/articles/new');
  await editor.post('/admin/articles/new', articleForm({ headline: 'A message from the ferry company', kind: 'sponsored', bodyHtml: body, intent: 'publish' }));
  assert.match(
    (await gazette.app.inject({ url: '/world/a-message-from-the-ferry-company' })).body,
    /<p class="kind-label kind-label--sponsored">Sponsored: paid content<\/p>/,
  );
  assert.equal((await editor.post('/admin/articles/new', articleForm({ headline: 'Bad kind', kind: 'advertorial' }))).statusCode, 422);
});

test('a very long article saves, and one past the limit gets a clear message', async () => {
  const editor = await staff.browserAs('editor');
  await editor.get('/admin/articles/new');
  const paragraph = '<p>Ein langer Bericht über die Brücke, mit Umlauten und „Anführungszeichen“. </p>';
  const long = await editor.post(
    '/admin/articles/new',
    articleForm({ headline: 'The longest report', bodyHtml: paragraph.repeat(Math.floor(390_000 / paragraph.length)) }),
  );
  assert.equal(long.statusCode, 303);
  const tooLong = await editor.post(
    '/admin/articles/new',
    articleForm({ headline: 'Too long a report', bodyHtml: paragraph.repeat(Math.ceil(410_000 / paragraph.length)) }),
  );
  assert.equal(tooLong.statusCode, 422);
  assert.match(tooLong.body, /The body is too long to save/);
});
