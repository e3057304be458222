import rateLimit from '@fastify/rate-limit';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../errors.ts';
import { oneOf } from '../platform/route-schemas.ts';
import { dateStyleOf } from '../settings/index.ts';
import type { ArticleDocumentDeps } from './article-document.tsx';
import { describePreviewStatus, previewStatusOf, renderArticlePreview, timeLabel } from './article-preview.ts';
import { renderPhonePreviewPage, renderPreviewBanner } from './preview-banner.tsx';
import { allowFramingBySameOrigin, allowFramingOwnPages } from './preview-framing.ts';
import { findSharedPreview, sharedPreviewPath } from './preview-links.ts';

const messages = {
  unavailable: 'This preview link has expired or was withdrawn.',
};

// The rest of the address, unchecked here: any made-up token, however long or odd, gets the same clear 404.
// (A `:token` parameter would answer a long one with a 400 before this route is reached.)
const TokenParams = Type.Object({ '*': Type.String() });
/** `?view=phone` frames the preview at a phone's width; `?frame=1` is the preview inside that frame. */
export const PreviewQuery = Type.Object({ view: Type.Optional(oneOf(['desktop', 'phone'])), frame: Type.Optional(oneOf(['1'])) });
export type PreviewQuery = Static<typeof PreviewQuery>;

/**
 * /preview/<token>: an unpublished article for someone without an account, through a link made in the
 * newsroom. The same banner as the newsroom's preview, without the newsroom's tools.
 */
export const sharedPreviewRoutes: FastifyPluginAsync<ArticleDocumentDeps> = async (app, deps) => {
  const { db, site } = deps;
  await app.register(rateLimit, { global: false, ...app.rateLimitStores.options('shared-preview') });
  // Also on the 404: no copy kept anywhere, no search engine, and no Referer carrying the token to the sites it links to.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-robots-tag', 'noindex').header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
  });

  app.get<{ Params: Static<typeof TokenParams>; Querystring: PreviewQuery }>(
    '/preview/*',
    // Enough for someone reading and switching views; a guesser gets nowhere either way (2^256 tokens).
    { schema: { params: TokenParams, querystring: PreviewQuery }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const now = site.clock.now();
      const token = request.params['*'];
      const found = await findSharedPreview(db, token, now);
      if (!found) throw new NotFoundError(messages.unavailable);
      const { article, expiresAt } = found;
      const settings = site.settings.current();
      const style = dateStyleOf(settings);
      const path = sharedPreviewPath(token);
      const view = request.query.view ?? 'desktop';
      reply.type('text/html; charset=utf-8');
      if (request.query.frame) {
        allowFramingBySameOrigin(reply);
        return reply.send(await renderArticlePreview(article, deps, now, undefined));
      }
      const banner = renderPreviewBanner({
        ...describePreviewStatus(previewStatusOf(article), style),
        sharedUntil: timeLabel(expiresAt, style),
        view,
        path,
        siteLanguage: settings.language,
      });
      if (view === 'phone') {
        allowFramingOwnPages(reply);
        return reply.send(
          renderPhonePreviewPage({
            siteLanguage: settings.language,
            headline: article.headline,
            stylesheetUrl: site.assets.stylesheetUrl,
            iconUrl: site.assets.iconUrl,
            banner,
            frameUrl: `${path}?frame=1`,
          }),
        );
      }
      return reply.send(await renderArticlePreview(article, deps, now, banner));
    },
  );
};
