import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Mailer } from '../../src/platform/mailer.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';
import { codeAt, signInWithPassword, turnOnTwoStep } from '../helpers/two-step.ts';

/** No SMTP: links are shown to whoever made them. */
const noSmtp: Mailer = { send: async () => 'logged' };
const resetLinkOnPage = /\/admin\/reset\/new\?token=/;
const newPassword = 'amber window orchard seven';

function signedInAs(gazette: TestGazette, sessionToken: string): FormClient {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', sessionToken);
  return browser;
}

function lastLink(gazette: TestGazette, path: 'reset/new' | 'invite'): string {
  const match = new RegExp(`https://news\\.example(/admin/${path.replace('/', '\\/')}\\?token=[\\w-]+)`).exec(gazette.sentMail.at(-1)?.text ?? '');
  if (!match) throw new Error(`no ${path} link was mailed`);
  return match[1]!;
}

describe('password resets', () => {
  test('an admin cannot make a reset link for the owner or another admin, only for lower roles (no SMTP)', async () => {
    const gazette = await buildTestApp({ seed: false, mailer: noSmtp });
    try {
      const owner = await createTestOwner(gazette);
      const admin = await addTestMember(gazette, owner.user, 'admin', 'Ada Admin');
      await addTestMember(gazette, owner.user, 'admin', 'Other Admin');
      await addTestMember(gazette, owner.user, 'editor', 'Eddie Editor');
      const browser = signedInAs(gazette, admin.sessionToken);
      await browser.get('/admin/team');

      for (const email of [testOwner.email, 'other.admin@example.org', 'ada.admin@example.org']) {
        const refused = await browser.post('/admin/team/reset-link', { email });
        assert.equal(refused.statusCode, 403, email);
        assert.match(refused.body, /<div class="form-message" role="alert">\s*<p>You can make reset links only for members whose role is below yours/);
        assert.doesNotMatch(refused.body, resetLinkOnPage, `${email}: no link is shown`);
      }
      const allowed = await browser.post('/admin/team/reset-link', { email: 'eddie.editor@example.org' });
      assert.equal(allowed.statusCode, 200);
      assert.match(allowed.body, /pass this link to eddie\.editor@example\.org yourself/);
      assert.match(allowed.body, resetLinkOnPage);
    } finally {
      await gazette.close();
    }
  });

  test('an admin cannot demote another admin to get round the rank rule for reset links', async () => {
    const gazette = await buildTestApp({ seed: false, mailer: noSmtp });
    try {
      const owner = await createTestOwner(gazette);
      const admin = await addTestMember(gazette, owner.user, 'admin', 'Ada Admin');
      const other = await addTestMember(gazette, owner.user, 'admin', 'Other Admin');
      const editor = await addTestMember(gazette, owner.user, 'editor', 'Eddie Editor');
      const browser = signedInAs(gazette, admin.sessionToken);
      await browser.get('/admin/team');
      const demoted = await browser.post(`/admin/team/${other.user.id}/role`, { role: 'editor' });
      assert.equal(demoted.statusCode, 403);
      assert.match(demoted.body, /You can change the role only of members whose role is below yours/);
      assert.equal((await browser.post('/admin/team/reset-link', { email: 'other.admin@example.org' })).statusCode, 403, 'still an admin, so still no link');
      const promoted = await browser.post(`/admin/team/${editor.user.id}/role`, { role: 'admin' });
      assert.equal(promoted.statusCode, 200, 'an admin may still make a lower member an admin');
      assert.match(promoted.body, /Eddie Editor is now admin/);
    } finally {
      await gazette.close();
    }
  });

  test('an owner cannot make a reset link for another owner', async () => {
    const gazette = await buildTestApp({ seed: false, mailer: noSmtp });
    try {
      const owner = await createTestOwner(gazette);
      await addTestMember(gazette, owner.user, 'owner', 'Olga Owner');
      const browser = signedInAs(gazette, owner.sessionToken);
      await browser.get('/admin/team');
      const refused = await browser.post('/admin/team/reset-link', { email: 'olga.owner@example.org' });
      assert.equal(refused.statusCode, 403);
      assert.doesNotMatch(refused.body, resetLinkOnPage);
    } finally {
      await gazette.close();
    }
  });

  test('the team page offers reset links only for members of a lower role', async () => {
    const gazette = await buildTestApp({ seed: false, mailer: noSmtp });
    try {
      const owner = await createTestOwner(gazette);
      const admin = await addTestMember(gazette, owner.user, 'admin', 'Ada Admin');
      await addTestMember(gazette, owner.user, 'editor', 'Eddie Editor');
      const page = await signedInAs(gazette, admin.sessionToken).get('/admin/team');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<input type="hidden" name="email" value="eddie\.editor@example\.org"/);
      assert.doesNotMatch(page.body, /<input type="hidden" name="email" value="mina@example\.org"/);
      assert.doesNotMatch(page.body, /<input type="hidden" name="email" value="ada\.admin@example\.org"/);
    } finally {
      await gazette.close();
    }
  });

  test('a password reset on a two-step account asks for the code before any session exists', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      const now = new Date();
      gazette.setNow(now);
      const owner = await createTestOwner(gazette);
      const secret = await turnOnTwoStep(gazette, owner.sessionToken, now);

      const mailbox = new FormClient(gazette.app);
      await mailbox.get('/admin/reset');
      await mailbox.post('/admin/reset', { email: testOwner.email });
      const link = lastLink(gazette, 'reset/new');
      await mailbox.get(link);
      const reset = await mailbox.post(link, { password: newPassword, passwordAgain: newPassword });
      assert.equal(reset.statusCode, 303);
      assert.equal(reset.headers.location, '/admin/login/code?next=%2Fadmin');
      assert.ok(!reset.cookies.some((cookie) => cookie.name === 'gazette_session'), 'no session before the code');
      assert.equal((await mailbox.get('/admin')).statusCode, 303, 'the new password alone signs nobody in');

      const later = new Date(now.getTime() + 30_000);
      gazette.setNow(later);
      await mailbox.get('/admin/login/code');
      const signedIn = await mailbox.post('/admin/login/code', { code: codeAt(secret, later) });
      assert.equal(signedIn.statusCode, 303);
      assert.equal((await mailbox.get('/admin')).statusCode, 200);
    } finally {
      await gazette.close();
    }
  });

  test('a reset link an admin made for a two-step editor also stops at the code', async () => {
    const gazette = await buildTestApp({ seed: false, mailer: noSmtp });
    try {
      const now = new Date();
      gazette.setNow(now);
      const owner = await createTestOwner(gazette);
      const admin = await addTestMember(gazette, owner.user, 'admin', 'Ada Admin');
      const editor = await addTestMember(gazette, owner.user, 'editor', 'Eddie Editor');
      await turnOnTwoStep(gazette, editor.sessionToken, now);
      const asAdmin = signedInAs(gazette, admin.sessionToken);
      await asAdmin.get('/admin/team');
      const made = await asAdmin.post('/admin/team/reset-link', { email: 'eddie.editor@example.org' });
      const link = /https:\/\/news\.example(\/admin\/reset\/new\?token=[\w-]+)/.exec(made.body)![1]!;

      const holder = new FormClient(gazette.app);
      await holder.get(link);
      const reset = await holder.post(link, { password: newPassword, passwordAgain: newPassword });
      assert.equal(reset.statusCode, 303);
      assert.equal(reset.headers.location, '/admin/login/code?next=%2Fadmin');
      assert.equal((await holder.get('/admin')).statusCode, 303);
    } finally {
      await gazette.close();
    }
  });

  test('a reset ends every session and spends every other reset link, invitation and half-finished sign-in of the account', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      const now = new Date();
      gazette.setNow(now);
      const owner = await createTestOwner(gazette);
      const asOwner = signedInAs(gazette, owner.sessionToken);
      await asOwner.get('/admin/team');
      await asOwner.post('/admin/team/invite', { email: 'ana@example.org', role: 'editor' });
      const firstInvitation = lastLink(gazette, 'invite');
      await asOwner.post('/admin/team/invite', { email: 'ana@example.org', role: 'editor' });
      const secondInvitation = lastLink(gazette, 'invite');

      const ana = new FormClient(gazette.app);
      await ana.get(firstInvitation);
      const oldPassword = 'quiet river lantern ninety';
      assert.equal((await ana.post(firstInvitation, { name: 'Ana Costa', password: oldPassword, passwordAgain: oldPassword })).statusCode, 303);
      const secret = await turnOnTwoStep(gazette, ana.cookie('gazette_session')!, now);
      const attacker = await signInWithPassword(gazette, 'ana@example.org', oldPassword);

      const mailbox = new FormClient(gazette.app);
      await mailbox.get('/admin/reset');
      await mailbox.post('/admin/reset', { email: 'ana@example.org' });
      const olderReset = lastLink(gazette, 'reset/new');
      await mailbox.post('/admin/reset', { email: 'ana@example.org' });
      const reset = lastLink(gazette, 'reset/new');
      await mailbox.get(reset);
      assert.equal((await mailbox.post(reset, { password: newPassword, passwordAgain: newPassword })).statusCode, 303);

      assert.equal((await ana.get('/admin')).statusCode, 303, 'the old session ended');
      assert.equal((await gazette.app.inject({ url: olderReset })).statusCode, 404, 'the other reset link is spent');
      assert.equal((await gazette.app.inject({ url: secondInvitation })).statusCode, 404, 'the leftover invitation is spent');
      const later = new Date(now.getTime() + 30_000);
      gazette.setNow(later);
      const code = await attacker.post('/admin/login/code', { code: codeAt(secret, later) });
      assert.equal(code.statusCode, 401, 'the half-finished sign-in with the old password is spent');
      assert.match(code.body, /<h1>Sign in to the newsroom<\/h1>/);
      assert.equal((await attacker.get('/admin')).statusCode, 303);
    } finally {
      await gazette.close();
    }
  });

  test('a lookalike address (Kelvin sign) gets the link at the stored address, never the typed one', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      const owner = await createTestOwner(gazette);
      await addTestMember(gazette, owner.user, 'editor', 'Kim');
      const lookalike = '\u212Aim@example.org';

      const stranger = new FormClient(gazette.app);
      await stranger.get('/admin/reset');
      assert.equal((await stranger.post('/admin/reset', { email: lookalike })).statusCode, 200);
      assert.equal(gazette.sentMail.at(-1)!.to, 'kim@example.org');

      const asOwner = signedInAs(gazette, owner.sessionToken);
      await asOwner.get('/admin/team');
      const made = await asOwner.post('/admin/team/reset-link', { email: lookalike });
      assert.equal(made.statusCode, 200);
      assert.match(made.body, /Sent to kim@example\.org\./);
      assert.equal(gazette.sentMail.at(-1)!.to, 'kim@example.org');
      assert.ok(
        gazette.sentMail.every((mail) => !mail.to.includes('\u212A')),
        'no mail goes to the typed form',
      );
    } finally {
      await gazette.close();
    }
  });
});
