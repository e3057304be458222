import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
const clients = new Map<Role, FormClient>();
const as = (role: Role) => clients.get(role)!;

/** Posts a form with the token of `formPage`, the way the browser posts the form it shows; entries may repeat a name. */
async function postForm(client: FormClient, url: string, entries: [string, string][], formPage = url) {
  const token = /name="_csrf" value="([^"]+)"/.exec((await client.get(formPage)).body)?.[1] ?? '';
  return gazette.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams([['_csrf', token], ...entries]).toString(),
    remoteAddress: client.remoteAddress,
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Uploads a copy of a fixture that no other test shares (one changed byte gives it its own storage key). */
async function uploadCopy(role: Role, name = 'square-xmp.png'): Promise<{ id: number; thumbnailUrl: string; originalName: string }> {
  const bytes = await readFile(new URL(`../fixtures/images/${name}`, import.meta.url));
  const copy = Buffer.concat([bytes, Buffer.from(`${role}-${Math.random()}`)]);
  const response = await uploadFiles(gazette.app, as(role), [{ name: `${role}-${name}`, bytes: copy }], { json: true, csrf: 'header' });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().added[0];
}

/** A demo photo shown as the featured photo of a published article, and that article's address. */
async function photoInUse(): Promise<{ id: number; articleUrl: string }> {
  const page = await as('owner').get('/admin/media/1');
  return { id: 1, articleUrl: /<a class="view-link" href="([^"]+)">View on the site/.exec(page.body)![1]! };
}

const descriptionOf = async (id: number) => {
  const html = (await as('owner').get(`/admin/media/${id}`)).body;
  const value = (name: string) =>
    new RegExp(`name="${name}"[^>]*?(?:value="([^"]*)"[^>]*)?>(?:([^<]*)</textarea>)?`)
      .exec(html)
      ?.slice(1)
      .find((text) => text !== undefined) ?? '';
  return { alt: value('alt'), caption: value('caption'), credit: value('credit') };
};

before(async () => {
  gazette = await buildTestApp();
  const owner = await createTestOwner(gazette);
  const sessions = new Map<Role, string>([['owner', owner.sessionToken]]);
  for (const role of ['admin', 'editor', 'author', 'contributor'] as const)
    sessions.set(role, (await addTestMember(gazette, owner.user, role, `Test ${role}`)).sessionToken);
  for (const [role, token] of sessions) {
    const client = new FormClient(gazette.app);
    client.setCookie('gazette_session', token);
    clients.set(role, client);
  }
});
after(() => gazette.close());

describe('editing a description', () => {
  test('the fields read from the file are shown pre-filled, and a save keeps SQL-looking text exactly', async () => {
    const item = await uploadCopy('owner', 'lighthouse-xmp.webp');
    assert.deepEqual(await descriptionOf(item.id), {
      alt: 'A white lighthouse half hidden by fog',
      caption: 'Lighthouse at Cape Point in fog.',
      credit: 'Coastal Images',
    });
    const sqlish = "Robert'); DROP TABLE media; -- 100% _sure_";
    const saved = await postForm(as('owner'), `/admin/media/${item.id}`, [
      ['alt', 'A lighthouse'],
      ['caption', sqlish],
      ['credit', ''],
      ['photographer', 'P'],
      ['copyright', 'C'],
    ]);
    assert.equal(saved.statusCode, 303);
    assert.match((await as('owner').get(String(saved.headers.location))).body, /Saved\./);
    assert.deepEqual(await descriptionOf(item.id), { alt: 'A lighthouse', caption: 'Robert&#39;); DROP TABLE media; -- 100% _sure_', credit: '' });
  });

  const hostile: [string, string | string[], RegExp, string][] = [
    ['overlong text', 'x'.repeat(10_000), /10,000 characters long/, 'x'.repeat(10_000)],
    ['HTML', 'A <b>bold</b> claim', /plain text/, 'A &lt;b&gt;bold&lt;/b&gt; claim'],
    ['a script', '<script>alert("x")</script>', /plain text/, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ['control characters', 'bell\u0007 and escape\u001b', /control characters/, 'bell� and escape�'],
    ['a repeated field (wrong type)', ['first', 'second'], /more than once/, 'first second'],
  ];
  for (const field of ['alt', 'caption', 'credit', 'photographer', 'copyright']) {
    for (const [label, value, message, shown] of hostile) {
      test(`${field} with ${label}: a message by the field, what was typed kept, nothing stored`, async () => {
        const { id } = await photoInUse();
        const before = await descriptionOf(id);
        const values = Array.isArray(value) ? value : [value];
        const entries: [string, string][] = [
          ['alt', 'Fine alt'],
          ['caption', 'Fine caption'],
        ].filter(([name]) => name !== field) as [string, string][];
        const response = await postForm(as('owner'), `/admin/media/${id}`, [...entries, ...values.map((text): [string, string] => [field, text])]);
        assert.equal(response.statusCode, 422);
        assert.match(response.body, new RegExp(`<p class="field__error" id="field-${field}-error">[^<]*${message.source}`));
        assert.ok(response.body.includes(shown), 'what was typed is shown again, escaped');
        assert.doesNotMatch(response.body, /<script>alert|<b>bold/);
        assert.match(response.body, /There is a problem/);
        assert.deepEqual(await descriptionOf(id), before);
      });
    }
  }

  test('empty alt text is refused; empty caption and credit are allowed', async () => {
    const item = await uploadCopy('owner');
    const empty = await postForm(as('owner'), `/admin/media/${item.id}`, [
      ['alt', '  '],
      ['caption', 'Kept'],
    ]);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Describe what the photo shows/);
    assert.match(empty.body, />Kept<\/textarea>/);
    assert.equal(
      (
        await postForm(as('owner'), `/admin/media/${item.id}`, [
          ['alt', 'A square'],
          ['caption', ''],
          ['credit', ''],
        ])
      ).statusCode,
      303,
    );
  });

  test('readers see the new caption at once: the cached article page is dropped', async () => {
    const { id, articleUrl } = await photoInUse();
    const before = await gazette.app.inject({ url: articleUrl });
    assert.equal((await gazette.app.inject({ url: articleUrl })).body, before.body, 'served from the cache');
    const caption = 'A caption written after the page was cached';
    const { alt } = await descriptionOf(id);
    assert.equal(
      (
        await postForm(as('editor'), `/admin/media/${id}`, [
          ['alt', alt],
          ['caption', caption],
          ['credit', 'Gazette'],
        ])
      ).statusCode,
      303,
    );
    const after = await gazette.app.inject({ url: articleUrl });
    assert.match(after.body, new RegExp(caption));
  });
});

