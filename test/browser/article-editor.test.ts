import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer, waitUntilTrue } from '../helpers/chromium.ts';
import { assertCaretInClear, type CaretFacts, caretFacts } from '../helpers/caret-facts.ts';
import { createTestOwner } from '../helpers/newsroom.ts';

const fixtureImage = (name: string) => fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url));

describe('the rich article editor in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let sessionToken: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    sessionToken = (await createTestOwner(server.gazette)).sessionToken;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
    return context;
  }

  /** Script errors and Content-Security-Policy refusals: the editor must cause neither. */
  function watchForProblems(page: Page): string[] {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    return problems;
  }

  /** A closed dialog hands focus back to the editor on the next frame; keys pressed before then go nowhere. */
  async function waitForEditorFocus(page: Page): Promise<void> {
    await page.waitForFunction('document.activeElement?.classList.contains("rich-editor__content")');
  }

  async function openNewArticle(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/admin/articles/new`);
    await page.locator('.rich-editor__content').waitFor();
  }

  test('a new user writes an article with a heading, a list, a link and a library photo, and it is published', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await openNewArticle(page);
      assert.equal(await page.locator('textarea[name="bodyHtml"]').isVisible(), false, 'the textarea gives way to the editor');
      await page.getByLabel('Headline').fill('Night shift on the new cranes');
      await page.getByLabel('Section').selectOption({ label: 'World' });

      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await page.keyboard.type('Crane drivers now steer from an office three kilometres away.');
      await page.keyboard.press('Enter');
      const h2 = page.getByRole('button', { name: 'H2 heading' });
      await h2.click();
      await page.keyboard.type('What the union wants');
      assert.equal(await h2.getAttribute('aria-pressed'), 'true', 'the toolbar shows where the cursor is');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Shift+8');
      await page.keyboard.type('No job losses during the trial');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Retraining for lashers');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Read the union statement');
      await page.keyboard.press('Shift+Home');
      await page.getByRole('button', { name: 'Link' }).click();
      await page.getByLabel('Link address').fill('javascript:alert(1)');
      await page.getByRole('button', { name: 'Apply link' }).click();
      await page.getByText('Enter an address that starts with').waitFor();
      await page.getByLabel('Link address').fill('https://union.example/statement');
      await page.getByRole('button', { name: 'Apply link' }).click();
      await waitForEditorFocus(page);
      await page.keyboard.press('Enter');

      await page.getByRole('button', { name: 'Photo', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Insert a photo from the library' });
      await dialog.getByRole('button', { name: /Quay cranes/ }).click();
      await dialog.getByLabel('Caption').fill('A quay crane at dusk, steered from the office');
      await dialog.getByRole('button', { name: 'Insert photo' }).click();
      await body.locator('figure.inline-photo img').waitFor();

      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.waitForURL(/\/admin\/articles\/\d+\?done=published$/);
      await page.getByRole('link', { name: 'View on the site' }).click();
      await page.waitForURL(/\/world\/night-shift-on-the-new-cranes$/);

      const article = page.locator('.article__body');
      assert.equal(await article.getByRole('heading', { level: 2, name: 'What the union wants' }).count(), 1);
      assert.deepEqual(await article.locator('ul > li').allInnerTexts(), ['No job losses during the trial', 'Retraining for lashers']);
      assert.equal(await article.getByRole('link', { name: 'Read the union statement' }).getAttribute('href'), 'https://union.example/statement');
      const photo = article.locator('figure.figure');
      assert.equal(await photo.locator('picture source[type="image/avif"]').count(), 1);
      assert.match(String(await photo.locator('picture img').getAttribute('alt')), /container ship|crane/i);
      assert.equal(await photo.locator('.figure__text').innerText(), 'A quay crane at dusk, steered from the office');
      assert.match(await photo.locator('.figure__credit').innerText(), /^Photo: .+/i);
      await photo.locator('img').scrollIntoViewIfNeeded();
      // Lazy, and its variants are encoded on first request: wait for it rather than sample it.
      assert.equal(
        await photo.locator('img').evaluate(async (image: { decode(): Promise<void>; naturalWidth: number }) => {
          await image.decode();
          return image.naturalWidth > 0;
        }),
        true,
        'the photo loads',
      );
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('text typed into a new article survives a reload, and comes back only when asked', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      await openNewArticle(page);
      await page.getByLabel('Headline').fill('Unsaved ferry story');
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.type('Ferries stop at midnight from Monday.');
      // The browser keeps its copy a moment after the last key; reloading before then would lose it.
      await waitUntilTrue(
        page,
        `Object.keys(localStorage).some((key) => key.startsWith('gazette-draft:') && localStorage.getItem(key).includes('Ferries stop at midnight from Monday.'))`,
        'the draft kept in this browser',
      );
      await page.reload();
      await page.locator('.rich-editor__content').waitFor();
      assert.equal(await page.getByLabel('Headline').inputValue(), '', 'nothing is put back silently');
      await page.getByText('This browser kept text you typed here').waitFor();
      await page.getByRole('button', { name: 'Restore' }).click();
      assert.equal(await page.getByLabel('Headline').inputValue(), 'Unsaved ferry story');
      assert.equal(await page.getByRole('textbox', { name: 'Body' }).innerText(), 'Ferries stop at midnight from Monday.');
      assert.match(
        await page.locator('textarea[name="bodyHtml"]').inputValue(),
        /^<p>Ferries stop at midnight from Monday\.<\/p>$/,
        'the form posts what was restored',
      );

      await page.reload();
      await page.getByRole('button', { name: 'Discard' }).click();
      await page.reload();
      await page.locator('.rich-editor__content').waitFor();
      assert.equal(await page.getByText('This browser kept text you typed here').count(), 0, 'discarded for good');
    } finally {
      await context.close();
    }
  });

  test('axe finds no WCAG 2.1 A/AA violations on the enhanced editor and its dialogs, light and dark mode', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/admin/articles/1`);
      await page.getByRole('textbox', { name: 'Body' }).click();
      const checks: [string, string[]][] = [['editor', await findViolationsInBothSchemes(page)]];
      await page.getByRole('button', { name: 'Photo', exact: true }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Quay cranes/ })
        .click();
      checks.push(['photo dialog', await findViolationsInBothSchemes(page)]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Embed' }).click();
      await page.getByRole('dialog').getByLabel('Address of the video or post').fill('https://tiktok.example/x');
      await page.getByRole('button', { name: 'Insert embed' }).click();
      await page.getByText('Paste the https address').waitFor();
      checks.push(['embed dialog with an error', await findViolationsInBothSchemes(page)]);
      for (const [name, violations] of checks) assert.equal(violations.length, 0, `${name}:\n${violations.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('typing part of a tag name offers existing tags; one is picked by keyboard, one by mouse, and a new one is created on save', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}/admin/articles/new`);
      await page.locator('.rich-editor__content').waitFor();
      await page.getByLabel('Headline').fill('Housing costs push families to the coast');
      await page.getByLabel('Section').selectOption({ label: 'World' });

      const tags = page.getByRole('combobox', { name: 'Tags' });
      // Scoped to the suggestions: the section and photo fields are lists of options too.
      const suggestions = page.getByRole('listbox', { name: 'Existing tags' });
      await tags.click();
      await tags.pressSequentially('hou');
      const housing = suggestions.getByRole('option', { name: 'Housing', exact: true });
      await housing.waitFor();
      assert.equal(await tags.getAttribute('aria-expanded'), 'true');
      await page
        .getByRole('status')
        .filter({ hasText: /existing tag/ })
        .waitFor();
      const violations = await findViolationsInBothSchemes(page);
      assert.equal(violations.length, 0, `with suggestions open:\n${violations.join('\n')}`);

      await page.keyboard.press('ArrowDown');
      assert.equal(await housing.getAttribute('aria-selected'), 'true');
      assert.equal(await tags.getAttribute('aria-activedescendant'), await housing.getAttribute('id'));
      await page.keyboard.press('Enter');
      assert.equal(await tags.inputValue(), 'Housing, ', 'Enter picks the suggestion and does not submit the form');
      assert.equal(await tags.getAttribute('aria-expanded'), 'false');
      assert.match(page.url(), /\/admin\/articles\/new$/);

      await tags.pressSequentially('CLIM');
      await suggestions.getByRole('option', { name: 'Climate', exact: true }).click();
      assert.equal(await tags.inputValue(), 'Housing, Climate, ');
      await tags.pressSequentially('hous');
      await page
        .getByRole('status')
        .filter({ hasText: /No existing tag matches/ })
        .waitFor();
      assert.equal(await suggestions.getByRole('option').count(), 0, 'a tag already in the field is not offered again');
      await tags.press('Backspace');
      await tags.press('Backspace');
      await tags.press('Backspace');
      await tags.press('Backspace');
      await tags.pressSequentially('Coastal towns');
      await page.keyboard.press('Escape');
      assert.equal(await tags.getAttribute('aria-expanded'), 'false');

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/admin\/articles\/\d+\?done=saved$/);
      assert.equal(await page.getByRole('combobox', { name: 'Tags' }).inputValue(), 'Housing, Climate, Coastal towns');
      const id = Number(/\/admin\/articles\/(\d+)/.exec(page.url())![1]);
      const saved = await server.gazette.database.db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select('tags.name')
        .where('article_tags.article_id', '=', id)
        .orderBy('article_tags.position')
        .execute();
      assert.deepEqual(
        saved.map((row) => row.name),
        ['Housing', 'Climate', 'Coastal towns'],
      );
      assert.deepEqual(problems, [], 'no script errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
  test('the fields of "Address, search and social" are spaced like the bylines above them', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/admin/articles/1`);
      await page.getByText('Address, search and social').click();
      // From the bottom of what each field shows (its control, or the character counter under it) to the top of the next field's label.
      const gaps = await page.evaluate<{ address: number[]; bylines: number[] }>(`(() => {
        const gapsIn = (group) => {
          const fields = [...group.querySelectorAll('.field')];
          const bottomOf = (field) => field.getBoundingClientRect().bottom;
          return fields.slice(1).map((field, index) => field.querySelector('label').getBoundingClientRect().top - bottomOf(fields[index]));
        };
        return { address: gapsIn(document.querySelector('details.search-panel')), bylines: gapsIn(document.querySelector('fieldset.field-group:has([name=byline1])')) };
      })()`);
      assert.equal(gaps.address.length, 2, 'slug, search title, search description');
      for (const gap of gaps.address) {
        assert.ok(gap >= 8, `a label sits ${gap}px under the field above it`);
        assert.ok(Math.abs(gap - gaps.bylines[0]!) <= 1, `${gap}px apart, where the bylines are ${gaps.bylines[0]}px apart`);
      }
    } finally {
      await context.close();
    }
  });

  test('at 1366px the toolbar keeps its place and Save stays on screen on a long article', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/admin/articles/1`);
      const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
      await toolbar.waitFor();
      assert.equal(
        await toolbar.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth),
        true,
        'every button shows',
      );
      const save = page.getByRole('button', { name: 'Save changes' });
      for (const fraction of [0, 0.4]) {
        await page.evaluate(`window.scrollTo(0, ${fraction} * document.documentElement.scrollHeight)`);
        const box = (await save.boundingBox())!;
        assert.ok(box.y >= 0 && box.y + box.height <= 900, `scrolled ${fraction * 100}% down, Save is at ${box.y}px on a 900px screen`);
      }
      await save.click();
      await page.waitForURL(/\/admin\/articles\/1\?done=saved$/);
    } finally {
      await context.close();
    }
  });
  test('at 1366px the caret moved up through a long article stays below the two-row toolbar and clear of the save bar', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/admin/articles/1`);
      await page.getByRole('textbox', { name: 'Body' }).click();
      await page.keyboard.press('Control+End');
      for (let line = 1; line <= 20; line++) {
        await page.keyboard.press('Enter');
        await page.keyboard.insertText(`Line ${line}: the morning crew takes over the cranes at six.`);
      }
      for (let press = 0; press <= 30; press++) {
        if (press > 0) await page.keyboard.press('ArrowUp');
        assertCaretInClear(await page.evaluate<CaretFacts>(caretFacts), `after ${press} presses of ArrowUp`);
      }
    } finally {
      await context.close();
    }
  });
  /**
   * The core flow the newsroom is measured by: from the article list, a new article with a featured
   * photo uploaded from the editor, published. Every click and every page load is counted.
   */
  test('a new article with an uploaded featured photo is published from one screen, in at most 13 clicks', async (t) => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      let clicks = 0;
      let pageLoads = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) pageLoads += 1;
      });
      const click = async (target: ReturnType<Page['locator']>) => {
        clicks += 1;
        await target.click();
      };
      await page.goto(`${server.baseUrl}/admin`);
      await click(page.getByRole('link', { name: 'New article' }));
      // The page works before its script runs, but the editor's enhancements are what is measured.
      await page.locator('.rich-editor__content').waitFor();
      await click(page.getByLabel('Headline'));
      await page.keyboard.insertText('Night ferry crews vote to end the strike');
      await click(page.getByLabel('Standfirst'));
      await page.keyboard.insertText('Sailings resume at dawn after a ballot on the quay.');
      const chooser = page.waitForEvent('filechooser');
      await click(page.getByRole('button', { name: 'Upload a photo…' }));
      await (await chooser).setFiles(fixtureImage('harbour-xmp-and-iptc.jpg'));
      await page.locator('[data-featured-preview] img').waitFor();
      const featured = page.getByRole('group', { name: 'Featured photo' });
      const uploaded = { caption: await featured.getByLabel('Caption').inputValue(), credit: await featured.getByLabel('Credit').inputValue() };
      assert.notEqual(uploaded.caption, '', 'the caption comes from the photo’s own metadata');
      await click(featured.getByLabel('Alt text'));
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('Ferry crew members raise their hands in a vote on the quay at night');
      await click(page.getByRole('textbox', { name: 'Body' }));
      await page.keyboard.insertText('The crews of the night ferries voted on the quay to return to work. '.repeat(16));
      // Opening the list and choosing from it: two clicks.
      clicks += 2;
      await page.getByLabel('Section').selectOption({ label: 'World' });
      assert.match(String(await page.locator('[data-preview="breadcrumb"]').textContent()), /› world ›/, 'the search preview follows the section chosen');
      // Counted once typing pauses.
      await waitUntilTrue(
        page,
        `/^[1-9][\\d,]* words · 1 min read$/.test(document.getElementById('body-stats').textContent)`,
        'the word count follows the body',
      );
      await click(page.getByRole('button', { name: 'Publish now' }));
      await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
      const screens = new Set([new URL(page.url()).pathname.replace(/\d+$/, 'N'), '/admin/articles/new']).size;
      t.diagnostic(`core flow: ${clicks} clicks, ${pageLoads} page loads (article list, editor, published), ${screens - 1} editor screen`);
      assert.ok(clicks <= 13, `${clicks} clicks`);
      assert.ok(pageLoads <= 3, `${pageLoads} page loads`);
      assert.deepEqual(problems, [], 'no script errors or CSP refusals');

      const publicUrl = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');
      await page.goto(`${server.baseUrl}${publicUrl}`);
      const figure = page.locator('article figure').first();
      await assert.doesNotReject(figure.locator('img[alt="Ferry crew members raise their hands in a vote on the quay at night"]').waitFor());
      assert.match(await figure.innerText(), new RegExp(uploaded.caption.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      if (uploaded.credit) assert.match(await figure.innerText(), new RegExp(uploaded.credit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
    } finally {
      await context.close();
    }
  });

  test('on a Korean site the editor’s toolbar and photo dialog speak Korean, counting photos by Korean rules', async () => {
    const { language, timeZone } = server.gazette.settings.current();
    await server.gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}/admin/articles/1`);
      const toolbar = page.getByRole('toolbar', { name: '서식' });
      await toolbar.waitFor();
      assert.equal(await toolbar.getByRole('button', { name: '굵게' }).getAttribute('aria-keyshortcuts'), 'Control+B');
      assert.equal(await toolbar.getByRole('button', { name: 'Bold' }).count(), 0);
      await toolbar.getByRole('button', { name: '사진', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '라이브러리에서 사진 넣기' });
      await dialog
        .getByRole('status')
        .filter({ hasText: /^사진 \d+장$/ })
        .waitFor();
      assert.equal(await dialog.getByRole('button', { name: '사진 넣기' }).count(), 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.gazette.settings.update({ language, timeZone });
    }
  });
});
