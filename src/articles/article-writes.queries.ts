import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';
import type { ArticleStatus } from './article.ts';
import type { ArticleKind } from './article.table.ts';
import { constant } from '../db/constant.ts';

// The articles' writes; their reads are in articles.queries.ts.

export interface ArticleRowInput {
  readonly slug: string;
  readonly sectionId: number | null;
  readonly status: ArticleStatus;
  readonly headline: string;
  readonly standfirst: string;
  readonly dateline: string;
  readonly bodyHtml: string;
  readonly featuredMediaId: number | null;
  readonly socialImageId: number | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly publishedAt: Date | null;
  readonly kind: ArticleKind;
  readonly language: string | null;
}

function rowValues(input: ArticleRowInput) {
  return {
    slug: input.slug,
    section_id: input.sectionId,
    status: input.status,
    headline: input.headline,
    standfirst: input.standfirst,
    dateline: input.dateline,
    body_html: input.bodyHtml,
    featured_media_id: input.featuredMediaId,
    social_image_id: input.socialImageId,
    seo_title: input.seoTitle,
    seo_description: input.seoDescription,
    published_at: input.publishedAt ? toTimestamp(input.publishedAt) : null,
    kind: input.kind,
    language: input.language,
  };
}

export async function insertArticle(db: Db, input: ArticleRowInput, now: Date): Promise<number> {
  const row = await db
    .insertInto('articles')
    .values({ ...rowValues(input), created_at: toTimestamp(now), updated_at: toTimestamp(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saves the row if it is still at `expectedVersion` (when given); false when someone saved first. */
export async function updateArticleRow(db: Db, id: number, input: ArticleRowInput, now: Date, expectedVersion?: number): Promise<boolean> {
  let query = db
    .updateTable('articles')
    .set((eb) => ({ ...rowValues(input), updated_at: toTimestamp(now), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceArticleAuthors(db: Db, articleId: number, authorIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (authorIds.length === 0) return;
  await db
    .insertInto('article_authors')
    .values(authorIds.map((authorId, position) => ({ article_id: articleId, author_id: authorId, position })))
    .execute();
}

export async function replaceArticleTags(db: Db, articleId: number, tagIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('article_tags')
    .values(tagIds.map((tagId, position) => ({ article_id: articleId, tag_id: tagId, position })))
    .execute();
}

/** Remembers an old address; if another article used it before, the newest owner wins. */
export async function recordSlugHistory(db: Db, articleId: number, sectionSlug: string, slug: string, now: Date): Promise<void> {
  await db
    .insertInto('article_slug_history')
    .values({ article_id: articleId, section_slug: sectionSlug, slug, created_at: toTimestamp(now) })
    .onConflict((oc) => oc.columns(['section_slug', 'slug']).doUpdateSet({ article_id: articleId, created_at: toTimestamp(now) }))
    .execute();
}

export async function isSlugTaken(db: Db, slug: string, exceptArticleId?: number): Promise<boolean> {
  let query = db.selectFrom('articles').select(sql<number>`1`.as('taken')).where('slug', '=', slug);
  if (exceptArticleId !== undefined) query = query.where('id', '!=', exceptArticleId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function setPublicationState(db: Db, id: number, state: { status: ArticleStatus; publishedAt: Date | null; updatedAt: Date }): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      status: state.status,
      published_at: state.publishedAt ? toTimestamp(state.publishedAt) : null,
      updated_at: toTimestamp(state.updatedAt),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Publishes a scheduled article whose time has come, dated as edited at `scheduledFor`, its time;
 * false when it is no longer due (unscheduled, moved later, or already published by someone else).
 */
export async function publishIfStillDue(db: Db, id: number, now: Date, scheduledFor: Date): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ status: 'published', updated_at: toTimestamp(scheduledFor) })
    .where('id', '=', id)
    .where('status', '=', constant('scheduled'))
    .where('published_at', '<=', toTimestamp(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Pins an article as the home page's lead (now), or unpins it (null). */
export async function setArticlePinned(db: Db, id: number, at: Date | null): Promise<void> {
  await db
    .updateTable('articles')
    .set({ pinned_at: at ? toTimestamp(at) : null })
    .where('id', '=', id)
    .execute();
}
