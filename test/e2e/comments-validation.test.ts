import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commentSection, postedCommentId } from '../helpers/comment-forms.ts';
import { assertHas, demo, escapeHtml, fieldError, inputValue, ok, textareaValue, useCommentTestSite } from '../helpers/comment-pages.ts';

// What a comment form accepts and refuses, field by field, and how a refusal shows.
describe('comments on the reader site', () => {
  const site = useCommentTestSite();

  describe('validation', () => {
    test('an empty form gets a message for each required field, a summary, and nothing is stored', async () => {
      const before = (await site.storedComments()).length;
      const response = await site.post(demo.mekong, { name: '', email: '', comment: '' });
      assert.equal(response.statusCode, 422);
      assert.equal(response.headers['cache-control'], 'no-store');
      for (const field of ['name', 'email', 'comment']) {
        assert.ok(fieldError(response.body, field), `${field} has its own message`);
        assertHas(response.body, new RegExp(`id="comment-${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="comment-${field}-error"`));
      }
      assert.equal(fieldError(response.body, 'website'), undefined, 'the website is optional');
      assertHas(response.body, /<div class="error-summary" role="alert"/);
      assertHas(response.body, /<a href="#comment-name">/);
      assert.equal((await site.storedComments()).length, before);
    });

    test('every field typed wrongly comes back as typed, escaped, each with its message', async () => {
      const typed = {
        name: `<b onmouseover="x()">Zoë</b> & "friends" ${'n'.repeat(100)}`,
        email: 'not-an-email<script>',
        website: 'javascript:alert("x")',
        comment: `<script>alert("x")</script> & "quoted" 'single' ${'c'.repeat(5000)}`,
      };
      const response = await site.post(demo.mekong, { ...typed, reply_alerts: 'on' });
      assert.equal(response.statusCode, 422);
      assert.match(fieldError(response.body, 'name') ?? '', /100/);
      assert.match(fieldError(response.body, 'email') ?? '', /email address/i);
      assert.match(fieldError(response.body, 'website') ?? '', /http/);
      assert.match(fieldError(response.body, 'comment') ?? '', /5,000/);
      assert.equal(inputValue(response.body, 'name'), escapeHtml(typed.name));
      assert.equal(inputValue(response.body, 'email'), escapeHtml(typed.email));
      assert.equal(inputValue(response.body, 'website'), escapeHtml(typed.website));
      const textarea = textareaValue(response.body) ?? '';
      assert.ok(textarea.includes('&lt;script&gt;alert('), 'the comment is escaped in the textarea');
      assert.equal(
        textarea.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
        typed.comment,
      );
      assertHas(response.body, /<input id="comment-reply-alerts" name="reply_alerts" type="checkbox" checked/, 'the box stays ticked');
      assert.ok(!response.body.includes('<script>alert("x")'), 'nothing typed became markup');
      assert.ok(!response.body.includes('onmouseover="x()"'));
    });

    test('with JSON: 422 and one message per field', async () => {
      const response = await site.post(demo.mekong, { name: '', email: 'x@', website: 'ftp://example.org/', comment: '  ' }, { json: true });
      assert.equal(response.statusCode, 422);
      const body = response.json() as { message: string; errors: Record<string, string> };
      assert.ok(body.message);
      assert.deepEqual(Object.keys(body.errors).sort(), ['comment', 'email', 'name', 'website']);
    });

    const boundaries = [
      { field: 'name', value: 'n'.repeat(100), accepted: true },
      { field: 'name', value: 'n'.repeat(101), accepted: false },
      { field: 'name', value: '𝒜'.repeat(100), accepted: true, note: '100 characters outside the BMP are 100 characters' },
      { field: 'comment', value: 'c'.repeat(5000), accepted: true },
      { field: 'comment', value: 'c'.repeat(5001), accepted: false },
      { field: 'comment', value: 'é'.repeat(5000), accepted: true, note: 'characters, not bytes' },
      { field: 'website', value: `https://example.org/${'w'.repeat(180)}`, accepted: true },
      { field: 'website', value: `https://example.org/${'w'.repeat(181)}`, accepted: false },
      { field: 'email', value: `${'e'.repeat(64)}@${'d'.repeat(185)}.com`, accepted: true },
      { field: 'email', value: `${'e'.repeat(64)}@${'d'.repeat(186)}.com`, accepted: false },
    ] as const;
    for (const [index, { field, value, accepted, ...rest }] of boundaries.entries()) {
      const length = [...value].length;
      test(`${field} of ${length} characters is ${accepted ? 'accepted' : 'refused'}${'note' in rest ? ` (${rest.note})` : ''}`, async () => {
        const fields = { ...ok, email: `boundary-${index}@example.com`, comment: `Boundary case ${index}.`, [field]: value };
        const response = await site.post(demo.rotterdam, fields, { json: true });
        if (accepted) {
          assert.equal(response.statusCode, 201, response.body);
        } else {
          assert.equal(response.statusCode, 422);
          assert.deepEqual(Object.keys((response.json() as { errors: Record<string, string> }).errors), [field]);
        }
      });
    }

    const refusedWebsites = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'ftp://example.org/file',
      'file:///etc/passwd',
      'mailto:someone@example.org',
      '//evil.example/path',
      'example.org',
      'https://bank.example@evil.example/',
      'http://',
    ];
    for (const website of refusedWebsites) {
      test(`the website ${JSON.stringify(website)} is refused`, async () => {
        const response = await site.post(demo.rotterdam, { ...ok, email: 'websites@example.com', comment: `Website ${website}`, website }, { json: true });
        assert.equal(response.statusCode, 422);
        assert.deepEqual(Object.keys((response.json() as { errors: Record<string, string> }).errors), ['website']);
      });
    }

    test('http and https websites are accepted and shown as a nofollow ugc link on the name', async () => {
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const response = await site.post(demo.aarhus, {
          ...ok,
          name: 'Web Person',
          email: 'web.person@example.com',
          website: 'HTTPS://Example.org/a page?x=1&y=2',
          comment: 'See my site.',
        });
        const id = postedCommentId(response);
        assert.equal((await site.storedComment(id)).author_website, 'https://example.org/a%20page?x=1&y=2');
        const page = await site.gazette.app.inject({ url: demo.aarhus });
        assert.match(
          commentSection(page.body),
          /<a href="https:\/\/example\.org\/a%20page\?x=1&amp;y=2" rel="nofollow ugc noopener"><bdi>Web Person<\/bdi><\/a>/,
        );
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });

    const emails = [
      { email: 'a@b.co', valid: true },
      { email: 'first.last+tag@sub.example.co.uk', valid: true },
      { email: 'UPPER.Case@Example.COM', valid: true },
      { email: 'plain', valid: false },
      { email: '@example.com', valid: false },
      { email: 'someone@', valid: false },
      { email: 'someone@localhost', valid: false },
      { email: 'two@@example.com', valid: false },
      { email: 'with space@example.com', valid: false },
      { email: 'someone@example.c', valid: false },
      { email: '<someone@example.com>', valid: false },
      { email: 'a@example.com,b@example.com', valid: false },
      { email: 'a@example.com\nBcc: victim@example.org', valid: false },
    ];
    for (const [index, { email, valid }] of emails.entries()) {
      test(`the email ${JSON.stringify(email)} is ${valid ? 'accepted' : 'refused'}`, async () => {
        const response = await site.post(demo.aragon, { ...ok, email, comment: `Email shape ${index}.` }, { json: true });
        if (valid) {
          assert.equal(response.statusCode, 201, response.body);
          assert.equal((await site.storedComment((response.json() as { id: number }).id)).author_email, email.toLowerCase());
        } else {
          assert.equal(response.statusCode, 422);
          assert.deepEqual(Object.keys((response.json() as { errors: Record<string, string> }).errors), ['email']);
        }
      });
    }
  });
});
