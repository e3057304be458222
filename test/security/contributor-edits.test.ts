import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/accounts/index.ts';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// A contributor may not publish. Once an editor has published their piece, their edits (a save with
// any button, or restoring an old revision) wait for an editor as a pending change: readers, the
// article's address and its feeds keep the published version until an editor accepts the change.
describe("a contributor's edits to a published article", () => {
  let gazette: TestGazette;
  let staff: TestStaff;
  let worldId: string;

  function articleForm(headline: string, overrides: Record<string, string> = {}): Record<string, string> {
    return draftArticleFields(headline, { sectionId: worldId, tags: '', bodyHtml: `<p>${'The harbour opened at dawn. '.repeat(30)}</p>`, ...overrides });
  }

  const slugOf = (headline: string) =>
    headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const reader = (path: string) => gazette.app.inject({ url: path });
  const auditLog = async () => (await (await staff.browserAs('owner')).get('/admin/audit')).body;
  const versionIn = (html: string) => /name="loadedVersion" value="(\d+)"/.exec(html)![1]!;

  /** `role` writes a piece and sends it for review (or saves it), then an editor publishes it as written. */
  async function publishedPieceBy(role: Role, headline: string): Promise<number> {
    const writer = await staff.browserAs(role);
    const created = await writer.post('/admin/articles/new', articleForm(headline, { intent: role === 'contributor' ? 'review' : 'save' }));
    assert.equal(created.statusCode, 303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
    const editor = await staff.browserAs('editor');
    const form = await editor.get(`/admin/articles/${id}`);
    assert.equal(
      (await editor.post(`/admin/articles/${id}`, articleForm(headline, { intent: 'publish', loadedVersion: versionIn(form.body) }))).statusCode,
      303,
    );
    assert.equal((await reader(`/world/${slugOf(headline)}`)).statusCode, 200, 'published');
    return id;
  }

  /** The editor's link to the change waiting on this article, as shown in its editor. */
  async function reviewLink(editor: FormClient, id: number): Promise<string> {
    const page = await editor.get(`/admin/articles/${id}`);
    const link = new RegExp(`href="(/admin/articles/${id}/changes/\\d+)">Review the change<`).exec(page.body)?.[1];
    assert.ok(link, 'the editor sees that a change waits for review');
    return link;
  }

  before(async () => {
    gazette = await buildTestApp();
    staff = await signInTestStaff(gazette, ['admin', 'editor', 'author', 'contributor'], { namePrefix: 'Edits', firstPage: '/admin/account' });
    ({ worldId } = await newArticleChoices(await staff.browserAs('owner')));
  });
  after(() => gazette.close());

  test("a contributor's save of their published piece is held: the page, its address and the home page are unchanged until an editor accepts", async () => {
    const id = await publishedPieceBy('contributor', 'Harbour reopens after storm');
    const contributor = await staff.browserAs('contributor');
    const form = await contributor.get(`/admin/articles/${id}`);
    const attack = await contributor.post(
      `/admin/articles/${id}`,
      articleForm('Harbour closed for good', {
        slug: 'harbour-closed-for-good',
        bodyHtml: '<p>Nothing the editor approved. <a href="https://phish.example/login">Details</a></p>',
        loadedVersion: versionIn(form.body),
      }),
    );
    assert.equal(attack.statusCode, 303);
    assert.equal(attack.headers.location, `/admin/articles/${id}?done=proposed`);

    const live = await reader('/world/harbour-reopens-after-storm');
    assert.equal(live.statusCode, 200, 'the old address still answers, with no 301');
    assert.match(live.body, /<h1 class="article__headline">Harbour reopens after storm<\/h1>/);
    assert.doesNotMatch(live.body, /Nothing the editor approved/);
    assert.equal((await reader('/world/harbour-closed-for-good')).statusCode, 404);
    assert.doesNotMatch((await reader('/')).body, /Harbour closed for good/);

    const reopened = await contributor.get(`/admin/articles/${id}`);
    assert.match(reopened.body, /Your changes are waiting for an editor(&#39;|’|')s review; readers still see the published version/);
    assert.match(
      reopened.body,
      /id="field-headline"[^>]*value="Harbour closed for good"|value="Harbour closed for good"[^>]*id="field-headline"/,
      'they go on from their proposal',
    );

    const editor = await staff.browserAs('editor');
    const diff = await editor.get(await reviewLink(editor, id));
    assert.equal(diff.statusCode, 200);
    assert.match(diff.body, /<h3>Headline<\/h3>\s*<p class="diff">[\s\S]*?<ins>[^<]*closed[^<]*<\/ins>/);
    assert.match(diff.body, /<h3>Slug<\/h3>/);
    assert.match(diff.body, /<h3>Links, photos and embeds in the body<\/h3>\s*<p class="diff">[\s\S]*?<ins>[^<]*phish/, 'a new link shows, not only new words');
    const accept = /<form method="post" action="([^"]+\/accept)"/.exec(diff.body)![1]!;
    const accepted = await editor.post(accept, { liveVersion: /name="liveVersion" value="(\d+)"/.exec(diff.body)![1]! });
    assert.equal(accepted.statusCode, 303);

    const moved = await reader('/world/harbour-reopens-after-storm');
    assert.equal(moved.statusCode, 301, 'once accepted, the old address moves like any slug change');
    assert.equal(moved.headers.location, '/world/harbour-closed-for-good');
    assert.match((await reader('/world/harbour-closed-for-good')).body, /<h1 class="article__headline">Harbour closed for good<\/h1>/);
    const log = await auditLog();
    assert.match(log, new RegExp(`<td>article\\.change-proposed</td>\\s*<td>${id}: Harbour reopens after storm`));
    assert.match(log, new RegExp(`<td>article\\.change-accepted</td>\\s*<td>${id}: Harbour reopens after storm`));
  });

  test('restoring an old revision of a live piece is held the same way', async () => {
    const id = await publishedPieceBy('contributor', 'Ferry timetable changes');
    const editor = await staff.browserAs('editor');
    const form = await editor.get(`/admin/articles/${id}`);
    assert.equal(
      (
        await editor.post(
          `/admin/articles/${id}`,
          articleForm('Ferry timetable changes from Monday', { slug: 'ferry-timetable-changes', loadedVersion: versionIn(form.body) }),
        )
      ).statusCode,
      303,
    );

    const contributor = await staff.browserAs('contributor');
    const revisions = await contributor.get(`/admin/articles/${id}/revisions`);
    assert.match(revisions.body, /Propose this version for review/);
    const oldest = [...revisions.body.matchAll(/action="(\/admin\/articles\/\d+\/revisions\/\d+\/restore)"/g)].at(-1)![1]!;
    const restored = await contributor.post(oldest, {});
    assert.equal(restored.statusCode, 303);
    assert.equal(restored.headers.location, `/admin/articles/${id}?done=proposed`);
    assert.match((await reader('/world/ferry-timetable-changes')).body, /<h1 class="article__headline">Ferry timetable changes from Monday<\/h1>/);
    assert.match(await auditLog(), new RegExp(`<td>article\\.change-proposed</td>\\s*<td>${id}: Ferry timetable changes from Monday`));
  });

  test('every button a contributor can press on a live piece either is refused or waits for review', async () => {
    const id = await publishedPieceBy('contributor', 'Council votes on tram line');
    const contributor = await staff.browserAs('contributor');
    for (const intent of ['publish', 'schedule', 'unpublish']) {
      const refused = await contributor.post(`/admin/articles/${id}`, articleForm(`Tram line ${intent}`, { intent, publishAt: '2099-01-01T06:00' }));
      assert.equal(refused.statusCode, 403, intent);
      assert.match(refused.body, /Your role cannot publish this article/);
      assert.match(refused.body, new RegExp(`value="Tram line ${intent}"`), 'what was typed is kept');
    }
    const review = await contributor.post(`/admin/articles/${id}`, articleForm('Tram line sent for review'));
    assert.equal(review.headers.location, `/admin/articles/${id}?done=proposed`);
    const live = await reader('/world/council-votes-on-tram-line');
    assert.equal(live.statusCode, 200);
    assert.match(live.body, /<h1 class="article__headline">Council votes on tram line<\/h1>/);
  });

  test("a contributor cannot accept their own change, and accepting needs the form's CSRF token", async () => {
    const id = await publishedPieceBy('contributor', 'Library keeps Sunday hours');
    const contributor = await staff.browserAs('contributor');
    await contributor.post(`/admin/articles/${id}`, articleForm('Library drops Sunday hours'));
    const editor = await staff.browserAs('editor');
    const link = await reviewLink(editor, id);
    const ownView = await contributor.get(link);
    assert.equal(ownView.statusCode, 200, 'the writer may compare their own change');
    assert.doesNotMatch(ownView.body, /\/accept"/);
    assert.equal((await (await staff.browserAs('author')).get(link)).statusCode, 403, 'nobody else who may not publish it sees it');
    assert.equal((await contributor.post(`${link}/accept`, { liveVersion: '2' })).statusCode, 403);
    await editor.get(link);
    const forged = await editor.post(`${link}/accept`, { liveVersion: '2', _csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.match((await reader('/world/library-keeps-sunday-hours')).body, /<h1 class="article__headline">Library keeps Sunday hours<\/h1>/);
  });

  test('an editor rejects a change: the page stays, the proposal is in the audit log, the writer sees the published version again', async () => {
    const id = await publishedPieceBy('contributor', 'Bridge repairs on schedule');
    const contributor = await staff.browserAs('contributor');
    await contributor.post(`/admin/articles/${id}`, articleForm('Bridge repairs abandoned'));
    const editor = await staff.browserAs('editor');
    const diff = await editor.get(await reviewLink(editor, id));
    const reject = /<form method="post" action="([^"]+\/reject)"/.exec(diff.body)![1]!;
    assert.equal((await editor.post(reject, {})).statusCode, 303);
    assert.match((await reader('/world/bridge-repairs-on-schedule')).body, /<h1 class="article__headline">Bridge repairs on schedule<\/h1>/);
    assert.match(
      await auditLog(),
      new RegExp(
        `<td>article\\.change-rejected</td>\\s*<td>${id}: Bridge repairs on schedule \\(change \\d+ by Edits contributor: “Bridge repairs abandoned”\\)`,
      ),
    );
    const again = await contributor.get(`/admin/articles/${id}`);
    assert.match(again.body, /value="Bridge repairs on schedule"/);
    assert.doesNotMatch(again.body, /waiting for an editor/);
    const decided = await editor.get(reject.replace(/\/reject$/, ''));
    assert.match(decided.body, /Rejected by Edits editor/, 'the rejected proposal can still be read');
  });

  test('the writer withdraws their change', async () => {
    const id = await publishedPieceBy('contributor', 'Market moves to the square');
    const contributor = await staff.browserAs('contributor');
    await contributor.post(`/admin/articles/${id}`, articleForm('Market moves to the river'));
    const page = await contributor.get(`/admin/articles/${id}`);
    const withdraw = /<form method="post" action="([^"]+\/withdraw)"/.exec(page.body)![1]!;
    assert.equal((await contributor.post(withdraw, {})).headers.location, `/admin/articles/${id}?done=withdrawn`);
    assert.match((await contributor.get(`/admin/articles/${id}`)).body, /value="Market moves to the square"/);
    assert.match(await auditLog(), new RegExp(`<td>article\\.change-withdrawn</td>\\s*<td>${id}: Market moves to the square`));
  });

  test('the article list marks live articles with a change waiting, in their own view', async () => {
    const id = await publishedPieceBy('contributor', 'Night buses return');
    await (await staff.browserAs('contributor')).post(`/admin/articles/${id}`, articleForm('Night buses return next week'));
    const changes = await (await staff.browserAs('editor')).get('/admin?view=changes');
    assert.equal(changes.statusCode, 200);
    assert.match(changes.body, new RegExp(`<a href="/admin/articles/${id}">Night buses return</a>[\\s\\S]*?Change waiting for review`));
  });

  // Who saves an edit of a live article, and what readers see afterwards.
  const matrix: readonly { role: Role; held: boolean }[] = [
    { role: 'owner', held: false },
    { role: 'admin', held: false },
    { role: 'editor', held: false },
    { role: 'author', held: false },
    { role: 'contributor', held: true },
  ];
  for (const { role, held } of matrix) {
    test(`edit of a live article by ${role === 'author' || role === 'contributor' ? `its ${role}` : `an ${role}`}: ${held ? 'held for review' : 'live at once'}, and audited`, async () => {
      const writer = role === 'author' || role === 'contributor' ? role : 'author';
      const headline = `Matrix piece for ${role}`;
      const id = await publishedPieceBy(writer, headline);
      const browser = await staff.browserAs(role);
      const form = await browser.get(`/admin/articles/${id}`);
      const saved = await browser.post(
        `/admin/articles/${id}`,
        articleForm(`${headline}, edited`, { slug: slugOf(headline), loadedVersion: versionIn(form.body) }),
      );
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/admin/articles/${id}?done=${held ? 'proposed' : 'saved'}`);
      const page = await reader(`/world/${slugOf(headline)}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1 class="article__headline">${held ? headline : `${headline}, edited`}</h1>`));
      assert.match(
        await auditLog(),
        new RegExp(`<td>article\\.${held ? 'change-proposed' : 'updated-live'}</td>\\s*<td>${id}: ${held ? headline : `${headline}, edited`}`),
      );
    });
  }
});
