import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPurge {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The keys of its `xkey-purge` header. */
  readonly keys: readonly string[];
  readonly at: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for the cache in front: it keeps every request it gets
 * and answers with the status `respond` gives (200 by default), called with the requests so far.
 */
export async function startPurgeReceiver(respond: (received: readonly ReceivedPurge[]) => number = () => 200) {
  const received: ReceivedPurge[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const keys = String(request.headers['xkey-purge'] ?? '')
        .split(' ')
        .filter(Boolean);
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, keys, at: Date.now() });
      response.writeHead(respond(received)).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    /** Every key purged so far, each once. */
    purgedKeys: () => new Set(received.flatMap((purge) => purge.keys)),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
