import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { getArticle, saveArticleEdit, trashArticle } from '../../src/articles/index.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { savePage } from '../../src/pages/index.ts';

describe('newsroom pages pass axe-core WCAG 2.1 A and AA checks, light and dark', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let sessionToken: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const owner = await createTestOwner(server.gazette);
    sessionToken = owner.sessionToken;
    const { gazette } = server;
    const deps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
    // A demo article in the trash, so the trash's rows and the deletion confirmation are checked too.
    await trashArticle(deps, 2);
    // A page with a sub-page, for the pages list, its editor and the deletion confirmation.
    const about = await savePage(deps, { parentId: null, slug: 'about', title: 'About us', bodyHtml: '<p>Who we are.</p>', status: 'published' });
    await savePage(deps, { parentId: about.id, slug: 'team', title: 'Our team', bodyHtml: '', status: 'draft' });
    // A contributor's change to a published demo article, waiting for review.
    const contributor = (await addTestMember(gazette, owner.user, 'contributor', 'Axe contributor')).user;
    await gazette.database.db.updateTable('articles').set({ created_by: contributor.id }).where('id', '=', 3).execute();
    const live = await getArticle(gazette.database.db, 3);
    await saveArticleEdit(
      deps,
      3,
      {
        headline: `${live.headline}, revised`,
        standfirst: live.standfirst,
        dateline: live.dateline,
        bodyHtml: `${live.bodyHtml}<p>One more paragraph.</p>`,
        sectionId: live.section?.id ?? null,
        authorIds: live.authors.map((author) => author.id),
        tagIds: [],
        featuredMediaId: live.image?.id ?? null,
        slug: live.slug,
      },
      { editor: contributor },
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = [
    { name: 'sign-in page', path: '/admin/login', signedIn: false },
    { name: 'article list', path: '/admin', signedIn: true },
    { name: 'account page', path: '/admin/account', signedIn: true },
    { name: 'team page', path: '/admin/team', signedIn: true },
    { name: 'audit log', path: '/admin/audit', signedIn: true },
    { name: 'settings', path: '/admin/settings', signedIn: true },
    { name: 'two-step setup', path: '/admin/account/two-step', signedIn: true },
    { name: 'sections', path: '/admin/sections/1', signedIn: true },
    { name: 'authors', path: '/admin/authors', signedIn: true },
    { name: 'policy page (reader site)', path: '/policies/masthead', signedIn: false },
    { name: 'corrections page (reader site)', path: '/corrections', signedIn: false },
    { name: 'article editor', path: '/admin/articles/new', signedIn: true },
    { name: 'editor of a demo article', path: '/admin/articles/1', signedIn: true },
    { name: 'revisions of a demo article', path: '/admin/articles/1/revisions', signedIn: true },
    { name: 'password reset', path: '/admin/reset', signedIn: false },
    { name: 'trash', path: '/admin?view=trash', signedIn: true },
    { name: 'editor of a trashed article', path: '/admin/articles/2', signedIn: true },
    { name: 'permanent deletion confirmation', path: '/admin/articles/2/delete', signedIn: true },
    { name: 'editor of an article with a change waiting', path: '/admin/articles/3', signedIn: true },
    { name: 'proposed change', path: '/admin/articles/3/changes/1', signedIn: true },
    { name: 'changes to review', path: '/admin?view=changes', signedIn: true },
    { name: 'pages list', path: '/admin/pages', signedIn: true },
    { name: 'page editor', path: '/admin/pages/1', signedIn: true },
    { name: 'page deletion confirmation', path: '/admin/pages/1/delete', signedIn: true },
  ];
  for (const { name, path, signedIn } of pages) {
    test(`${name}, light and dark mode`, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      try {
        if (signedIn) {
          await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
        }
        const page = await context.newPage();
        const response = await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
        assert.equal(response?.status(), 200);
        assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, path, 'not redirected to sign in');
        const violations = await findViolationsInBothSchemes(page);
        assert.equal(violations.length, 0, `${path}:\n${violations.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
});
