import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/accounts/index.ts';
import { publishDueArticles } from '../../src/articles/index.ts';
import { feedFormats, feedUrl } from '../../src/platform/urls.ts';
import { fetchAllSitemaps, fetchOk, readFeedItems, sitemapPaths } from '../helpers/feeds.ts';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Trash, restore and permanent deletion: what leaves the site must leave it everywhere.
describe('the article trash', () => {
  let gazette: TestGazette;
  let staff: TestStaff;
  let worldId: string;
  let authorId: string;

  function articleForm(headline: string, overrides: Record<string, string> = {}): Record<string, string> {
    return draftArticleFields(headline, {
      sectionId: worldId,
      byline1: authorId,
      tags: 'Transport',
      bodyHtml: `<p>${'Ferries sail again. '.repeat(30)}</p>`,
      ...overrides,
    });
  }

  async function write(role: Role, headline: string, overrides: Record<string, string> = {}): Promise<{ id: number; path: string }> {
    const writer = await staff.browserAs(role);
    const response = await writer.post('/admin/articles/new', articleForm(headline, overrides));
    assert.equal(response.statusCode, 303, `${role} saved “${headline}”`);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(response.headers.location))![1]);
    const { slug } = await gazette.database.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, path: `/world/${slug}` };
  }

  async function auditLog(): Promise<string> {
    return (await (await staff.browserAs('owner')).get('/admin/audit')).body;
  }

  /** Every feed of the site and the World section, and every sitemap: each document a reader or crawler could find the story in. */
  async function everyDocument(): Promise<{ feedTitles: string[]; sitemapPathList: string[] }> {
    const feedTitles: string[] = [];
    for (const subject of [{ kind: 'site' } as const, { kind: 'section', slug: 'world' } as const]) {
      for (const format of feedFormats) {
        const response = await fetchOk(gazette, feedUrl(subject, format));
        feedTitles.push(...(await readFeedItems(response.body, String(response.headers['content-type']))).map((item) => item.title));
      }
    }
    const sitemaps = await fetchAllSitemaps(gazette);
    return { feedTitles, sitemapPathList: [...sitemaps.values()].flatMap(sitemapPaths) };
  }

  before(async () => {
    gazette = await buildTestApp();
    // Any newsroom page gives a browser the CSRF token for its next form.
    staff = await signInTestStaff(gazette, ['editor', 'author', 'contributor'], { namePrefix: 'Trash', firstPage: '/admin/account' });
    ({ worldId, authorId } = await newArticleChoices(await staff.browserAs('owner')));
  });
  after(() => gazette.close());

  test('a trashed article leaves its page (410), the lists, search, feeds and sitemaps at once, and waits in the Trash', async () => {
    const headline = 'Quokka census finds record numbers';
    const { id, path } = await write('editor', headline, { bodyHtml: `<p>${'The zyzzyvarine count rose. '.repeat(30)}</p>`, intent: 'publish' });
    // Everything is requested once first, so it is all in the page cache when the article is trashed.
    assert.equal((await gazette.app.inject({ url: path })).statusCode, 200);
    assert.match((await gazette.app.inject({ url: '/' })).body, new RegExp(headline));
    assert.match((await gazette.app.inject({ url: '/world' })).body, new RegExp(headline));
    assert.match((await gazette.app.inject({ url: '/search?q=zyzzyvarine' })).body, new RegExp(headline));
    const before = await everyDocument();
    assert.ok(before.feedTitles.includes(headline));
    assert.ok(before.sitemapPathList.includes(path));

    const editor = await staff.browserAs('editor');
    await editor.get(`/admin/articles/${id}`);
    const trashed = await editor.post(`/admin/articles/${id}/trash`, {});
    assert.equal(trashed.statusCode, 303);
    assert.equal(trashed.headers.location, '/admin?view=trash&done=trashed');

    const page = await gazette.app.inject({ url: path });
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /This page was removed/);
    assert.match(page.body, /taken this article down/);
    assert.doesNotMatch((await gazette.app.inject({ url: '/' })).body, new RegExp(headline));
    assert.doesNotMatch((await gazette.app.inject({ url: '/world' })).body, new RegExp(headline));
    assert.doesNotMatch((await gazette.app.inject({ url: '/search?q=zyzzyvarine' })).body, new RegExp(headline));
    const afterwards = await everyDocument();
    assert.ok(!afterwards.feedTitles.includes(headline), 'in no feed');
    assert.ok(!afterwards.sitemapPathList.includes(path), 'in no sitemap');
    const searchRow = await gazette.database.db.selectFrom('article_search').select('article_id').where('article_id', '=', id).executeTakeFirst();
    assert.equal(searchRow, undefined, 'the search index forgot it');

    const list = await editor.get('/admin');
    assert.doesNotMatch(list.body, new RegExp(headline), 'not in the working list');
    const trash = await editor.get('/admin?view=trash&done=trashed');
    assert.match(trash.body, /Moved to the trash/);
    assert.match(trash.body, new RegExp(`${headline}</a>`));
    assert.match(trash.body, new RegExp(`action="/admin/articles/${id}/restore"`));
    assert.match(trash.body, new RegExp(`href="/admin/articles/${id}/delete"`));
    assert.match(await auditLog(), new RegExp(`article\\.trashed[\\s\\S]*?${id}: ${headline}`));

    const edit = await editor.get(`/admin/articles/${id}`);
    assert.match(edit.body, /Status: <strong>In the trash<\/strong>/);
    assert.doesNotMatch(edit.body, /value="publish"/, 'no Publish button in the trash');
    const save = await editor.post(`/admin/articles/${id}`, articleForm('Edited in the trash', { intent: 'publish' }));
    assert.equal(save.statusCode, 409);
    assert.match(save.body, /in the trash\. Restore it/);
    assert.match(save.body, /value="Edited in the trash"/, 'what was typed is kept');
  });

  test('restoring brings it back as a draft, off the site until it is published again; every step is audited', async () => {
    const headline = 'Harbour ferry gets a new name';
    const { id, path } = await write('editor', headline, { intent: 'publish' });
    const editor = await staff.browserAs('editor');
    await editor.get(`/admin/articles/${id}`);
    await editor.post(`/admin/articles/${id}/trash`, {});
    await editor.get('/admin?view=trash');
    const restored = await editor.post(`/admin/articles/${id}/restore`, {});
    assert.equal(restored.statusCode, 303);
    assert.equal(restored.headers.location, `/admin/articles/${id}?done=restored`);
    const edit = await editor.get(`/admin/articles/${id}?done=restored`);
    assert.match(edit.body, /Restored from the trash as a draft/);
    assert.match(edit.body, /Status: <strong>Unpublished<\/strong>/);
    assert.equal((await gazette.app.inject({ url: path })).statusCode, 404, 'a draft, not gone');
    assert.match((await editor.get('/admin')).body, new RegExp(headline));
    assert.match(await auditLog(), new RegExp(`article\\.restored[\\s\\S]*?${id}: ${headline}`));
    assert.equal((await editor.post(`/admin/articles/${id}`, articleForm(headline, { intent: 'publish' }))).statusCode, 303);
    assert.equal((await gazette.app.inject({ url: path })).statusCode, 200);
    assert.equal((await editor.post(`/admin/articles/${id}/restore`, {})).statusCode, 409, 'only what is in the trash can be restored');
  });

  test('permanent deletion asks first, then removes the article with its revisions, autosaves, corrections and links', async () => {
    const headline = 'Bridge toll to be scrapped';
    const { id, path } = await write('editor', headline, { tags: 'Transport, Toll bridges', intent: 'publish' });
    const editor = await staff.browserAs('editor');
    await editor.get(`/admin/articles/${id}`);
    await editor.post(`/admin/articles/${id}/corrections`, { correctionKind: 'correction', correctionText: 'The toll is €2, not €3.' });
    await gazette.app.inject({
      method: 'POST',
      url: `/admin/articles/${id}/autosave`,
      payload: { baseVersion: 1, fields: { headline: 'Unsaved' } },
      headers: { cookie: editor.cookieHeader, 'x-csrf-token': /name="_csrf" value="([^"]+)"/.exec((await editor.get(`/admin/articles/${id}`)).body)![1]! },
    });
    assert.equal((await editor.get(`/admin/articles/${id}/delete`)).statusCode, 409, 'not before it is in the trash');
    assert.equal((await editor.post(`/admin/articles/${id}/delete`, {})).statusCode, 409);

    await editor.post(`/admin/articles/${id}/trash`, {});
    const confirm = await editor.get(`/admin/articles/${id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Delete this article permanently\?/);
    assert.match(confirm.body, new RegExp(`<form method="post" action="/admin/articles/${id}/delete"[^>]*><input type="hidden" name="_csrf" value="[^"]+"`));
    assert.equal((await editor.post(`/admin/articles/${id}/delete`, { _csrf: 'forged' })).statusCode, 403, 'a forged token is refused');
    const db = gazette.database.db;
    const counts = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        await Promise.all(
          (['article_revisions', 'article_autosaves', 'article_corrections', 'article_tags', 'article_authors'] as const).map(async (table) => [
            table,
            Number(
              (
                await db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .where('article_id', '=', id)
                  .executeTakeFirstOrThrow()
              ).n,
            ),
          ]),
        ),
      );
    assert.ok(
      Object.values(await counts()).every((count) => count > 0),
      JSON.stringify(await counts()),
    );

    await editor.get(`/admin/articles/${id}/delete`);
    const deleted = await editor.post(`/admin/articles/${id}/delete`, {});
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/admin?view=trash&done=deleted');
    assert.match((await editor.get('/admin?view=trash&done=deleted')).body, /deleted permanently/);
    assert.equal(await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst(), undefined);
    assert.deepEqual(Object.values(await counts()), [0, 0, 0, 0, 0]);
    assert.ok(await db.selectFrom('tags').select('id').where('slug', '=', 'toll-bridges').executeTakeFirst(), 'the tag itself stays');
    assert.equal((await gazette.app.inject({ url: path })).statusCode, 404, 'a deleted article is simply not found');
    assert.equal((await editor.get(`/admin/articles/${id}`)).statusCode, 404);
    assert.match(await auditLog(), new RegExp(`article\\.deleted[\\s\\S]*?${id}: ${headline}`));
  });

  test('a scheduled article moved to the trash never goes live', async () => {
    const { id, path } = await write('editor', 'Night market opens in spring', { intent: 'schedule', publishAt: '2099-03-01T06:00' });
    const editor = await staff.browserAs('editor');
    await editor.post(`/admin/articles/${id}/trash`, {});
    const due = await publishDueArticles({ db: gazette.database.db, clock: { now: () => new Date('2099-03-02T00:00:00Z') }, changes: gazette.changes });
    assert.deepEqual(due, []);
    gazette.setNow(new Date('2099-03-02T00:00:00Z'));
    try {
      assert.equal((await gazette.app.inject({ url: path })).statusCode, 404, 'never published, so not “gone” either');
    } finally {
      gazette.setNow(testNow);
    }
  });

  test('roles: editors trash and delete anything, authors trash and restore their own only, contributors neither', async () => {
    const byAuthor = await write('author', 'Author’s own story');
    const byEditor = await write('editor', 'Editor’s story');
    const byContributor = await write('contributor', 'Contributor’s draft');
    const author = await staff.browserAs('author');
    const contributor = await staff.browserAs('contributor');

    assert.equal((await author.post(`/admin/articles/${byEditor.id}/trash`, {})).statusCode, 403);
    assert.equal((await contributor.post(`/admin/articles/${byContributor.id}/trash`, {})).statusCode, 403);
    assert.doesNotMatch((await contributor.get(`/admin/articles/${byContributor.id}`)).body, /Move to trash/);
    assert.match((await author.get(`/admin/articles/${byAuthor.id}`)).body, /Move to trash/);
    assert.equal((await author.post(`/admin/articles/${byAuthor.id}/trash`, {})).statusCode, 303);
    const authorsTrash = (await author.get('/admin?view=trash')).body;
    assert.match(authorsTrash, new RegExp(`action="/admin/articles/${byAuthor.id}/restore"`));
    assert.doesNotMatch(authorsTrash, /\/delete"/, 'authors are not offered permanent deletion');
    assert.equal((await author.get(`/admin/articles/${byAuthor.id}/delete`)).statusCode, 403);
    assert.equal((await author.post(`/admin/articles/${byAuthor.id}/delete`, {})).statusCode, 403);

    const editor = await staff.browserAs('editor');
    assert.equal((await editor.post(`/admin/articles/${byContributor.id}/trash`, {})).statusCode, 303, 'editors may trash anyone’s');
    assert.equal((await author.post(`/admin/articles/${byContributor.id}/restore`, {})).statusCode, 403, 'not the author’s to restore');
    assert.equal((await contributor.post(`/admin/articles/${byContributor.id}/restore`, {})).statusCode, 403);
    assert.equal((await author.post(`/admin/articles/${byAuthor.id}/restore`, {})).statusCode, 303);
    await editor.get('/admin?view=trash');
    assert.equal((await editor.post(`/admin/articles/${byContributor.id}/delete`, {})).statusCode, 303);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    assert.equal(
      (await gazette.app.inject({ method: 'POST', url: `/admin/articles/${byEditor.id}/trash`, payload: '', headers: form })).statusCode,
      401,
      'strangers are refused',
    );
    const noToken = await gazette.app.inject({
      method: 'POST',
      url: `/admin/articles/${byEditor.id}/trash`,
      payload: '',
      headers: { ...form, cookie: editor.cookieHeader },
    });
    assert.equal(noToken.statusCode, 403, 'no CSRF token, no trash');
    assert.equal(
      (await gazette.database.db.selectFrom('articles').select('trashed_at').where('id', '=', byEditor.id).executeTakeFirstOrThrow()).trashed_at,
      null,
    );
  });
});
