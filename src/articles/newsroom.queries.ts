import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import type { ArticleStatus } from './article.table.ts';
import { constant } from '../db/constant.ts';
import type { NewsroomCounts } from './newsroom-counts.ts';
import {
  type ArticlesExpressions,
  hasStatus,
  matchesFilters,
  type NewsroomListFilters,
  type ResolvedNewsroomFilters,
  resolveNewsroomFilters,
} from './newsroom-filters.queries.ts';

// The newsroom's side of articles: working lists, authorship, review, revisions and scheduling.

export interface NewsroomArticleRow {
  readonly id: number;
  readonly headline: string;
  readonly slug: string;
  readonly status: ArticleStatus;
  readonly sectionName: string | null;
  readonly sectionSlug: string | null;
  readonly updatedAt: Date;
  readonly publishedAt: Date | null;
  readonly createdBy: number | null;
  readonly inReview: boolean;
  readonly trashedAt: Date | null;
  /** An edit to the live article waits for an editor's review. */
  readonly changePending: boolean;
  /** The names on the byline, primary first. */
  readonly bylines: readonly string[];
}

/** Which of the newsroom's lists: the working list, live articles with a change waiting for review, or the trash. */
export type NewsroomView = 'articles' | 'changes' | 'trash';

/** Whose articles a list may name: every one, or one person's own plus what readers can already see. */
export type NewsroomListScope = { readonly kind: 'everything' } | { readonly kind: 'own-and-published'; readonly userId: number };

/** The columns a list can be sorted by; `edited` is when it was trashed in the trash. */
export type NewsroomSortKey = 'headline' | 'status' | 'section' | 'byline' | 'goes-live' | 'edited';
export interface NewsroomSort {
  readonly key: NewsroomSortKey;
  readonly direction: 'asc' | 'desc';
}
export const defaultNewsroomSort: NewsroomSort = { key: 'edited', direction: 'desc' };

function waitingChange(eb: ArticlesExpressions) {
  return eb.exists(
    eb
      .selectFrom('article_pending_changes')
      .select('article_pending_changes.id')
      .whereRef('article_pending_changes.article_id', '=', 'articles.id')
      .where('article_pending_changes.state', '=', constant('pending')),
  );
}

function inView(eb: ArticlesExpressions, view: NewsroomView): Expression<SqlBool> {
  const trashed = eb('articles.trashed_at', view === 'trash' ? 'is not' : 'is', null);
  return view === 'changes' ? eb.and([trashed, waitingChange(eb)]) : trashed;
}

function withinScope(eb: ArticlesExpressions, scope: NewsroomListScope): Expression<SqlBool>[] {
  if (scope.kind === 'everything') return [];
  return [
    eb.or([eb('articles.created_by', '=', scope.userId), eb.and([eb('articles.status', '=', constant('published')), eb('articles.trashed_at', 'is', null)])]),
  ];
}

/**
 * The rows a list holds, before paging. The scope is part of the query, so a headline outside it
 * never leaves the database: not in a row, a count or a page number. `from` is where they are looked
 * for: every article, or only the most recently edited (see recentlyEdited).
 */
function newsroomArticles(db: Db, view: NewsroomView, scope: NewsroomListScope, filters: ResolvedNewsroomFilters = {}, from: 'articles' = 'articles') {
  return db.selectFrom(from).where((eb) => eb.and([inView(eb, view), ...withinScope(eb, scope), ...matchesFilters(eb, filters)]));
}

/** The columns of `articles` that lists read or filter on: the body stays where it is. */
const listedColumns = [
  'id',
  'headline',
  'standfirst',
  'slug',
  'status',
  'section_id',
  'created_by',
  'review_requested_at',
  'trashed_at',
  'updated_at',
  'published_at',
] as const;

/**
 * The `budget` articles out of the trash edited most recently, newest first, standing in for the
 * articles table (same name, the columns lists use). Read down articles_edited_idx and only as far
 * as the query above it asks, so "the newest 50 whose headline holds a word" stops at the 50th. The
 * cast: the conditions are written for the table, and these are its columns by the same names.
 */
function recentlyEdited(db: Db, budget: number) {
  return db
    .selectFrom('articles')
    .select(listedColumns.map((column) => `articles.${column}` as const))
    .where('articles.trashed_at', 'is', null)
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(budget)
    .as('articles') as unknown as 'articles';
}

