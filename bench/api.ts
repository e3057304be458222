import { join } from 'node:path';
import { type Child, expectCacheHeader, httpGet, makeTempDir, runBench, startGazette, stopChild } from './gazette-servers.ts';
import { median, ms, percentile, printTable, spread } from './result-tables.ts';
import { reportWhenIdle } from './server-idle.ts';
import { createOwnerToken, type DeliveryResult, measureWebhookDelivery } from './webhook-delivery.ts';
import { checkWrkInstalled, runWrk, type WrkOptions, type WrkResult } from './wrk.ts';
import { expectFewFailures, measureInRounds, printPlan, type RoundsPlan } from './wrk-rounds.ts';

/**
 * `npm run bench:api`: the Content API's article list (?limit=20) and one article by id, measured with wrk
 * on one demo newsroom served twice, from the page cache and with GAZETTE_PAGE_CACHE=off, interleaved round
 * by round; then how fast webhooks reach a receiver on this machine while articles are edited through the
 * Admin API, and whether each event arrived exactly once. Needs Debian's wrk. BENCH_ROUNDS (default 3),
 * BENCH_SECONDS (default 5) and BENCH_CHANGES (default 500) change its length; about 2 minutes as it is.
 */

const wrkOptions: WrkOptions = { threads: 2, connections: 64, seconds: Number(process.env.BENCH_SECONDS) || 5 };
const plan: RoundsPlan = { wrk: wrkOptions, rounds: Number(process.env.BENCH_ROUNDS) || 3, warmUpSeconds: 2 };
const changes = Number(process.env.BENCH_CHANGES) || 500;
/** Articles edited at once, each by a chain of If-Match PATCHes. */
const editedArticles = 8;

interface Target {
  readonly name: string;
  readonly url: string;
}
interface Row extends WrkResult {
  readonly target: Target;
}

const dataDir = join(makeTempDir('gazette-bench-api-'), 'data');
/** Added to both servers' environment. */
const serverEnv: Readonly<Record<string, string>> = {
  GAZETTE_WORKERS: '1',
  // wrk is one address asking tens of thousands of times a second; the default 600 a minute would measure the 429.
  GAZETTE_CONTENT_API_PER_MINUTE: '1000000',
  // The bench's webhook receiver listens on 127.0.0.1; a real newsroom's endpoints are on the internet.
  GAZETTE_WEBHOOKS_ALLOW_PRIVATE: '1',
};

