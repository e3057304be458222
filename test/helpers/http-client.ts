import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';

/** An answer read whole as text. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * One request over real HTTP on a connection of its own (so a cluster's primary hands each to the next
 * worker in turn), optionally posting `form` URL-encoded with the cookies in `cookie`.
 */
export function send(url: string, options: { method?: string; cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        agent: false,
        headers: {
          accept: 'text/html',
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The cookies a response sets, as a Cookie header, added to those already held. */
export function withCookies(held: string, answer: Answer): string {
  const set = answer.headers['set-cookie'] ?? [];
  const jar = new Map(held ? held.split('; ').map((pair) => pair.split('=', 2) as [string, string]) : []);
  for (const line of Array.isArray(set) ? set : [set]) {
    const [pair] = line.split(';');
    const [name, value] = pair!.split('=', 2) as [string, string];
    jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export function csrfTokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page holds a form with a CSRF token');
  return token;
}

/**
 * Creates the owner account through the setup link a server printed, as a new newsroom does, and
 * returns the signed-in cookies.
 */
export async function signInThroughSetupLink(origin: string, setupPath: string): Promise<string> {
  const setupPage = await send(`${origin}${setupPath}`);
  const cookie = withCookies('', setupPage);
  const password = 'harbour lantern violet ninety';
  const created = await send(`${origin}${setupPath}`, {
    cookie,
    form: { _csrf: csrfTokenOf(setupPage.body), name: 'Test Owner', email: 'owner@example.org', password, passwordAgain: password },
  });
  assert.equal(created.status, 303, created.body.slice(0, 500));
  return withCookies(cookie, created);
}
