import { connectFromConfig } from '../src/db/connect.ts';
import { type Child, makeTempDir, runBench, startGazette } from './gazette-servers.ts';
import { ms, printTable } from './result-tables.ts';
import { type LatencyRun, measureLatency, measureLatencyWithWrk } from './scale/latency.ts';
import { checkWrkInstalled } from './wrk.ts';
import { signInEditor } from './scale/newsroom-session.ts';
import { findScaleTargets } from './scale/targets.ts';

/**
 * `npm run bench:scale`: reader pages, search, sitemaps and the newsroom's article list read from the big
 * archive `npm run seed:scale` made, in the database the environment names (DATABASE_URL for PostgreSQL,
 * else the SQLite file in GAZETTE_DATA_DIR), by the production server with its page cache off, so every
 * answer is built from the database. 16 connections (wrk, one thread, each case's paths in turn); p50 and
 * p99 of every case against issue 15's targets. Needs Debian's wrk.
 *
 *   DATABASE_URL=postgres://… npm run seed:scale -- --articles 1000000 --comments 10000000
 *   DATABASE_URL=postgres://… npm run bench:scale
 */

const connections = 16;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const targets = { readerPage: 50, sitemap: 500, newsroomList: 100 } as const;

interface Case {
  readonly name: string;
  readonly paths: readonly string[];
  readonly targetMs: number;
  readonly signedIn?: boolean;
}

async function sitemapPaths(origin: string): Promise<{ monthly: string; news: string }> {
  const index = await (await fetch(`${origin}/sitemap.xml`)).text();
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const monthly = files.filter((path) => /\/articles-\d{4}-\d{2}(-\d+)?\.xml$/.test(path));
  const news = files.find((path) => path.includes('news'));
  if (monthly.length === 0 || !news) throw new Error(`The sitemap index lists no monthly or news sitemap:\n${index.slice(0, 500)}`);
  // The month the index lists in the middle: a full month of the archive, not its first or its current one.
  return { monthly: monthly[Math.floor(monthly.length / 2)]!, news };
}

/** The highest page number the page at `path` links to with `parameter` (its last page, where it links there). */
async function lastPageLinked(origin: string, path: string, parameter: string): Promise<number> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const pages = [...html.matchAll(new RegExp(`[?&;]${parameter}=(\\d+)`, 'g'))].map((match) => Number(match[1]));
  return Math.max(1, ...pages);
}

/** `wanted`, or the last page of the list when it has fewer (its 404 names the last one). */
async function deepestPage(origin: string, path: string, wanted: number): Promise<number> {
  const answer = await fetch(`${origin}${path}?page=${wanted}`);
  const body = await answer.text();
  if (answer.status === 200) return wanted;
  const last = /the last page is ([\d,]+)/.exec(body)?.[1];
  if (answer.status !== 404 || !last) throw new Error(`${path}?page=${wanted} answered ${answer.status}`);
  return Number(last.replaceAll(',', ''));
}

