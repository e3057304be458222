import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/imports');
let dataDir: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gazette-cli-'));
});
after(() => rm(dataDir, { recursive: true, force: true }));

/** `npx gazette …` runs bin/gazette.js (package.json "bin"); run it the same way, without npx's lookup. */
function gazette(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return gazetteWithInput(undefined, ...args);
}

/** The same, with `input` written to its standard input (then closed). */
function gazetteWithInput(input: string | undefined, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'bin/gazette.js'), ...args],
      { cwd: root, env: { ...process.env, GAZETTE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

test('with no command it prints how to use it', async () => {
  const run = await gazette();
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Usage: npx gazette <command>$/m);
  assert.match(run.stdout, /^ {2}import wordpress <export\.xml> \[--uploads <dir>\] \[--dry-run\]$/m);
});

test('the command line runs the sources as they are: a change to one is in the next run, without a build step', async () => {
  // A checkout of its own (the sources copied, the packages linked), so its bundles and its changed
  // source touch nothing the other tests run.
  const checkout = await mkdtemp(join(tmpdir(), 'gazette-cli-checkout-'));
  try {
    for (const path of ['bin', 'scripts', 'src', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      await cp(join(root, path), join(checkout, path), { recursive: true });
    }
    await mkdir(join(checkout, 'node_modules'));
    for (const name of await readdir(join(root, 'node_modules'))) {
      if (name !== '.cache') await symlink(join(root, 'node_modules', name), join(checkout, 'node_modules', name));
    }
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [join(checkout, 'bin/gazette.js')], { cwd: checkout, timeout: 60_000 }, (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        ),
      );
    assert.match(await run(), /^Usage: npx gazette <command>$/m);
    const main = join(checkout, 'src/cli/main.ts');
    await writeFile(main, (await readFile(main, 'utf8')).replace('Usage: npx gazette <command>', 'Usage: npx gazette <what to do>'));
    assert.match(await run(), /^Usage: npx gazette <what to do>$/m);
    assert.equal((await readdir(join(checkout, 'node_modules/.cache/gazette'))).filter((name) => name.startsWith('command-line-')).length, 2);
  } finally {
    await rm(checkout, { recursive: true, force: true });
  }
});

test('a file that is missing, or is not a WordPress export, is a clear message and exit code 1', async () => {
  const missing = await gazette('import', 'wordpress', join(dataDir, 'nope.xml'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^gazette: Cannot read .*nope\.xml: there is no such file\.$/m);
  const ghost = await gazette('import', 'wordpress', join(fixtures, 'ghost/export.json'));
  assert.equal(ghost.code, 1);
  assert.match(ghost.stderr, /not a WordPress export/);
  assert.doesNotMatch(ghost.stderr, /\n\s+at /, 'no stack trace');
});

test('a wrong option or command is exit code 2 or 1 with the usage', async () => {
  const option = await gazette('import', 'wordpress', join(fixtures, 'wordpress/export.xml'), '--upload', 'x');
  assert.equal(option.code, 2);
  assert.match(option.stderr, /Unknown option '--upload'/);
  const command = await gazette('export-everything');
  assert.equal(command.code, 1);
  assert.match(command.stderr, /Unknown command: export-everything/);
});

test('a dry run prints progress as plain lines when not on a terminal, then the report, and writes nothing', async () => {
  const run = await gazette('import', 'wordpress', join(fixtures, 'wordpress/export.xml'), '--uploads', join(fixtures, 'wordpress/uploads'), '--dry-run');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^Articles…$/m);
  assert.match(run.stderr, /^Articles: 8 of 8 \(\d+\/s\)$/m);
  assert.match(run.stdout, /^Dry run: nothing was written/);
  assert.match(run.stdout, /articles\s+7 created, 1 skipped/);
  const again = await gazette('import', 'wordpress', join(fixtures, 'wordpress/export.xml'), '--dry-run');
  assert.match(again.stdout, /articles\s+7 created/, 'still nothing there to update');
});

test('import disqus: a dry run prints the report; a WordPress file given by mistake is named as such', async () => {
  const run = await gazette('import', 'disqus', join(fixtures, 'disqus/export.xml'), '--dry-run');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Dry run: nothing was written/);
  const wrong = await gazette('import', 'disqus', join(fixtures, 'wordpress/export.xml'));
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /gazette import wordpress/);
});

test('import ghost: a dry run prints the report; a file that is not a Ghost export is exit code 1', async () => {
  const run = await gazette('import', 'ghost', join(fixtures, 'ghost/export.json'), '--images', join(fixtures, 'ghost/images'), '--dry-run');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Dry run: nothing was written/);
  const wrong = await gazette('import', 'ghost', join(fixtures, 'wordpress/export.xml'));
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^gazette: This is not a Ghost export/m);
});

test('export and import gazette: a round trip through files into an empty database, and a second import refused', async () => {
  const imported = await gazette('import', 'wordpress', join(fixtures, 'wordpress/export.xml'), '--uploads', join(fixtures, 'wordpress/uploads'));
  assert.equal(imported.code, 0, imported.stderr);
  const exported = join(dataDir, 'export');
  const run = await gazette('export', exported);
  assert.equal(run.code, 0, run.stderr);
  assert.ok((await import('node:fs')).existsSync(join(exported, 'manifest.json')));
  const again = await gazette('export', exported);
  assert.equal(again.code, 1, 'a folder that is not empty is refused');
  const otherData = join(dataDir, 'other');
  const importIn = (directory: string) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'bin/gazette.js'), 'import', 'gazette', directory],
        { cwd: root, env: { ...process.env, GAZETTE_DATA_DIR: otherData, DATABASE_URL: '', NODE_ENV: 'development' }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
  const first = await importIn(exported);
  assert.equal(first.code, 0, first.stderr);
  assert.ok((await import('node:fs')).readdirSync(join(otherData, 'media', 'originals')).length === 3, 'the three photos came along');
  const second = await importIn(exported);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /^gazette: The database already holds .* goes into an empty database only/m);
});

test('users add: a member with a one-time link to choose a password, or with one from standard input; a made-up role is exit code 1', async () => {
  const linked = await gazette('users', 'add', '--email', 'mina@example.org', '--name', 'Mina Park', '--role', 'editor');
  assert.equal(linked.code, 0, linked.stderr);
  assert.match(linked.stdout, /^Added Mina Park <mina@example\.org> as editor\.$/m);
  const lines = linked.stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /^http:\/\/127\.0\.0\.1:3000\/admin\/reset\/new\?token=[\w-]{40,}$/, 'the link, alone on the last line');

  const withPassword = await gazetteWithInput(
    'harbour lantern violet ninety\n',
    'users',
    'add',
    '--email',
    'ana@example.org',
    '--name',
    'Ana Costa',
    '--role',
    'author',
    '--password-stdin',
  );
  assert.equal(withPassword.code, 0, withPassword.stderr);
  assert.equal(withPassword.stdout.trim(), 'Added Ana Costa <ana@example.org> as author.');

  const refused = await gazette('users', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'boss');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^gazette: The account has errors\. --role: Choose one of the roles in the list\.$/m);
});
