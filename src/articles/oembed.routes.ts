import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { GazetteError, NotFoundError } from '../errors.ts';
import { slugPattern } from '../platform/slugs.ts';
import { lookUpArticle } from './articles.reader.ts';
import { oembedCard } from './oembed.tsx';
import type { ReaderDeps } from './reader-deps.ts';

/** The spec's answer for a format this provider does not speak (only JSON is offered). */
class FormatNotImplementedError extends GazetteError {
  readonly status = 501;
  readonly code = 'NOT_IMPLEMENTED';
}

const OEmbedQuery = Type.Object({
  url: Type.String({ maxLength: 2000 }),
  format: Type.Optional(Type.String({ maxLength: 10 })),
  maxwidth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  maxheight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
type OEmbedQuery = Static<typeof OEmbedQuery>;

const slugGroup = `(${slugPattern.slice(1, -1)})`;
const articlePath = new RegExp(`^/${slugGroup}/${slugGroup}/?$`, 'u');

/** Section and slug of an article address on this site, or undefined for any other address. */
function articleAddressOf(url: string, publicUrl: string): { sectionSlug: string; slug: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(publicUrl).origin) return undefined;
  const match = articlePath.exec(decodeURIComponent(parsed.pathname));
  return match ? { sectionSlug: match[1]!, slug: match[2]! } : undefined;
}

/**
 * oEmbed provider (oembed.com): `/oembed?url=<article address>&format=json` answers a card, so a link
 * pasted into a chat, a CMS or a social tool shows the headline, standfirst and photo. The article
 * page names this address in its head for discovery. Only published articles are described.
 */
export const oembedRoutes: FastifyPluginAsync<ReaderDeps> = async (app, { db, site }) => {
  app.get<{ Querystring: OEmbedQuery }>('/oembed', { schema: { querystring: OEmbedQuery } }, async (request, reply) => {
    const { url, format = 'json', maxwidth, maxheight } = request.query;
    if (format !== 'json') throw new FormatNotImplementedError('Only format=json is offered.');
    const address = articleAddressOf(url, site.publicUrl);
    if (!address) throw new NotFoundError('No article of this site is at that address.');
    const now = site.clock.now();
    let found = await lookUpArticle(db, address.sectionSlug, address.slug, now);
    // An old address still embeds the article it moved to.
    if (found.kind === 'moved') {
      const moved = articleAddressOf(new URL(found.location, site.publicUrl).href, site.publicUrl);
      if (moved) found = await lookUpArticle(db, moved.sectionSlug, moved.slug, now);
    }
    if (found.kind !== 'found') throw new NotFoundError('No published article is at that address.');
    const card = oembedCard(
      found.article,
      { publicUrl: site.publicUrl, siteName: site.settings.current().name },
      {
        ...(maxwidth ? { maxwidth } : {}),
        ...(maxheight ? { maxheight } : {}),
      },
    );
    return reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').send(card);
  });
};
