import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { bareHostOf, type ResolvedTarget } from './address-guard.ts';

/** How much of a receiver's answer is read before the rest is dropped: only its status matters. */
const maxResponseBytes = 64 * 1024;

/**
 * A `lookup` for http.request that answers with the address the guard checked, whatever DNS would say
 * now: the connection goes exactly where the check said it may. (Node asks with `all: true` when it
 * tries several addresses in turn, and for one address otherwise.)
 */
function pinnedLookup(target: ResolvedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

export interface WebhookPost {
  readonly url: URL;
  readonly target: ResolvedTarget;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Ends the attempt: its timeout, or the worker stopping. */
  readonly signal: AbortSignal;
}

/**
 * POSTs one webhook and resolves with the receiver's status code once its answer has been read (up to
 * 64 KB; the rest is dropped). Rejects on a connection error or when `signal` aborts. Redirects are not
 * followed: a 3xx is an answer like any other, so a receiver cannot send the request somewhere unchecked.
 */
export function postWebhook(post: WebhookPost): Promise<number> {
  const client = post.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: post.url.protocol,
        hostname: bareHostOf(post.url),
        port: post.url.port || undefined,
        path: `${post.url.pathname}${post.url.search}`,
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        lookup: pinnedLookup(post.target),
        // A fresh connection each time: a pooled one could have been opened to an address checked long ago.
        agent: false,
        signal: post.signal,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > maxResponseBytes) response.destroy();
        });
        response.on('close', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(post.body);
  });
}
