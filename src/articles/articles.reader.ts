import type { Db } from '../db/database.ts';
import { BadRequestError, NotFoundError } from '../errors.ts';
import { type ArticleScope, type ArticleSummary, isPublished, type PublishedArticle } from './article.ts';
import {
  findArticleById,
  findArticleIdBySlugHistory,
  findPublishedArticleBySlug,
  listArticlesSharingTags,
  listPublishedHeadlinesByIds,
  listPublishedSummariesByIds,
  newestPublishedIds,
} from './articles.queries.ts';
import { countNewsroomLists, listNewsroomArticles, type NewsroomListScope, type NewsroomSort, type NewsroomView } from './newsroom.queries.ts';
import { resolveNewsroomFilters, type NewsroomListFilters } from './newsroom-filters.queries.ts';
import { newestPublishedIdsAfter } from './list-after.queries.ts';
import { rankRelated } from './related-articles.ts';
import { isTrashedAfterPublication } from './trash.queries.ts';
import type { CollectionCounts } from './collection-counts.ts';
import type { NewsroomCounts } from './newsroom-counts.ts';
import type { SummariesByIds } from './kept-summaries.ts';
import { KeptUntilListsChange } from '../platform/kept-until-lists-change.ts';
import type { ContentChanges } from '../platform/content-changes.ts';
import { articleUrl } from '../platform/urls.ts';

export type ArticleLookup =
  | { readonly kind: 'found'; readonly article: PublishedArticle }
  | { readonly kind: 'moved'; readonly location: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'missing' };

/**
 * What lives at /{sectionSlug}/{slug}: the article, or where it moved to (an old slug, or a
 * section it left), or nothing. Drafts and scheduled articles are "nothing" to readers; an article
 * that was on the site and is now in the trash is "gone", so search engines drop it sooner.
 * `countComments: false` leaves the article's `commentCount` at 0 (see findPublishedArticleBySlug).
 */
export async function lookUpArticle(db: Db, sectionSlug: string, slug: string, now: Date, options: { countComments?: boolean } = {}): Promise<ArticleLookup> {
  const article = await findPublishedArticleBySlug(db, slug, now, options);
  if (article) {
    const canonical = articleUrl(article);
    return canonical === articleUrl({ slug, section: { slug: sectionSlug } }) ? { kind: 'found', article } : { kind: 'moved', location: canonical };
  }
  const formerId = await findArticleIdBySlugHistory(db, sectionSlug, slug);
  const former = formerId === undefined ? undefined : await findArticleById(db, formerId);
  if (former && isPublished(former, now)) {
    return { kind: 'moved', location: articleUrl(former) };
  }
  return (await isTrashedAfterPublication(db, slug, now)) ? { kind: 'gone' } : { kind: 'missing' };
}

export interface ArticleListPage {
  readonly summaries: readonly ArticleSummary[];
  readonly page: number;
  readonly pageCount: number;
}

/** One page of a list; a page past the end is a 404, except page 1 of an empty list. */
export async function loadArticleListPage(
  db: Db,
  counts: CollectionCounts,
  scope: ArticleScope,
  page: number,
  perPage: number,
  now: Date,
  readSummaries: SummariesByIds = listPublishedSummariesByIds,
): Promise<ArticleListPage> {
  const total = await counts.count(db, scope, now);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page > pageCount) throw new NotFoundError(`There is no page ${page} here; the last page is ${pageCount}.`);
  const offset = (page - 1) * perPage;
  const shown = Math.min(perPage, total - offset);
  let summaries: ArticleSummary[] | undefined;
  const anchorId = page > 1 ? await counts.pageStart(db, scope, page, perPage, now) : undefined;
  if (anchorId !== undefined) {
    const ids = await newestPublishedIdsAfter(db, { scope, now, anchorId, limit: perPage });
    // Fewer than the count promises: the list changed since (the next change drops what is kept); read by position.
    if (ids.length === shown) summaries = await readSummaries(db, ids, now);
  }
  // By position: the ids first, so the teasers come from `readSummaries` (kept ones need no row read).
  summaries ??= await readSummaries(
    db,
    (await newestPublishedIds(db, { scope, now, limit: perPage, offset })).map((row) => row.id),
    now,
  );
  // The next page starts after this one's last article; a reader or a crawler going on finds it kept.
  const last = summaries.at(-1);
  if (summaries.length === perPage && last && page < pageCount) counts.notePageStart(scope, page + 1, perPage, last.id, now);
  return { summaries, page, pageCount };
}

/** How many candidates of each kind are weighed; enough for a good choice, few enough to stay quick. */
const relatedCandidates = { sharingTags: 40, inSection: 20 };

