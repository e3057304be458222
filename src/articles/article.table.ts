import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/column-types.ts';

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
  /** Shown by social networks instead of the featured photo; null uses the featured photo. */
  social_image_id: number | null;
  seo_title: string | null;
  seo_description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  created_by: number | null;
  review_requested_at: NullableTimestamp;
  version: Generated<number>;
  kind: Generated<ArticleKind>;
  /** Set while the article is in the trash; a trashed article is always a draft. */
  trashed_at: NullableTimestamp;
  /** When an editor pinned it as the home page's lead; the latest pinned, published article leads. */
  pinned_at: Generated<Date | string | null>;
  /** 1 unless an editor closed this article's comments (SQLite has no boolean). */
  comments_open: Generated<number>;
  /** Canonical BCP 47 tag of the article's language ("ar", "ko"); null when it is in the site's language. */
  language: string | null;
}

/** The type of work: news reporting, analysis, opinion, a review, or paid (sponsored) content. */
export type ArticleKind = 'news' | 'analysis' | 'opinion' | 'review' | 'sponsored';

export interface ArticleCorrectionTable {
  id: Generated<number>;
  article_id: number;
  kind: 'correction' | 'update';
  text: string;
  created_at: Timestamp;
  created_by: number | null;
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  /** 0 is the primary byline. */
  position: number;
  /**
   * The article's published_at while it is published, else null: its place in the tag's or author's list,
   * kept by triggers (migration 2026-12-10T1000), never written by the app.
   */
  listed_at: ColumnType<Date | string | null, never, never>;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  /** 0 is the primary tag. */
  position: number;
  /**
   * The article's published_at while it is published, else null: its place in the tag's or author's list,
   * kept by triggers (migration 2026-12-10T1000), never written by the app.
   */
  listed_at: ColumnType<Date | string | null, never, never>;
}

/** Every URL an article answered at before, so old links answer 301 to the current one. */
export interface ArticleSlugHistoryTable {
  id: Generated<number>;
  article_id: number;
  section_slug: string;
  slug: string;
  created_at: Timestamp;
}

/** One person's unsaved editor fields for one article; see articles/autosaves.ts. */
export interface ArticleAutosaveTable {
  article_id: number;
  user_id: number;
  saved_at: Timestamp;
  base_version: number;
  /** JSON of the editor's fields as typed. */
  fields: string;
}

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  saved_at: Timestamp;
  saved_by: number | null;
  /** JSON of the editable fields at that save. */
  snapshot: string;
}

export type PendingChangeState = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

/** An edit to a live article held for an editor's review; see articles/pending-changes.ts. */
export interface ArticlePendingChangeTable {
  id: Generated<number>;
  article_id: number;
  proposed_by: number | null;
  proposed_at: Timestamp;
  /** The article's version the proposal was written against. */
  base_version: number;
  /** JSON of the proposed article, in the shape a revision keeps. */
  snapshot: string;
  state: Generated<PendingChangeState>;
  decided_at: NullableTimestamp;
  decided_by: number | null;
}
