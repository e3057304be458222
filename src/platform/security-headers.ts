import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A strict Content-Security-Policy: scripts and styles only from our own fingerprinted files,
 * no inline script or style at all, so injected markup cannot run.
 */
function helmetOptions(options: { https: boolean }): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Click-to-load video embeds, and only after the reader asks (public/embeds.js).
        frameSrc: ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        // Only behind HTTPS: on plain http it would send the browser to https URLs that do not answer.
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

/** What every answer carries anyway, and so is not one of helmet's headers. */
const ordinaryHeaders = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The headers @fastify/helmet sets with these options, asked of it once. They are the same on every
 * answer (no nonces: nothing inline is allowed at all), and the plugin builds helmet's middleware
 * anew on every request: 10% of a cached page's time, measured.
 */
async function securityHeaders(options: { https: boolean }): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, helmetOptions(options));
  probe.get('/', async () => '');
  const answer = await probe.inject({ url: '/' });
  await probe.close();
  return Object.fromEntries(
    Object.entries(answer.headers)
      .filter(([name, value]) => !ordinaryHeaders.has(name) && typeof value === 'string')
      .map(([name, value]) => [name, String(value)]),
  );
}

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  const headers = await securityHeaders(options);
  if (!headers['content-security-policy']) throw new Error('@fastify/helmet set no Content-Security-Policy');
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
