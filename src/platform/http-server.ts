import { createServer, type Server, type ServerOptions } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import type { CacheHitLane } from './cache-hit-lane.ts';
import { RequestTurns } from './event-loop-turns.ts';

/** The options Fastify gives a server factory that this one reads (Fastify fills in their defaults). */
interface FastifyServerOptions {
  readonly http?: ServerOptions;
  readonly keepAliveTimeout: number;
  readonly requestTimeout: number;
  readonly connectionTimeout: number;
  readonly maxRequestsPerSocket?: number | null;
}

/**
 * The HTTP server Fastify is given (`serverFactory`): a repeat of a cached page is answered by the lane
 * (cache-hit-lane.ts); every other request goes to Fastify in its turn (RequestTurns), so that a process
 * busy rendering still goes round its event loop and takes on new connections. Waiting there, before
 * Fastify, a request holds nothing but Node's own objects for it: waiting inside the page cache, after
 * the route had read its article, each held the article, and with 64 connections rendering every request
 * the process grew from 120 to 200 MB of garbage promoted while it waited.
 */
export function gazetteServerFactory(lane: CacheHitLane, turns = new RequestTurns()): FastifyServerFactory {
  return (handler, fastifyOptions) => {
    const options = fastifyOptions as unknown as FastifyServerOptions;
    const server: Server = createServer(options.http ?? {}, (request, response) => {
      if (lane.answerOrLearn(request, response)) return;
      void turns.take().then((turn) => {
        response.once('finish', turn.end);
        response.once('close', turn.end);
        handler(request, response);
      });
    });
    // What Fastify sets on a server it makes itself.
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
