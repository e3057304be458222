import type { ColumnType, Generated } from 'kysely';

/** SQLite stores ISO-8601 text, PostgreSQL timestamptz; rows are mapped to Date at the query edge. */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export type ArticleStatus = 'draft' | 'scheduled' | 'published';

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  section_id: number | null;
  status: ArticleStatus;
  headline: string;
  standfirst: string;
  dateline: string;
  body_html: string;
  featured_media_id: number | null;
  seo_title: string | null;
  seo_description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  /** 0 is the primary byline. */
  position: number;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  /** 0 is the primary tag. */
  position: number;
}

/** Every URL an article answered at before, so old links answer 301 to the current one. */
export interface ArticleSlugHistoryTable {
  id: Generated<number>;
  article_id: number;
  section_slug: string;
  slug: string;
  created_at: Timestamp;
}
