import type { Kysely, Transaction } from 'kysely';
import type {
  ArticleAuthorTable,
  ArticleAutosaveTable,
  ArticleCorrectionTable,
  ArticlePendingChangeTable,
  ArticleRevisionTable,
  ArticleSlugHistoryTable,
  ArticleTable,
  ArticleTagTable,
} from '../articles/article.table.ts';
import type { ApiTokenTable } from '../accounts/api-token.table.ts';
import type { ApiIdempotencyKeyTable } from '../api/idempotency.table.ts';
import type { AuditLogTable, OneTimeTokenTable, SessionTable, SignInThrottleTable, UserTable } from '../accounts/account.table.ts';
import type { ArticleSearchTable } from '../articles/search-document.table.ts';
import type { CommentBlockTable, CommenterTable, CommentTable, SiteSecretTable, SpamTokenTable, SpamTotalsTable } from '../comments/comment.table.ts';
import type { AuthorTable } from '../authors/author.table.ts';
import type { ImportJobTable, ImportRecordTable, RedirectTable } from '../imports/import.table.ts';
import type { MediaDescriptionHistoryTable, MediaTable } from '../media/media.table.ts';
import type { PagePathHistoryTable, PageTable } from '../pages/page.table.ts';
import type { PreviewLinkTable } from '../articles/preview-link.table.ts';
import type { RateLimitWindowTable } from '../platform/rate-limit.table.ts';
import type { SlugHistoryTable } from '../platform/slug-history.table.ts';
import type { SectionTable } from '../sections/section.table.ts';
import type { SettingTable } from '../settings/setting.table.ts';
import type { TagTable } from '../tags/tag.table.ts';
import type { WebhookDeliveryTable, WebhookEndpointTable, WebhookEventTable } from '../webhooks/webhook.table.ts';

export interface Database {
  api_idempotency_keys: ApiIdempotencyKeyTable;
  api_tokens: ApiTokenTable;
  articles: ArticleTable;
  article_authors: ArticleAuthorTable;
  article_autosaves: ArticleAutosaveTable;
  article_corrections: ArticleCorrectionTable;
  article_pending_changes: ArticlePendingChangeTable;
  article_revisions: ArticleRevisionTable;
  article_search: ArticleSearchTable;
  article_tags: ArticleTagTable;
  article_slug_history: ArticleSlugHistoryTable;
  audit_log: AuditLogTable;
  authors: AuthorTable;
  comment_blocks: CommentBlockTable;
  commenters: CommenterTable;
  comments: CommentTable;
  import_records: ImportRecordTable;
  import_jobs: ImportJobTable;
  media: MediaTable;
  media_description_history: MediaDescriptionHistoryTable;
  one_time_tokens: OneTimeTokenTable;
  pages: PageTable;
  page_path_history: PagePathHistoryTable;
  preview_links: PreviewLinkTable;
  rate_limit_windows: RateLimitWindowTable;
  redirects: RedirectTable;
  sections: SectionTable;
  sessions: SessionTable;
  settings: SettingTable;
  sign_in_throttles: SignInThrottleTable;
  site_secrets: SiteSecretTable;
  slug_history: SlugHistoryTable;
  spam_tokens: SpamTokenTable;
  spam_totals: SpamTotalsTable;
  tags: TagTable;
  users: UserTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_events: WebhookEventTable;
}

/** What every *.queries.ts function takes first: the database or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
