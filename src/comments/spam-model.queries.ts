import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { toCount } from '../db/row-values.ts';
import type { CorpusTotals, SpamLabel, TokenCounts } from './spam-classifier.ts';

/** What the filter knows of these features; a feature never seen is absent. */
export async function readSpamCounts(db: Db, features: readonly string[]): Promise<{ counts: Map<string, TokenCounts>; totals: CorpusTotals }> {
  const counts = new Map<string, TokenCounts>();
  if (features.length > 0) {
    const rows = await db
      .selectFrom('spam_tokens')
      .select(['token', 'spam_count', 'ham_count'])
      .where('token', 'in', [...features])
      .execute();
    for (const row of rows) counts.set(row.token, { spam: toCount(row.spam_count), ham: toCount(row.ham_count) });
  }
  const totals = await db.selectFrom('spam_totals').select(['spam_documents', 'ham_documents']).where('id', '=', 1).executeTakeFirst();
  return { counts, totals: { spamDocuments: toCount(totals?.spam_documents), hamDocuments: toCount(totals?.ham_documents) } };
}

/** Counts one comment's features as spam or not (`direction` 1), or takes a past lesson back (-1). */
export async function teachSpamModel(db: Db, features: readonly string[], label: SpamLabel, direction: 1 | -1): Promise<void> {
  const column = label === 'spam' ? 'spam_count' : 'ham_count';
  const documents = label === 'spam' ? 'spam_documents' : 'ham_documents';
  if (direction === 1) {
    for (let start = 0; start < features.length; start += 200) {
      const batch = features.slice(start, start + 200);
      await db
        .insertInto('spam_tokens')
        .values(batch.map((token) => ({ token, spam_count: label === 'spam' ? 1 : 0, ham_count: label === 'ham' ? 1 : 0 })))
        .onConflict((oc) => oc.column('token').doUpdateSet({ [column]: sql`spam_tokens.${sql.ref(column)} + 1` }))
        .execute();
    }
    await db
      .updateTable('spam_totals')
      .set({ [documents]: sql`${sql.ref(documents)} + 1` })
      .where('id', '=', 1)
      .execute();
    return;
  }
  if (features.length > 0) {
    await db
      .updateTable('spam_tokens')
      .set({ [column]: sql`${sql.ref(column)} - 1` })
      .where('token', 'in', [...features])
      .where(column, '>', 0)
      .execute();
  }
  await db
    .updateTable('spam_totals')
    .set({ [documents]: sql`${sql.ref(documents)} - 1` })
    .where('id', '=', 1)
    .where(documents, '>', 0)
    .execute();
}
