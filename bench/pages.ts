import { join } from 'node:path';
import { findFreePort } from './child-processes.ts';
import { type Child, expectCacheHeader, httpGet, makeTempDir, removeAtEnd, runBench, startGazette, stopAtEnd, waitUntilServing } from './gazette-servers.ts';
import { checkNginxInstalled, startNginx } from './nginx.ts';
import { moderateEverySecond, signInModerator } from './moderation-load.ts';
import { addApprovedComments, linksOfArticle, timePages } from './page-times.ts';
import { treeRssMb } from './process-tree.ts';
import { median, ms, printTable, spread } from './result-tables.ts';
import { reportWhenIdle } from './server-idle.ts';
import { checkWrkInstalled, runWrk, type WrkOptions, type WrkResult } from './wrk.ts';
import { expectFewFailures, measureInRounds, printPlan, type RoundsPlan } from './wrk-rounds.ts';

/**
 * The article page's throughput against the real limit of this machine: nginx serving the same bytes
 * from a file, measured with wrk in the same run, interleaved round by round with Gazette answering
 * from its page cache and Gazette rendering every request (GAZETTE_PAGE_CACHE=off), each in one
 * process and in two worker processes (GAZETTE_WORKERS=2). Then the server's time per page type on
 * a miss, one request at a time. Needs Debian's nginx-light and wrk. BENCH_ROUNDS (default 3) and
 * BENCH_SECONDS (default 10) shorten it.
 */

const wrkOptions: WrkOptions = { threads: 2, connections: 64, seconds: Number(process.env.BENCH_SECONDS) || 10 };
const plan: RoundsPlan = { wrk: wrkOptions, rounds: Number(process.env.BENCH_ROUNDS) || 3, warmUpSeconds: 2 };

interface Target {
  readonly name: string;
  readonly url: string;
  readonly server: Child;
  /** Gazette's resident memory is reported; nginx's is not the point. */
  readonly reportRss: boolean;
}
interface Row extends WrkResult {
  readonly target: Target;
  /** Each process's resident memory, the primary first when there are workers. */
  readonly rssMb: readonly number[] | undefined;
}

/** Comments on the article whose server time is measured as "article, 50 comments". */
const commentsOnMeasuredArticle = 50;

const dataDir = join(makeTempDir('gazette-bench-'), 'data');

/** Every article the home page links to, in order (section and tag pages have a prefix of their own). */
function findArticlePaths(homeHtml: string): string[] {
  const paths = [...homeHtml.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? '');
  return paths.filter((href) => /^\/[a-z0-9-]+\/[a-z0-9-]+$/.test(href) && !/^\/(tag|author|page)\//.test(href));
}

function findFirstArticlePath(homeHtml: string): string {
  const lead = /<h2 class="lead-story__headline">\s*<a href="([^"]+)"/.exec(homeHtml)?.[1];
  const path = lead ?? findArticlePaths(homeHtml)[0];
  if (!path) throw new Error('The home page links to no article; is the demo newsroom seeded?');
  return path;
}

async function measure(target: Target): Promise<Row> {
  const result = await runWrk(target.url, wrkOptions);
  const pid = target.server.process.pid;
  return { ...result, target, rssMb: target.reportRss && pid !== undefined ? treeRssMb(pid) : undefined };
}

const ratio = (value: number) => `${value.toFixed(value < 0.01 ? 4 : 3)}x`;
/** "163" for one process; "412 (48+182+182)" for a primary and its workers. */
const mb = (values: readonly number[] | undefined) => {
  if (values === undefined) return '-';
  const total = values.reduce((sum, value) => sum + value, 0).toFixed(0);
  return values.length === 1 ? total : `${total} (${values.map((value) => value.toFixed(0)).join('+')})`;
};

