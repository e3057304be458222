import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Kysely } from 'kysely';
import { adminPlugin, editorCacheDir, loadEditorBundle } from './admin/index.ts';
import { authenticateApiToken, sessionCookie } from './accounts/index.ts';
import { apiRoutes, webhookEventSources } from './api/index.ts';
import { SchemasCompiledOnFirstUse } from './platform/schema-compilers.ts';
import {
  type ArticleEvents,
  articleRoutes,
  CollectionCounts,
  correctionsRoutes,
  keepHomeStoryIds,
  keepRelatedPicks,
  KeptSummaries,
  oembedRoutes,
  renderArticlePageById,
  sharedPreviewRoutes,
} from './articles/index.ts';
import {
  CommentSections,
  CommentSigner,
  commentLayoutReader,
  commentRoutes,
  KeptCommentCounts,
  KeptCommentPages,
  rememberedCommentsCookie,
} from './comments/index.ts';
import { authorRoutes } from './authors/index.ts';
import type { Config } from './config.ts';
import type { DialectName } from './db/connect.ts';
import type { Database } from './db/database.ts';
import { commentFeedRoutes, feedRoutes, sitemapRoutes } from './feeds/index.ts';
import { findRedirectLocation, wordPressQueryRedirects } from './imports/index.ts';
import { type MediaFiles, mediaRoutes, openMediaFiles } from './media/index.ts';
import { AssetManifest, assetRoutes } from './platform/assets.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { ContentChanges } from './platform/content-changes.ts';
import { buildCacheDir } from './platform/build-cache.ts';
import { projectRoot } from './platform/project-root.ts';
import { badUrlHandler, type ErrorPageRenderer, errorHandling, type PhraseSpeaker } from './platform/error-handler.ts';
import { sentenceIn } from './errors.ts';
import { newsroomTranslator } from './i18n/index.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { healthRoutes } from './platform/health.ts';
import { CacheHitLane } from './platform/cache-hit-lane.ts';
import { gazetteServerFactory } from './platform/http-server.ts';
import { brotliAtMiss, PageCache } from './platform/page-cache.ts';
import { purgeChangedContent } from './platform/purges.ts';
import { rateLimitStores } from './platform/rate-limit.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { renderErrorPage as renderErrorDocument } from './render/error-page.tsx';
import { pageRoutes } from './pages/index.ts';
import { policyRoutes } from './policies/index.ts';
import { searchIndexFor, searchRoutes } from './search/index.ts';
import { listSections, sectionRoutes } from './sections/index.ts';
import { type SiteContext, SettingsStore, siteChrome } from './settings/index.ts';
import { tagRoutes } from './tags/index.ts';

const publicDir = join(projectRoot, 'public');

export interface AppDeps {
  readonly config: Config;
  readonly db: Kysely<Database>;
  /** Which database `db` talks to, for the few capabilities whose SQL differs (search). */
  readonly dialect: DialectName;
  readonly clock?: Clock;
  /** Defaults to SMTP when SMTP_URL is set, else to the log. */
  readonly mailer?: Mailer;
}

/** The running parts tests and the server reach into: the HTTP app and the services behind it. */
export interface Gazette {
  readonly app: FastifyInstance;
  readonly changes: ContentChanges;
  readonly pages: PageCache;
  /** Repeats of cached pages, answered before Fastify. */
  readonly cacheHits: CacheHitLane;
  readonly settings: SettingsStore;
  readonly mediaFiles: MediaFiles;
  readonly site: SiteContext;
  /** Where the publishing scheduler tells of the articles it publishes (webhooks). */
  readonly articleEvents: ArticleEvents;
  /** Route schemas, compiled at their first use. */
  readonly schemas: SchemasCompiledOnFirstUse;
}

