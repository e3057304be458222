import type { Db } from '../../db/database.ts';

/**
 * The comments a WordPress comment id became, whatever site it came from: a Disqus post names its WordPress
 * comment by number alone (`wp_id=11`), not by site, so the caller checks which one sits on the right article.
 */
export async function listImportedWordPressComments(db: Db, commentId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('import_records')
    .select('local_id')
    .where('source', '=', 'wordpress')
    .where('kind', '=', 'comment')
    .where('source_id', '=', commentId)
    .orderBy('id')
    .limit(20)
    .execute();
  return rows.map((row) => row.local_id);
}
