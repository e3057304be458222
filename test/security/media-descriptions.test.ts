import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

describe('media descriptions', () => {
  let gazette: TestGazette;
  const people = new Map<Role, { user: User; client: FormClient }>();
  const as = (role: Role) => people.get(role)!.client;

  /** Posts the description form with the token of the page it is on, as a browser would. */
  async function saveDescription(role: Role, id: number, fields: Record<string, string>) {
    await as(role).get(`/admin/media/${id}`);
    return as(role).post(`/admin/media/${id}`, fields);
  }

  /** A copy of a fixture that no other test shares, uploaded by `role` through the drop zone. */
  async function uploadAs(role: Role): Promise<number> {
    const bytes = await readFile(new URL('../fixtures/images/square-xmp.png', import.meta.url));
    const copy = Buffer.concat([bytes, Buffer.from(`${role}-${Math.random()}`)]);
    const response = await uploadFiles(gazette.app, as(role), [{ name: `${role}-upload.png`, bytes: copy }], { json: true, csrf: 'header' });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { added: { id: number }[] }).added[0]!.id;
  }

  /** The stored caption, as the owner's edit page shows it. */
  async function captionOf(id: number): Promise<string> {
    const page = (await as('owner').get(`/admin/media/${id}`)).body;
    return /<textarea[^>]*name="caption"[^>]*>([^<]*)<\/textarea>/.exec(page)![1]!;
  }

  /** A demo photo that a published article shows, with that article's address. */
  async function photoInPublishedArticle(): Promise<{ id: number; articleUrl: string }> {
    const page = (await as('owner').get('/admin/media/1')).body;
    return { id: 1, articleUrl: /<a class="view-link" href="([^"]+)">View on the site/.exec(page)![1]! };
  }

  async function articleShowing(mediaId: number, headline: string, publish: 'no' | 'now' | 'later'): Promise<void> {
    const deps = { db: gazette.database.db, changes: gazette.changes, clock: gazette.site.clock };
    const sectionId = (await gazette.database.db.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
    const article = await createArticle(deps, {
      headline,
      standfirst: 'Standfirst.',
      sectionId,
      authorIds: [],
      tagIds: [],
      bodyHtml: '<p>Body.</p>',
      featuredMediaId: mediaId,
    });
    if (publish === 'now') await publishArticle(deps, article.id);
    if (publish === 'later') await publishArticle(deps, article.id, new Date(gazette.site.clock.now().getTime() + 86_400_000));
  }

  const hasDescriptionForm = (html: string, id: number) => new RegExp(`<form method="post" action="/admin/media/${id}"`).test(html);

  before(async () => {
    gazette = await buildTestApp();
    const owner = await createTestOwner(gazette);
    const sessions: [Role, { user: User; sessionToken: string }][] = [['owner', owner]];
    for (const role of ['editor', 'author', 'contributor'] as const) sessions.push([role, await addTestMember(gazette, owner.user, role, `Test ${role}`)]);
    for (const [role, { user, sessionToken }] of sessions) {
      const client = new FormClient(gazette.app);
      client.setCookie('gazette_session', sessionToken);
      people.set(role, { user, client });
    }
  });
  after(() => gazette.close());

  describe('who may change a photo’s description', () => {
    test('a contributor cannot rewrite the caption of a photo in a published article: 403, form hidden, readers unaffected', async () => {
      const { id, articleUrl } = await photoInPublishedArticle();
      const before = await captionOf(id);
      const articleBefore = (await gazette.app.inject({ url: articleUrl })).body;

      const page = await as('contributor').get(`/admin/media/${id}`);
      assert.equal(page.statusCode, 200);
      assert.equal(hasDescriptionForm(page.body, id), false, 'no form to fill in');
      assert.match(page.body, /<p class="form-message">[^<]*uploaded by someone else, so ask an editor/);

      const response = await as('contributor').post(`/admin/media/${id}`, { alt: 'Defaced', caption: 'A caption nobody approved', credit: 'Nobody' });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /<p class="form-message" role="alert">[^<]*ask an editor to change it/);
      assert.equal(hasDescriptionForm(response.body, id), false);
      assert.equal(await captionOf(id), before, 'nothing stored');
      const articleAfter = (await gazette.app.inject({ url: articleUrl })).body;
      assert.doesNotMatch(articleAfter, /A caption nobody approved/);
      assert.equal(articleAfter, articleBefore);
    });

    test('an author cannot describe a photo someone else uploaded, even one no article uses', async () => {
      const id = await uploadAs('editor');
      const response = await saveDescription('author', id, { alt: 'Changed by the author', caption: 'Not theirs' });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /uploaded by someone else/);
      assert.notEqual(await captionOf(id), 'Not theirs');
    });

    test('an author describes their own upload while only drafts use it, and not once a published article shows it', async () => {
      const id = await uploadAs('author');
      assert.match((await as('author').get(`/admin/media/${id}`)).body, /<dt>Uploaded<\/dt><dd><time[^>]*>[^<]*<\/time> by Test author<\/dd>/);
      assert.equal((await saveDescription('author', id, { alt: 'A yellow square', caption: 'Own photo, unused' })).statusCode, 303);
      await articleShowing(id, 'A draft with the author’s photo', 'no');
      assert.equal((await saveDescription('author', id, { alt: 'A yellow square', caption: 'Own photo, in a draft' })).statusCode, 303);
      assert.equal(await captionOf(id), 'Own photo, in a draft');

      await articleShowing(id, 'Published with the author’s photo', 'now');
      const page = await as('author').get(`/admin/media/${id}`);
      assert.equal(hasDescriptionForm(page.body, id), false);
      assert.match(page.body, /in published or scheduled work/);
      const response = await as('author').post(`/admin/media/${id}`, { alt: 'A yellow square', caption: 'Changed after publication' });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /role="alert">[^<]*in published or scheduled work/);
      assert.equal(await captionOf(id), 'Own photo, in a draft');
      assert.equal((await saveDescription('editor', id, { alt: 'A yellow square', caption: 'Changed by an editor' })).statusCode, 303, 'editors still may');
    });

    test('a contributor’s own upload is locked once a scheduled article shows it', async () => {
      const id = await uploadAs('contributor');
      await articleShowing(id, 'Scheduled with the contributor’s photo', 'later');
      const response = await saveDescription('contributor', id, { alt: 'A square', caption: 'Before the article goes out' });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /in published or scheduled work/);
    });

    test('an author’s own upload chosen as the site logo is locked for them', async () => {
      const id = await uploadAs('author');
      await gazette.settings.update({ logo: { mediaId: id, url: '/media/logo/480.webp', width: 480, height: 480 } });
      try {
        const response = await saveDescription('author', id, { alt: 'A logo', caption: 'Changed logo text' });
        assert.equal(response.statusCode, 403);
        assert.match(response.body, /the site’s logo/);
      } finally {
        await gazette.settings.update({ logo: null });
      }
    });
  });

  describe('a changed description is audited and the earlier text kept', () => {
    test('each change writes media.described to the audit log and lists the replaced text, who and when', async () => {
      const id = await uploadAs('author');
      const original = await captionOf(id);
      assert.equal((await saveDescription('editor', id, { alt: 'First alt', caption: 'First caption', credit: 'First credit' })).statusCode, 303);
      assert.equal((await saveDescription('owner', id, { alt: 'Second alt', caption: 'Second caption', credit: '' })).statusCode, 303);
      assert.equal(
        (await saveDescription('owner', id, { alt: 'Second alt', caption: 'Second caption', credit: '' })).statusCode,
        303,
        'saving the same text again',
      );

      const audit = (await as('owner').get('/admin/audit')).body;
      const entries = [...audit.matchAll(/<td>([^<]*)<\/td><td>media\.described<\/td><td>([^<]*)<\/td>/g)].filter(
        (match) => match[2] === `${id}: author-upload.png`,
      );
      assert.deepEqual(
        entries.map((match) => match[1]),
        ['Mina Park', 'Test editor'],
        'newest first; an unchanged save is not a change',
      );

      const page = (await as('owner').get(`/admin/media/${id}`)).body;
      const history = page.slice(page.indexOf('<h2>Earlier descriptions</h2>'), page.indexOf('<h2>Delete</h2>'));
      const replaced = [...history.matchAll(/Replaced <time datetime="[^"]+">[^<]+<\/time> by ([^<]+)<\/p><dl class="admin-facts">([\s\S]*?)<\/dl>/g)].map(
        (match) => ({
          by: match[1],
          caption: /<dt>Caption<\/dt><dd>([^<]*)<\/dd>/.exec(match[2]!)![1],
          credit: /<dt>Credit<\/dt><dd>([^<]*)<\/dd>/.exec(match[2]!)![1],
        }),
      );
      assert.deepEqual(replaced, [
        { by: 'Mina Park', caption: 'First caption', credit: 'First credit' },
        { by: 'Test editor', caption: original, credit: 'Studio Credit' },
      ]);
    });
  });
});