describe('deleting', () => {
  test('a photo in use cannot be deleted; the page says why', async () => {
    const { id } = await photoInUse();
    const page = (await as('owner').get(`/admin/media/${id}`)).body;
    assert.doesNotMatch(page, /Delete this photo/);
    const response = await postForm(as('owner'), `/admin/media/${id}/delete`, [], `/admin/media/${id}`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /used in an article/);
    assert.equal((await as('owner').get(`/admin/media/${id}`)).statusCode, 200);
  });

  test('an unused photo is deleted with its original and its variants', async () => {
    const item = await uploadCopy('editor');
    assert.equal((await gazette.app.inject({ url: item.thumbnailUrl })).statusCode, 200);
    const storageKey = item.thumbnailUrl.split('/')[2]!;
    const variant = join(gazette.dataDir, 'media', 'variants', `${storageKey}-64.jpg`);
    const original = join(gazette.dataDir, 'media', 'originals', `${storageKey}.png`);
    await stat(variant);
    await stat(original);
    assert.match((await as('editor').get(`/admin/media/${item.id}`)).body, /Delete this photo/);
    const response = await postForm(as('editor'), `/admin/media/${item.id}/delete`, [], `/admin/media/${item.id}`);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/admin/media?done=deleted');
    assert.match((await as('editor').get(String(response.headers.location))).body, /The photo was deleted from the library\./);
    assert.equal((await as('editor').get(`/admin/media/${item.id}`)).statusCode, 404);
    assert.equal((await gazette.app.inject({ url: item.thumbnailUrl })).statusCode, 404);
    await assert.rejects(stat(variant));
    await assert.rejects(stat(original));
  });
});

describe('who may do what in the media library', () => {
  const roles: Role[] = ['owner', 'admin', 'editor', 'author', 'contributor'];
  const mayDelete: Record<Role, boolean> = { owner: true, admin: true, editor: true, author: false, contributor: false };
  for (const role of roles) {
    test(`${role}: browses, uploads and describes; ${mayDelete[role] ? 'may' : 'may not'} delete`, async () => {
      assert.equal((await as(role).get('/admin/media')).statusCode, 200);
      const item = await uploadCopy(role);
      assert.equal((await as(role).get(`/admin/media/${item.id}`)).statusCode, 200);
      assert.equal((await postForm(as(role), `/admin/media/${item.id}`, [['alt', `Described by ${role}`]])).statusCode, 303);
      assert.equal((await as(role).get(`/admin/media/${item.id}`)).body.includes('Delete this photo'), mayDelete[role]);
      const deleted = await postForm(as(role), `/admin/media/${item.id}/delete`, [], `/admin/media/${item.id}`);
      assert.equal(deleted.statusCode, mayDelete[role] ? 303 : 403);
      assert.equal((await as('owner').get(`/admin/media/${item.id}`)).statusCode, mayDelete[role] ? 404 : 200);
    });
  }

  test('strangers: pages send them to sign in, every action is refused', async () => {
    for (const url of ['/admin/media', '/admin/media/1']) assert.equal((await gazette.app.inject({ url })).statusCode, 303);
    for (const url of ['/admin/media', '/admin/media/1', '/admin/media/1/delete']) {
      const response = await gazette.app.inject({ method: 'POST', url, payload: 'alt=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(response.statusCode, 401, url);
    }
  });

  test('a bad id is a 400 or 404 page, never a 500', async () => {
    assert.equal((await as('owner').get('/admin/media/abc')).statusCode, 400);
    assert.equal((await as('owner').get('/admin/media/999999')).statusCode, 404);
  });
});