/**
 * A page of a search of the working list, looked for among the `budget` most recently edited articles,
 * again standing in for the table. The page is cut before anything is joined to it: with the sections
 * joined first, PostgreSQL hashed them, sorted what matched and so read every one of the newest 1,000
 * for a common word (6 ms), where stopping at the 50th match reads 266 (1.2 ms).
 */
function searchedAmongRecent(
  db: Db,
  budget: number,
  list: { view: NewsroomView; scope: NewsroomListScope; filters: ResolvedNewsroomFilters; limit: number; offset: number },
) {
  return newsroomArticles(db, list.view, list.scope, list.filters, recentlyEdited(db, budget))
    .select(listedColumns.map((column) => `articles.${column}` as const))
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(list.limit)
    .offset(list.offset)
    .as('articles') as unknown as 'articles';
}

/**
 * How far down the most recently edited articles a search of the working list looks for its page
 * before it asks the trigram indexes. There, a common word's matches (9,756 headlines and standfirsts
 * of a million for "census") were each read and checked, then sorted: 56 ms for the newest 50, which
 * are among the newest 5,000 or so articles. A rare word's are not: the first look, at the newest
 * 1,000, tells how common the word is, and the walk goes on only when the page should be found within
 * the budget, so a rare word costs a look at 1,000 articles more than it did.
 */
export interface SearchWalk {
  readonly firstLook: number;
  readonly budget: number;
}
export const searchWalk: SearchWalk = { firstLook: 1_000, budget: 10_000 };

/** What a column sorts by; lower-cased text, so "apple" and "Zebra" sort as a reader expects (ASCII case on SQLite). */
function sortValue(eb: ExpressionBuilder<Database, 'articles' | 'sections'>, key: NewsroomSortKey, view: NewsroomView) {
  switch (key) {
    case 'headline':
      return sql`lower(${sql.ref('articles.headline')})`;
    case 'section':
      return sql`lower(${sql.ref('sections.name')})`;
    case 'status':
      return eb
        .case()
        .when(hasStatus(eb, 'draft'))
        .then(eb.lit(0))
        .when(hasStatus(eb, 'review'))
        .then(eb.lit(1))
        .when('articles.status', '=', 'scheduled')
        .then(eb.lit(2))
        .else(eb.lit(3))
        .end();
    case 'byline':
      return eb
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select(sql<string>`lower(${sql.ref('authors.name')})`.as('first_byline'))
        .whereRef('article_authors.article_id', '=', 'articles.id')
        .orderBy('article_authors.position')
        .limit(1);
    case 'goes-live':
      // A draft's old publication time means nothing until it is scheduled again, so drafts have none.
      // Written as the index of this order (articles_goes_live_idx) has it, so the database can walk that index.
      return eb
        .case()
        .when('articles.status', 'in', [constant('published'), constant('scheduled')])
        .then(eb.ref('articles.published_at'))
        .end();
    case 'edited':
      return eb.ref(view === 'trash' ? 'articles.trashed_at' : 'articles.updated_at');
  }
}

/**
 * One page of a list, sorted by `sort` (articles without a value, e.g. no section, last either way),
 * then most recently edited first; by default most recently edited (or trashed) first. Each row's
 * bylines come from one more query for the whole page.
 */
export async function listNewsroomArticles(
  db: Db,
  options: {
    view: NewsroomView;
    scope: NewsroomListScope;
    filters?: NewsroomListFilters | ResolvedNewsroomFilters;
    sort?: NewsroomSort;
    limit: number;
    offset: number;
    /** Tests only: how far a search looks among the newest articles first (searchWalk). */
    walk?: SearchWalk;
  },
): Promise<NewsroomArticleRow[]> {
  const { view, sort = defaultNewsroomSort, walk = searchWalk, offset, limit } = options;
  const filters = await resolveNewsroomFilters(db, options.filters);
  // A search of the working list in its usual order: its page is first looked for among the newest articles.
  const walks = Boolean(filters.text?.trim()) && view === 'articles' && sort.key === 'edited' && sort.direction === 'desc';
  const wanted = offset + limit;
  if (walks && wanted <= walk.budget) {
    const read = (budget: number, page: { limit: number; offset: number }) =>
      // The page holds only what matches already: its rows are not tested again.
      readNewsroomPage(db, {
        ...options,
        limit: page.limit,
        offset: 0,
        filters: {},
        sort,
        from: searchedAmongRecent(db, budget, { ...options, ...page, filters }),
      });
    // The newest articles come first in the list too, so a page found among them is the list's page.
    const firstLook = Math.min(walk.firstLook, walk.budget);
    const seen = await read(firstLook, { limit: wanted, offset: 0 });
    if (seen.length === wanted) return seen.slice(offset);
    if (seen.length > 0 && (wanted * firstLook) / seen.length <= walk.budget) {
      const page = await read(walk.budget, { limit, offset });
      if (page.length === limit) return page;
    }
  }
  return readNewsroomPage(db, { ...options, filters, sort, from: 'articles' });
}

