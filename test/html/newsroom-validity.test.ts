import { test } from 'node:test';
import { issueSetupTokenIfNoUsers } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import type { User } from '../../src/accounts/index.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { javaSkipReason, testEachPageIsValid } from '../helpers/vnu.ts';

/** The editor with errors, an existing article, its revisions and its preview. */
async function editorPages(gazette: Awaited<ReturnType<typeof buildTestApp>>, sessionToken: string) {
  const editor = new FormClient(gazette.app);
  editor.setCookie('gazette_session', sessionToken);
  await editor.get('/admin/articles/new');
  const refused = await editor.post('/admin/articles/new', { headline: '', standfirst: 'x'.repeat(700), intent: 'save' });
  const created = await editor.post('/admin/articles/new', { headline: 'Valid markup check', bodyHtml: '<p>One</p>', intent: 'save' });
  const url = String(created.headers.location).split('?')[0]!;
  await editor.get(url);
  await editor.post(url, { headline: 'Valid markup check, again', bodyHtml: '<p>Two</p>', intent: 'save' });
  const pages = [
    { name: 'editor with errors', html: refused.body },
    { name: 'editor', html: (await editor.get(url)).body },
    { name: 'revisions', html: (await editor.get(`${url}/revisions`)).body },
    { name: 'preview', html: (await editor.get(`${url}/preview`)).body },
  ];
  await editor.post(`${url}/trash`, {});
  return [
    ...pages,
    { name: 'trash', html: (await editor.get('/admin?view=trash&done=trashed')).body },
    { name: 'editor of a trashed article', html: (await editor.get(url)).body },
    { name: 'permanent deletion confirmation', html: (await editor.get(`${url}/delete`)).body },
  ];
}

/** The pages list with a page and its sub-page, the page editor with an error, and the deletion confirmation. */
async function pagesEditorPages(gazette: Awaited<ReturnType<typeof buildTestApp>>, sessionToken: string) {
  const editor = new FormClient(gazette.app);
  editor.setCookie('gazette_session', sessionToken);
  const page = { title: 'About us', slug: 'about', parentId: '', position: '0', status: 'published', bodyHtml: '<p>Who we are.</p>' };
  await editor.get('/admin/pages/new');
  const url = String((await editor.post('/admin/pages/new', page)).headers.location).split('?')[0]!;
  await editor.get('/admin/pages/new');
  await editor.post('/admin/pages/new', { ...page, title: 'Team', slug: 'team', parentId: url.split('/').at(-1)!, status: 'draft' });
  await editor.get('/admin/pages/new');
  return [
    { name: 'pages list', html: (await editor.get('/admin/pages')).body },
    { name: 'page editor with errors', html: (await editor.post('/admin/pages/new', { ...page, title: '' })).body },
    { name: 'page editor', html: (await editor.get(url)).body },
    { name: 'page deletion confirmation', html: (await editor.get(`${url}/delete`)).body },
  ];
}

/** A contributor's change to their published piece, held for review: as they see it, and as an editor reviews it. */
async function pendingChangePages(gazette: Awaited<ReturnType<typeof buildTestApp>>, owner: { user: User; sessionToken: string }) {
  const contributor = new FormClient(gazette.app);
  contributor.setCookie('gazette_session', (await addTestMember(gazette, owner.user, 'contributor', 'Valid contributor')).sessionToken);
  const editor = new FormClient(gazette.app);
  editor.setCookie('gazette_session', owner.sessionToken);
  await contributor.get('/admin/articles/new');
  const form = { headline: 'Valid pending change', sectionId: '1', bodyHtml: '<p>One</p>', intent: 'review' };
  const url = String((await contributor.post('/admin/articles/new', form)).headers.location).split('?')[0]!;
  await editor.get(url);
  await editor.post(url, { ...form, intent: 'publish' });
  await contributor.get(url);
  await contributor.post(url, {
    ...form,
    headline: 'Valid pending change, proposed',
    bodyHtml: '<p>Two <a href="https://example.org/">links</a></p>',
    intent: 'save',
  });
  const editorView = (await editor.get(url)).body;
  const changeUrl = /href="(\/admin\/articles\/\d+\/changes\/\d+)"/.exec(editorView)![1]!;
  return [
    { name: 'editor of a live article with a change waiting, as its writer', html: (await contributor.get(url)).body },
    { name: 'revisions of a live article, as a contributor', html: (await contributor.get(`${url}/revisions`)).body },
    { name: 'editor of a live article with a change waiting, as an editor', html: editorView },
    { name: 'proposed change', html: (await editor.get(changeUrl)).body },
    { name: 'article list: changes to review', html: (await editor.get('/admin?view=changes')).body },
  ];
}

/** The settings form re-shown after a logo that is not in the library. */
async function settingsWithError(gazette: Awaited<ReturnType<typeof buildTestApp>>, sessionToken: string): Promise<string> {
  const admin = new FormClient(gazette.app);
  admin.setCookie('gazette_session', sessionToken);
  await admin.get('/admin/settings');
  return (await admin.post('/admin/settings', { name: 'Valid markup check', language: 'en', timeZone: 'UTC', logo: '999999' })).body;
}

test('newsroom pages are valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
  const gazette = await buildTestApp();
  try {
    const setupToken = await issueSetupTokenIfNoUsers({ db: gazette.database.db, clock: { now: () => new Date() } });
    const setupPage = (await gazette.app.inject({ url: `/admin/setup?token=${setupToken}` })).body;
    const owner = await createTestOwner(gazette);
    const { sessionToken } = owner;
    const signedIn = { cookie: `gazette_session=${sessionToken}` };
    const get = async (url: string, headers = {}) => (await gazette.app.inject({ url, headers })).body;
    const failedSignIn = new FormClient(gazette.app);
    await failedSignIn.get('/admin/login');
    const pages = [
      { name: 'first-run setup', html: setupPage },
      { name: 'sign-in', html: await get('/admin/login') },
      { name: 'sign-in with an error', html: (await failedSignIn.post('/admin/login', { email: 'a@b.example', password: 'nope' })).body },
      { name: 'article list', html: await get('/admin', signedIn) },
      { name: 'account', html: await get('/admin/account', signedIn) },
      { name: 'team', html: await get('/admin/team', signedIn) },
      { name: 'audit log', html: await get('/admin/audit', signedIn) },
      { name: 'settings', html: await get('/admin/settings', signedIn) },
      { name: 'settings with a logo refused', html: await settingsWithError(gazette, sessionToken) },
      { name: 'import', html: await get('/admin/import', signedIn) },
      { name: 'two-step setup', html: await get('/admin/account/two-step', signedIn) },
      { name: 'sections', html: await get('/admin/sections', signedIn) },
      { name: 'a section', html: await get('/admin/sections/1', signedIn) },
      { name: 'tags', html: await get('/admin/tags', signedIn) },
      { name: 'authors', html: await get('/admin/authors/1', signedIn) },
      { name: 'policy page (reader site)', html: await get('/policies/corrections') },
      { name: 'corrections page (reader site)', html: await get('/corrections') },
      { name: 'password reset request', html: await get('/admin/reset') },
      { name: 'new article', html: await get('/admin/articles/new', signedIn) },
      ...(await editorPages(gazette, sessionToken)),
      ...(await pagesEditorPages(gazette, sessionToken)),
      ...(await pendingChangePages(gazette, owner)),
    ];
    await testEachPageIsValid(t, pages);
  } finally {
    await gazette.close();
  }
});