function printRound(rows: readonly Row[]): void {
  const nginx = rows[0]!.requestsPerSecond;
  printTable(
    ['', 'req/s', 'p50 ms', 'p99 ms', 'vs nginx', 'non-2xx', 'errors', 'RSS MB'],
    rows.map((row) => [
      row.target.name,
      row.requestsPerSecond.toFixed(0),
      ms(row.p50),
      ms(row.p99),
      ratio(row.requestsPerSecond / nginx),
      String(row.non2xx),
      String(row.errors),
      mb(row.rssMb),
    ]),
  );
}

function printSummary(targets: readonly Target[], allRounds: readonly (readonly Row[])[]): void {
  const nginxRates = allRounds.map((rows) => rows[0]!.requestsPerSecond);
  printTable(
    ['', 'req/s median', 'req/s range', 'p50 ms', 'p99 ms median', 'p99 range', 'vs nginx', 'vs nginx range', 'RSS MB last'],
    targets.map((target, index) => {
      const rows = allRounds.map((round) => round[index]!);
      const rates = rows.map((row) => row.requestsPerSecond);
      const ratios = rows.map((row, round) => row.requestsPerSecond / nginxRates[round]!);
      return [
        target.name,
        median(rates).toFixed(0),
        spread(rates, (value) => value.toFixed(0)),
        ms(median(rows.map((row) => row.p50))),
        ms(median(rows.map((row) => row.p99))),
        spread(
          rows.map((row) => row.p99),
          ms,
        ),
        ratio(median(ratios)),
        spread(ratios, ratio),
        mb(rows.at(-1)?.rssMb),
      ];
    }),
  );
}

async function reportIdle(server: Child): Promise<void> {
  await reportWhenIdle(server.process.pid, server.name);
}