function printRound(rows: readonly Row[]): void {
  printTable(
    ['', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
    rows.map((row) => [row.target.name, row.requestsPerSecond.toFixed(0), ms(row.p50), ms(row.p99), String(row.non2xx), String(row.errors)]),
  );
}

function printSummary(targets: readonly Target[], allRounds: readonly (readonly Row[])[]): void {
  printTable(
    ['', 'req/s median', 'req/s range', 'p50 ms', 'p99 ms median', 'p99 range'],
    targets.map((target, index) => {
      const rows = allRounds.map((round) => round[index]!);
      const rates = rows.map((row) => row.requestsPerSecond);
      const p99s = rows.map((row) => row.p99);
      return [
        target.name,
        median(rates).toFixed(0),
        spread(rates, (value) => value.toFixed(0)),
        ms(median(rows.map((row) => row.p50))),
        ms(median(p99s)),
        spread(p99s, ms),
      ];
    }),
  );
}

function printDelivery(server: Child, result: DeliveryResult): void {
  const missing = result.changes - result.distinctChanges;
  console.log(`\nwebhook delivery (${server.name}; one endpoint on 127.0.0.1 subscribed to article.updated, answering 200)`);
  console.log(
    `${result.changes} PATCHes of a standfirst with If-Match, ${result.articles} published articles edited at once: ` +
      `${result.changeSeconds.toFixed(1)} s, ${(result.changes / result.changeSeconds).toFixed(0)} changes/s`,
  );
  console.log(
    `delivered: ${(result.changes / result.deliverySeconds).toFixed(0)} events/s ` +
      `(${result.changes} events, ${result.deliverySeconds.toFixed(1)} s from the first change to the last delivery)`,
  );
  console.log(`from a change's answer to its delivery: p50 ${ms(percentile(result.lagsMs, 0.5))} ms, p99 ${ms(percentile(result.lagsMs, 0.99))} ms`);
  console.log(
    `requests received ${result.received}, distinct webhook-ids ${result.distinctIds}, changes heard of ${result.distinctChanges} of ${result.changes} ` +
      `(missing ${missing}, repeated ${result.received - result.distinctIds}), signatures valid ${result.validSignatures} of ${result.received}`,
  );
}

async function main(): Promise<void> {
  checkWrkInstalled();
  printPlan(plan);
  console.log('(wrk shares these CPUs with the servers it measures; each server is one process, GAZETTE_CONTENT_API_PER_MINUTE=1000000)\n');

  const startedAt = performance.now();
  const cached = await startGazette('cached', dataDir, serverEnv);
  console.log(`First start on an empty data folder (migrations, demo seed, editor bundle): ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  // The same data folder, migrated and seeded, so both answer with the same newsroom.
  const uncached = await startGazette('GAZETTE_PAGE_CACHE=off', dataDir, { ...serverEnv, GAZETTE_PAGE_CACHE: 'off' });
  for (const { server } of [cached, uncached]) await reportWhenIdle(server.process.pid, server.name);

  const listPath = '/api/v1/articles?limit=20';
  const list = await httpGet(`${cached.origin}${listPath}`);
  if (list.status !== 200) throw new Error(`GET ${listPath} answered ${list.status}: ${list.body.toString('utf8')}`);
  const listed = (JSON.parse(list.body.toString('utf8')) as { articles: { id: number }[] }).articles.map((article) => article.id);
  if (listed.length === 0) throw new Error('The Content API lists no article; is the demo newsroom seeded?');
  const articlePath = `/api/v1/articles/${listed[0]}`;
  const article = await httpGet(`${cached.origin}${articlePath}`);
  if (article.status !== 200) throw new Error(`GET ${articlePath} answered ${article.status}`);
  for (const path of [listPath, articlePath]) {
    await httpGet(`${cached.origin}${path}`);
    await expectCacheHeader(`${cached.origin}${path}`, 'HIT');
    await expectCacheHeader(`${uncached.origin}${path}`, 'MISS');
  }
  console.log(`list: ${listPath} (${listed.length} articles, ${(list.body.length / 1024).toFixed(1)} KB)`);
  console.log(`article: ${articlePath} (${(article.body.length / 1024).toFixed(1)} KB)\n`);

  const targets: Target[] = [
    { name: `list, ${cached.server.name}`, url: `${cached.origin}${listPath}` },
    { name: `list, ${uncached.server.name}`, url: `${uncached.origin}${listPath}` },
    { name: `article, ${cached.server.name}`, url: `${cached.origin}${articlePath}` },
    { name: `article, ${uncached.server.name}`, url: `${uncached.origin}${articlePath}` },
  ];
  const measure = async (target: Target): Promise<Row> => ({ ...(await runWrk(target.url, wrkOptions)), target });
  const allRounds = await measureInRounds(plan, targets, measure, printRound);
  console.log(`summary over ${plan.rounds} rounds`);
  printSummary(targets, allRounds);

  // One deliverer only: the second server's would claim deliveries too, and the rate would be two senders'.
  await stopChild(uncached.server);
  const token = await createOwnerToken(dataDir);
  const delivery = await measureWebhookDelivery({
    origin: cached.origin,
    token,
    articleIds: listed.slice(0, editedArticles),
    changes,
    warmUpChanges: 2 * editedArticles,
  });
  printDelivery(cached.server, delivery);

  expectFewFailures(allRounds);
  const exactlyOnce = delivery.received === changes && delivery.distinctIds === changes && delivery.distinctChanges === changes;
  if (!exactlyOnce || delivery.validSignatures !== delivery.received) throw new Error('Not every event arrived exactly once, signed');
}

runBench(main);
