import { type Kysely, type Migration, Migrator } from 'kysely';
import * as initialSchema from './migrations/2026-11-27T0900-initial-schema.ts';
import * as accounts from './migrations/2026-11-27T1000-accounts.ts';
import * as searchIndex from './migrations/2026-11-27T1010-search-index.ts';
import * as mediaLibrary from './migrations/2026-11-27T1020-media-library.ts';
import * as editorialWorkflow from './migrations/2026-11-27T1030-editorial-workflow.ts';
import * as autosaves from './migrations/2026-11-27T1040-autosaves.ts';
import * as taxonomyHistory from './migrations/2026-11-27T1050-taxonomy-history.ts';
import * as articleTrashAndSocialImage from './migrations/2026-11-27T1100-article-trash-and-social-image.ts';
import * as comments from './migrations/2026-11-27T1200-comments.ts';
import * as signInDefences from './migrations/2026-12-04T1000-sign-in-defences.ts';
import * as pendingChanges from './migrations/2026-12-04T1010-pending-changes.ts';
import * as mediaOwnership from './migrations/2026-12-04T1020-media-ownership.ts';
import * as imports from './migrations/2026-12-05T1000-imports.ts';
import * as pages from './migrations/2026-12-05T1010-pages.ts';
import * as pinnedArticles from './migrations/2026-12-05T1020-pinned-articles.ts';
import * as importJobs from './migrations/2026-12-05T1030-import-jobs.ts';
import * as importPhotos from './migrations/2026-12-05T1040-import-photos.ts';
import * as articleLanguage from './migrations/2026-12-06T1100-article-language.ts';
import * as pagePathHistory from './migrations/2026-12-06T1110-page-path-history.ts';
import * as searchLanguages from './migrations/2026-12-06T1200-search-languages.ts';
import * as previewLinks from './migrations/2026-12-07T1000-preview-links.ts';
import * as authorAccounts from './migrations/2026-12-07T1100-author-accounts.ts';
import * as apiTokens from './migrations/2026-12-08T1000-api-tokens.ts';
import * as webhooks from './migrations/2026-12-08T1100-webhooks.ts';
import * as apiIdempotency from './migrations/2026-12-08T1200-api-idempotency.ts';
import * as rateLimitWindows from './migrations/2026-12-09T1300-rate-limit-windows.ts';
import * as listingOrder from './migrations/2026-12-10T1000-listing-order.ts';
import * as publishedOrder from './migrations/2026-12-10T1010-published-order.ts';
import * as newsroomList from './migrations/2026-12-11T1000-newsroom-list.ts';
import * as commentThreads from './migrations/2026-12-11T1100-comment-threads.ts';
import * as commentPages from './migrations/2026-12-12T1000-comment-pages.ts';
import * as searchRecency from './migrations/2026-12-13T1000-search-recency.ts';
import * as networkDataRetention from './migrations/2026-12-13T1100-network-data-retention.ts';
import * as tagNames from './migrations/2026-12-14T1000-tag-names.ts';
import * as searchRecencyRuns from './migrations/2026-12-14T1100-search-recency-runs.ts';
import * as searchLead from './migrations/2026-12-15T1000-search-lead.ts';
import * as authorNames from './migrations/2026-12-15T1010-author-names.ts';
import * as searchLeadWords from './migrations/2026-12-16T1000-search-lead-words.ts';
import * as searchLeadIndex from './migrations/2026-12-16T1010-search-lead-index.ts';

/** Listed by hand so the set of migrations is fixed at build time, in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-27T0900-initial-schema': initialSchema,
  '2026-11-27T1000-accounts': accounts,
  '2026-11-27T1010-search-index': searchIndex,
  '2026-11-27T1020-media-library': mediaLibrary,
  '2026-11-27T1030-editorial-workflow': editorialWorkflow,
  '2026-11-27T1040-autosaves': autosaves,
  '2026-11-27T1050-taxonomy-history': taxonomyHistory,
  '2026-11-27T1100-article-trash-and-social-image': articleTrashAndSocialImage,
  '2026-11-27T1200-comments': comments,
  '2026-12-04T1000-sign-in-defences': signInDefences,
  '2026-12-04T1010-pending-changes': pendingChanges,
  '2026-12-04T1020-media-ownership': mediaOwnership,
  '2026-12-05T1000-imports': imports,
  '2026-12-05T1010-pages': pages,
  '2026-12-05T1020-pinned-articles': pinnedArticles,
  '2026-12-05T1030-import-jobs': importJobs,
  '2026-12-05T1040-import-photos': importPhotos,
  '2026-12-06T1100-article-language': articleLanguage,
  '2026-12-06T1110-page-path-history': pagePathHistory,
  '2026-12-06T1200-search-languages': searchLanguages,
  '2026-12-07T1000-preview-links': previewLinks,
  '2026-12-07T1100-author-accounts': authorAccounts,
  '2026-12-08T1000-api-tokens': apiTokens,
  '2026-12-08T1100-webhooks': webhooks,
  '2026-12-08T1200-api-idempotency': apiIdempotency,
  '2026-12-09T1300-rate-limit-windows': rateLimitWindows,
  '2026-12-10T1000-listing-order': listingOrder,
  '2026-12-10T1010-published-order': publishedOrder,
  '2026-12-11T1000-newsroom-list': newsroomList,
  '2026-12-11T1100-comment-threads': commentThreads,
  '2026-12-12T1000-comment-pages': commentPages,
  '2026-12-13T1000-search-recency': searchRecency,
  '2026-12-13T1100-network-data-retention': networkDataRetention,
  '2026-12-14T1000-tag-names': tagNames,
  '2026-12-14T1100-search-recency-runs': searchRecencyRuns,
  '2026-12-15T1000-search-lead': searchLead,
  '2026-12-15T1010-author-names': authorNames,
  '2026-12-16T1000-search-lead-words': searchLeadWords,
  '2026-12-16T1010-search-lead-index': searchLeadIndex,
};

/** The migrations this code knows, oldest first: the database is ready for it once it has recorded every one. */
export const knownMigrationNames: readonly string[] = Object.keys(migrations);

/**
 * `schema` names the PostgreSQL schema that holds Kysely's own bookkeeping tables. Without it Kysely
 * looks for them in every schema, so another schema's copy on the same server would be mistaken for ours.
 */
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Names start with their time, so they sort by code unit. Kysely's default, localeCompare, loads
    // ICU's collation tables into a process that otherwise never collates: 1.8 MB of resident memory.
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
