import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentOn, seedCommentThread } from '../helpers/comment-forms.ts';
import { FormClient } from '../helpers/form-client.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { findHtmlErrors, formatVnuMessage, type HtmlPage, javaSkipReason } from '../helpers/vnu.ts';

const articlePath = '/world/busan-terminal-remote-cranes-night-shift';

test('pages with comments are valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
  const gazette = await buildTestApp({ commentsPerMinute: 1000 });
  try {
    const seeded = await seedCommentThread(gazette, articlePath);
    const sessionToken = await signInTestOwner(gazette);
    const staff = new FormClient(gazette.app);
    staff.setCookie('gazette_session', sessionToken);
    await staff.get(`/admin/comments/${seeded.other}/edit`);
    assert.equal((await staff.post(`/admin/comments/${seeded.other}/reply`, { reply: 'A reply from the newsroom.' })).statusCode, 303);

    const get = async (name: string, url: string, headers: Record<string, string> = {}): Promise<HtmlPage> => {
      const response = await gazette.app.inject({ url, headers });
      assert.equal(response.statusCode, 200, `${name} (${url})`);
      return { name, html: response.body };
    };
    const staffPage = async (name: string, url: string): Promise<HtmlPage> => {
      const response = await staff.get(url);
      assert.equal(response.statusCode, 200, `${name} (${url})`);
      return { name, html: response.body };
    };
    const refused = await commentOn(gazette, articlePath, {
      name: '',
      email: 'nobody@localhost',
      website: 'ftp://example.org/',
      comment: 'Kept <text> & "quotes".',
    });
    assert.equal(refused.statusCode, 422);
    const pages: HtmlPage[] = [
      await get('article with threaded comments', articlePath),
      await get('the same, newest first', `${articlePath}?comments=newest`),
      await get('article with the reader’s own pending comment', articlePath, { cookie: seeded.pendingCookie }),
      await get('reply form (?replyto=)', `${articlePath}?replyto=${seeded.reply}`),
      { name: 'refused form with an error per field', html: refused.body },
      await get('article whose comments are closed', '/culture/mountain-village-choir-records-old-songs'),
      await staffPage('moderation queue, pending', '/admin/comments?status=pending'),
      await staffPage('moderation queue, approved', '/admin/comments?status=approved'),
      await staffPage('one commenter’s comments', '/admin/comments?email=aiko%40example.com'),
      await staffPage('edit and reply', `/admin/comments/${seeded.top}/edit`),
    ];
    const errorsByPage = await findHtmlErrors(pages);
    for (const page of pages) {
      await t.test(page.name, () => {
        const errors = errorsByPage.get(page.name) ?? [];
        assert.equal(errors.length, 0, `${page.name} has HTML errors:\n${errors.map((error) => `  ${formatVnuMessage(error)}`).join('\n')}`);
      });
    }
  } finally {
    await gazette.close();
  }
});
