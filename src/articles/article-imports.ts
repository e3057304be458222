import type { Db } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import type { Article, ArticleStatus } from './article.ts';
import { setPublicationState } from './article-writes.queries.ts';
import { type ArticleDeps, type ArticleInput, createArticle, getArticle, tagsAffectedBy, updateArticle } from './articles.service.ts';
import { insertCorrection, loadCorrectionsByArticle } from './corrections.queries.ts';
import { setArticleCreator, setReviewRequested } from './newsroom.queries.ts';
import { syncSearchDocument } from './search-documents.queries.ts';

/** Where an imported article stood on the old site. */
export interface ImportedState {
  readonly status: ArticleStatus;
  /** Its original publication time (or the scheduled one); kept even for a draft, as WordPress does. */
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
  /** Waiting for an editor ("pending" in WordPress). */
  readonly inReview: boolean;
}

export interface ImportedCorrection {
  readonly text: string;
  readonly at: Date;
}

const slugTakenField = 'slug';

/** The old slug when Gazette can use it, else one made from the headline; never one another article holds. */
function slugCandidates(input: ArticleInput): string[] {
  const first = input.slug && isValidSlug(input.slug) ? input.slug : slugFrom(input.headline);
  return [first, ...Array.from({ length: 20 }, (_, n) => `${first.slice(0, 110)}-${n + 2}`)];
}

async function saveTryingSlugs(save: (slug: string) => Promise<Article>, input: ArticleInput): Promise<Article> {
  let lastError: unknown;
  for (const slug of slugCandidates(input)) {
    try {
      return await save(slug);
    } catch (error) {
      if (!(error instanceof ValidationError) || !error.fields[slugTakenField] || Object.keys(error.fields).length > 1) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Creates or updates an article brought from another system, through the same validation,
 * sanitising, revisions and search index as the newsroom's saves. What the old site published stays
 * published at its original time, even where Gazette's pre-publish checklist would have asked for
 * more (a photo without alt text): the archive was public, and hiding it would break its links.
 */
export async function saveImportedArticle(
  deps: ArticleDeps,
  existingId: number | undefined,
  input: ArticleInput,
  state: ImportedState,
  extras: {
    creatorId?: number | null;
    corrections?: readonly ImportedCorrection[];
    /**
     * Records the import, in the same transactions as the article: `complete` is false with the
     * first save and true with the last, so an import stopped in between knows to finish this one.
     */
    record?: (trx: Db, articleId: number, complete: boolean) => Promise<void>;
  } = {},
): Promise<Article> {
  const record = extras.record ?? (async () => {});
  const options = { alongside: (trx: Db, articleId: number) => record(trx, articleId, false) };
  const saved =
    existingId === undefined
      ? await saveTryingSlugs((slug) => createArticle(deps, { ...input, slug }, options), input)
      : await saveTryingSlugs((slug) => updateArticle(deps, existingId, { ...input, slug }, options), input);
  const before = saved;
  await deps.db.transaction().execute(async (trx) => {
    await setPublicationState(trx, saved.id, state);
    await setReviewRequested(trx, saved.id, state.inReview ? state.updatedAt : null);
    if (extras.creatorId) await setArticleCreator(trx, saved.id, extras.creatorId);
    const known = new Set(((await loadCorrectionsByArticle(trx, [saved.id])).get(saved.id) ?? []).map((correction) => correction.text));
    for (const correction of extras.corrections ?? []) {
      if (!known.has(correction.text)) {
        await insertCorrection(trx, { articleId: saved.id, kind: 'correction', text: correction.text, createdAt: correction.at, createdBy: null });
      }
    }
    await syncSearchDocument(trx, saved.id);
    await record(trx, saved.id, true);
  });
  const after = await getArticle(deps.db, saved.id);
  deps.changes.announce(tagsAffectedBy(before, after));
  return after;
}