async function readNewsroomPage(
  db: Db,
  options: {
    view: NewsroomView;
    scope: NewsroomListScope;
    filters: ResolvedNewsroomFilters;
    sort: NewsroomSort;
    /** The table, or a subquery standing in for it (see recentlyEdited). */
    from: 'articles';
    limit: number;
    offset: number;
  },
): Promise<NewsroomArticleRow[]> {
  const { view, sort } = options;
  const edited = sort.key === 'edited' ? sort.direction : 'desc';
  let query = newsroomArticles(db, view, options.scope, options.filters, options.from)
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.slug',
      'articles.status',
      'articles.updated_at',
      'articles.published_at',
      'sections.name as section_name',
      'sections.slug as section_slug',
      'articles.created_by',
      'articles.review_requested_at',
      'articles.trashed_at',
    ])
    .select((eb) => waitingChange(eb).as('change_pending'));
  if (sort.key !== 'edited') {
    query = query.orderBy(
      (eb) => sortValue(eb, sort.key, view),
      (order) => (sort.direction === 'asc' ? order.asc() : order.desc()).nullsLast(),
    );
  }
  const rows = await query
    .orderBy((eb) => sortValue(eb, 'edited', view), edited)
    .orderBy('articles.id', edited)
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const bylines = await listBylineNames(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    slug: row.slug,
    status: row.status,
    sectionName: row.section_name,
    sectionSlug: row.section_slug,
    updatedAt: toDate(row.updated_at),
    publishedAt: toDateOrNull(row.published_at),
    createdBy: row.created_by,
    inReview: row.review_requested_at !== null,
    trashedAt: toDateOrNull(row.trashed_at),
    // SQLite answers 0/1, PostgreSQL a boolean.
    changePending: Boolean(row.change_pending),
    bylines: bylines.get(row.id) ?? [],
  }));
}

// A page of the list is most often full, so the statement for its length is planned once.
const bylineNameRows = preparedQuery((db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.name'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position'),
);

/** The byline names of each of these articles, primary first: one query however many articles. */
async function listBylineNames(db: Db, articleIds: readonly number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (articleIds.length === 0) return names;
  const rows = await bylineNameRows(db, articleIds);
  for (const row of rows) names.set(row.article_id, [...(names.get(row.article_id) ?? []), row.name]);
  return names;
}

export async function countNewsroomArticles(db: Db, view: NewsroomView, scope: NewsroomListScope): Promise<number> {
  const row = await newsroomArticles(db, view, scope)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}

/** How many articles a list holds, how many of them match the filters, and the sizes of the other lists. */
export interface NewsroomListCounts {
  readonly inView: number;
  readonly matching: number;
  readonly changes: number;
  readonly trash: number;
}

/**
 * Every count the list page shows. Each is its own query, so each can use its index: counted in one pass
 * with CASE, the lists' conditions (a waiting change is an EXISTS) were tested on every article of the
 * newsroom, 15 s for a million of them. Given `kept`, each count is read from there when it holds it.
 */
