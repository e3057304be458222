import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FormClient } from '../helpers/form-client.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let owner: FormClient;
let worldId: string;

before(async () => {
  gazette = await buildTestApp();
  owner = new FormClient(gazette.app);
  owner.setCookie('gazette_session', await signInTestOwner(gazette));
  worldId = /<option value="(\d+)">World<\/option>/.exec((await owner.get('/admin/articles/new')).body)![1]!;
});
after(() => gazette.close());

test('the photo dialog lists the library as JSON: staff only, public fields only, searchable', async () => {
  const stranger = await gazette.app.inject({ url: '/admin/media.json', headers: { accept: 'application/json' } });
  assert.equal(stranger.statusCode, 401);
  const answer = await owner.get('/admin/media.json');
  assert.equal(answer.statusCode, 200);
  assert.equal(answer.headers['cache-control'], 'no-store');
  const { items, total } = answer.json() as { items: Record<string, unknown>[]; total: number };
  assert.ok(items.length > 0 && total === items.length);
  for (const item of items) {
    assert.deepEqual(Object.keys(item).sort(), ['alt', 'caption', 'credit', 'height', 'id', 'imageUrl', 'name', 'storageKey', 'thumbnailUrl', 'width']);
  }
  assert.match(String(items[0]!.imageUrl), /^\/media\/[a-z0-9-]+\/\d+\.jpg$/);
  const credit = String(items[0]!.credit);
  const found = (await owner.get(`/admin/media.json?q=${encodeURIComponent(credit)}`)).json() as { items: { credit: string }[] };
  assert.ok(found.items.length > 0 && found.items.every((item) => item.credit.includes(credit)));
  assert.equal((await owner.get(`/admin/media.json?q=${'x'.repeat(201)}`)).statusCode, 400);
});

test('an inline photo and embeds typed in the editor are published as a responsive picture and click-to-load placeholders', async () => {
  const [photo] = ((await owner.get('/admin/media.json')).json() as { items: { storageKey: string; imageUrl: string; width: number; height: number }[] }).items;
  const figure = `<figure class="inline-photo" data-media="${photo!.storageKey}"><img src="${photo!.imageUrl}" alt="Cranes" width="${photo!.width}" height="${photo!.height}"><figcaption><span class="figure__text">At dawn</span> <span class="figure__credit">Photo: Desk</span></figcaption></figure>`;
  const video =
    '<figure class="embed" data-provider="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a></figure>';
  const post = '<figure class="embed" data-provider="x" data-url="https://x.com/gazette/status/1"><a href="https://x.com/gazette/status/1">x</a></figure>';
  const forged =
    '<figure class="embed" data-provider="youtube" data-url="https://evil.example/watch?v=dQw4w9WgXcQ"><iframe src="https://evil.example"></iframe></figure>';
  await owner.get('/admin/articles/new');
  const created = await owner.post('/admin/articles/new', {
    headline: 'Cranes at night',
    sectionId: worldId,
    bodyHtml: `<p>${'Cranes work through the night. '.repeat(20)}</p>${figure}${video}${post}${forged}`,
    intent: 'publish',
  });
  assert.equal(created.statusCode, 303);
  const stored = await gazette.database.db.selectFrom('articles').select('body_html').where('slug', '=', 'cranes-at-night').executeTakeFirstOrThrow();
  assert.ok(stored.body_html.includes(figure), 'the inline photo is stored in its one shape');
  assert.ok(!stored.body_html.includes('evil.example'), 'a forged embed is not stored');

  const page = await gazette.app.inject({ url: '/world/cranes-at-night' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<figure class="figure"><picture><source type="image/avif" srcset="/media/${photo!.storageKey}/`));
  assert.match(page.body, /alt="Cranes"[^>]*>[\s\S]*?<span class="figure__text">At dawn<\/span> <span class="figure__credit">Photo: Desk<\/span>/);
  assert.match(page.body, /<button type="button" class="embed__load" hidden="">Load the YouTube video \(this connects to YouTube\)<\/button>/);
  assert.match(page.body, /<a href="https:\/\/x\.com\/gazette\/status\/1" rel="noopener">View the post on X<\/a>/);
  assert.doesNotMatch(page.body, /<iframe|youtube-nocookie\.com\/embed\/[^"]*"[^>]*src=/);
  assert.match(page.body, /<script src="\/assets\/embeds\.[0-9a-f]+\.js" defer=""><\/script>/, 'the click-to-load script, on this page only');
  assert.match(String(page.headers['content-security-policy']), /frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com/);
  const other = await gazette.app.inject({ url: '/' });
  assert.doesNotMatch(other.body, /embeds\.[0-9a-f]+\.js|admin-editor/, 'reader pages never load the editor, nor embeds.js without an embed');
});

test('the editor page loads the rich editor bundle; its script is served, fingerprinted, compressed', async () => {
  const page = (await owner.get('/admin/articles/new')).body;
  const src = /<script src="(\/assets\/admin-editor\.[0-9a-f]{10}\.js)" defer=""><\/script>/.exec(page)?.[1];
  assert.ok(src, 'the editor page links the bundle');
  assert.match(
    page,
    /<form method="post" action="\/admin\/articles\/new" class="admin-form editor" novalidate="" data-rich-editor="true" data-library-url="\/admin\/media.json" data-draft-key="\d+:new" data-draft-fields="[^"]*bodyHtml[^"]*" data-tag-suggest-url="\/admin\/tags\/suggest">/,
  );
  const script = await gazette.app.inject({ url: src!, headers: { 'accept-encoding': 'br' } });
  assert.equal(script.statusCode, 200);
  assert.equal(script.headers['content-encoding'], 'br');
  assert.match(String(script.headers['cache-control']), /immutable/);
  assert.doesNotMatch((await owner.get('/admin/media')).body, /admin-editor\./, 'only the editor pages load it');
});
