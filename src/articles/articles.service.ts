import type { Kysely } from 'kysely';
import { audit } from '../accounts/index.ts';
import type { Database, Db } from '../db/database.ts';
import { ConflictError, NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import { type ContentChanges, type ContentTag, contentTags } from '../platform/content-changes.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { canonicalLanguageTag } from '../render/language-tags.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import { type Article, type ArticleKind, isPublished } from './article.ts';
import { prepublishChecklist } from './prepublish-checklist.ts';
import {
  type ArticleRowInput,
  insertArticle,
  isSlugTaken,
  publishIfStillDue,
  recordSlugHistory,
  replaceArticleAuthors,
  replaceArticleTags,
  setPublicationState,
  updateArticleRow,
} from './article-writes.queries.ts';
import { findArticleById } from './articles.queries.ts';
import { listDueScheduledIds, findNextScheduledTime, setArticleCreator, setReviewRequested } from './newsroom.queries.ts';
import { insertRevision } from './revisions.queries.ts';
import { syncSearchDocument } from './search-documents.queries.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

/** The audit log's note on an article the scheduler published (a log line, not said to anyone, so English). */
const wentLiveOnSchedule = '(went live on schedule)';

/** The audit log's subjects are cut to this many characters, as the newsroom's own entries are. */
const auditSubjectLength = 300;

/** Who is saving, and which version of the article they started from. */
export interface SaveOptions {
  readonly actorId?: number;
  /** The article's version when the editor opened it; a newer one means someone else saved meanwhile. */
  readonly expectedVersion?: number;
  /** More writes that stand or fall with this save (run in its transaction), e.g. marking a pending change accepted. */
  readonly alongside?: (trx: Db, articleId: number) => Promise<void>;
}

export interface ArticleDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  /** Told of each change readers can see, in its transaction (the webhooks' outbox); absent: nobody listens. */
  readonly events?: ArticleEvents;
}

/** What readers saw change: the webhooks' event names. */
export type ArticleEventType = 'article.published' | 'article.updated' | 'article.unpublished' | 'article.trashed';

/**
 * Records an event inside the change's own transaction, so an event is kept exactly when its
 * change is: a crash between the two can neither lose one nor announce a change that never happened.
 */
export interface ArticleEvents {
  record(trx: Db, type: ArticleEventType, articleId: number): Promise<void>;
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
  /** Shown by social networks instead of the featured photo. */
  readonly socialImageId?: number | null;
  readonly slug?: string;
  readonly seoTitle?: string | null;
  readonly seoDescription?: string | null;
  readonly kind?: ArticleKind;
  /** A BCP 47 tag such as "ar" or "ko", stored in its canonical form; empty or absent: the site's language. */
  readonly language?: string | null;
}

/** Longest accepted value of each free-text field, with what a writer is told past it. */
const limits = {
  standfirst: [600, 'refusal.articles.standfirstTooLong'],
  dateline: [60, 'refusal.articles.datelineTooLong'],
  bodyHtml: [400_000, 'refusal.articles.bodyTooLong'],
  seoTitle: [120, 'refusal.articles.seoTitleTooLong'],
  seoDescription: [320, 'refusal.articles.seoDescriptionTooLong'],
} as const;

/** What `validate` found good to store, cleaned. */
interface CheckedInput {
  readonly headline: string;
  readonly slug: string;
  readonly language: string | null;
}

function validate(input: ArticleInput): CheckedInput {
  const headline = input.headline.trim();
  const fields: Record<string, Phrase> = {};
  if (headline === '') fields.headline = phrase('refusal.articles.headlineRequired');
  else if (headline.length > 200) fields.headline = phrase('refusal.articles.headlineTooLong');
  for (const [field, [max, tooLong]] of Object.entries(limits)) {
    const value = input[field as keyof typeof limits] ?? '';
    if (value.length > max) fields[field] = phrase(tooLong);
  }
  for (const field of ['headline', 'standfirst', 'dateline', 'seoTitle', 'seoDescription', 'bodyHtml'] as const) {
    if (!fields[field] && hasControlCharacters(input[field] ?? '', 'lines')) fields[field] = phrase('refusal.articles.controlCharacters');
  }
  const slug = input.slug?.trim() || slugFrom(headline);
  if (!isValidSlug(slug)) fields.slug = phrase('refusal.articles.slugInvalid');
  const typedLanguage = input.language?.trim() ?? '';
  const language = typedLanguage === '' ? null : canonicalLanguageTag(typedLanguage);
  if (language === undefined) fields.language = phrase('refusal.articles.languageInvalid');
  if (Object.keys(fields).length > 0) throw new ValidationError(phrase('refusal.articles.articleHasErrors'), fields);
  return { headline, slug, language: language ?? null };
}

function rowInput(input: ArticleInput, checked: CheckedInput, state: Pick<ArticleRowInput, 'status' | 'publishedAt'>): ArticleRowInput {
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
    socialImageId: input.socialImageId ?? null,
    seoTitle: input.seoTitle?.trim() || null,
    seoDescription: input.seoDescription?.trim() || null,
    kind: input.kind ?? 'news',
    language: checked.language,
  };
}