async function main(): Promise<void> {
  checkWrkInstalled();
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.GAZETTE_DATA_DIR;
  if (!databaseUrl && !dataDir) throw new Error('Set DATABASE_URL (PostgreSQL) or GAZETTE_DATA_DIR (SQLite) to the archive npm run seed:scale made');
  const database = connectFromConfig({ databaseUrl, dataDir: dataDir ?? '' });
  console.log('Finding the archive’s largest collections and its most commented article…');
  const found = await findScaleTargets(database.db);
  await database.destroy();
  console.log(
    `${found.articleCount.toLocaleString('en')} published articles, ${found.commentCount.toLocaleString('en')} comments on ${databaseUrl ? 'PostgreSQL' : 'SQLite'}; ` +
      `section /${found.biggestSection.slug} (${found.biggestSection.articles.toLocaleString('en')}), tag /tag/${found.biggestTag.slug} (${found.biggestTag.articles.toLocaleString('en')}), ` +
      `author /author/${found.biggestAuthor.slug} (${found.biggestAuthor.articles.toLocaleString('en')}), ${found.mostCommented.path} (${found.mostCommented.approvedComments.toLocaleString('en')} approved comments)`,
  );

  const env = { GAZETTE_PAGE_CACHE: 'off', GAZETTE_DEMO: 'off', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const { server, origin }: { server: Child; origin: string } = await startGazette('Gazette', dataDir ?? makeTempDir('gazette-scale-'), env);
  const cookie = await signInEditor(origin, { ...env, GAZETTE_DATA_DIR: dataDir ?? '' });
  const sitemaps = await sitemapPaths(origin);
  const lastPage = await lastPageLinked(origin, found.mostCommented.path, 'comments-page');
  // Page 5,000 of the largest collections (60,000 articles in): an archive too small for it gives its last page.
  const deep: Record<string, { path: string; page: number }> = {};
  for (const path of [`/${found.biggestSection.slug}`, `/tag/${found.biggestTag.slug}`, `/author/${found.biggestAuthor.slug}`]) {
    const page = await deepestPage(origin, path, 5000);
    deep[path] = { path: `${path}?page=${page}`, page };
  }
  const deepCase = (kind: string, path: string): Case => ({
    name: `${kind}, page ${deep[path]!.page.toLocaleString('en')}`,
    paths: [deep[path]!.path],
    targetMs: targets.readerPage,
  });

  const cases: Case[] = [
    { name: 'article page', paths: found.articlePaths, targetMs: targets.readerPage },
    {
      name: `article, ${found.mostCommented.approvedComments.toLocaleString('en')} comments, first page`,
      paths: [found.mostCommented.path],
      targetMs: targets.readerPage,
    },
    {
      name: `  and its last comment page (${lastPage})`,
      paths: [`${found.mostCommented.path}?comments-page=${lastPage}`],
      targetMs: targets.readerPage,
    },
    { name: 'home', paths: ['/'], targetMs: targets.readerPage },
    { name: 'section, page 1', paths: [`/${found.biggestSection.slug}`], targetMs: targets.readerPage },
    deepCase('section', `/${found.biggestSection.slug}`),
    { name: 'tag, page 1', paths: [`/tag/${found.biggestTag.slug}`], targetMs: targets.readerPage },
    deepCase('tag', `/tag/${found.biggestTag.slug}`),
    { name: 'author, page 1', paths: [`/author/${found.biggestAuthor.slug}`], targetMs: targets.readerPage },
    deepCase('author', `/author/${found.biggestAuthor.slug}`),
    { name: 'search, 1,000 queries', paths: found.searches.map((terms) => `/search?q=${encodeURIComponent(terms)}`), targetMs: targets.readerPage },
    { name: `monthly sitemap (${sitemaps.monthly.split('/').at(-1)})`, paths: [sitemaps.monthly], targetMs: targets.sitemap },
    { name: 'news sitemap', paths: [sitemaps.news], targetMs: targets.sitemap },
    {
      name: 'newsroom list, filtered',
      paths: [
        `/admin?status=published&section=${found.biggestSection.id}`,
        `/admin?author=${found.biggestAuthor.id}&sort=goes-live`,
        `/admin?tag=${encodeURIComponent(found.biggestTag.name)}`,
        `/admin?q=${encodeURIComponent(found.searches[0]!.split(' ')[0]!)}`,
        '/admin?page=2',
      ],
      targetMs: targets.newsroomList,
      signedIn: true,
    },
  ];

  const lines: string[][] = [];
  let missed = 0;
  for (const item of cases) {
    const urls = item.paths.map((path) => `${origin}${path}`);
    const options = { connections, seconds, ...(item.signedIn ? { headers: { cookie } } : {}) };
    // A short first pass reads the pages into PostgreSQL's and the system's caches, as steady traffic keeps them,
    // and checks that every one of them answers 200.
    const warming = await measureLatency(urls, { ...options, seconds: Math.min(2, seconds) });
    if (warming.failures.length > 0) throw new Error(`${item.name}: answers other than 200, e.g. ${warming.failures.join(', ')}`);
    const run: LatencyRun = await measureLatencyWithWrk(origin, item.paths, options);
    if (run.failures.length > 0) throw new Error(`${item.name}: ${run.failures.join(', ')}`);
    const met = run.p99 < item.targetMs;
    if (!met) missed++;
    lines.push([
      item.name,
      run.requests.toLocaleString('en'),
      run.requestsPerSecond.toFixed(0),
      ms(run.p50),
      ms(run.p99),
      `< ${item.targetMs}`,
      met ? 'yes' : 'NO',
    ]);
    console.log(`  ${item.name}: p50 ${ms(run.p50)} ms, p99 ${ms(run.p99)} ms`);
  }
  console.log(`\nPage cache off, ${connections} connections, ${seconds} s per case (after 2 s of warming), one server (${server.name}):`);
  printTable(['case', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'target', 'met'], lines);
  if (missed > 0) console.log(`${missed} of ${cases.length} cases missed their p99 target.`);
}

runBench(main);
