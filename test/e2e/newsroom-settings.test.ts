import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { articleLinks, jsonLdBlocks } from '../helpers/html.ts';
import { schemaOrgProblems } from '../helpers/schema-org.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { settingsForm } from '../helpers/settings-form.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
const staff = new Map<Role, { user: User; sessionToken: string }>();

async function browserAs(role: Role): Promise<FormClient> {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', staff.get(role)!.sessionToken);
  await browser.get(role === 'editor' ? '/admin' : '/admin/settings');
  return browser;
}

before(async () => {
  gazette = await buildTestApp();
  const owner = await createTestOwner(gazette);
  staff.set('owner', owner);
  staff.set('editor', await addTestMember(gazette, owner.user, 'editor', 'Test editor'));
});
after(() => gazette.close());

test('the demo newsroom publishes its standards as pages linked from every footer', async () => {
  const home = (await gazette.app.inject({ url: '/' })).body;
  assert.match(home, /<a href="\/policies\/corrections">Corrections policy<\/a>/);
  const page = await gazette.app.inject({ url: '/policies/corrections' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 class="article__headline">Corrections policy<\/h1>/);
  assert.equal((await gazette.app.inject({ url: '/policies/nonsense' })).statusCode, 400);
});

test('the publisher in JSON-LD links the published standards, and every block is valid schema.org', async () => {
  const home = (await gazette.app.inject({ url: '/' })).body;
  const blocks = jsonLdBlocks(home);
  const organization = blocks.find((block) => block['@type'] === 'NewsMediaOrganization')!;
  assert.equal(organization.correctionsPolicy, 'https://news.example/policies/corrections');
  assert.equal(organization.masthead, 'https://news.example/policies/masthead');
  const articleUrl = articleLinks(home)[0]!;
  const article = jsonLdBlocks((await gazette.app.inject({ url: articleUrl })).body).find((block) => [block['@type']].flat().includes('NewsArticle'))!;
  assert.equal((article.publisher as Record<string, unknown>).ethicsPolicy, 'https://news.example/policies/ethics');
  for (const block of blocks) assert.deepEqual(schemaOrgProblems(block), []);
});

test('an admin changes the name, navigation, time zone and standards, and readers see it at once', async () => {
  const owner = await browserAs('owner');
  const saved = await owner.post('/admin/settings', settingsForm());
  assert.equal(saved.statusCode, 303);
  const home = (await gazette.app.inject({ url: '/' })).body;
  assert.match(home, /<a class="masthead__name" href="\/">Harbour Evening Post<\/a>/);
  assert.match(home, /<a href="\/culture">Culture<\/a>/);
  assert.doesNotMatch(home, /<a href="\/politics">Politics<\/a><\/li>/);
  assert.equal((await gazette.app.inject({ url: '/policies/ethics' })).statusCode, 404, 'an emptied policy has no page');
  assert.match((await gazette.app.inject({ url: '/policies/corrections' })).body, /<p>We fix mistakes.<\/p><p>Write to us.<\/p>/);
  assert.match((await owner.get('/admin/audit')).body, /settings\.changed/);
});

test('bad settings are refused field by field, with what was typed kept', async () => {
  const owner = await browserAs('owner');
  const response = await owner.post(
    '/admin/settings',
    settingsForm({
      name: '',
      language: 'not a language!',
      timeZone: 'Mars/Olympus',
      navigationText: 'World /world\n<script>alert(1)</script> | javascript:alert(1)',
      description: '<b>bold</b>',
    }),
  );
  assert.equal(response.statusCode, 422);
  for (const message of [/Give the site a name/, /Use a language tag/, /Use a time zone name/, /Line 1: write a label/]) assert.match(response.body, message);
  assert.match(response.body, /&lt;b&gt;bold&lt;\/b&gt;/);
  assert.match((await gazette.app.inject({ url: '/' })).body, /Harbour Evening Post/, 'nothing stored changed');
});

test('editors may not change settings', async () => {
  const editor = await browserAs('editor');
  assert.equal((await editor.get('/admin/settings')).statusCode, 403);
  assert.equal((await editor.post('/admin/settings', settingsForm({ name: 'Hijacked' }))).statusCode, 403);
});
