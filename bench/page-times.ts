import { Agent, get } from 'node:http';
import { connectDatabase } from '../src/db/connect.ts';
import { insertComment } from '../src/comments/comments.queries.ts';

/**
 * The server's time per page type on a miss: requests one after another on one kept-alive connection
 * to a server rendering every request, as a browser asks (brotli), so each answer's time is the
 * server's render, compression and the loopback round trip, with nothing queued ahead of it.
 */

const warmUpRequests = 30;
const timedRequests = 300;

export interface PageTime {
  readonly name: string;
  readonly path: string;
  readonly medianMs: number;
  readonly p90Ms: number;
}

function timedGet(agent: Agent, url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, headers: { 'accept-encoding': 'br' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }),
      );
    });
    request.on('error', reject);
  });
}

async function timePage(agent: Agent, origin: string, name: string, path: string): Promise<PageTime> {
  for (let i = 0; i < warmUpRequests; i++) await timedGet(agent, `${origin}${path}`);
  const times: number[] = [];
  for (let i = 0; i < timedRequests; i++) {
    const { ms, status } = await timedGet(agent, `${origin}${path}`);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { name, path, medianMs: times[Math.floor(times.length / 2)]!, p90Ms: times[Math.floor(times.length * 0.9)]! };
}

/** Approved comments on the article at /{section}/{slug}, so "an article with N comments" is measured. */
export async function addApprovedComments(sqliteFile: string, articleSlug: string, count: number): Promise<void> {
  const database = connectDatabase({ sqliteFile });
  try {
    const article = await database.db.selectFrom('articles').select('id').where('slug', '=', articleSlug).executeTakeFirstOrThrow();
    for (let i = 1; i <= count; i++) {
      await insertComment(database.db, {
        articleId: article.id,
        parentId: null,
        status: 'approved',
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.org`,
        authorWebsite: '',
        staffUserId: null,
        body: `Comment ${i}: the harbour story matches what we saw at the terminal last week, and the night shift numbers look right.`,
        spamScore: null,
        spamReasons: [],
        ipAddress: null,
        userAgent: null,
        replyAlertsRequested: false,
        createdAt: new Date(Date.now() - (count - i) * 60_000),
      });
    }
  } finally {
    await database.destroy();
  }
}

/** The median and 90th percentile server time of each page, in order. */
export async function timePages(origin: string, pages: readonly { name: string; path: string }[]): Promise<PageTime[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const times: PageTime[] = [];
    for (const page of pages) times.push(await timePage(agent, origin, page.name, page.path));
    return times;
  } finally {
    agent.destroy();
  }
}

/** Where the article page links: its first tag and its first author. */
export function linksOfArticle(html: string): { tag: string; author: string } {
  const tag = /href="(\/tag\/[^"]+)"/.exec(html)?.[1];
  const author = /href="(\/author\/[^"]+)"/.exec(html)?.[1];
  if (!tag || !author) throw new Error('the article page links to no tag or no author');
  return { tag, author };
}