/** Builds the whole application without listening, so tests can `inject()` into it. */
export async function buildApp({ config, db, dialect, clock = systemClock, mailer: givenMailer }: AppDeps): Promise<Gazette> {
  const changes = new ContentChanges();
  const pages = new PageCache(changes, {
    clock,
    enabled: config.pageCache,
    maxBytes: config.pageCacheBytes,
    // A commenter's browser is shown its own pending comments; a staff member's is never shared either.
    sharing: { ...config.sharedCache, personalCookies: [sessionCookie, rememberedCommentsCookie] },
  });
  const settings = await SettingsStore.load(db, changes);
  const assets = await AssetManifest.load(publicDir, join(buildCacheDir, 'assets'));
  // Made before the first request, as everything else is; linked only from the article editor.
  const editorScriptUrl = assets.addGenerated('admin-editor.js', await loadEditorBundle(editorCacheDir));
  const mediaFiles = await openMediaFiles(config.dataDir, config.mediaStore);
  const site: SiteContext = {
    settings,
    publicUrl: config.publicUrl,
    clock,
    assets: {
      stylesheetUrl: assets.url('site.css'),
      scriptUrl: assets.url('site.js'),
      embedsScriptUrl: assets.url('embeds.js'),
      commentsScriptUrl: assets.url('comments.js'),
      iconUrl: assets.url('logo.svg'),
      logo: { url: assets.url('logo.png'), width: 512, height: 512 },
    },
  };
  const renderErrorPage: ErrorPageRenderer = ({ status, title, message, phrase, path }) =>
    renderErrorDocument({ site: siteChrome(site, path, clock.now()), status, title, message, ...(phrase ? { phrase } : {}) });

  const schemas = new SchemasCompiledOnFirstUse();
  const logsEachRequest = config.logLevel === 'debug' || config.logLevel === 'trace';
  const cacheHits = new CacheHitLane(pages, { enabled: config.pageCache && !logsEachRequest });
  const app = Fastify({
    logger: config.env === 'test' ? false : { level: config.logLevel },
    // One line per request drowns the messages an operator needs; LOG_LEVEL=debug brings them back.
    logController: new LogController({ disableRequestLogging: !logsEachRequest }),
    serverFactory: gazetteServerFactory(cacheHits),
    bodyLimit: 1024 * 1024,
    // Only the proxies the operator names may say who the client is (rate limits, throttles, audit log).
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: badUrlHandler(renderErrorPage),
    schemaController: { compilersFactory: schemas.compilersFactory },
  });
  // The newsroom's scripts (autosave, uploads) show a refusal to the person at the keyboard: in the newsroom's words.
  const speak: PhraseSpeaker = (phrase, request) => {
    if (!request.url.startsWith('/admin')) return sentenceIn(phrase);
    const current = settings.current();
    return sentenceIn(phrase, newsroomTranslator(current.language, current.timeZone));
  };
  app.addHook('preClose', async () => cacheHits.close());
  await app.register(errorHandling, { render: renderErrorPage, speak, findRedirect: (url) => findRedirectLocation(db, url, clock.now()) });
  await app.register(wordPressQueryRedirects, { db, clock });
  await registerSecurityHeaders(app, { https: config.https });
  await app.register(healthRoutes, { db });
  app.addHook('onRoute', (route) => {
    const options = route as { compress?: false; decompress?: false };
    // A GET or HEAD carries no body to decompress; a page from the page cache comes compressed already.
    if ([route.method].flat().every((method) => method === 'GET' || method === 'HEAD')) options.decompress = false;
    if (route.config?.servesCachedPages) options.compress = false;
  });
  // Other answers (search, the newsroom, the API) are made for one request, as a page-cache miss is, and
  // compressed as quickly: brotli quality 1 compressed a search page in 29 µs, the plugin's 4 in 97 µs.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: brotliAtMiss } },
  });
  // Before every plugin that limits a rate: they all take their store from here.
  await app.register(rateLimitStores, { setting: config.rateLimitStore, db, dialect });

  // Each change made in this process is purged from the cache in front by this process alone.
  const purges = purgeChangedContent(changes, { ...config.purge, log: app.log });
  app.addHook('onClose', () => purges.stop());
  const mailer = givenMailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
  const commentSigner = await CommentSigner.load(db);
  const keptCommentCounts = new KeptCommentCounts(changes, { clock });
  const commentSections = new CommentSections(
    db,
    commentSigner,
    settings,
    config.publicUrl,
    commentLayoutReader((database, articleId) => keptCommentCounts.count(database, articleId)),
    new KeptCommentPages(changes, { clock }),
  );
  // Changes readers see become webhook events, written in each change's own transaction.
  const events = webhookEventSources(site, clock);
  const commentDeps = {
    db,
    clock,
    changes,
    settings,
    signer: commentSigner,
    mailer,
    publicUrl: config.publicUrl,
    onMailError: (error: unknown) => app.log.error({ err: error }, 'A comment notification email could not be sent'),
    events: events.comments,
  };
  const readerDeps = { db, site, pages, summaries: new KeptSummaries(changes).byIds };
  const articleDeps = {
    ...readerDeps,
    listSections: () => listSections(db),
    comments: commentSections,
    relatedPicks: keepRelatedPicks(changes),
    homeStoryIds: keepHomeStoryIds(changes),
  };
  await app.register(assetRoutes, { manifest: assets });
  await app.register(mediaRoutes, { db, files: mediaFiles });
  await app.register(articleRoutes, articleDeps);
  await app.register(sharedPreviewRoutes, readerDeps);
  await app.register(oembedRoutes, readerDeps);
  await app.register(commentRoutes, {
    ...commentDeps,
    site,
    sections: commentSections,
    renderArticlePage: (articleId, request) => renderArticlePageById(articleDeps, articleId, request),
    perMinute: config.commentsPerMinute,
    secureCookies: config.https,
  });
  const collectionDeps = { ...readerDeps, counts: new CollectionCounts(changes) };
  await app.register(sectionRoutes, collectionDeps);
  await app.register(tagRoutes, collectionDeps);
  await app.register(authorRoutes, collectionDeps);
  await app.register(searchRoutes, { ...readerDeps, index: searchIndexFor(dialect) });
  await app.register(policyRoutes, readerDeps);
  await app.register(pageRoutes, readerDeps);
  await app.register(correctionsRoutes, readerDeps);
  await app.register(feedRoutes, readerDeps);
  await app.register(commentFeedRoutes, readerDeps);
  await app.register(sitemapRoutes, readerDeps);
  await app.register(apiRoutes, {
    db,
    clock,
    changes,
    site,
    pages,
    authenticate: (secret) => authenticateApiToken({ db, clock }, secret),
    comments: commentDeps,
    mediaFiles,
    content: { searchIndex: searchIndexFor(dialect), perMinute: config.contentApiPerMinute },
    events,
    allowPrivateWebhooks: config.webhooksAllowPrivate,
    schemas,
  });
  await app.register(adminPlugin, {
    db,
    site,
    stylesheetUrl: assets.url('admin.css'),
    secureCookies: config.https,
    changes,
    pages,
    mediaFiles,
    mediaScriptUrl: assets.url('admin-media.js'),
    importScriptUrl: assets.url('admin-import.js'),
    editorScriptUrl,
    mailer,
    comments: commentDeps,
    commentSections,
    importsDir: join(config.dataDir, 'imports'),
    articleEvents: events.articles,
    mediaEvents: events.media,
    allowPrivateWebhooks: config.webhooksAllowPrivate,
  });
  return { app, changes, pages, cacheHits, settings, mediaFiles, site, articleEvents: events.articles, schemas };
}
