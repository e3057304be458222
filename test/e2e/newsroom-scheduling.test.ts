import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publishDueArticles } from '../../src/articles/index.ts';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Scheduling as a night editor expects it: "Publish now" means now, a schedule can be changed or
// dropped, the newsroom sees when a story goes live, and the go-live itself is in the audit log.
// The demo newsroom's time zone is Europe/London, which is GMT at the test moment (27 November 2026, 12:00 UTC).
describe('scheduling in the newsroom', () => {
  let gazette: TestGazette;
  let staff: TestStaff;
  let worldId: string;
  let authorId: string;

  function articleForm(headline: string, overrides: Record<string, string> = {}): Record<string, string> {
    return draftArticleFields(headline, { sectionId: worldId, byline1: authorId, bodyHtml: `<p>${'The ferry sails at dawn. '.repeat(30)}</p>`, ...overrides });
  }

  /** Saves a new article with `overrides` (e.g. an intent) as the editor; its id and public path. */
  async function write(headline: string, overrides: Record<string, string> = {}): Promise<{ id: number; path: string; done: string }> {
    const editor = await staff.browserAs('editor');
    const response = await editor.post('/admin/articles/new', articleForm(headline, overrides));
    assert.equal(response.statusCode, 303, `“${headline}” was saved: ${response.body.slice(0, 200)}`);
    const location = String(response.headers.location);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(location)![1]);
    const { slug } = await gazette.database.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, path: `/world/${slug}`, done: /done=([\w-]+)/.exec(location)?.[1] ?? '' };
  }

  async function press(id: number, headline: string, overrides: Record<string, string>) {
    return (await staff.browserAs('editor')).post(`/admin/articles/${id}`, articleForm(headline, overrides));
  }

  async function stored(id: number) {
    const row = await gazette.database.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    return { status: row.status, publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString() };
  }

  const publicStatus = async (path: string) => (await gazette.app.inject({ url: path })).statusCode;

  before(async () => {
    gazette = await buildTestApp();
    staff = await signInTestStaff(gazette, ['editor'], { namePrefix: 'Night', firstPage: '/admin/account' });
    ({ worldId, authorId } = await newArticleChoices(await staff.browserAs('owner')));
  });
  after(() => gazette.close());

  test('Publish now on a story that was scheduled, then unscheduled, puts it live now, not back on its old schedule', async () => {
    const headline = 'Ferry timetable changes tonight';
    const { id, path } = await write(headline, { intent: 'schedule', publishAt: '2026-11-27T12:10' });
    assert.deepEqual(await stored(id), { status: 'scheduled', publishedAt: '2026-11-27T12:10:00.000Z' });
    assert.equal((await press(id, headline, { intent: 'unpublish' })).statusCode, 303);
    assert.deepEqual(await stored(id), { status: 'draft', publishedAt: null }, 'unscheduled: it never went live, so it keeps no date');
    assert.equal((await press(id, headline, { intent: 'publish' })).headers.location, `/admin/articles/${id}?done=published`);
    assert.deepEqual(await stored(id), { status: 'published', publishedAt: testNow.toISOString() });
    assert.equal(await publicStatus(path), 200);
  });

  test('Publish now on a draft still holding a time from an old schedule (as unscheduling used to leave it) puts it live now', async () => {
    const headline = 'Pier lights switched on';
    const { id, path } = await write(headline);
    await gazette.database.db.updateTable('articles').set({ published_at: '2026-11-27T12:10:00.000Z' }).where('id', '=', id).execute();
    assert.equal((await press(id, headline, { intent: 'publish' })).headers.location, `/admin/articles/${id}?done=published`);
    assert.deepEqual(await stored(id), { status: 'published', publishedAt: testNow.toISOString() });
    assert.equal(await publicStatus(path), 200);
  });

  test('Publish now on a scheduled story publishes it at once, and the editor offers it with Change time and Unschedule', async () => {
    const headline = 'Harbour bridge reopens early';
    const { id, path, done } = await write(headline, { intent: 'schedule', publishAt: '2026-11-27T18:30' });
    const editor = await staff.browserAs('editor');
    const page = (await editor.get(`/admin/articles/${id}?done=${done}`)).body;
    assert.match(page, /role="status">Scheduled for 27 November 2026[^<]*18:30 GMT \(Europe\/London\)/, 'the confirmation repeats the time and zone');
    assert.match(page, /Status: <strong>Scheduled<\/strong> for <time datetime="2026-11-27T18:30:00.000Z">27 November 2026[^<]*18:30 GMT<\/time>/);
    assert.match(page, /<button type="submit" name="intent" value="publish"[^>]*>Publish now<\/button>/);
    assert.match(page, /name="publishAt" type="datetime-local" value="2026-11-27T18:30"/, 'the date-time picker holds the current time');
    assert.match(page, /<button type="submit" name="intent" value="schedule"[^>]*>Change time<\/button>/);
    assert.match(page, /<button type="submit" name="intent" value="unpublish"[^>]*>Unschedule<\/button>/);

    assert.equal((await press(id, headline, { intent: 'schedule', publishAt: '2026-11-27T20:00' })).statusCode, 303);
    assert.deepEqual(await stored(id), { status: 'scheduled', publishedAt: '2026-11-27T20:00:00.000Z' }, 'Change time moved it');
    assert.equal(await publicStatus(path), 404);

    assert.equal((await press(id, headline, { intent: 'publish' })).headers.location, `/admin/articles/${id}?done=published`);
    assert.deepEqual(await stored(id), { status: 'published', publishedAt: testNow.toISOString() });
    assert.equal(await publicStatus(path), 200);
    const live = (await editor.get(`/admin/articles/${id}`)).body;
    assert.match(live, /Status: <strong>Published<\/strong> <time datetime="2026-11-27T12:00:00.000Z">27 November 2026[^<]*12:00 GMT<\/time>/);
  });

  test('a time within the current minute publishes now; a time already past is refused, saying what time it is', async () => {
    gazette.setNow(new Date('2026-11-27T12:00:40Z'));
    try {
      const { id, path, done } = await write('Storm warning lifted', { intent: 'schedule', publishAt: '2026-11-27T12:00' });
      assert.equal(done, 'due-now');
      assert.deepEqual(await stored(id), { status: 'published', publishedAt: '2026-11-27T12:00:40.000Z' });
      assert.equal(await publicStatus(path), 200);
      assert.match((await (await staff.browserAs('editor')).get(`/admin/articles/${id}?done=${done}`)).body, /role="status">[^<]*published it now/);

      const editor = await staff.browserAs('editor');
      const refused = await editor.post('/admin/articles/new', articleForm('Storm warning issued', { intent: 'schedule', publishAt: '2026-11-27T11:59' }));
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /That time has passed: it is now 27 November 2026[^<]*12:00 GMT/);
    } finally {
      gazette.setNow(testNow);
    }
  });

  test('a story that was live, then unpublished, keeps its first date when published again', async () => {
    const headline = 'Lighthouse keeper retires';
    const { id, path } = await write(headline, { intent: 'publish' });
    gazette.setNow(new Date('2026-11-27T15:00:00Z'));
    try {
      assert.equal((await press(id, headline, { intent: 'unpublish' })).statusCode, 303);
      assert.deepEqual(await stored(id), { status: 'draft', publishedAt: testNow.toISOString() });
      assert.equal((await press(id, headline, { intent: 'publish' })).statusCode, 303);
      assert.deepEqual(await stored(id), { status: 'published', publishedAt: testNow.toISOString() });
      assert.equal(await publicStatus(path), 200);
    } finally {
      gazette.setNow(testNow);
    }
  });

  test('the newsroom list says when a scheduled story goes live', async () => {
    const headline = 'Night buses extended to the airport';
    await write(headline, { intent: 'schedule', publishAt: '2026-11-28T06:45' });
    const list = (await (await staff.browserAs('editor')).get('/admin')).body;
    assert.match(
      list,
      new RegExp(
        `${headline}</a>[\\s\\S]*?Scheduled</span> <span class="status-when">for <time datetime="2026-11-28T06:45:00.000Z">28 November 2026[^<]*06:45 GMT</time>`,
      ),
    );
  });

  test('a scheduled story going live is in the audit log, done by no one in the newsroom, once', async () => {
    const headline = 'Tide tables for December';
    const { id } = await write(headline, { intent: 'schedule', publishAt: '2026-11-27T21:00' });
    const at = (iso: string) => ({ db: gazette.database.db, clock: { now: () => new Date(iso) }, changes: gazette.changes });
    assert.ok((await publishDueArticles(at('2026-11-27T21:00:01Z'))).includes(id));
    assert.equal((await publishDueArticles(at('2026-11-27T21:00:02Z'))).includes(id), false, 'it is published once');
    const entries = await gazette.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'article.published')
      .where('subject', 'like', `${id}: %`)
      .execute();
    assert.deepEqual(entries, [{ action: 'article.published', actor_user_id: null }]);
    const audit = (await (await staff.browserAs('owner')).get('/admin/audit')).body;
    assert.match(audit, new RegExp(`<td>—</td>\\s*<td>article\\.published</td>\\s*<td>${id}: ${headline} \\(went live on schedule\\)</td>`));
  });

  test('a slug another article uses is named once above the form and once at the field, which is opened to show it', async () => {
    await write('Harbour tunnel opens', { slug: 'harbour-tunnel-opens' });
    const editor = await staff.browserAs('editor');
    const refused = await editor.post('/admin/articles/new', articleForm('Tunnel opening delayed', { slug: 'harbour-tunnel-opens' }));
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.body.match(/Another article already uses this slug/g)?.length, 2, 'the summary and the field, nothing more');
    assert.match(refused.body, /<a href="#field-slug">Another article already uses this slug/);
    assert.match(refused.body, /<details class="field-group search-panel" open=""[^>]*>\s*<summary>Address, search and social<\/summary>/);
  });
});
