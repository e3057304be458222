import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const email = 'bench-scale@example.org';
const password = 'lantern harbour violet ninety';

/** `npx gazette users add` for the bench's editor, against the database the bench reads; one that exists already is kept. */
async function addEditor(env: Readonly<Record<string, string>>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [`${repoRoot}bin/gazette.js`, 'users', 'add', '--email', email, '--name', 'Bench Editor', '--role', 'editor', '--password-stdin'],
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production', ...env }, timeout: 60_000 },
      (error, _stdout, stderr) => (error && !/already/i.test(stderr) ? reject(new Error(`npx gazette users add failed:\n${stderr}`)) : resolve()),
    );
    child.stdin?.end(`${password}\n`);
  });
}

function cookiesOf(response: Response, held = ''): string {
  const jar = new Map(held ? held.split('; ').map((pair) => pair.split('=', 2) as [string, string]) : []);
  for (const line of response.headers.getSetCookie()) {
    const [name, value] = line.split(';')[0]!.split('=', 2) as [string, string];
    jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** An editor's signed-in cookies, through the newsroom's sign-in form as a person uses it. */
export async function signInEditor(origin: string, env: Readonly<Record<string, string>>): Promise<string> {
  await addEditor(env);
  const form = await fetch(`${origin}/admin/login`);
  const cookie = cookiesOf(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('The sign-in page has no CSRF token');
  const signedIn = await fetch(`${origin}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }),
  });
  if (signedIn.status !== 303) throw new Error(`Signing in answered ${signedIn.status}: ${(await signedIn.text()).slice(0, 300)}`);
  return cookiesOf(signedIn, cookie);
}
