import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { constant } from '../db/constant.ts';
import type { Database, Db } from '../db/database.ts';
import { likeIgnoringCase } from '../db/like-pattern.ts';
import { slugFrom } from '../platform/slugs.ts';

// What the newsroom's article list can be narrowed to, and the conditions each filter puts on `articles`.

export type ArticlesExpressions = ExpressionBuilder<Database, 'articles'>;

/** A status as the newsroom shows it: a draft sent for review is "review", not "draft". */
export type NewsroomStatus = 'draft' | 'review' | 'scheduled' | 'published';

/** What a list can be narrowed to; every filter given must hold. Filters narrow a scope, never widen it. */
export interface NewsroomListFilters {
  /** Found in the headline or the standfirst, ignoring case; `%` and `_` are literal. */
  readonly text?: string;
  readonly status?: NewsroomStatus;
  readonly sectionId?: number;
  /** An author on the byline, in any position. */
  readonly authorId?: number;
  /** A byline as typed: the authors of that name (ignoring case) or slug, else those whose name holds it. */
  readonly byline?: string;
  /** A tag's name (ignoring case) or its slug, as typed. */
  readonly tag?: string;
}

export function hasStatus(eb: ArticlesExpressions, status: NewsroomStatus): Expression<SqlBool> {
  if (status === 'scheduled' || status === 'published') return eb('articles.status', '=', constant(status));
  return eb.and([eb('articles.status', '=', constant('draft')), eb('articles.review_requested_at', status === 'review' ? 'is not' : 'is', null)]);
}

/** The filters with a tag and a byline named as typed resolved to the ids they name (none: nothing matches). */
export interface ResolvedNewsroomFilters extends Omit<NewsroomListFilters, 'tag' | 'byline'> {
  readonly tagIds?: readonly number[];
  readonly authorIds?: readonly number[];
}

/**
 * Finds the tags a filter names first, in a query of their own on the small tags table, so the articles'
 * query reads the links of those tags through their index: joined to tags and tested by name for every
 * link of every article, a count took seconds on a million articles. Filters resolved already are
 * returned as they are, so a page's list and counts share one lookup.
 */
export async function resolveNewsroomFilters(db: Db, filters: NewsroomListFilters | ResolvedNewsroomFilters = {}): Promise<ResolvedNewsroomFilters> {
  if (!('tag' in filters) && !('byline' in filters)) return filters;
  const { tag, byline, ...rest } = filters;
  const [tagIds, authorIds] = await Promise.all([tagsNamed(db, tag), authorsNamed(db, byline)]);
  return { ...rest, ...(tagIds ? { tagIds } : {}), ...(authorIds ? { authorIds } : {}) };
}

/** The ids of the tags or authors a name typed names: by slug, or by name ignoring case. */
async function namedExactly(db: Db, table: 'tags' | 'authors', typed: string): Promise<number[]> {
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where((eb) => eb.or([eb('slug', '=', slugFrom(typed)), sql<boolean>`lower(${sql.ref('name')}) = lower(${typed})`]))
    .execute();
  return rows.map((row) => row.id);
}

async function tagsNamed(db: Db, tag: string | undefined): Promise<number[] | undefined> {
  const typed = tag?.trim();
  return typed ? namedExactly(db, 'tags', typed) : undefined;
}

/** "Amara Okafor" or "amara-okafor" names her alone; "okafor", when no byline is called that, everyone whose name holds it. */
async function authorsNamed(db: Db, byline: string | undefined): Promise<number[] | undefined> {
  const typed = byline?.trim();
  if (!typed) return undefined;
  const exactly = await namedExactly(db, 'authors', typed);
  if (exactly.length > 0) return exactly;
  const holding = await db.selectFrom('authors').select('id').where(likeIgnoringCase('authors.name', typed)).execute();
  return holding.map((row) => row.id);
}

function hasTag(eb: ArticlesExpressions, tagIds: readonly number[]): Expression<SqlBool> {
  if (tagIds.length === 0) return eb.lit(false);
  return eb.exists(
    eb
      .selectFrom('article_tags')
      .select('article_tags.article_id')
      .whereRef('article_tags.article_id', '=', 'articles.id')
      .where('article_tags.tag_id', 'in', tagIds),
  );
}

function hasAuthor(eb: ArticlesExpressions, authorIds: readonly number[]): Expression<SqlBool> {
  if (authorIds.length === 0) return eb.lit(false);
  return eb.exists(
    eb
      .selectFrom('article_authors')
      .select('article_authors.article_id')
      .whereRef('article_authors.article_id', '=', 'articles.id')
      .where('article_authors.author_id', 'in', authorIds),
  );
}

export function matchesFilters(eb: ArticlesExpressions, filters: ResolvedNewsroomFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const text = filters.text?.trim();
  if (text) conditions.push(eb.or([likeIgnoringCase('articles.headline', text), likeIgnoringCase('articles.standfirst', text)]));
  if (filters.status) conditions.push(hasStatus(eb, filters.status));
  if (filters.sectionId !== undefined) conditions.push(eb('articles.section_id', '=', filters.sectionId));
  if (filters.authorId !== undefined) conditions.push(hasAuthor(eb, [filters.authorId]));
  if (filters.authorIds) conditions.push(hasAuthor(eb, filters.authorIds));
  if (filters.tagIds) conditions.push(hasTag(eb, filters.tagIds));
  return conditions;
}
