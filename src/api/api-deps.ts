import type { Kysely } from 'kysely';
import type { CommentDeps } from '../comments/index.ts';
import type { Database } from '../db/database.ts';
import type { MediaFiles } from '../media/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContentChanges } from '../platform/content-changes.ts';
import type { PageCache } from '../platform/page-cache.ts';
import type { SiteContext } from '../settings/index.ts';
import type { TokenAuthenticator } from './api-callers.ts';
import type { ContentApiOptions } from './content/content-api.plugin.ts';
import type { WebhookEventSources } from './webhook-payloads.ts';
import type { SchemasCompiledOnFirstUse } from '../platform/schema-compilers.ts';

/** What the API's routes are given: the same services and stores the newsroom's pages use. */
export interface ApiDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  readonly site: SiteContext;
  readonly pages: PageCache;
  readonly authenticate: TokenAuthenticator;
  /** Moderation and staff replies, as the newsroom's queue uses them. */
  readonly comments: CommentDeps;
  /** Uploaded originals and their variants, as the media library stores them. */
  readonly mediaFiles: MediaFiles;
  /** The Content API's search index and per-IP limit. */
  readonly content: ContentApiOptions;
  /** Where changes become webhook events, in their transactions. */
  readonly events: WebhookEventSources;
  /** GAZETTE_WEBHOOKS_ALLOW_PRIVATE: endpoints on loopback and private networks may be registered. */
  readonly allowPrivateWebhooks: boolean;
  /** Where the API's own validators are compiled at first use, with every other route's. */
  readonly schemas: Pick<SchemasCompiledOnFirstUse, 'validatorOnFirstUse'>;
}
