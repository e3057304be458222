import type { Db } from '../db/database.ts';
import { toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import type { PendingChangeState } from './article.table.ts';
import type { RevisionSnapshot } from './revision-snapshot.ts';
import { constant } from '../db/constant.ts';

/** An edit to a live article held for review, as proposed, with what became of it. */
export interface PendingChange {
  readonly id: number;
  readonly articleId: number;
  readonly proposedBy: number | null;
  readonly proposedByName: string | null;
  readonly proposedAt: Date;
  /** The article's version the proposal was written against. */
  readonly baseVersion: number;
  readonly snapshot: RevisionSnapshot;
  readonly state: PendingChangeState;
  readonly decidedAt: Date | null;
  readonly decidedByName: string | null;
}

function selectChanges(db: Db) {
  return db
    .selectFrom('article_pending_changes')
    .leftJoin('users as proposer', 'proposer.id', 'article_pending_changes.proposed_by')
    .leftJoin('users as decider', 'decider.id', 'article_pending_changes.decided_by')
    .select([
      'article_pending_changes.id',
      'article_pending_changes.article_id',
      'article_pending_changes.proposed_by',
      'proposer.name as proposer_name',
      'article_pending_changes.proposed_at',
      'article_pending_changes.base_version',
      'article_pending_changes.snapshot',
      'article_pending_changes.state',
      'article_pending_changes.decided_at',
      'decider.name as decider_name',
    ]);
}

type ChangeRow = Awaited<ReturnType<ReturnType<typeof selectChanges>['executeTakeFirstOrThrow']>>;

function toPendingChange(row: ChangeRow): PendingChange {
  return {
    id: row.id,
    articleId: row.article_id,
    proposedBy: row.proposed_by,
    proposedByName: row.proposer_name,
    proposedAt: toDate(row.proposed_at),
    baseVersion: row.base_version,
    snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
    state: row.state,
    decidedAt: toDateOrNull(row.decided_at),
    decidedByName: row.decider_name,
  };
}

/** The change waiting for review on this article, if any (there is at most one). */
export async function findWaitingChange(db: Db, articleId: number): Promise<PendingChange | undefined> {
  const row = await selectChanges(db)
    .where('article_pending_changes.article_id', '=', articleId)
    .where('article_pending_changes.state', '=', constant('pending'))
    .executeTakeFirst();
  return row ? toPendingChange(row) : undefined;
}

/** One proposal on this article, waiting or decided. */
export async function findChange(db: Db, articleId: number, changeId: number): Promise<PendingChange | undefined> {
  const row = await selectChanges(db)
    .where('article_pending_changes.article_id', '=', articleId)
    .where('article_pending_changes.id', '=', changeId)
    .executeTakeFirst();
  return row ? toPendingChange(row) : undefined;
}

/** A newer proposal from the same person replaces their waiting one, which nobody has reviewed yet. */
export async function replaceWaitingChange(
  db: Db,
  change: { articleId: number; proposedBy: number; proposedAt: Date; baseVersion: number; snapshot: unknown },
): Promise<number> {
  await db
    .deleteFrom('article_pending_changes')
    .where('article_id', '=', change.articleId)
    .where('proposed_by', '=', change.proposedBy)
    .where('state', '=', constant('pending'))
    .execute();
  const row = await db
    .insertInto('article_pending_changes')
    .values({
      article_id: change.articleId,
      proposed_by: change.proposedBy,
      proposed_at: toTimestamp(change.proposedAt),
      base_version: change.baseVersion,
      snapshot: JSON.stringify(change.snapshot),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records a decision on a waiting change; false when it was no longer waiting (someone decided first). */
export async function decideChange(
  db: Db,
  changeId: number,
  decision: { state: Exclude<PendingChangeState, 'pending'>; at: Date; by: number },
): Promise<boolean> {
  const result = await db
    .updateTable('article_pending_changes')
    .set({ state: decision.state, decided_at: toTimestamp(decision.at), decided_by: decision.by })
    .where('id', '=', changeId)
    .where('state', '=', constant('pending'))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
