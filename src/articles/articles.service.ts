import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import { type ContentChanges, type ContentTag, contentTags } from '../platform/content-changes.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import type { Article } from './article.ts';
import {
  type ArticleRowInput,
  findArticleById,
  insertArticle,
  isSlugTaken,
  recordSlugHistory,
  replaceArticleAuthors,
  replaceArticleTags,
  setPublicationState,
  updateArticleRow,
} from './articles.queries.ts';

const messages = {
  headlineRequired: 'Write a headline.',
  headlineTooLong: 'Keep the headline under 200 characters.',
  slugInvalid: 'Use lower-case letters, digits and single hyphens in the slug, at most 120 characters.',
  slugTaken: 'Another article already uses this slug. Choose another.',
  notFound: 'There is no such article.',
};

export interface ArticleDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
}

/** What an editor writes; the service fills in slugs, timestamps and sanitising. */
export interface ArticleInput {
  readonly headline: string;
  readonly standfirst?: string;
  readonly dateline?: string;
  readonly bodyHtml?: string;
  readonly sectionId: number | null;
  readonly authorIds: readonly number[];
  readonly tagIds: readonly number[];
  readonly featuredMediaId?: number | null;
  readonly slug?: string;
  readonly seoTitle?: string | null;
  readonly seoDescription?: string | null;
}

function validate(input: ArticleInput): { headline: string; slug: string } {
  const headline = input.headline.trim();
  const fields: Record<string, string> = {};
  if (headline === '') fields.headline = messages.headlineRequired;
  else if (headline.length > 200) fields.headline = messages.headlineTooLong;
  const slug = input.slug?.trim() || slugFrom(headline);
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  if (Object.keys(fields).length > 0) throw new ValidationError('The article has errors.', fields);
  return { headline, slug };
}

function rowInput(input: ArticleInput, checked: { headline: string; slug: string }, state: Pick<ArticleRowInput, 'status' | 'publishedAt'>): ArticleRowInput {
  return {
    ...state,
    slug: checked.slug,
    headline: checked.headline,
    sectionId: input.sectionId,
    standfirst: input.standfirst?.trim() ?? '',
    dateline: input.dateline?.trim().toUpperCase() ?? '',
    // Stored already clean, and cleaned again when shown: the allow-list is the only way in.
    bodyHtml: String(sanitizeStoredHtml(input.bodyHtml ?? '')),
    featuredMediaId: input.featuredMediaId ?? null,
    seoTitle: input.seoTitle?.trim() || null,
    seoDescription: input.seoDescription?.trim() || null,
  };
}

/** Lists and pages an article appears on, before and after a change. */
function tagsAffectedBy(...versions: (Article | undefined)[]): ContentTag[] {
  const tags = new Set<ContentTag>([contentTags.scope({ kind: 'all' })]);
  for (const article of versions) {
    if (!article) continue;
    tags.add(contentTags.article(article.id));
    if (article.section) tags.add(contentTags.scope({ kind: 'section', sectionId: article.section.id }));
    for (const tag of article.tags) tags.add(contentTags.scope({ kind: 'tag', tagId: tag.id }));
    for (const author of article.authors) tags.add(contentTags.scope({ kind: 'author', authorId: author.id }));
  }
  return [...tags];
}

export async function getArticle(db: Kysely<Database>, id: number): Promise<Article> {
  const article = await findArticleById(db, id);
  if (!article) throw new NotFoundError(messages.notFound);
  return article;
}

/** Creates a draft. */
export async function createArticle(deps: ArticleDeps, input: ArticleInput): Promise<Article> {
  const checked = validate(input);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await isSlugTaken(trx, checked.slug)) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
    const articleId = await insertArticle(trx, rowInput(input, checked, { status: 'draft', publishedAt: null }), now);
    await replaceArticleAuthors(trx, articleId, input.authorIds);
    await replaceArticleTags(trx, articleId, input.tagIds);
    return articleId;
  });
  return getArticle(deps.db, id);
}

/** Saves an edit; a published article that moves keeps answering at its old address with a 301. */
export async function updateArticle(deps: ArticleDeps, id: number, input: ArticleInput): Promise<Article> {
  const checked = validate(input);
  const now = deps.clock.now();
  const before = await getArticle(deps.db, id);
  await deps.db.transaction().execute(async (trx) => {
    if (await isSlugTaken(trx, checked.slug, id)) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
    await updateArticleRow(trx, id, rowInput(input, checked, { status: before.status, publishedAt: before.publishedAt }), now);
    await replaceArticleAuthors(trx, id, input.authorIds);
    await replaceArticleTags(trx, id, input.tagIds);
    const after = await findArticleById(trx, id);
    const moved = after && (after.slug !== before.slug || after.section?.id !== before.section?.id);
    if (moved && before.publishedAt) await recordSlugHistory(trx, id, before.section?.slug ?? 'news', before.slug, now);
  });
  const after = await getArticle(deps.db, id);
  deps.changes.announce(tagsAffectedBy(before, after));
  return after;
}

/**
 * Publishes now, or schedules for `at` when that is in the future. The first publication time
 * is kept when an article is republished, so its date and URL history stay honest.
 */
export async function publishArticle(deps: ArticleDeps, id: number, at?: Date): Promise<Article> {
  const before = await getArticle(deps.db, id);
  const now = deps.clock.now();
  const when = at ?? before.publishedAt ?? now;
  const status = when > now ? 'scheduled' : 'published';
  await setPublicationState(deps.db, id, { status, publishedAt: when, updatedAt: before.publishedAt ? now : when });
  const after = await getArticle(deps.db, id);
  deps.changes.announce(tagsAffectedBy(before, after));
  return after;
}

/** Takes an article off the site; it keeps its publication date for when it comes back. */
export async function unpublishArticle(deps: ArticleDeps, id: number): Promise<Article> {
  const before = await getArticle(deps.db, id);
  await setPublicationState(deps.db, id, { status: 'draft', publishedAt: before.publishedAt, updatedAt: deps.clock.now() });
  deps.changes.announce(tagsAffectedBy(before));
  return getArticle(deps.db, id);
}