/** What a revision keeps: everything an editor can change, as it was saved. */
function snapshotOf(row: ArticleRowInput, input: ArticleInput) {
  const { slug, sectionId, headline, standfirst, dateline, bodyHtml, featuredMediaId, socialImageId, seoTitle, seoDescription, kind, language } = row;
  return {
    slug,
    sectionId,
    headline,
    standfirst,
    dateline,
    bodyHtml,
    featuredMediaId,
    socialImageId,
    seoTitle,
    seoDescription,
    kind,
    language,
    authorIds: input.authorIds,
    tagIds: input.tagIds,
  };
}

export type ArticleSnapshot = ReturnType<typeof snapshotOf>;

/**
 * An edit checked and cleaned exactly as a save would store it, without storing it: what a
 * pending change keeps. Throws the same ValidationError a save would.
 */
export async function prepareEdit(db: Db, article: Article, input: ArticleInput): Promise<ArticleSnapshot> {
  const checked = validate(input);
  if (await isSlugTaken(db, checked.slug, article.id)) throw slugTakenError();
  return snapshotOf(rowInput(input, checked, { status: article.status, publishedAt: article.publishedAt }), input);
}

function slugTakenError(): ValidationError {
  const taken = phrase('refusal.articles.slugTaken');
  return new ValidationError(taken, { slug: taken });
}

/** The refusal for a save made from an older copy of the article than the one now stored. */
export function savedMeanwhileError(current: Pick<Article, 'updatedAt'>): ConflictError {
  return new ConflictError(phrase('refusal.articles.savedMeanwhile', { time: `${current.updatedAt.toISOString().slice(11, 16)} UTC` }));
}

/** Lists and pages an article appears on, before and after a change. */
export function tagsAffectedBy(...versions: (Article | undefined)[]): ContentTag[] {
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
  if (!article) throw new NotFoundError(phrase('refusal.articles.notFound'));
  return article;
}

/** Creates a draft; every save, this first one included, is kept as a revision. */
export async function createArticle(deps: ArticleDeps, input: ArticleInput, options: SaveOptions = {}): Promise<Article> {
  const checked = validate(input);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await isSlugTaken(trx, checked.slug)) throw slugTakenError();
    const row = rowInput(input, checked, { status: 'draft', publishedAt: null });
    const articleId = await insertArticle(trx, row, now);
    if (options.actorId !== undefined) await setArticleCreator(trx, articleId, options.actorId);
    await replaceArticleAuthors(trx, articleId, input.authorIds);
    await replaceArticleTags(trx, articleId, input.tagIds);
    await insertRevision(trx, { articleId, savedAt: now, savedBy: options.actorId ?? null, snapshot: snapshotOf(row, input) });
    await syncSearchDocument(trx, articleId);
    await options.alongside?.(trx, articleId);
    return articleId;
  });
  deps.changes.announce([contentTags.newsroom]);
  return getArticle(deps.db, id);
}

/**
 * Saves an edit as it stands, whoever makes it; a published article that moves keeps answering at
 * its old address with a 301. Staff edits go through `saveArticleEdit` (article-edits.ts), which
 * holds an edit to a live article for review when its writer may not publish it.
 */
export async function updateArticle(deps: ArticleDeps, id: number, input: ArticleInput, options: SaveOptions = {}): Promise<Article> {
  const checked = validate(input);
  const now = deps.clock.now();
  const before = await getArticle(deps.db, id);
  if (before.trashedAt) throw new ConflictError(phrase('refusal.articles.trashed'));
  await deps.db.transaction().execute(async (trx) => {
    if (await isSlugTaken(trx, checked.slug, id)) throw slugTakenError();
    const row = rowInput(input, checked, { status: before.status, publishedAt: before.publishedAt });
    if (!(await updateArticleRow(trx, id, row, now, options.expectedVersion))) {
      throw savedMeanwhileError(before);
    }
    await replaceArticleAuthors(trx, id, input.authorIds);
    await replaceArticleTags(trx, id, input.tagIds);
    await insertRevision(trx, { articleId: id, savedAt: now, savedBy: options.actorId ?? null, snapshot: snapshotOf(row, input) });
    const after = await findArticleById(trx, id);
    const moved = after && (after.slug !== before.slug || after.section?.id !== before.section?.id);
    if (moved && before.publishedAt) await recordSlugHistory(trx, id, before.section?.slug ?? 'news', before.slug, now);
    await syncSearchDocument(trx, id);
    await options.alongside?.(trx, id);
    if (isPublished(before, now)) await deps.events?.record(trx, 'article.updated', id);
  });
  const after = await getArticle(deps.db, id);
  deps.changes.announce(tagsAffectedBy(before, after));
  return after;
}

/**
 * When "Publish now" dates an article: now, unless it was live before and comes back, when it keeps
 * its first date so its place in the archive and its URL history stay honest. A time still ahead
 * was only ever a schedule, and a scheduled article brought forward goes live now.
 */
function publicationTimeForNow(before: Article, now: Date): Date {
  const { status, publishedAt } = before;
  return status !== 'scheduled' && publishedAt !== null && publishedAt <= now ? publishedAt : now;
}

