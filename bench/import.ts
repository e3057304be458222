import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.ts';

/**
 * `npm run bench:import`: writes a WordPress export with 20,000 posts and 200,000 comments (threaded,
 * in every state, in ten categories and 500 tags), then imports it with `npx gazette import wordpress`
 * into an empty SQLite database in a child process, and prints posts/s, comments/s and the child's peak
 * resident memory. Targets: under 5 minutes, peak RSS under 300 MiB. `--posts N --comments M` for other sizes.
 */

const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, comments: { type: 'string', default: '200000' } } });
const postCount = Number(values.posts);
const commentCount = Number(values.comments);
const root = fileURLToPath(new URL('..', import.meta.url));
const words = 'harbour council election budget market festival river tram school hospital court minister strike weather museum stadium bridge port'.split(' ');

const cdata = (text: string) => `<![CDATA[${text}]]>`;

async function writeExport(file: string): Promise<void> {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>http://bench.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://bench.example</wp:base_site_url>
`);
  for (let a = 1; a <= 20; a++) {
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name></wp:author>\n`,
    );
  }
  for (let c = 1; c <= 10; c++) {
    await write(
      `<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>${cdata(`section-${c}`)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(`Section ${c}`)}</wp:cat_name></wp:category>\n`,
    );
  }
  for (let t = 1; t <= 500; t++) {
    await write(
      `<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>${cdata(`topic-${t}`)}</wp:tag_slug><wp:tag_name>${cdata(`Topic ${t}`)}</wp:tag_name></wp:tag>\n`,
    );
  }
  const states = ['1', '1', '1', '1', '1', '1', '0', 'spam', 'trash', '1'];
  let commentId = 0;
  for (let p = 1; p <= postCount; p++) {
    const date = new Date(Date.UTC(2010, 0, 1) + p * 3_600_000 * 7);
    const gmt = date.toISOString().slice(0, 19).replace('T', ' ');
    const slug = `story-${p}-${pick(words)}`;
    const body = Array.from({ length: 6 }, () => sentence(40)).join('\n\n');
    const comments: string[] = [];
    // Comments skew: most posts have a few, some have many.
    const share = Math.round((commentCount / postCount) * (p % 10 === 0 ? 5.5 : 0.5));
    for (let n = 0; n < share && commentId < commentCount; n++) {
      commentId++;
      const parent = n > 0 && random() < 0.4 ? commentId - 1 : 0;
      comments.push(
        `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Reader ${commentId % 997}`)}</wp:comment_author><wp:comment_author_email>${cdata(`reader${commentId % 997}@example.com`)}</wp:comment_author_email><wp:comment_author_IP>${cdata('192.0.2.1')}</wp:comment_author_IP><wp:comment_date_gmt>${cdata(gmt)}</wp:comment_date_gmt><wp:comment_content>${cdata(sentence(25))}</wp:comment_content><wp:comment_approved>${cdata(pick(states))}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`,
      );
    }
    await write(`<item><title>${cdata(`${sentence(6)} ${p}`)}</title><link>http://bench.example/${date.getUTCFullYear()}/${slug}/</link><dc:creator>${cdata(`writer${(p % 20) + 1}`)}</dc:creator>
<content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata(sentence(20))}</excerpt:encoded><wp:post_id>${1000 + p}</wp:post_id><wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata(p % 50 === 0 ? 'draft' : 'publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type>
<category domain="category" nicename="section-${(p % 10) + 1}">${cdata(`Section ${(p % 10) + 1}`)}</category><category domain="post_tag" nicename="topic-${(p % 500) + 1}">${cdata(`Topic ${(p % 500) + 1}`)}</category>
${comments.join('\n')}</item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

/** A process and all its descendants, from /proc (Linux). */
async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const ids = children.split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(ids.map(processTree))).flat()];
}

/** Runs the command as an operator would, sampling the child's resident memory as it goes. */
async function importInChild(file: string, dataDir: string): Promise<{ seconds: number; peakRssMiB: number; output: string }> {
  const started = performance.now();
  const child = execFile(process.execPath, [join(root, 'bin/gazette.js'), 'import', 'wordpress', file], {
    cwd: root,
    env: { ...process.env, GAZETTE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  // `gazette` starts itself again with a heap limit: the peak is that of the largest process in the tree.
  let peak = 0;
  const sampler = setInterval(async () => {
    for (const pid of await processTree(child.pid!)) {
      try {
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0));
      } catch {}
    }
  }, 200);
  const [code] = await once(child, 'exit');
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the import exited with ${code}:\n${output}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMiB: peak / 1024, output };
}

const work = await mkdtemp(join(tmpdir(), 'gazette-bench-import-'));
try {
  const file = join(work, 'export.xml');
  console.log(`Writing a WordPress export with ${postCount.toLocaleString('en')} posts and ${commentCount.toLocaleString('en')} comments…`);
  await writeExport(file);
  console.log(`  ${((await stat(file)).size / 2 ** 20).toFixed(1)} MiB`);
  const { seconds, peakRssMiB, output } = await importInChild(file, join(work, 'data'));
  const imported = (kind: string) => Number(new RegExp(`^${kind}\\s+([\\d,]+) created`, 'm').exec(output)?.[1]?.replaceAll(',', '') ?? 0);
  const posts = imported('articles');
  const comments = imported('comments');
  console.log(`\nImported ${posts.toLocaleString('en')} articles and ${comments.toLocaleString('en')} comments in ${seconds.toFixed(1)} s`);
  console.log(`  articles/s  ${(posts / seconds).toFixed(0)}   (whole run)`);
  console.log(`  comments/s  ${(comments / seconds).toFixed(0)}   (whole run)`);
  console.log(`  peak RSS    ${peakRssMiB.toFixed(0)} MiB (target < 300)`);
  console.log(`  time        ${seconds.toFixed(0)} s (target < 300)`);
} finally {
  await rm(work, { recursive: true, force: true });
}
