import type { ArticleEvents } from '../articles/index.ts';
import { getArticle } from '../articles/index.ts';
import type { CommentEvents } from '../comments/index.ts';
import { findModeratedComment } from '../comments/index.ts';
import type { Db } from '../db/database.ts';
import { getMediaItem, type MediaEvents } from '../media/index.ts';
import type { Clock } from '../platform/clock.ts';
import { absoluteUrl, articleUrl } from '../platform/urls.ts';
import type { SettingsStore } from '../settings/index.ts';
import { recordWebhookEvent } from '../webhooks/index.ts';
import { articleJson, imageJson, type JsonContext } from './article-json.ts';
import { commentJson } from './content/content-json.ts';

/** Where each capability's changes are told, so they become webhook events. */
export interface WebhookEventSources {
  readonly articles: ArticleEvents;
  readonly comments: CommentEvents;
  readonly media: MediaEvents;
}

/**
 * The webhooks' events, with `data` as the Content API shows the thing that changed: the article,
 * the comment (with its article's id and address, never the commenter's email or address), the image.
 * Each is read inside the change's transaction, so it is what was committed.
 */
export function webhookEventSources(
  site: { readonly publicUrl: string; readonly settings: Pick<SettingsStore, 'current'> },
  clock: Clock,
): WebhookEventSources {
  const context = (): JsonContext => ({ publicUrl: site.publicUrl, siteLanguage: site.settings.current().language });
  return {
    articles: {
      async record(trx: Db, type, articleId) {
        await recordWebhookEvent(trx, type, async () => articleJson(await getArticle(trx, articleId), context()), clock.now());
      },
    },
    comments: {
      async record(trx: Db, type, commentId) {
        await recordWebhookEvent(
          trx,
          type,
          async () => {
            const comment = await findModeratedComment(trx, commentId);
            if (!comment) throw new Error(`Comment ${commentId} was not found in the transaction that changed it`);
            const { article } = comment;
            const address = articleUrl({ slug: article.slug, section: article.sectionSlug ? { slug: article.sectionSlug } : null });
            return {
              ...commentJson(comment),
              status: comment.status,
              article: { id: article.id, headline: article.headline, url: absoluteUrl(site.publicUrl, address) },
            };
          },
          clock.now(),
        );
      },
    },
    media: {
      async record(trx: Db, type, mediaId) {
        await recordWebhookEvent(trx, type, async () => imageJson(await getMediaItem(trx, mediaId), context()), clock.now());
      },
    },
  };
}