/**
 * Why `article` may not be published yet, from the pre-publish checklist's blocking items (a section,
 * the featured photo's alt text), each also shown at the field that fixes it; undefined when it may.
 */
function publishingRefusal(article: Article): ValidationError | undefined {
  const blocking = new Set(prepublishChecklist(article).flatMap((item) => (item.blocking && !item.passed ? [item.id] : [])));
  if (blocking.size === 0) return undefined;
  const needsSection = blocking.has('section');
  const needsAlt = blocking.has('alt');
  if (blocking.size !== Number(needsSection) + Number(needsAlt)) {
    throw new Error(`A blocking checklist item has no refusal to say it: ${[...blocking].join(', ')}`);
  }
  const yesNo = (needed: boolean) => (needed ? 'yes' : 'no');
  return new ValidationError(phrase('refusal.articles.cannotPublishYet', { section: yesNo(needsSection), alt: yesNo(needsAlt) }), {
    ...(needsSection ? { sectionId: phrase('refusal.articles.publishNeedsSection') } : {}),
    ...(needsAlt ? { featuredMediaId: phrase('refusal.articles.publishNeedsAlt') } : {}),
  });
}

/**
 * Publishes now, or schedules for `at` when that is in the future (an `at` in the past backdates
 * the publication). Without `at`, see `publicationTimeForNow`.
 */
export async function publishArticle(deps: ArticleDeps, id: number, at?: Date): Promise<Article> {
  const before = await getArticle(deps.db, id);
  if (before.trashedAt) throw new ConflictError(phrase('refusal.articles.trashed'));
  const refusal = publishingRefusal(before);
  if (refusal) throw refusal;
  const now = deps.clock.now();
  const when = at ?? publicationTimeForNow(before, now);
  const status = when > now ? 'scheduled' : 'published';
  await deps.db.transaction().execute(async (trx) => {
    await setPublicationState(trx, id, { status, publishedAt: when, updatedAt: before.publishedAt ? now : when });
    await setReviewRequested(trx, id, null);
    await syncSearchDocument(trx, id);
    if (status === 'published' && !isPublished(before, now)) await deps.events?.record(trx, 'article.published', id);
  });
  const after = await getArticle(deps.db, id);
  deps.changes.announce(tagsAffectedBy(before, after));
  return after;
}

/**
 * Takes an article off the site; it keeps its publication date for when it comes back. A scheduled
 * article is unscheduled: it never went live, so it keeps no date and is a plain draft again.
 */
export async function unpublishArticle(deps: ArticleDeps, id: number): Promise<Article> {
  const before = await getArticle(deps.db, id);
  const publishedAt = before.status === 'scheduled' ? null : before.publishedAt;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setPublicationState(trx, id, { status: 'draft', publishedAt, updatedAt: now });
    await syncSearchDocument(trx, id);
    if (isPublished(before, now)) await deps.events?.record(trx, 'article.unpublished', id);
  });
  deps.changes.announce(tagsAffectedBy(before));
  return getArticle(deps.db, id);
}

/** A contributor's draft goes to the editors: it shows as "In review" in the newsroom's list. */
export async function requestReview(deps: ArticleDeps, id: number): Promise<Article> {
  await getArticle(deps.db, id);
  await setReviewRequested(deps.db, id, deps.clock.now());
  deps.changes.announce([contentTags.newsroom]);
  return getArticle(deps.db, id);
}

/**
 * Publishes every scheduled article whose time has come, each with an entry in the audit log made
 * by no one in the newsroom. Called by the scheduler at each due time and at boot, so an article
 * scheduled before a restart still goes live. An article unscheduled or brought forward meanwhile
 * (by an editor, or another instance's scheduler) is left as it is, so none goes live twice.
 */
export async function publishDueArticles(deps: ArticleDeps): Promise<number[]> {
  const now = deps.clock.now();
  const published: number[] = [];
  for (const id of await listDueScheduledIds(deps.db, now)) {
    const before = await getArticle(deps.db, id);
    const wentLive = await deps.db.transaction().execute(async (trx) => {
      if (!before.publishedAt || !(await publishIfStillDue(trx, id, now, before.publishedAt))) return false;
      await syncSearchDocument(trx, id);
      await audit({ db: trx, clock: deps.clock }, null, 'article.published', scheduledGoLiveSubject(before), schedulerMeta);
      await deps.events?.record(trx, 'article.published', id);
      return true;
    });
    if (!wentLive) continue;
    published.push(id);
    deps.changes.announce(tagsAffectedBy(before, await getArticle(deps.db, id)));
  }
  return published;
}

/** The scheduler acts from no address; the audit log shows who (no one) and the subject says how. */
const schedulerMeta = { ip: '', userAgent: 'scheduler' };

function scheduledGoLiveSubject(article: Pick<Article, 'id' | 'headline'>): string {
  const how = wentLiveOnSchedule;
  return `${`${article.id}: ${article.headline}`.slice(0, auditSubjectLength - how.length - 1)} ${how}`;
}

export function nextScheduledTime(deps: ArticleDeps): Promise<Date | undefined> {
  return findNextScheduledTime(deps.db);
}
