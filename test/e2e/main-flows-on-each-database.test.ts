import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commentOn, commentSection, postedCommentId } from '../helpers/comment-forms.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { fetchAllSitemaps, fetchOk, readFeedItems } from '../helpers/feeds.ts';
import { FormClient } from '../helpers/form-client.ts';
import { articleLinks } from '../helpers/html.ts';
import { addTestMember, createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { settingsForm } from '../helpers/settings-form.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The other e2e files run on SQLite; the queries behind them are proven on both databases by the
// *.queries.test.ts files. This one walks the main flows over HTTP on each database, so a dialect
// difference that only shows when the pieces work together (counts, dates, booleans) still fails.
forEachDialect('the main flows, end to end', (dialect) => {
  let gazette: TestGazette;
  let owner: FormClient;
  let editor: FormClient;
  let worldId: string;
  let authorId: string;
  const story = { headline: 'Night ferry crews win a shorter rota', slug: 'night-ferry-crews-win-a-shorter-rota' };
  const storyPath = `/world/${story.slug}`;

  function articleForm(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      headline: story.headline,
      standfirst: 'The union and the operator agreed after a night of talks in Helsinki.',
      dateline: 'Helsinki',
      sectionId: worldId,
      byline1: authorId,
      tags: 'Transport, Quayside',
      bodyHtml: '<p>Crews of the night ferries will work shorter rotas from Monday, ending the zephyrine dispute.</p>',
      intent: 'save',
      ...overrides,
    };
  }

  before(async () => {
    gazette = await buildTestApp({ dialect, commentsPerMinute: 1000 });
    const { user } = await createTestOwner(gazette);
    editor = new FormClient(gazette.app);
    editor.setCookie('gazette_session', (await addTestMember(gazette, user, 'editor', 'Eddie Ward')).sessionToken);
    owner = new FormClient(gazette.app);
    await owner.get('/admin/login');
    const signedIn = await owner.post('/admin/login', { email: testOwner.email, password: testOwner.password });
    assert.equal(signedIn.statusCode, 303, 'the owner signs in with the form');
    const form = (await owner.get('/admin/articles/new')).body;
    worldId = /<option value="(\d+)">World<\/option>/.exec(form)![1]!;
    authorId = /<select id="field-byline1"[\s\S]*?<option value="(\d+)"/.exec(form)![1]!;
  });
  after(() => gazette.close());

  test('readers get the demo front page, a section, a tag, an author and an article', async () => {
    const home = await fetchOk(gazette, '/');
    const links = articleLinks(home.body);
    assert.ok(links.length >= 10, 'the front page lists the demo stories');
    const article = await fetchOk(gazette, links[0]!);
    assert.match(article.body, /<h1 class="article__headline">/);
    const tag = /href="(\/tag\/[a-z0-9-]+)"/.exec(article.body)![1]!;
    const author = /href="(\/author\/[a-z0-9-]+)"/.exec(article.body)![1]!;
    for (const path of [`/${links[0]!.split('/')[1]}`, tag, author]) {
      assert.ok(articleLinks((await fetchOk(gazette, path)).body).includes(links[0]!), `${path} lists ${links[0]}`);
    }
    assert.equal((await gazette.app.inject({ url: '/world?page=99' })).statusCode, 404);
  });

  test('the newsroom writes, publishes and edits an article; every reader view follows', async () => {
    const created = await owner.post('/admin/articles/new', articleForm());
    assert.equal(created.statusCode, 303);
    const id = /\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]!;
    assert.match((await owner.get('/admin')).body, new RegExp(`${story.headline}</a>[\\s\\S]*?Draft`));
    assert.equal((await gazette.app.inject({ url: storyPath })).statusCode, 404, 'a draft is not public');

    assert.equal((await owner.post(`/admin/articles/${id}`, articleForm({ intent: 'publish' }))).statusCode, 303);
    const page = await fetchOk(gazette, storyPath);
    assert.match(page.body, /<span class="dateline">HELSINKI —<\/span>/);
    assert.ok(articleLinks((await fetchOk(gazette, '/')).body).includes(storyPath));
    assert.ok(articleLinks((await fetchOk(gazette, '/tag/quayside')).body).includes(storyPath));
    for (const feed of ['/feed.xml', '/feed.atom', '/feed.json', '/world/feed.xml']) {
      const response = await fetchOk(gazette, feed);
      const items = await readFeedItems(response.body, String(response.headers['content-type']));
      assert.equal(items[0]?.title, story.headline, `${feed} leads with the new story`);
    }
    const sitemaps = await fetchAllSitemaps(gazette);
    assert.ok(
      [...sitemaps.values()].some((xml) => xml.includes(`https://news.example${storyPath}</loc>`)),
      'a sitemap lists the story',
    );
    assert.match((await owner.get('/admin/audit')).body, /article\.published/);

    const renamed = articleForm({ intent: 'save', headline: 'Night ferry crews win shorter rotas', slug: `${story.slug}-update` });
    assert.equal((await owner.post(`/admin/articles/${id}`, renamed)).statusCode, 303);
    const moved = await gazette.app.inject({ url: storyPath });
    assert.equal(moved.statusCode, 301, 'the old address redirects');
    assert.equal(moved.headers.location, `${storyPath}-update`);
    assert.match((await fetchOk(gazette, `${storyPath}-update`)).body, /<h1 class="article__headline">Night ferry crews win shorter rotas<\/h1>/);
  });

  test('search finds a published story by its words, within a section, and marks them', async () => {
    const created = await owner.post(
      '/admin/articles/new',
      articleForm({ headline: 'Quillwort beds mapped along the ferry route', tags: 'Transport', intent: 'publish' }),
    );
    assert.equal(created.statusCode, 303);
    const found = await gazette.app.inject({ url: '/search?q=quillwort+ferry' });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /<mark>Quillwort<\/mark> beds mapped/);
    assert.match(found.body, /1 article found/);
    const elsewhere = await gazette.app.inject({ url: '/search?q=quillwort&section=culture' });
    assert.doesNotMatch(elsewhere.body, /<h3 class="search-result__headline">/);
    const dated = await gazette.app.inject({ url: `/search?q=quillwort&from=${testNow.toISOString().slice(0, 10)}` });
    assert.match(dated.body, /<mark>Quillwort<\/mark> beds mapped/);
    const manyWords = await gazette.app.inject({ url: '/search?q=quillwort+beds+mapped+along+ferry+route&section=world' });
    assert.match(manyWords.body, /1 article found/);
    const someWords = await gazette.app.inject({ url: '/search?q=quillwort+zeppelins+marmalade+ferry' });
    assert.match(someWords.body, /<mark>Quillwort<\/mark> beds mapped/, 'no article has every word: those with some of them');
  });

  test('a reader comments, an editor approves, and the page, counts and comment feed show it', async () => {
    const path = articleLinks((await fetchOk(gazette, '/')).body)[0]!;
    gazette.setNow(new Date(testNow.getTime() + 10_000));
    const posted = await commentOn(
      gazette,
      path,
      { name: 'Ada Reader', email: 'ada.reader@example.com', comment: 'The quay was busier than ever.' },
      { remoteAddress: '198.51.100.7' },
    );
    assert.equal(posted.statusCode, 303);
    const id = postedCommentId(posted);
    assert.doesNotMatch(commentSection((await fetchOk(gazette, path)).body), new RegExp(`comment-${id}"`), 'held until approved');

    const queue = await editor.get('/admin/comments?status=pending');
    assert.match(queue.body, new RegExp(`id="moderation-comment-${id}"`));
    assert.equal((await editor.post(`/admin/comments/${id}/approve`, {})).statusCode, 303);

    const page = await fetchOk(gazette, path);
    assert.match(commentSection(page.body), new RegExp(`<li id="comment-${id}" class="comment">`));
    assert.match(page.body, /"commentCount":1/);
    assert.match(page.body, /<a class="article__comment-count" href="#comments">1 comment<\/a>/);
    const feed = await fetchOk(gazette, `${path}/comments.json`);
    assert.match(feed.body, /The quay was busier than ever\./);
    assert.doesNotMatch(feed.body, /ada\.reader@example\.com/);
  });

  test('the newsroom changes a setting, moves an article to the trash and restores it', async () => {
    await owner.get('/admin/settings');
    assert.equal((await owner.post('/admin/settings', settingsForm({ 'policy-corrections': 'We fix mistakes.' }))).statusCode, 303);
    assert.match((await fetchOk(gazette, '/')).body, /<a class="masthead__name" href="\/">Harbour Evening Post<\/a>/);

    const path = articleLinks((await fetchOk(gazette, '/')).body)[1]!;
    const slug = path.split('/')[2]!;
    const id = (await gazette.database.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    await owner.get(`/admin/articles/${id}`);
    assert.equal((await owner.post(`/admin/articles/${id}/trash`, {})).statusCode, 303);
    assert.equal((await gazette.app.inject({ url: path })).statusCode, 410, 'a trashed article is gone from the site');
    assert.match((await owner.get('/admin?view=trash')).body, new RegExp(`/admin/articles/${id}"`));
    const restored = await owner.post(`/admin/articles/${id}/restore`, {});
    assert.equal(restored.headers.location, `/admin/articles/${id}?done=restored`);
    assert.match((await owner.get(`/admin/articles/${id}`)).body, /Status: <strong>Unpublished<\/strong>/);
  });
});
