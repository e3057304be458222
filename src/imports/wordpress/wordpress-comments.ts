import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type CommentStatus, storeForeignComment, updateForeignComment } from '../../comments/index.ts';
import type { Database } from '../../db/database.ts';
import { adjustmentPhrase } from '../comment-adjustments.ts';
import { importPhrase } from '../import-phrases.ts';
import { findImportRecords, type ImportOrigin, saveImportRecord } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import { parseWxrGmtDate } from './wxr-reader.ts';
import type { WxrComment, WxrItem } from './wxr-records.ts';

const statuses: Readonly<Record<string, CommentStatus>> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/** Parents before their replies, whatever order the file has them in; a loop of parents is broken where it closes. */
function parentsFirst(comments: readonly WxrComment[]): WxrComment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const ordered: WxrComment[] = [];
  const placed = new Set<number>();
  const place = (comment: WxrComment, path: Set<number>) => {
    if (placed.has(comment.id) || path.has(comment.id)) return;
    path.add(comment.id);
    const parent = byId.get(comment.parentId);
    if (parent) place(parent, path);
    placed.add(comment.id);
    ordered.push(comment);
  };
  for (const comment of comments) place(comment, new Set());
  return ordered;
}

function fingerprintOf(comment: WxrComment, parentId: number | null): string {
  return createHash('sha256')
    .update(JSON.stringify([comment, parentId]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * A post's comments, with their state, thread and date. Pingbacks and trackbacks are links from other
 * sites, not readers' words: they are reported and left out.
 */
export async function importWordPressComments(
  db: Kysely<Database>,
  context: { from: ImportOrigin; report: ImportReport; dryRun: boolean; now: Date; articleId: number | undefined },
  item: WxrItem,
): Promise<void> {
  const { from, report, articleId } = context;
  const localIds = new Map<number, number>();
  const records =
    context.dryRun || articleId === undefined
      ? new Map()
      : await findImportRecords(
          db,
          from,
          'comment',
          item.comments.map((comment) => String(comment.id)),
        );
  // One transaction for a post's comments: a thread is stored whole or not at all, and a big import
  // does not pay a commit per comment.
  await db.transaction().execute(async (trx) => {
    for (const comment of parentsFirst(item.comments)) {
      const sourceId = String(comment.id);
      const title = `on “${item.title.slice(0, 60)}” by ${comment.author.slice(0, 40)}`;
      if (comment.type === 'pingback' || comment.type === 'trackback') {
        report.note({
          kind: 'comments',
          sourceId,
          title,
          outcome: 'skipped',
          reason: comment.authorUrl
            ? importPhrase('imports.reason.pingback', { type: comment.type, site: comment.authorUrl.slice(0, 80) })
            : importPhrase('imports.reason.pingbackNoSite', { type: comment.type }),
        });
        continue;
      }
      const status = statuses[comment.approved];
      if (!status) {
        report.note({
          kind: 'comments',
          sourceId,
          title,
          outcome: 'skipped',
          reason: importPhrase('imports.reason.commentState', { state: comment.approved.slice(0, 20) }),
        });
        continue;
      }
      if (articleId === undefined) {
        if (context.dryRun) report.count('comments', 'created');
        continue;
      }
      const parentId = comment.parentId ? (localIds.get(comment.parentId) ?? null) : null;
      if (comment.parentId && parentId === null) {
        report.note({
          kind: 'comments',
          sourceId,
          title,
          outcome: 'changed',
          reason: importPhrase('imports.reason.commentParent', { id: String(comment.parentId) }),
        });
      }
      const known = records.get(sourceId);
      const fingerprint = fingerprintOf(comment, parentId);
      if (known && known.fingerprint === fingerprint) {
        localIds.set(comment.id, known.localId);
        report.count('comments', 'unchanged');
        continue;
      }
      const foreign = {
        articleId,
        parentId,
        status,
        name: comment.author,
        email: comment.authorEmail,
        website: comment.authorUrl,
        bodyHtml: comment.content,
        createdAt: parseWxrGmtDate(comment.dateGmt) ?? context.now,
        ipAddress: /^[0-9a-f:.]{2,45}$/i.test(comment.authorIp) ? comment.authorIp : null,
      };
      if (context.dryRun) {
        report.count('comments', known ? 'updated' : 'created');
        continue;
      }
      const { id, adjustments } = known
        ? { id: known.localId, ...(await updateForeignComment(trx, known.localId, foreign)) }
        : await storeForeignComment(trx, foreign);
      await saveImportRecord(trx, from, 'comment', sourceId, { localId: id, fingerprint }, context.now);
      localIds.set(comment.id, id);
      for (const adjustment of adjustments) report.note({ kind: 'comments', sourceId, title, outcome: 'changed', reason: adjustmentPhrase(adjustment) });
      report.count('comments', known ? 'updated' : 'created');
    }
  });
}
