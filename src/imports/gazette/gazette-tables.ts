import type { Database } from '../../db/database.ts';

/**
 * What Gazette's own export holds, table by table. Every table of `Database` must be named here, as
 * exported or as left out with the reason: TypeScript refuses this file otherwise, and
 * gazette-tables.test.ts compares it with the migrated schema, so the export can never silently miss data.
 */

/** How a column is written to and read from the files; `?` allows null. */
export type ColumnKind = 'integer' | 'integer?' | 'real?' | 'text' | 'text?' | 'timestamp' | 'timestamp?';

/** A column kept out of the export, with the value an import writes in its place. */
export interface OmittedColumn {
  readonly omitted: string;
  readonly importAs: string | number | null;
}

export interface ExportedTable<T extends keyof Database> {
  /** Ordered: rows are read in this key order, batch after batch. */
  readonly key: readonly (keyof Database[T] & string)[];
  /** An `integer generated … as identity` id, whose sequence PostgreSQL must move past the imported ids. */
  readonly identity: boolean;
  /** A fresh database already holds rows of its own here (made by a migration): the import replaces them. */
  readonly replacedOnImport?: boolean;
  readonly columns: { readonly [C in keyof Database[T] & string]-?: ColumnKind | OmittedColumn };
}

export interface ExcludedTable {
  readonly excluded: string;
}

type TableList = { readonly [T in keyof Database]: ExportedTable<T> | ExcludedTable };

const noPassword = 'no password: exported without one; set a new one with "Forgot your password?"';