/**
 * Related stories picked for articles, by article and what their picking reads (its section and tags),
 * kept until a list changes: picking reads every story sharing a tag and the section's newest and ranks
 * their headlines, and an approved comment, the most frequent reason an article page is rendered again,
 * changes none of that. Only ids are kept; the stories come from the kept teasers (KeptSummaries).
 */
export type RelatedPicks = KeptUntilListsChange<readonly number[]>;

/** Picks for 5,000 articles at most: the ones being read. */
export function keepRelatedPicks(changes: ContentChanges): RelatedPicks {
  return new KeptUntilListsChange(changes, { most: 5_000 });
}

/**
 * Stories to read next, never the article itself: published articles that share a tag with it or
 * sit in its section, ranked by tags in common and by how alike their headline and standfirst are
 * to its own. Only those scopes can hold a candidate, so they are what the page is cached against:
 * publishing into any of them may change the list.
 */
export async function loadRelatedArticles(
  db: Db,
  article: PublishedArticle,
  now: Date,
  limit: number,
  kept?: RelatedPicks,
  readSummaries: SummariesByIds = listPublishedSummariesByIds,
): Promise<{ summaries: ArticleSummary[]; scopes: ArticleScope[] }> {
  const scopes: ArticleScope[] = [
    ...article.tags.map((tag): ArticleScope => ({ kind: 'tag', tagId: tag.id })),
    ...(article.section ? [{ kind: 'section', sectionId: article.section.id } as const] : []),
  ];
  const pick = () => pickRelatedIds(db, article, now, limit);
  const key = `${article.id}|${limit}|${article.section?.id ?? ''}|${article.tags.map((tag) => tag.id).join(',')}`;
  const ids = kept ? await kept.get(key, now, pick) : await pick();
  return { summaries: await readSummaries(db, [...ids], now), scopes };
}

async function pickRelatedIds(db: Db, article: PublishedArticle, now: Date, limit: number): Promise<number[]> {
  const sharing = await listArticlesSharingTags(db, {
    tagIds: article.tags.map((tag) => tag.id),
    excludeId: article.id,
    now,
    limit: relatedCandidates.sharingTags,
  });
  const sharedTags = new Map(sharing.map((candidate) => [candidate.id, candidate.sharedTags]));
  const neighbourIds = article.section
    ? await newestPublishedIds(db, {
        scope: { kind: 'section', sectionId: article.section.id },
        now,
        limit: relatedCandidates.inSection,
        excludeIds: [article.id, ...sharedTags.keys()],
      })
    : [];
  // Both kinds of candidate are ranked on their headlines, those sharing tags first; a neighbour shares none.
  // Only the stories picked are read whole, with bylines and comment counts: 4 rows, not 60.
  const headlines = await listPublishedHeadlinesByIds(db, [...sharedTags.keys(), ...neighbourIds.map((row) => row.id)], now);
  const candidates = headlines.map((story) => ({ summary: story, sharedTags: sharedTags.get(story.id) ?? 0 }));
  const articleText = [article.headline, article.standfirst, ...article.tags.map((tag) => tag.name)].join(' ');
  return rankRelated(articleText, candidates, limit).map((story) => story.id);
}

/**
 * One page of the newsroom's article list (drafts included), of the live articles with a change
 * waiting for review, or of the trash, narrowed by `filters` and sorted by `sort`, with each list's
 * size; only articles within `scope` are counted or shown. Staff only: never use on reader pages.
 * The sizes come from `kept` when it holds them (see NewsroomCounts).
 * @throws BadRequestError for a page past the last one.
 */
export async function loadNewsroomArticlePage(
  db: Db,
  options: { page: number; perPage: number; view: NewsroomView; scope: NewsroomListScope; filters?: NewsroomListFilters; sort?: NewsroomSort },
  kept?: { readonly counts: NewsroomCounts; readonly now: Date },
) {
  const { page, perPage, view, scope, sort } = options;
  // A tag named in the filters is looked up once, for the counts and the rows alike.
  const filters = await resolveNewsroomFilters(db, options.filters);
  // The rows are asked for alongside the counts; a page past the end then costs one empty query.
  const [counts, rows] = await Promise.all([
    countNewsroomLists(db, { view, scope, filters }, kept),
    listNewsroomArticles(db, { view, scope, filters, ...(sort ? { sort } : {}), limit: perPage, offset: (page - 1) * perPage }),
  ]);
  const pageCount = Math.max(1, Math.ceil(counts.matching / perPage));
  if (page > pageCount) throw new BadRequestError(`There is no page ${page} of this list; its last page is ${pageCount}.`);
  return { rows, page, pageCount, total: counts.matching, viewTotal: counts.inView, changesCount: counts.changes, trashCount: counts.trash };
}
