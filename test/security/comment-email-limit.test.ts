import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { commentOn } from '../helpers/comment-forms.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const victim = 'victim@target.example';

async function firstArticlePath(gazette: TestGazette): Promise<string> {
  const home = await gazette.app.inject({ url: '/' });
  return /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
}

function textareaValue(html: string): string | undefined {
  return /<textarea id="comment-comment"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
}

function emailFieldError(html: string): string | undefined {
  return /<p class="field__error" id="comment-email-error">([^<]*)<\/p>/.exec(html)?.[1];
}

function emailInputValue(html: string): string | undefined {
  return /<input id="comment-email" name="email"[^>]*? value="([^"]*)"/.exec(html)?.[1];
}

/** Mail is sent after the answer; this lets it go out before it is counted. */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

function confirmationsTo(gazette: TestGazette): string[] {
  return gazette.sentMail.filter((mail) => /Confirm reply alerts/.test(mail.subject)).map((mail) => String(mail.to));
}

/** Posts one comment per typed address, each from its own IP address, so only the per-email limit can stop them. */
async function postFromManyAddresses(
  gazette: TestGazette,
  path: string,
  emails: readonly string[],
): Promise<{ email: string; text: string; response: LightMyRequestResponse }[]> {
  const results = [];
  for (const [index, email] of emails.entries()) {
    const text = `Comment number ${index + 1} about the harbour.`;
    const response = await commentOn(
      gazette,
      path,
      { name: `Poster ${index + 1}`, email, comment: text, reply_alerts: 'on' },
      { remoteAddress: `198.51.100.${60 + index}` },
    );
    results.push({ email, text, response });
  }
  await settled();
  return results;
}

async function storedEmails(gazette: TestGazette): Promise<string[]> {
  return (await gazette.database.db.selectFrom('comments').select('author_email').where('staff_user_id', 'is', null).execute()).map((row) => row.author_email);
}

describe('the per-email comment limit', () => {
  test('eight posts in a minute to one address padded with 0–7 control characters: at most five accepted, one mail each, the rest refused with the form', async (t) => {
    const gazette = await buildTestApp({ commentsPerMinute: 5 });
    t.after(() => gazette.close());
    const path = await firstArticlePath(gazette);
    const before = (await storedEmails(gazette)).length;

    const results = await postFromManyAddresses(
      gazette,
      path,
      Array.from({ length: 8 }, (_, count) => `victim${'\u0001'.repeat(count)}@target.example`),
    );

    const accepted = results.filter((result) => result.response.statusCode === 303);
    assert.ok(accepted.length <= 5, `${accepted.length} of 8 accepted`);
    for (const refused of results.filter((result) => result.response.statusCode !== 303)) {
      assert.ok([422, 429].includes(refused.response.statusCode), `refused with ${refused.response.statusCode}`);
      assert.equal(textareaValue(refused.response.body), refused.text, 'the form comes back with the comment as typed');
    }
    const stored = (await storedEmails(gazette)).slice(before);
    assert.equal(stored.length, accepted.length);
    assert.ok(
      stored.every((email) => email === victim),
      `stored as ${JSON.stringify(stored)}`,
    );
    const mails = confirmationsTo(gazette);
    assert.ok(mails.length <= accepted.length, `${mails.length} confirmation mails for ${accepted.length} accepted posts`);
    assert.ok(
      mails.every((to) => to === victim),
      `mail went to ${JSON.stringify(mails)}`,
    );
  });

  test('an email address with control or invisible characters is refused for the field, the form kept as typed', async (t) => {
    const gazette = await buildTestApp({ commentsPerMinute: 1000 });
    t.after(() => gazette.close());
    const path = await firstArticlePath(gazette);
    for (const [index, email] of [`victim\u0001@target.example`, `vic\u200btim@target.example`, `victim@target.example\u0000`].entries()) {
      const text = `Typed with a hidden character, case ${index}.`;
      const response = await commentOn(
        gazette,
        path,
        { name: 'Hidden Character', email, comment: text, reply_alerts: 'on' },
        { remoteAddress: `198.51.100.${90 + index}` },
      );
      assert.equal(response.statusCode, 422, JSON.stringify(email));
      assert.ok(emailFieldError(response.body), 'the email field has its own message');
      assert.match(response.body, /id="comment-email"[^>]*aria-invalid="true"/);
      assert.equal(textareaValue(response.body), text);
      assert.ok(emailInputValue(response.body)?.startsWith('vic'), 'the address comes back as typed');
    }
    await settled();
    assert.deepEqual(await storedEmails(gazette), []);
    assert.deepEqual(confirmationsTo(gazette), []);
  });

  test('one address however it is typed (case, spaces, full-width forms): one limit, one stored form, one recipient', async (t) => {
    const gazette = await buildTestApp({ commentsPerMinute: 5 });
    t.after(() => gazette.close());
    const path = await firstArticlePath(gazette);
    const spellings = [
      victim,
      'Victim@Target.Example',
      ' victim@target.example ',
      '\uff56ictim@target.example',
      'victim@\uff54arget.example',
      'victim\uff20target.example',
      'VICTIM@TARGET.EXAMPLE',
      'victim@target.\uff45xample',
    ];

    const results = await postFromManyAddresses(gazette, path, spellings);

    assert.deepEqual(
      results.map((result) => result.response.statusCode),
      [303, 303, 303, 303, 303, 429, 429, 429],
    );
    for (const refused of results.slice(5)) assert.equal(textareaValue(refused.response.body), refused.text);
    assert.deepEqual(await storedEmails(gazette), [victim, victim, victim, victim, victim]);
    const mails = confirmationsTo(gazette);
    assert.ok(mails.length <= 5 && mails.every((to) => to === victim), `mail went to ${JSON.stringify(mails)}`);
  });
});
