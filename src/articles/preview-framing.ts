import type { FastifyReply } from 'fastify';

// The phone view frames the preview on the same site. The site-wide policy (platform/security-headers.ts)
// frames only video players; these two change it for the preview's replies alone, after helmet set it.

function policyOf(reply: FastifyReply): string[] {
  const header = reply.getHeader('content-security-policy');
  return typeof header === 'string'
    ? header
        .split(';')
        .map((directive) => directive.trim())
        .filter(Boolean)
    : [];
}

/** The policy with `source` added to `name` (the directive is added when it is missing). */
function withSource(directives: readonly string[], name: string, source: string): string {
  const index = directives.findIndex((directive) => directive.split(/\s+/)[0] === name);
  const current = index === -1 ? undefined : directives[index]!;
  if (current?.split(/\s+/).includes(source)) return directives.join(';');
  const updated = current ? `${current} ${source}` : `${name} ${source}`;
  return (index === -1 ? [...directives, updated] : directives.map((directive, i) => (i === index ? updated : directive))).join(';');
}

/** For the phone view's page: it may frame this site's own pages (the preview), and still nothing else new. */
export function allowFramingOwnPages(reply: FastifyReply): void {
  reply.header('content-security-policy', withSource(policyOf(reply), 'frame-src', "'self'"));
}

/** For the preview inside that frame: this site may frame it, no other may. */
export function allowFramingBySameOrigin(reply: FastifyReply): void {
  const directives = policyOf(reply).filter((directive) => directive.split(/\s+/)[0] !== 'frame-ancestors');
  reply.header('content-security-policy', [...directives, "frame-ancestors 'self'"].join(';'));
  reply.header('x-frame-options', 'SAMEORIGIN');
}
