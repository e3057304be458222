import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { findOrCreateTag } from '../../src/tags/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

describe('tags in the editor', () => {
  let gazette: TestGazette;
  const staff = new Map<Role, { user: User; sessionToken: string }>();

  async function browserAs(role: Role, firstPage = '/admin/articles/new'): Promise<FormClient> {
    const client = new FormClient(gazette.app);
    client.setCookie('gazette_session', staff.get(role)!.sessionToken);
    await client.get(firstPage);
    return client;
  }

  async function suggest(q: string, role: Role | null = 'contributor') {
    const cookie = role ? { cookie: `gazette_session=${staff.get(role)!.sessionToken}` } : {};
    const response = await gazette.app.inject({ url: `/admin/tags/suggest?${new URLSearchParams({ q })}`, headers: { accept: 'application/json', ...cookie } });
    return { status: response.statusCode, body: response.json() as { tags: { id: number; name: string; slug: string }[] } };
  }
  const names = async (q: string) => (await suggest(q)).body.tags.map((tag) => tag.name);

  async function tagsOf(articleId: number): Promise<string[]> {
    const rows = await gazette.database.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', articleId)
      .orderBy('article_tags.position')
      .execute();
    return rows.map((row) => row.name);
  }

  before(async () => {
    gazette = await buildTestApp();
    const owner = await createTestOwner(gazette);
    staff.set('owner', owner);
    for (const role of ['editor', 'author', 'contributor'] as const) staff.set(role, await addTestMember(gazette, owner.user, role, `Tagging ${role}`));
    for (const name of ['São Paulo', '100% Renewable', 'Rail_Freight', ...Array.from({ length: 12 }, (_, i) => `Zeta ${String(i + 1).padStart(2, '0')}`)]) {
      await findOrCreateTag(gazette.database.db, { name });
    }
  });
  after(() => gazette.close());

  test('suggestions: staff only, names that start with the text first, only id, name and slug, at most eight', async () => {
    assert.equal((await suggest('hou', null)).status, 401, 'strangers get 401, not a sign-in page');
    const housing = await suggest('HOU');
    assert.equal(housing.status, 200);
    assert.deepEqual(
      housing.body.tags.map((tag) => Object.keys(tag).sort()),
      [['id', 'name', 'slug']],
    );
    assert.equal(housing.body.tags[0]?.name, 'Housing');
    assert.deepEqual(await names('imat'), ['Climate'], 'anywhere in the name');
    await findOrCreateTag(gazette.database.db, { name: 'Private water' });
    assert.deepEqual(await names('wat'), ['Water', 'Private water'], 'names starting with the text come first');
    assert.deepEqual(await names('sao'), ['São Paulo'], 'found by its slug without the accent');
    assert.equal((await names('zeta')).length, 8);
    assert.deepEqual(await names(''), []);
    assert.deepEqual(await names('   '), []);
  });

  test('what is typed is searched for literally: no wildcards, no SQL, no markup', async () => {
    assert.deepEqual(await names('%'), ['100% Renewable']);
    assert.deepEqual(await names('_'), ['Rail_Freight']);
    assert.deepEqual(await names('\\'), []);
    assert.deepEqual(await names("' OR 1=1 --"), []);
    assert.deepEqual(await names('<script>'), []);
    assert.equal((await suggest('x'.repeat(201))).status, 400, 'an overlong query is a bad request');
    const repeated = await gazette.app.inject({
      url: '/admin/tags/suggest?q=a&q=b',
      headers: { accept: 'application/json', cookie: `gazette_session=${staff.get('editor')!.sessionToken}` },
    });
    assert.equal(repeated.statusCode, 400);
  });

  test('an editor creates a tag on the fly by typing a new name; the same name twice is one tag', async () => {
    const editor = await browserAs('editor');
    const saved = await editor.post('/admin/articles/new', {
      headline: 'Night ferries return',
      tags: 'Transport, Night ferries, night ferries',
      intent: 'save',
    });
    assert.equal(saved.statusCode, 303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(saved.headers.location))![1]);
    assert.deepEqual(await tagsOf(id), ['Transport', 'Night ferries']);
    assert.deepEqual(await names('night f'), ['Night ferries'], 'and it is suggested from then on');
    assert.match((await editor.get(`/admin/articles/${id}`)).body, /data-tag-suggest-url="\/admin\/tags\/suggest"/);
  });

  test('authors choose existing tags; a new name is refused for the field, with what was typed kept', async () => {
    const author = await browserAs('author');
    assert.match((await author.get('/admin/articles/new')).body, /only editors can create new ones/);
    const refused = await author.post('/admin/articles/new', { headline: 'Cable car plan', tags: 'Transport, Cable cars, Gondolas', intent: 'save' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /id="field-tags-error">“Cable cars”, “Gondolas” are not tags yet, and only editors can create tags/);
    assert.match(refused.body, /value="Transport, Cable cars, Gondolas"/);
    assert.match(refused.body, /value="Cable car plan"/);
    const created = await gazette.database.db.selectFrom('tags').select('id').where('slug', 'in', ['cable-cars', 'gondolas']).execute();
    assert.deepEqual(created, [], 'no tag was created');
    assert.equal(await gazette.database.db.selectFrom('articles').select('id').where('headline', '=', 'Cable car plan').executeTakeFirst(), undefined);
    const saved = await author.post('/admin/articles/new', { headline: 'Cable car plan', tags: 'transport, São Paulo', intent: 'save' });
    assert.equal(saved.statusCode, 303, 'existing tags, in any case, are fine');
    assert.deepEqual(await tagsOf(Number(/\/admin\/articles\/(\d+)/.exec(String(saved.headers.location))![1])), ['Transport', 'São Paulo']);
    const contributor = await browserAs('contributor');
    assert.equal((await contributor.post('/admin/articles/new', { headline: 'Contributor tags', tags: 'Brand new', intent: 'save' })).statusCode, 422);
  });
});