async function main(): Promise<void> {
  checkNginxInstalled();
  checkWrkInstalled();
  printPlan(plan);
  console.log('(wrk shares these CPUs with the servers it measures; no Accept-Encoding, so every server sends the page uncompressed)\n');

  const startedAt = performance.now();
  const cached = await startGazette('Gazette, cached, 1 process', dataDir, { GAZETTE_WORKERS: '1' });
  console.log(`First start on an empty data folder (migrations, demo seed, editor bundle): ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  await reportIdle(cached.server);
  const homeHtml = (await httpGet(`${cached.origin}/`)).body.toString('utf8');
  const articlePath = findFirstArticlePath(homeHtml);
  const commentedPath = findArticlePaths(homeHtml).find((path) => path !== articlePath) ?? articlePath;
  await addApprovedComments(join(dataDir, 'gazette.sqlite'), commentedPath.split('/').at(-1)!, commentsOnMeasuredArticle);
  // The same data folder, migrated, seeded and its image variants made, so all render the same newsroom.
  const cachedWorkers = await startGazette('Gazette, cached, 2 workers', dataDir, { GAZETTE_WORKERS: '2' });
  await reportIdle(cachedWorkers.server);
  const uncached = await startGazette('Gazette, GAZETTE_PAGE_CACHE=off, 1 process', dataDir, { GAZETTE_PAGE_CACHE: 'off', GAZETTE_WORKERS: '1' });
  await reportIdle(uncached.server);
  const uncachedWorkers = await startGazette('Gazette, GAZETTE_PAGE_CACHE=off, 2 workers', dataDir, { GAZETTE_PAGE_CACHE: 'off', GAZETTE_WORKERS: '2' });
  await reportIdle(uncachedWorkers.server);

  const article = await httpGet(`${cached.origin}${articlePath}`);
  if (article.status !== 200) throw new Error(`GET ${articlePath} answered ${article.status}`);
  const contentType = String(article.headers['content-type']);

  const nginxPort = await findFreePort();
  const nginxChild = await startNginx(article.body, contentType, nginxPort);
  removeAtEnd(nginxChild.dir);
  const nginx: Child = { name: 'nginx, same bytes', ...nginxChild };
  stopAtEnd(nginx);
  const nginxUrl = `http://127.0.0.1:${nginxPort}${articlePath}`;
  await waitUntilServing(nginx, nginxUrl);
  const fromNginx = await httpGet(nginxUrl);
  if (!fromNginx.body.equals(article.body) || fromNginx.headers['content-type'] !== contentType) {
    throw new Error(`nginx does not answer with the article's bytes and Content-Type (${fromNginx.headers['content-type']})`);
  }
  for (const { origin } of [cached, cachedWorkers]) {
    // Twice more, so that each of two workers has it kept.
    await httpGet(`${origin}${articlePath}`);
    await httpGet(`${origin}${articlePath}`);
    await expectCacheHeader(`${origin}${articlePath}`, 'HIT');
  }
  for (const { origin } of [uncached, uncachedWorkers]) await expectCacheHeader(`${origin}${articlePath}`, 'MISS');

  console.log(`article: ${articlePath} (${(article.body.length / 1024).toFixed(1)} KB, ${contentType})\n`);

  const targets: Target[] = [
    { name: nginx.name, url: nginxUrl, server: nginx, reportRss: false },
    ...[cached, cachedWorkers, uncached, uncachedWorkers].map(({ server, origin }) => ({
      name: server.name,
      url: `${origin}${articlePath}`,
      server,
      reportRss: true,
    })),
  ];
  const allRounds = await measureInRounds(plan, targets, measure, printRound);
  console.log(`summary over ${plan.rounds} rounds (ratios to nginx in the same round)`);
  printSummary(targets, allRounds);

  // Every start on a newsroom with no account replaced the setup link: the last server printed the one that works.
  await measureUnderModeration(cached, articlePath, uncachedWorkers.server.output());

  const { tag, author } = linksOfArticle(article.body.toString('utf8'));
  const pages = [
    { name: 'home', path: '/' },
    { name: 'section', path: `/${articlePath.split('/')[1]}` },
    { name: 'tag', path: tag },
    { name: 'author', path: author },
    { name: `article, ${commentsOnMeasuredArticle} comments`, path: commentedPath },
    { name: 'search', path: '/search?q=harbour' },
  ];
  console.log(`\nserver time per page on a miss (${uncached.server.name}; one request at a time, brotli, median of 300)`);
  const times = await timePages(uncached.origin, pages);
  printTable(
    ['', 'path', 'median ms', 'p90 ms'],
    times.map((time) => [time.name, time.path, ms(time.medianMs), ms(time.p90Ms)]),
  );

  expectFewFailures(allRounds);
}

/**
 * The article page's cached throughput alone, then while a moderator approves a new comment on that very
 * article every second (each approval drops its cached page).
 */
async function measureUnderModeration(server: { server: Child; origin: string }, articlePath: string, setupLinkOutput: string): Promise<void> {
  const url = `${server.origin}${articlePath}`;
  const steady = await runWrk(url, wrkOptions);
  const cookie = await signInModerator(server.origin, setupLinkOutput);
  const stop = new AbortController();
  const moderating = moderateEverySecond({
    origin: server.origin,
    cookie,
    sqliteFile: join(dataDir, 'gazette.sqlite'),
    articleSlug: articlePath.split('/').at(-1)!,
    signal: stop.signal,
  }).then(
    (approvals) => ({ approvals }),
    (error: unknown) => ({ error }),
  );
  const busy = await runWrk(url, wrkOptions);
  stop.abort();
  const moderated = await moderating;
  if ('error' in moderated) throw moderated.error;
  const { approvals } = moderated;
  console.log(`\nthe article page while a comment on it is approved every second (${server.server.name})`);
  printTable(
    ['', 'req/s', 'p50 ms', 'p99 ms', 'vs steady'],
    [
      ['steady', steady.requestsPerSecond.toFixed(0), ms(steady.p50), ms(steady.p99), '1.00x'],
      [
        `${approvals} approvals`,
        busy.requestsPerSecond.toFixed(0),
        ms(busy.p50),
        ms(busy.p99),
        `${(busy.requestsPerSecond / steady.requestsPerSecond).toFixed(2)}x`,
      ],
    ],
  );
}

runBench(main);
