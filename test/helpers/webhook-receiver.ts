import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** What the receiver answers a request with (a status, or one with headers); called with the requests so far, this one last. */
export type Responder = (
  received: readonly ReceivedWebhook[],
) => number | { readonly status: number; readonly headers: Readonly<Record<string, string>> } | Promise<number>;

/**
 * A real HTTP server on 127.0.0.1 that keeps every request it gets, as a webhook receiver would, and
 * answers with what `respond` says (200 by default, after `delayMs`).
 */
export async function startWebhookReceiver(options: { respond?: Responder; delayMs?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  let respond: Responder = options.respond ?? (() => 200);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      if (options.delayMs) await sleep(options.delayMs);
      const answer = await respond(received);
      if (typeof answer === 'number') response.writeHead(answer).end('ok');
      else response.writeHead(answer.status, answer.headers).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/gazette`,
    port,
    received,
    /** The webhook-ids received, in order, repeats included. */
    ids: () => received.map((request) => String(request.headers['webhook-id'])),
    answerWith(next: Responder) {
      respond = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Waits until `condition` holds, polling; fails the test after `timeoutMs` with `what`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}