export async function countNewsroomLists(
  db: Db,
  options: { view: NewsroomView; scope: NewsroomListScope; filters?: NewsroomListFilters | ResolvedNewsroomFilters },
  kept?: { readonly counts: NewsroomCounts; readonly now: Date },
): Promise<NewsroomListCounts> {
  const keep = (list: readonly unknown[], read: () => Promise<number>) => (kept ? kept.counts.count(JSON.stringify(list), kept.now, read) : read());
  const count = async (view: NewsroomView, filters?: ResolvedNewsroomFilters) => {
    const row = await newsroomArticles(db, view, options.scope, filters)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return toCount(row.count);
  };
  const filtered = Object.values(options.filters ?? {}).some((value) => value !== undefined && value !== '');
  const countMatching = async () => {
    const filters = await resolveNewsroomFilters(db, options.filters);
    return options.view === 'articles' && options.scope.kind === 'everything' ? countOutsideTrash(db, filters) : count(options.view, filters);
  };
  const { view, scope } = options;
  const [inView, matching, changes, trash] = await Promise.all([
    keep([view, scope], () => count(view)),
    filtered ? keep([view, scope, options.filters], countMatching) : undefined,
    keep(['changes', scope], () => count('changes')),
    keep(['trash', scope], () => count('trash')),
  ]);
  return { inView, matching: matching ?? inView, changes, trash };
}

/**
 * How many articles out of the trash match the filters, counted as those matching anywhere less those of
 * them in the trash, in one statement (so one snapshot). The first count then needs no article's trash
 * column and can come from an index alone: a byline's or a tag's links (143,000 and 256,000 of them: 16
 * and 30 ms), or the published articles of a section; tested article by article, the same counts took
 * 0.2 to 2 s on a million articles. The trash is small, and the second count reads only its articles.
 */
async function countOutsideTrash(db: Db, filters: ResolvedNewsroomFilters): Promise<number> {
  const { authorId: chosenAuthor, authorIds, tagIds, ...onArticles } = filters;
  const onlyOnArticles = Object.values(onArticles).every((value) => value === undefined || value === '');
  // A byline chosen, or typed and naming one author: either way, one author's links.
  const authorConditions = [...(chosenAuthor === undefined ? [] : [[chosenAuthor]]), ...(authorIds ? [authorIds] : [])];
  const authorId = authorConditions.length === 1 && authorConditions[0]!.length === 1 ? authorConditions[0]![0] : undefined;
  const allLinks = (() => {
    if (onlyOnArticles && authorId !== undefined && tagIds === undefined) {
      return db
        .selectFrom('article_authors')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('article_authors.author_id', '=', authorId);
    }
    // One link per article and tag, so with one tag each link is one article.
    if (onlyOnArticles && authorConditions.length === 0 && tagIds?.length === 1) {
      return db
        .selectFrom('article_tags')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('article_tags.tag_id', '=', tagIds[0]!);
    }
    return undefined;
  })();
  const everywhere =
    allLinks ??
    db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('count'))
      .where((eb) => eb.and(matchesFilters(eb, filters)));
  const inTrash = newsroomArticles(db, 'trash', { kind: 'everything' }, filters).select((eb) => eb.fn.countAll().as('count'));
  const row = await db.selectNoFrom(() => [everywhere.as('everywhere'), inTrash.as('in_trash')]).executeTakeFirstOrThrow();
  return toCount(row.everywhere) - toCount(row.in_trash);
}

export async function setArticleCreator(db: Db, id: number, userId: number): Promise<void> {
  await db.updateTable('articles').set({ created_by: userId }).where('id', '=', id).execute();
}

export async function setReviewRequested(db: Db, id: number, at: Date | null): Promise<void> {
  await db
    .updateTable('articles')
    .set({ review_requested_at: at ? toTimestamp(at) : null })
    .where('id', '=', id)
    .execute();
}

/** Published-or-scheduled articles whose time has come; the scheduler publishes them. */
export async function listDueScheduledIds(db: Db, now: Date): Promise<number[]> {
  const rows = await db.selectFrom('articles').select('id').where('status', '=', constant('scheduled')).where('published_at', '<=', toTimestamp(now)).execute();
  return rows.map((row) => row.id);
}

/** When the next scheduled article is due, so the scheduler can sleep until then. */
export async function findNextScheduledTime(db: Db): Promise<Date | undefined> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('next'))
    .where('status', '=', constant('scheduled'))
    .executeTakeFirst();
  return row?.next ? toDate(row.next) : undefined;
}

/** Marks an article as changed now, e.g. when a correction is appended to it. */
export async function touchArticle(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ updated_at: toTimestamp(now) })
    .where('id', '=', id)
    .execute();
}
