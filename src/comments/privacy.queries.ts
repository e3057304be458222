import type { Db } from '../db/database.ts';
import { toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';

/** Everything stored about one email address, for a data-subject access request. */
export async function exportCommenterData(db: Db, email: string) {
  const comments = await db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([
      'comments.id',
      'articles.headline as article',
      'comments.status',
      'comments.author_name',
      'comments.author_email',
      'comments.author_website',
      'comments.body',
      'comments.ip_address',
      'comments.user_agent',
      'comments.reply_alerts',
      'comments.created_at',
      'comments.updated_at',
    ])
    .where('comments.author_email', '=', email)
    .orderBy('comments.created_at')
    .execute();
  const standing = await db.selectFrom('commenters').select(['trusted_at', 'banned_at']).where('email', '=', email).executeTakeFirst();
  return {
    email,
    standing: standing ? { trustedAt: toDateOrNull(standing.trusted_at), bannedAt: toDateOrNull(standing.banned_at) } : null,
    comments: comments.map((row) => ({
      id: row.id,
      article: row.article,
      status: row.status,
      name: row.author_name,
      email: row.author_email,
      website: row.author_website,
      text: row.body,
      ipAddress: row.ip_address,
      userAgent: row.user_agent,
      replyAlerts: row.reply_alerts,
      createdAt: toDate(row.created_at),
      updatedAt: toDate(row.updated_at),
    })),
  };
}

/** Erases one email's comments and standing; replies by others stay, moved up a level. Returns the articles touched. */
export async function eraseCommenterData(db: Db, email: string): Promise<{ comments: number; articleIds: number[] }> {
  const rows = await db.selectFrom('comments').select(['id', 'article_id']).where('author_email', '=', email).execute();
  if (rows.length > 0) {
    const ids = rows.map((row) => row.id);
    // PostgreSQL and SQLite both honour ON DELETE SET NULL, but doing it first keeps the intent obvious.
    await db.updateTable('comments').set({ parent_id: null }).where('parent_id', 'in', ids).execute();
    await db.deleteFrom('comments').where('id', 'in', ids).execute();
  }
  await db.deleteFrom('commenters').where('email', '=', email).execute();
  await db.deleteFrom('comment_blocks').where('kind', '=', 'email').where('pattern', '=', email).execute();
  return { comments: rows.length, articleIds: [...new Set(rows.map((row) => row.article_id))] };
}

/** Comments erased per statement: each is a short transaction, so posting and moderating never wait long on one. */
const networkDataBatch = 5_000;

/**
 * Forgets IP addresses and browser names older than the retention period, a batch of comments at a time,
 * found through comments_network_data_idx (the comments that still hold either, by time). Returns how many
 * comments were touched. An archive imported with its addresses (ten million comments) is erased in many
 * short statements rather than one that holds millions of rows.
 */
export async function eraseExpiredNetworkData(db: Db, before: Date, batch = networkDataBatch): Promise<number> {
  let erased = 0;
  for (;;) {
    const result = await db
      .updateTable('comments')
      .set({ ip_address: null, user_agent: null })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('comments as held')
          .select('held.id')
          .where('held.created_at', '<', toTimestamp(before))
          .where((inner) => inner.or([inner('held.ip_address', 'is not', null), inner('held.user_agent', 'is not', null)]))
          .limit(batch),
      )
      .executeTakeFirst();
    const touched = Number(result.numUpdatedRows);
    erased += touched;
    if (touched < batch) return erased;
  }
}
