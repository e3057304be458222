import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { User } from '../../src/accounts/index.ts';
import { listArticleRevisions } from '../../src/articles/index.ts';
import { feedUrl } from '../../src/platform/urls.ts';
import { listAllMedia, type MediaItem } from '../../src/media/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { jsonLdBlocks, metaContent } from '../helpers/html.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { schemaOrgProblems } from '../helpers/schema-org.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

describe('social image and site logo', () => {
  let gazette: TestGazette;
  let owner: { user: User; sessionToken: string };
  let editorSession: string;
  let worldId: string;
  /** Two demo photos (JPEG, 1600 × 1067) and an uploaded PNG that no article uses. */
  let featured: MediaItem;
  let social: MediaItem;
  let unused: MediaItem;

  async function browser(sessionToken: string, firstPage = '/admin/account'): Promise<FormClient> {
    const client = new FormClient(gazette.app);
    client.setCookie('gazette_session', sessionToken);
    await client.get(firstPage);
    return client;
  }

  before(async () => {
    gazette = await buildTestApp();
    owner = await createTestOwner(gazette);
    editorSession = (await addTestMember(gazette, owner.user, 'editor', 'Social editor')).sessionToken;
    const upload = await uploadFiles(gazette.app, await browser(owner.sessionToken), [
      { name: 'square-xmp.png', bytes: await readFile(new URL('../fixtures/images/square-xmp.png', import.meta.url)) },
    ]);
    assert.equal(upload.statusCode, 200);
    const media = await listAllMedia(gazette.database.db);
    [featured, social] = media as [MediaItem, MediaItem];
    unused = media.find((item) => item.mimeType === 'image/png')!;
    const form = (await (await browser(owner.sessionToken)).get('/admin/articles/new')).body;
    worldId = /<option value="(\d+)">World<\/option>/.exec(form)![1]!;
  });
  after(() => gazette.close());

  async function publish(headline: string, fields: Record<string, string>): Promise<{ id: number; path: string; editor: FormClient }> {
    const editor = await browser(editorSession, '/admin/articles/new');
    const response = await editor.post('/admin/articles/new', {
      headline,
      standfirst: 'Standfirst.',
      sectionId: worldId,
      bodyHtml: `<p>${'Word '.repeat(120)}</p>`,
      intent: 'publish',
      ...fields,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(response.headers.location))![1]);
    const { slug } = await gazette.database.db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, path: `/world/${slug}`, editor };
  }

  const page = async (path: string) => (await gazette.app.inject({ url: path })).body;

  test('the article page shares the social image when one is chosen, and the featured photo when not', async () => {
    const { id, path, editor } = await publish('Lighthouse keepers return', { featuredMediaId: String(featured.id), socialImageId: String(social.id) });
    const withSocial = await page(path);
    assert.match(metaContent(withSocial, 'property', 'og:image') ?? '', new RegExp(`^https://news\\.example/media/${social.storageKey}/1600\\.jpg$`));
    assert.match(metaContent(withSocial, 'name', 'twitter:image') ?? '', new RegExp(`/media/${social.storageKey}/`));
    assert.equal(metaContent(withSocial, 'property', 'og:image:alt'), social.alt);
    assert.match(withSocial, new RegExp(`<img[^>]+/media/${featured.storageKey}/`), 'the page itself still shows the featured photo');
    assert.match(
      (await editor.get(`/admin/articles/${id}`)).body,
      new RegExp(`<select id="field-socialImageId"[\\s\\S]*?<option value="${social.id}" selected="">`),
    );

    await editor.post(`/admin/articles/${id}`, {
      headline: 'Lighthouse keepers return',
      standfirst: 'Standfirst.',
      sectionId: worldId,
      featuredMediaId: String(featured.id),
      socialImageId: '',
      bodyHtml: `<p>${'Word '.repeat(120)}</p>`,
    });
    const withoutSocial = await page(path);
    assert.match(
      metaContent(withoutSocial, 'property', 'og:image') ?? '',
      new RegExp(`/media/${featured.storageKey}/1600\\.jpg$`),
      'the cached page was dropped by the save',
    );
    assert.equal(metaContent(withoutSocial, 'property', 'og:image:alt'), featured.alt);

    const [latest, first] = await listArticleRevisions(gazette.database.db, id);
    assert.equal(first?.snapshot.socialImageId, social.id, 'revisions keep the social image');
    assert.equal(latest?.snapshot.socialImageId, null);
    const crafted = await editor.post(`/admin/articles/${id}`, { headline: 'Lighthouse keepers return', sectionId: worldId, socialImageId: '999999' });
    assert.equal(crafted.statusCode, 422);
    assert.match(crafted.body, /id="field-socialImageId-error">Choose one of the options/);
  });

  test('an image used only as a social image is in use: listed where used, and not deleted', async () => {
    const { id } = await publish('Dunes after the rain', { socialImageId: String(unused.id) });
    const owners = await browser(owner.sessionToken, `/admin/media/${unused.id}`);
    assert.match((await owners.get(`/admin/media/${unused.id}`)).body, new RegExp(`<a href="/admin/articles/${id}">Dunes after the rain</a>`));
    const refused = await owners.post(`/admin/media/${unused.id}/delete`, {});
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /This image is used in an article/);
    assert.ok(
      (await listAllMedia(gazette.database.db)).some((item) => item.id === unused.id),
      'still in the library',
    );
  });

  function publisherLogo(html: string): { url: string; width: number; height: number } {
    const article = jsonLdBlocks(html).find((block) => [block['@type']].flat().includes('NewsArticle')) as {
      publisher: { logo: { url: string; width: number; height: number } };
    };
    return article.publisher.logo;
  }

  function settingsForm(logo: string, overrides: Record<string, string> = {}): Record<string, string> {
    return {
      name: 'The Meridian Gazette',
      description: 'Independent reporting.',
      language: 'en-GB',
      timeZone: 'Europe/London',
      navigationText: 'World | /world',
      feedContent: 'full',
      logo,
      'policy-corrections': 'We correct mistakes.',
      'policy-ethics': '',
      'policy-ownership': '',
      'policy-masthead': '',
      'policy-feedback': '',
      ...overrides,
    };
  }

  test('a logo chosen in the settings is the publisher logo in JSON-LD and feeds at once; clearing it restores the shipped one', async () => {
    const { path } = await publish('Harbour pilots get radios', {});
    const shipped = publisherLogo(await page(path));
    assert.match(shipped.url, /^https:\/\/news\.example\/assets\/logo[^/]*\.png$/);
    assert.deepEqual([shipped.width, shipped.height], [512, 512]);

    const admin = await browser(owner.sessionToken, '/admin/settings');
    assert.match((await admin.get('/admin/settings')).body, new RegExp(`<option value="${unused.id}">`), 'library images are offered');
    const saved = await admin.post('/admin/settings', settingsForm(String(unused.id)));
    assert.equal(saved.statusCode, 303);
    const chosen = publisherLogo(await page(path));
    // A PNG logo is served as WebP, which keeps its transparent ground; at its own size, never enlarged.
    assert.equal(chosen.url, `https://news.example/media/${unused.storageKey}/${unused.width}.webp`);
    assert.deepEqual([chosen.width, chosen.height], [unused.width, unused.height]);
    assert.equal((await gazette.app.inject({ url: new URL(chosen.url).pathname })).statusCode, 200, 'the logo variant is served');
    const organization = jsonLdBlocks(await page('/')).find((block) => block['@type'] === 'NewsMediaOrganization') as { logo: { url: string } };
    assert.equal(organization.logo.url, chosen.url);
    assert.deepEqual(schemaOrgProblems(organization), []);
    assert.match(await page(feedUrl({ kind: 'site' }, 'rss')), new RegExp(`<url>${chosen.url}</url>`));
    assert.match(await page(feedUrl({ kind: 'site' }, 'atom')), new RegExp(`<logo>${chosen.url}</logo>`));
    assert.match((await admin.get('/admin/settings')).body, new RegExp(`<option value="${unused.id}" selected="">`));

    const logoDelete = await admin.post(`/admin/media/${unused.id}/delete`, {});
    assert.equal(logoDelete.statusCode, 409);
    assert.match(logoDelete.body, /the site’s logo/);

    await admin.get('/admin/settings');
    assert.equal((await admin.post('/admin/settings', settingsForm(''))).statusCode, 303);
    assert.deepEqual(publisherLogo(await page(path)), shipped);
  });

  test('a logo that is not in the library is refused with a message, and the form keeps what was typed', async () => {
    const admin = await browser(owner.sessionToken, '/admin/settings');
    for (const typed of ['999999', '<script>alert(1)</script>', '1 OR 1=1']) {
      const refused = await admin.post('/admin/settings', settingsForm(typed, { name: 'Name typed before the error' }));
      assert.equal(refused.statusCode, 422, typed);
      assert.match(refused.body, /id="field-logo-error">There is no such image in the media library/);
      assert.match(refused.body, /value="Name typed before the error"/);
      assert.doesNotMatch(refused.body, /<script>alert/);
      assert.match(refused.body, /\(not in the library\)<\/option>/);
    }
    const both = await admin.post('/admin/settings', settingsForm('999999', { name: '' }));
    assert.match(both.body, /Give the site a name[\s\S]*There is no such image/, 'every problem at once');
    assert.equal(gazette.settings.current().name, 'The Meridian Gazette', 'nothing was saved');
    assert.equal(gazette.settings.current().logo, null);
  });
});
