import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The newsroom's list names only what each person may open or what readers can already see:
// contributors and authors see their own work in any state and everyone's published articles,
// never another writer's draft, review, scheduled or trashed headline.
describe('the article list a writer sees', () => {
  let gazette: TestGazette;
  const staff = new Map<Role, { user: User; sessionToken: string }>();
  let worldId: string;
  const ids = new Map<string, number>();

  async function browserAs(role: Role): Promise<FormClient> {
    const browser = new FormClient(gazette.app);
    browser.setCookie('gazette_session', staff.get(role)!.sessionToken);
    await browser.get('/admin/account');
    return browser;
  }

  async function write(role: Role, headline: string, intent: string, extra: Record<string, string> = {}): Promise<number> {
    const writer = await browserAs(role);
    const response = await writer.post('/admin/articles/new', {
      headline,
      standfirst: 'A standfirst.',
      sectionId: worldId,
      bodyHtml: `<p>${'Words for the list. '.repeat(30)}</p>`,
      intent,
      ...extra,
    });
    assert.equal(response.statusCode, 303, headline);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(response.headers.location))![1]);
    ids.set(headline, id);
    return id;
  }

  /** Every headline linked or named in the list's table, across all its pages. */
  async function listedHeadlines(browser: FormClient, view = ''): Promise<{ headlines: string[]; lede: string }> {
    const headlines: string[] = [];
    let lede = '';
    for (let page = 1; ; page++) {
      const response = await browser.get(`/admin?${view}${view ? '&' : ''}page=${page}`);
      assert.equal(response.statusCode, 200);
      lede ||= /<p class="admin-lede">([^<]*)<\/p>/.exec(response.body)![1]!;
      for (const row of response.body.matchAll(/<tr>\s*<td>([\s\S]*?)<\/td>/g))
        headlines.push(
          row[1]!
            .replace(/<span class="visually-hidden">[\s\S]*?<\/span>/g, '')
            .replace(/<[^>]+>/g, '')
            .replace(/\s*View$/, '')
            .trim(),
        );
      if (!response.body.includes('rel="next"')) return { headlines, lede };
    }
  }

  before(async () => {
    gazette = await buildTestApp();
    const owner = await createTestOwner(gazette);
    staff.set('owner', owner);
    for (const role of ['editor', 'author', 'contributor'] as const) staff.set(role, await addTestMember(gazette, owner.user, role, `List ${role}`));
    worldId = /<option value="(\d+)">World<\/option>/.exec((await (await browserAs('owner')).get('/admin/articles/new')).body)![1]!;
    await write('author', 'Secret author draft on the port deal', 'save');
    await write('author', 'Author piece published on the port', 'publish');
    await write('contributor', 'Contributor draft on ferry fares', 'save');
    await write('contributor', 'Contributor piece waiting in review', 'review');
    await write('editor', 'Embargoed editor scoop', 'schedule', { publishAt: '2099-01-01T06:00' });
    await write('editor', 'Editor draft about the mayor', 'save', { featuredMediaId: '1' });
    const trashed = await write('editor', 'Editor piece in the trash', 'save');
    const editor = await browserAs('editor');
    await editor.get(`/admin/articles/${trashed}`);
    assert.equal((await editor.post(`/admin/articles/${trashed}/trash`, {})).statusCode, 303);
  });
  after(() => gazette.close());

  test("a contributor's list holds their own drafts and published articles, never another writer's unpublished headline", async () => {
    const { headlines, lede } = await listedHeadlines(await browserAs('contributor'));
    assert.ok(headlines.includes('Contributor draft on ferry fares'));
    assert.ok(headlines.includes('Contributor piece waiting in review'));
    assert.ok(headlines.includes('Author piece published on the port'));
    for (const hidden of ['Secret author draft on the port deal', 'Embargoed editor scoop', 'Editor draft about the mayor', 'Editor piece in the trash']) {
      assert.ok(!headlines.includes(hidden), `“${hidden}” is not listed`);
    }
    assert.equal(lede, `${headlines.length} articles, most recently edited first.`, 'the count is of what they may see');
  });

  test('a photo\'s "where used" counts another writer\'s draft but does not name it', async () => {
    const page = await (await browserAs('contributor')).get('/admin/media/1');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Editor draft about the mayor/);
    assert.match(page.body, /you cannot open \(another writer’s unpublished work\)/);
    assert.match((await (await browserAs('editor')).get('/admin/media/1')).body, /Editor draft about the mayor/, 'an editor sees every use');
  });

  test('the whole page, its other views and counts name nothing else either', async () => {
    const contributor = await browserAs('contributor');
    for (const url of ['/admin', '/admin?view=changes', '/admin?view=trash', '/admin?view=trash&done=trashed']) {
      const body = (await contributor.get(url)).body;
      for (const hidden of ['Secret author draft', 'Embargoed editor scoop', 'Editor draft about the mayor', 'Editor piece in the trash'])
        assert.doesNotMatch(body, new RegExp(hidden), `${url}: ${hidden}`);
    }
    const trash = (await contributor.get('/admin?view=trash')).body;
    assert.match(trash, /Trash \(0\)/);
    assert.match(trash, /0 articles in the trash/);
  });

  test('an author, who may open only their own articles, gets the same list rule', async () => {
    const { headlines } = await listedHeadlines(await browserAs('author'));
    assert.ok(headlines.includes('Secret author draft on the port deal'));
    assert.ok(!headlines.includes('Contributor draft on ferry fares'));
    assert.ok(!headlines.includes('Embargoed editor scoop'));
  });

  test('an editor still sees every article', async () => {
    const { headlines } = await listedHeadlines(await browserAs('editor'));
    for (const shown of ['Secret author draft on the port deal', 'Contributor draft on ferry fares', 'Embargoed editor scoop', 'Editor draft about the mayor'])
      assert.ok(headlines.includes(shown), shown);
    assert.match((await (await browserAs('editor')).get('/admin?view=trash')).body, /Editor piece in the trash/);
  });

  test("opening another writer's draft directly is refused, with its revisions and preview", async () => {
    const contributor = await browserAs('contributor');
    const id = ids.get('Secret author draft on the port deal')!;
    for (const path of [`/admin/articles/${id}`, `/admin/articles/${id}/revisions`, `/admin/articles/${id}/preview`]) {
      const response = await contributor.get(path);
      assert.equal(response.statusCode, 403, path);
      assert.doesNotMatch(response.body, /Secret author draft/, path);
    }
  });
});