export const gazetteTables: TableList = {
  users: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      email: 'text',
      name: 'text',
      role: 'text',
      password_hash: { omitted: 'a password hash never leaves the database', importAs: noPassword },
      failed_sign_ins: { omitted: 'no longer used', importAs: 0 },
      locked_until: { omitted: 'sign-in defences start afresh', importAs: null },
      totp_secret: { omitted: 'a two-step secret never leaves the database', importAs: null },
      totp_last_step: { omitted: 'goes with the two-step secret', importAs: null },
      created_at: 'timestamp',
      notify_pending_comments: 'integer',
    },
  },
  media: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      storage_key: 'text',
      original_name: 'text',
      mime_type: 'text',
      width: 'integer',
      height: 'integer',
      bytes: 'integer',
      alt: 'text',
      caption: 'text',
      credit: 'text',
      photographer: 'text',
      copyright: 'text',
      created_at: 'timestamp',
      uploaded_by: 'integer?',
    },
  },
  media_description_history: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      media_id: 'integer',
      changed_at: 'timestamp',
      changed_by: 'integer?',
      alt: 'text',
      caption: 'text',
      credit: 'text',
      photographer: 'text',
      copyright: 'text',
    },
  },
  authors: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', slug: 'text', name: 'text', job_title: 'text', bio: 'text', photo_media_id: 'integer?', user_id: 'integer?' },
  },
  sections: { key: ['id'], identity: true, columns: { id: 'integer', slug: 'text', name: 'text', description: 'text', position: 'integer' } },
  tags: { key: ['id'], identity: true, columns: { id: 'integer', slug: 'text', name: 'text', description: 'text' } },
  articles: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      slug: 'text',
      section_id: 'integer?',
      status: 'text',
      headline: 'text',
      standfirst: 'text',
      dateline: 'text',
      body_html: 'text',
      featured_media_id: 'integer?',
      social_image_id: 'integer?',
      seo_title: 'text?',
      seo_description: 'text?',
      created_at: 'timestamp',
      updated_at: 'timestamp',
      published_at: 'timestamp?',
      created_by: 'integer?',
      review_requested_at: 'timestamp?',
      version: 'integer',
      kind: 'text',
      trashed_at: 'timestamp?',
      pinned_at: 'timestamp?',
      comments_open: 'integer',
      language: 'text?',
    },
  },
  article_authors: {
    key: ['article_id', 'author_id'],
    identity: false,
    columns: {
      article_id: 'integer',
      author_id: 'integer',
      position: 'integer',
      listed_at: { omitted: 'kept by the database from the article (a trigger)', importAs: null },
    },
  },
  article_tags: {
    key: ['article_id', 'tag_id'],
    identity: false,
    columns: {
      article_id: 'integer',
      tag_id: 'integer',
      position: 'integer',
      listed_at: { omitted: 'kept by the database from the article (a trigger)', importAs: null },
    },
  },
  article_corrections: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', article_id: 'integer', kind: 'text', text: 'text', created_at: 'timestamp', created_by: 'integer?' },
  },
  article_revisions: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', article_id: 'integer', saved_at: 'timestamp', saved_by: 'integer?', snapshot: 'text' },
  },
  article_slug_history: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', article_id: 'integer', section_slug: 'text', slug: 'text', created_at: 'timestamp' },
  },
  article_autosaves: {
    key: ['article_id', 'user_id'],
    identity: false,
    columns: { article_id: 'integer', user_id: 'integer', saved_at: 'timestamp', base_version: 'integer', fields: 'text' },
  },
  article_pending_changes: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      article_id: 'integer',
      proposed_by: 'integer?',
      proposed_at: 'timestamp',
      base_version: 'integer',
      snapshot: 'text',
      state: 'text',
      decided_at: 'timestamp?',
      decided_by: 'integer?',
    },
  },
  pages: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      parent_id: 'integer?',
      slug: 'text',
      path: 'text',
      title: 'text',
      body_html: 'text',
      position: 'integer',
      status: 'text',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
  },
  comments: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      article_id: 'integer',
      parent_id: 'integer?',
      status: 'text',
      author_name: 'text',
      author_email: 'text',
      author_website: 'text',
      staff_user_id: 'integer?',
      body: 'text',
      spam_score: 'real?',
      spam_reasons: 'text',
      trained_as: 'text?',
      ip_address: 'text?',
      user_agent: 'text?',
      reply_alerts: 'text',
      created_at: 'timestamp',
      updated_at: 'timestamp',
      moderated_at: 'timestamp?',
      moderated_by: 'integer?',
    },
  },
  commenters: { key: ['email'], identity: false, columns: { email: 'text', trusted_at: 'timestamp?', banned_at: 'timestamp?' } },
  comment_blocks: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', kind: 'text', pattern: 'text', created_at: 'timestamp', created_by: 'integer?' },
  },
  spam_tokens: { key: ['token'], identity: false, columns: { token: 'text', spam_count: 'integer', ham_count: 'integer' } },
  spam_totals: {
    key: ['id'],
    identity: false,
    replacedOnImport: true,
    columns: { id: 'integer', spam_documents: 'integer', ham_documents: 'integer' },
  },
  settings: { key: ['key'], identity: false, columns: { key: 'text', value: 'text' } },
  page_path_history: {
    key: ['old_path'],
    identity: false,
    columns: { old_path: 'text', page_id: 'integer', created_at: 'timestamp' },
  },
  slug_history: {
    key: ['kind', 'old_slug'],
    identity: false,
    columns: { kind: 'text', old_slug: 'text', entity_id: 'integer', created_at: 'timestamp' },
  },
  redirects: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', path: 'text', target_kind: 'text', target_id: 'integer?', created_at: 'timestamp' },
  },
  import_records: {
    key: ['id'],
    identity: true,
    columns: {
      id: 'integer',
      source: 'text',
      origin: 'text',
      kind: 'text',
      source_id: 'text',
      local_id: 'integer',
      fingerprint: 'text',
      imported_at: 'timestamp',
    },
  },
  audit_log: {
    key: ['id'],
    identity: true,
    columns: { id: 'integer', at: 'timestamp', actor_user_id: 'integer?', action: 'text', subject: 'text', ip: 'text' },
  },
  article_search: { excluded: 'made from the articles: rebuilt by the import' },
  sessions: { excluded: 'signed-in browsers: everyone signs in again on the new database' },
  one_time_tokens: { excluded: 'invitations, resets and half-finished sign-ins: secrets, and short-lived' },
  sign_in_throttles: { excluded: 'failed sign-ins are counted afresh' },
  rate_limit_windows: { excluded: 'rate-limit counters of the last minute: they start afresh' },
  site_secrets: { excluded: 'secrets never leave the database; the new one makes its own' },
  api_idempotency_keys: { excluded: 'retried Admin API requests of the last day: their scripts have finished' },
  api_tokens: { excluded: 'personal access tokens for the API: secrets; staff make new ones on the new site' },
  preview_links: { excluded: 'share links to unpublished articles: secrets, and short-lived; make new ones on the new site' },
  import_jobs: { excluded: 'exports uploaded to this server: their files stay with it, and what they brought in is exported' },
  webhook_endpoints: { excluded: 'webhook endpoints hold signing secrets, which never leave the database: register them again on the new site' },
  webhook_events: { excluded: 'events already sent to webhook receivers; one not yet sent is not sent from the new site' },
  webhook_deliveries: { excluded: 'the history of webhook deliveries goes with the endpoints' },
};

/**
 * The order rows are written in, each table after those it refers to. Comments and pages refer to
 * themselves (a reply to its parent): rows go in id order, and a parent is always older than its children.
 */
export const exportOrder = [
  'users',
  'media',
  'media_description_history',
  'authors',
  'sections',
  'tags',
  'articles',
  'article_authors',
  'article_tags',
  'article_corrections',
  'article_revisions',
  'article_slug_history',
  'article_autosaves',
  'article_pending_changes',
  'pages',
  'page_path_history',
  'comments',
  'commenters',
  'comment_blocks',
  'spam_tokens',
  'spam_totals',
  'settings',
  'slug_history',
  'redirects',
  'import_records',
  'audit_log',
] as const satisfies readonly (keyof Database)[];

export type ExportedTableName = (typeof exportOrder)[number];

/** A table as the export reads it: its column names are plain text from here on. */
export interface TableSpec {
  readonly key: readonly string[];
  readonly identity: boolean;
  readonly replacedOnImport?: boolean;
  readonly columns: Readonly<Record<string, ColumnKind | OmittedColumn>>;
}

export function exportedTable(name: ExportedTableName): TableSpec {
  const table: TableSpec | ExcludedTable = gazetteTables[name];
  if ('excluded' in table) throw new Error(`${name} is listed in exportOrder but excluded from the export`);
  return table;
}

export function isExportedTableName(name: string): name is ExportedTableName {
  return (exportOrder as readonly string[]).includes(name);
}
