import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import { type CommentStatus, findModeratedComment, storeForeignComment, updateForeignComment } from '../../comments/index.ts';
import type { Database } from '../../db/database.ts';
import { adjustmentPhrase } from '../comment-adjustments.ts';
import { type ImportPhrase, importPhrase } from '../import-phrases.ts';
import { findImportRecord, type ImportOrigin, saveImportRecord } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import { listImportedWordPressComments } from './disqus.queries.ts';
import { type DisqusPost, parseDisqusDate } from './disqus-records.ts';

/** A thread as the posts pass needs it: the article it matched, or undefined, and where it came from. */
export interface ResolvedThread {
  readonly articleId: number | undefined;
  readonly link: string;
  readonly title: string;
  /** The Disqus forum's short name, or 'disqus': the origin the thread's posts are recorded under. */
  readonly origin: string;
  readonly isDeleted: boolean;
}

export interface PostContext {
  readonly db: Kysely<Database>;
  readonly report: ImportReport;
  readonly dryRun: boolean;
  readonly now: Date;
  readonly threads: ReadonlyMap<string, ResolvedThread>;
  /**
   * The posts placed so far in this run, per article: Disqus id → comment id (0 for one a dry run would create).
   * Only these may be parents, so a reply always hangs under a comment placed before it and no thread can loop.
   */
  readonly placed: Map<number, Map<string, number>>;
  /** Articles whose comments were written, so their cached pages can be dropped. */
  readonly changedArticles: Set<number>;
}

/** Bumped when the conversion changes, so a re-run brings every comment up to it. */
const conversionVersion = '1';

function fingerprintOf(post: DisqusPost, parentId: number | null, status: CommentStatus): string {
  return createHash('sha256')
    .update(conversionVersion)
    .update(JSON.stringify([post, parentId, status]))
    .digest('hex')
    .slice(0, 32);
}

/** Spam is spam even once deleted, so the filter still learns from it; a deleted post or thread goes to the trash. */
function statusOf(post: DisqusPost, thread: ResolvedThread): CommentStatus {
  if (post.isSpam) return 'spam';
  return post.isDeleted || thread.isDeleted ? 'trash' : 'approved';
}

/**
 * The comment a post already is when the WordPress plugin copied it from WordPress (`<id>wp_id=11</id>`) and the
 * WordPress import brought comment 11 onto the same article.
 */
async function findWordPressTwin(context: PostContext, post: DisqusPost, articleId: number): Promise<{ wordPressId: string; localId: number } | undefined> {
  const wordPressId = /^wp_id=(\d{1,15})$/.exec(post.identifier)?.[1];
  if (wordPressId === undefined) return undefined;
  for (const localId of await listImportedWordPressComments(context.db, wordPressId)) {
    if ((await findModeratedComment(context.db, localId))?.articleId === articleId) return { wordPressId, localId };
  }
  return undefined;
}

/**
 * Brings one Disqus post in as a comment on its thread's article, with its state, date, author and place in
 * the thread; reports it skipped when its thread matched no article, and matched when WordPress brought it already.
 */
export async function importDisqusPost(context: PostContext, post: DisqusPost): Promise<void> {
  const { db, report, dryRun } = context;
  const thread = context.threads.get(post.threadId);
  const name = post.author.name || post.author.username;
  const title = `on “${(thread?.title ?? '').slice(0, 60)}” by ${name.slice(0, 40) || 'Anonymous'}`;
  const sourceId = post.id;
  const skip = (reason: ImportPhrase) => report.note({ kind: 'comments', sourceId: sourceId || '(none)', title, outcome: 'skipped', reason });
  if (!/^\d{1,20}$/.test(sourceId)) return skip(importPhrase('imports.reason.disqusNoId'));
  const none = importPhrase('imports.reason.none');
  if (!thread) return skip(importPhrase('imports.reason.disqusThreadMissing', { thread: post.threadId.slice(0, 20) || none }));
  const articleId = thread.articleId;
  if (articleId === undefined) return skip(importPhrase('imports.reason.disqusNoArticle', { link: thread.link.slice(0, 200) || none }));

  const placedHere = context.placed.get(articleId) ?? new Map<string, number>();
  context.placed.set(articleId, placedHere);
  const twin = await findWordPressTwin(context, post, articleId);
  if (twin) {
    placedHere.set(sourceId, twin.localId);
    report.count('comments', 'unchanged');
    const reason = importPhrase('imports.reason.disqusTwin', { id: twin.wordPressId });
    report.note({ kind: 'comments', sourceId, title, outcome: 'unchanged', reason });
    return;
  }

  const parentId = post.parentId ? (placedHere.get(post.parentId) ?? null) : null;
  if (post.parentId && parentId === null) {
    const reason = importPhrase('imports.reason.disqusParent', { id: post.parentId.slice(0, 20) });
    report.note({ kind: 'comments', sourceId, title, outcome: 'changed', reason });
  }
  const status = statusOf(post, thread);
  const from: ImportOrigin = { source: 'disqus', origin: thread.origin };
  const known = await findImportRecord(db, from, 'comment', sourceId);
  const fingerprint = fingerprintOf(post, parentId, status);
  if (known && known.fingerprint === fingerprint) {
    placedHere.set(sourceId, known.localId);
    report.count('comments', 'unchanged');
    return;
  }

  if (thread.isDeleted && status === 'trash' && !post.isDeleted) {
    report.note({ kind: 'comments', sourceId, title, outcome: 'changed', reason: importPhrase('imports.reason.disqusThreadDeleted') });
  }
  const createdAt = parseDisqusDate(post.createdAt);
  if (!createdAt) report.note({ kind: 'comments', sourceId, title, outcome: 'changed', reason: importPhrase('imports.reason.disqusNoDate') });
  const foreign = {
    articleId,
    parentId,
    status,
    name,
    // Anonymous commenters leave no address; the comment is kept without one.
    email: post.author.email,
    website: '',
    bodyHtml: post.message,
    createdAt: createdAt ?? context.now,
    ipAddress: isIP(post.ipAddress) ? post.ipAddress : null,
  };
  if (dryRun) {
    placedHere.set(sourceId, known?.localId ?? 0);
    report.count('comments', known ? 'updated' : 'created');
    return;
  }
  const { id, adjustments } = await db.transaction().execute(async (trx) => {
    const saved = known ? { id: known.localId, ...(await updateForeignComment(trx, known.localId, foreign)) } : await storeForeignComment(trx, foreign);
    await saveImportRecord(trx, from, 'comment', sourceId, { localId: saved.id, fingerprint }, context.now);
    return saved;
  });
  placedHere.set(sourceId, id);
  context.changedArticles.add(articleId);
  for (const adjustment of adjustments) report.note({ kind: 'comments', sourceId, title, outcome: 'changed', reason: adjustmentPhrase(adjustment) });
  report.count('comments', known ? 'updated' : 'created');
}
