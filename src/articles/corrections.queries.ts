import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toCount, toDate, toTimestamp } from '../db/row-values.ts';
import { constant } from '../db/constant.ts';

/** A dated note appended to an article: a correction of fact, or an update with news. */
export interface Correction {
  readonly id: number;
  readonly kind: 'correction' | 'update';
  readonly text: string;
  readonly createdAt: Date;
}

/** A correction with the article it belongs to, for the public corrections page. */
export interface ListedCorrection extends Correction {
  readonly articleId: number;
}

const correctionsOfArticles = preparedQuery((db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_corrections')
    .select(['id', 'article_id', 'kind', 'text', 'created_at'])
    .where('article_id', 'in', articleIds)
    .orderBy('created_at')
    .orderBy('id'),
);

export async function loadCorrectionsByArticle(db: Db, articleIds: readonly number[]): Promise<Map<number, Correction[]>> {
  const byArticle = new Map<number, Correction[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await correctionsOfArticles(db, articleIds);
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ id: row.id, kind: row.kind, text: row.text, createdAt: toDate(row.created_at) });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

export async function insertCorrection(
  db: Db,
  correction: { articleId: number; kind: Correction['kind']; text: string; createdAt: Date; createdBy: number | null },
): Promise<void> {
  await db
    .insertInto('article_corrections')
    .values({
      article_id: correction.articleId,
      kind: correction.kind,
      text: correction.text,
      created_at: toTimestamp(correction.createdAt),
      created_by: correction.createdBy,
    })
    .execute();
}

/** Corrections (not updates) of published articles, newest first. */
export async function listPublishedCorrections(db: Db, now: Date, options: { limit: number; offset: number }): Promise<ListedCorrection[]> {
  const rows = await db
    .selectFrom('article_corrections')
    .innerJoin('articles', 'articles.id', 'article_corrections.article_id')
    .select([
      'article_corrections.id',
      'article_corrections.article_id',
      'article_corrections.kind',
      'article_corrections.text',
      'article_corrections.created_at',
    ])
    .where('article_corrections.kind', '=', 'correction')
    .where('articles.status', '=', constant('published'))
    .where('articles.published_at', '<=', toTimestamp(now))
    .orderBy('article_corrections.created_at', 'desc')
    .orderBy('article_corrections.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map((row) => ({ id: row.id, articleId: row.article_id, kind: row.kind, text: row.text, createdAt: toDate(row.created_at) }));
}

export async function countPublishedCorrections(db: Db, now: Date): Promise<number> {
  const row = await db
    .selectFrom('article_corrections')
    .innerJoin('articles', 'articles.id', 'article_corrections.article_id')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('article_corrections.kind', '=', 'correction')
    .where('articles.status', '=', constant('published'))
    .where('articles.published_at', '<=', toTimestamp(now))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}
