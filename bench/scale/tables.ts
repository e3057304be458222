import type { Database } from '../../src/db/database.ts';

/**
 * The tables the seeder bulk-loads, in the order a batch is loaded (each after those it refers to),
 * with the columns it writes. Every column the migrations made is named, defaults included, so a
 * row says exactly what the app would have stored.
 */
export const loadedColumns = {
  articles: [
    'id',
    'slug',
    'section_id',
    'status',
    'headline',
    'standfirst',
    'dateline',
    'body_html',
    'featured_media_id',
    'social_image_id',
    'seo_title',
    'seo_description',
    'created_at',
    'updated_at',
    'published_at',
    'created_by',
    'review_requested_at',
    'version',
    'kind',
    'trashed_at',
    'pinned_at',
    'comments_open',
    'language',
  ],
  article_authors: ['article_id', 'author_id', 'position'],
  article_tags: ['article_id', 'tag_id', 'position'],
  article_revisions: ['id', 'article_id', 'saved_at', 'saved_by', 'snapshot'],
  article_slug_history: ['id', 'article_id', 'section_slug', 'slug', 'created_at'],
  // PostgreSQL computes the row's search configuration and tsvector itself; SQLite's triggers fill its FTS tables.
  article_search: ['article_id', 'headline', 'standfirst', 'body', 'tags', 'authors'],
  comments: [
    'id',
    'article_id',
    'parent_id',
    'status',
    'author_name',
    'author_email',
    'author_website',
    'staff_user_id',
    'body',
    'spam_score',
    'spam_reasons',
    'trained_as',
    'ip_address',
    'user_agent',
    'reply_alerts',
    'created_at',
    'updated_at',
    'moderated_at',
    'moderated_by',
  ],
} as const satisfies { readonly [Table in keyof Database]?: readonly (keyof Database[Table] & string)[] };

export type LoadedTable = keyof typeof loadedColumns;
export const loadedTables = Object.keys(loadedColumns) as LoadedTable[];

/** What a column holds as loaded: text (timestamps as ISO 8601), a number, or null. */
export type Value = string | number | null;
export type RowOf<Table extends LoadedTable> = { readonly [Column in (typeof loadedColumns)[Table][number]]: Value };

/** Rows for every loaded table, from one run of consecutive articles with their comments. */
export type Batch = { readonly [Table in LoadedTable]: RowOf<Table>[] };

/** One table's rows with its columns in load order, for the loaders that write them column by column. */
export function tableRows(batch: Batch, table: LoadedTable): { columns: readonly string[]; rows: readonly Readonly<Record<string, Value>>[] } {
  return { columns: loadedColumns[table], rows: batch[table] };
}

export function emptyBatch(): Batch {
  return { articles: [], article_authors: [], article_tags: [], article_revisions: [], article_slug_history: [], article_search: [], comments: [] };
}

/** The tables whose ids the seeder assigns itself, so it knows them without asking the database back. */
export const tablesWithIds = ['articles', 'article_revisions', 'article_slug_history', 'comments'] as const satisfies readonly LoadedTable[];
export type TableWithIds = (typeof tablesWithIds)[number];
