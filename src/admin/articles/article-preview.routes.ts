import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  type Article,
  allowFramingBySameOrigin,
  allowFramingOwnPages,
  canEditArticle,
  createPreviewLink,
  defaultPreviewLinkLifetime,
  getArticle,
  listWorkingPreviewLinks,
  PreviewQuery,
  previewLinkLifetimes,
  previewStatusOf,
  renderArticlePreview,
  renderPhonePreviewPage,
  renderPreviewBanner,
  revokePreviewLink,
  sharedPreviewPath,
  timeLabel,
} from '../../articles/index.ts';
import { ConflictError, ForbiddenError, phrase } from '../../errors.ts';
import { oneOf, rowIdParams } from '../../platform/route-schemas.ts';
import { absoluteUrl } from '../../platform/urls.ts';
import { type AdminContext, newsroomWords, requireStaff, staffOnly } from '../admin-context.ts';
import { auditArticle } from './article-audit.ts';
import { describePreviewStatusIn, lifetimeLabel, type PreviewEditorToolsData, previewWordsIn, renderPreviewEditorTools } from './article-preview-page.tsx';

const ArticleParams = rowIdParams('articleId');
type ArticleParams = Static<typeof ArticleParams>;
const LinkParams = rowIdParams('articleId', 'linkId');
const PreviewPageQuery = Type.Composite([PreviewQuery, Type.Object({ done: Type.Optional(oneOf(['revoked'])) })]);
type PreviewPageQuery = Static<typeof PreviewPageQuery>;
const lifetimeValues = Object.keys(previewLinkLifetimes) as (keyof typeof previewLinkLifetimes)[];
const CreateLinkBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), lifetime: Type.Optional(oneOf(lifetimeValues)) });
const csrfBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });

/**
 * The article's preview: the reader page as saved, under a "Not published" banner, at desktop or
 * phone width; and the share links that show it to people without an account.
 */
export const articlePreviewRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  const documentDeps = { db, site, pages: context.pages, comments: context.commentSections };
  app.addHook('preHandler', staffOnly);

  const loadEditable = async (request: FastifyRequest<{ Params: ArticleParams }>) => {
    const article = await getArticle(db, request.params.articleId);
    if (!canEditArticle(requireStaff(request), article)) throw new ForbiddenError(phrase('refusal.articles.seeOnlyOwn'));
    return article;
  };

  const sendPreview = async (reply: FastifyReply, article: Article, query: PreviewPageQuery, created?: PreviewEditorToolsData['created']) => {
    const now = site.clock.now();
    reply.header('x-robots-tag', 'noindex').type('text/html; charset=utf-8');
    if (query.frame) {
      allowFramingBySameOrigin(reply);
      return reply.send(await renderArticlePreview(article, documentDeps, now, undefined));
    }
    const settings = site.settings.current();
    const words = newsroomWords(context);
    // Times as the newsroom writes them in its language (Korean: 18:40), in the site's time zone.
    const style = words;
    const bannerWords = previewWordsIn(words);
    const view = query.view ?? 'desktop';
    const path = `/admin/articles/${article.id}/preview`;
    const links = await listWorkingPreviewLinks(db, article.id, now);
    const tools: PreviewEditorToolsData = {
      articleId: article.id,
      csrfToken: reply.generateCsrf(),
      canShare: article.trashedAt === null,
      lifetimes: lifetimeValues.map((value) => ({ value, label: lifetimeLabel(value, words) })),
      defaultLifetime: defaultPreviewLinkLifetime,
      links: links.map((link) => ({ id: link.id, createdByName: link.createdByName, expires: timeLabel(link.expiresAt, style) })),
      ...(created ? { created } : {}),
      ...(query.done === 'revoked' ? { revoked: true } : {}),
    };
    const banner = renderPreviewBanner(
      { ...describePreviewStatusIn(previewStatusOf(article), words, style), view, path, siteLanguage: settings.language, words: bannerWords },
      renderPreviewEditorTools(tools, words),
    );
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
          words: bannerWords,
        }),
      );
    }
    return reply.send(await renderArticlePreview(article, documentDeps, now, banner));
  };

  app.get<{ Params: ArticleParams; Querystring: PreviewPageQuery }>(
    '/admin/articles/:articleId/preview',
    { schema: { params: ArticleParams, querystring: PreviewPageQuery } },
    async (request, reply) => sendPreview(reply, await loadEditable(request), request.query),
  );

  // Answers with the preview itself, not a redirect: the new link is shown once, and never put in an address.
  app.post<{ Params: ArticleParams; Body: Static<typeof CreateLinkBody> }>(
    '/admin/articles/:articleId/preview-links',
    { schema: { params: ArticleParams, body: CreateLinkBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadEditable(request);
      if (article.trashedAt !== null) throw new ConflictError(phrase('refusal.articles.trashedNoShare'));
      const lifetime = request.body.lifetime ?? defaultPreviewLinkLifetime;
      const { token, expiresAt } = await createPreviewLink({ db, clock: site.clock }, article.id, requireStaff(request).id, lifetime);
      await auditArticle(context, request, 'preview-link-created', article);
      const expires = timeLabel(expiresAt, newsroomWords(context));
      return sendPreview(reply, article, {}, { url: absoluteUrl(site.publicUrl, sharedPreviewPath(token)), expires });
    },
  );

  app.post<{ Params: Static<typeof LinkParams> }>(
    '/admin/articles/:articleId/preview-links/:linkId/revoke',
    { schema: { params: LinkParams, body: csrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadEditable(request);
      if (await revokePreviewLink(db, article.id, request.params.linkId, site.clock.now())) {
        await auditArticle(context, request, 'preview-link-revoked', article);
      }
      return reply.redirect(`/admin/articles/${article.id}/preview?done=revoked`, 303);
    },
  );
};
