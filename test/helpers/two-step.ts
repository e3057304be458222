import { Secret, TOTP } from 'otpauth';
import { FormClient } from './form-client.ts';
import type { TestGazette } from './test-app.ts';

/** The code an authenticator app shows at `at`. */
export function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

/** `count` different codes, none of which an app would show within a minute of `at`. */
export function wrongCodesAt(secret: string, at: Date, count: number): string[] {
  const right = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => codeAt(secret, new Date(at.getTime() + offset))));
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n++) {
    const code = String((n * 7919) % 1_000_000).padStart(6, '0');
    if (!right.has(code)) codes.push(code);
  }
  return codes;
}

/** Turns two-step sign-in on through the account page, with the code shown at `at`; returns the key. */
export async function turnOnTwoStep(gazette: TestGazette, sessionToken: string, at: Date): Promise<string> {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', sessionToken);
  const setup = await browser.get('/admin/account/two-step');
  const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(setup.body)?.[1];
  if (!secret) throw new Error('the two-step setup page shows no key');
  const confirmed = await browser.post('/admin/account/two-step', { secret, code: codeAt(secret, at) });
  if (!confirmed.body.includes('Two-step sign-in is on')) throw new Error(`two-step was not turned on (${confirmed.statusCode})`);
  return secret;
}

/** Gives the password on a new browser; returns it holding the half-finished sign-in. */
export async function signInWithPassword(gazette: TestGazette, email: string, password: string): Promise<FormClient> {
  const browser = new FormClient(gazette.app);
  await browser.get('/admin/login');
  const response = await browser.post('/admin/login', { email, password });
  if (response.headers.location !== '/admin/login/code?next=%2Fadmin')
    throw new Error(`the password step answered ${response.statusCode} ${response.headers.location}`);
  await browser.get('/admin/login/code');
  return browser;
}
