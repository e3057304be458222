import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type CachedPage, type Encoding, type PageCache, preferredEncoding, type SentFromCache, sentFromCache } from './page-cache.ts';

/**
 * Repeats of a page the cache holds, answered before Fastify. On the demo's article page, with the
 * page in the cache, Fastify's routing and hooks and its headers object took more time than the rest:
 * 25,000–27,000 answers a second in one process, where Node's own HTTP server sending the same page
 * from the same cache with the same headers gave 46,000–47,000 (wrk, 64 connections, 2 CPUs).
 *
 * It can only repeat what Fastify said. A request is answered here when it is exactly like one Fastify
 * has already answered from the cache with the same page: a GET of the same address, which is the
 * page's key in the cache, with no cookie, no Authorization and no conditional header, asking for the
 * same encoding. The answer is the status and headers Fastify sent then, each hook's included, with
 * Cache-Control worked out anew (a page that expires counts down to it) and the length of the body
 * sent now. Anything else goes to Fastify, as do pages Fastify has not answered that way yet, so the
 * first hit of each page and encoding is Fastify's, and teaches this lane.
 */

/** Headers Node writes itself or this lane works out for each answer; never learnt. */
const workedOutPerAnswer = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/** Fastify's headers as a list of names and values, with where Cache-Control's value goes. */
interface LearntHead {
  readonly headers: readonly string[];
  readonly cacheControlAt: number;
}

/** What Fastify sent for a page, by the address it was asked at and the encoding. */
interface LearntAnswers {
  readonly url: string;
  readonly headsByEncoding: Map<Encoding | undefined, LearntHead>;
}

interface RequestShape {
  readonly url: string;
  readonly encoding: Encoding | undefined;
}

export interface CacheHitLaneOptions {
  /** Off: every request goes to Fastify (the page cache is off, or each request is to be logged). */
  readonly enabled: boolean;
}

export class CacheHitLane {
  readonly #learnt = new WeakMap<CachedPage, LearntAnswers>();
  #open: boolean;
  #answered = 0;

  constructor(
    private readonly pages: PageCache,
    options: CacheHitLaneOptions,
  ) {
    this.#open = options.enabled;
  }

  /** How many answers this lane sent rather than Fastify. */
  get answered(): number {
    return this.#answered;
  }

  /** From now on Fastify answers everything: while it closes, it answers 503 and closes connections. */
  close(): void {
    this.#open = false;
  }

  /**
   * Answers the request when it can, and says so; when it cannot, but the request is of a shape it
   * could answer, notes what Fastify sends, to answer the next one.
   */
  answerOrLearn(request: IncomingMessage, response: ServerResponse): boolean {
    const shape = this.#shapeOf(request);
    if (!shape) return false;
    // Nothing cached at this address (a file, an image, the newsroom): nothing to answer, nothing to learn.
    const page = this.pages.get(shape.url);
    if (!page) return false;
    if (this.#answer(page, shape, response)) return true;
    this.#learnFrom(shape, response);
    return false;
  }

  /** The request, when it is one this lane could answer: a plain GET, the same for every reader. */
  #shapeOf(request: IncomingMessage): RequestShape | undefined {
    if (!this.#open || request.method !== 'GET' || request.url === undefined) return undefined;
    const { headers } = request;
    if (headers.cookie !== undefined || headers.authorization !== undefined) return undefined;
    if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return undefined;
    return { url: request.url, encoding: preferredEncoding(headers['accept-encoding']) };
  }

  #answer(page: CachedPage, { url, encoding }: RequestShape, response: ServerResponse): boolean {
    const learnt = this.#learnt.get(page);
    const head = learnt?.url === url ? learnt.headsByEncoding.get(encoding) : undefined;
    const body = page.readyBody(encoding);
    if (!head || !body) return false;
    const headers = [...head.headers, 'content-length', String(body.length)];
    headers[head.cacheControlAt] = page.sharedCacheControl();
    response.writeHead(200, headers);
    response.end(body);
    this.#answered++;
    return true;
  }

  /** Notes the headers Fastify sends, should this turn out to be a page from the cache sent whole. */
  #learnFrom({ url, encoding }: RequestShape, response: ServerResponse): void {
    const writeHead = response.writeHead;
    response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
      response.writeHead = writeHead;
      const sent = (response as SentFromCache)[sentFromCache];
      const [headers] = rest;
      if (statusCode === 200 && sent && sent.encoding === encoding && rest.length === 1 && isHeadersObject(headers)) {
        this.#remember(sent.page, url, encoding, headers);
      }
      return Reflect.apply(writeHead, response, [statusCode, ...rest]);
    }) as typeof response.writeHead;
  }

  #remember(page: CachedPage, url: string, encoding: Encoding | undefined, headers: OutgoingHttpHeaders): void {
    // Only what is the same for every reader may be repeated, and only the page's own bytes: a
    // cookie being set, or a body a hook changed (its length differs), and nothing is learnt.
    const body = page.readyBody(encoding);
    if (headers['set-cookie'] !== undefined || body === undefined || Number(headers['content-length']) !== body.length) return;
    if (this.pages.get(url) !== page) return;
    const list: string[] = [];
    let cacheControlAt = -1;
    for (const [name, value] of Object.entries(headers)) {
      if (workedOutPerAnswer.has(name.toLowerCase()) || value === undefined) continue;
      if (Array.isArray(value)) return;
      if (name.toLowerCase() === 'cache-control') cacheControlAt = list.length + 1;
      list.push(name, String(value));
    }
    if (cacheControlAt < 0) return;
    const head: LearntHead = { headers: list, cacheControlAt };
    const learnt = this.#learnt.get(page);
    if (learnt && learnt.url === url) learnt.headsByEncoding.set(encoding, head);
    else this.#learnt.set(page, { url, headsByEncoding: new Map([[encoding, head]]) });
  }
}

function isHeadersObject(value: unknown): value is OutgoingHttpHeaders {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
