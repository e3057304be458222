import { NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import type { Article } from './article.ts';
import { type ArticleDeps, getArticle } from './articles.service.ts';
import { touchArticle } from './newsroom.queries.ts';
import { type Correction, countPublishedCorrections, insertCorrection, type ListedCorrection, listPublishedCorrections } from './corrections.queries.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

/** The corrections page's own tag: it lists every correction, so any new one drops it. */
export const correctionsListTag = 'list:corrections';

/**
 * Appends a dated correction or update to a published article. It shows at the end of the
 * article, in its JSON-LD and (for corrections) on the corrections page, and counts as a
 * modification of the article.
 */
export async function addCorrection(deps: ArticleDeps, articleId: number, input: { kind: string; text: string }, actorId: number | null): Promise<Article> {
  const article = await getArticle(deps.db, articleId);
  if (article.status !== 'published') throw new NotFoundError(phrase('refusal.articles.correctionNeedsPublished'));
  const text = input.text.trim();
  const fields: Record<string, Phrase> = {};
  if (input.kind !== 'correction' && input.kind !== 'update') fields.correctionKind = phrase('refusal.articles.correctionKindInvalid');
  if (text === '') fields.correctionText = phrase('refusal.articles.correctionTextRequired');
  else if (text.length > 2000) fields.correctionText = phrase('refusal.articles.correctionTextTooLong');
  else if (hasControlCharacters(text, 'lines')) fields.correctionText = phrase('refusal.articles.correctionControlCharacters');
  if (Object.keys(fields).length > 0) throw new ValidationError(phrase('refusal.articles.noteHasErrors'), fields);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await insertCorrection(trx, { articleId, kind: input.kind as Correction['kind'], text, createdAt: now, createdBy: actorId });
    await touchArticle(trx, articleId, now);
  });
  deps.changes.announce([contentTags.article(articleId), correctionsListTag]);
  return getArticle(deps.db, articleId);
}

/**
 * One page of the corrections page; a page past the end is a 404, except page 1 of none. Said to a
 * reader, so in English with the error page's own words before it (not a newsroom phrase).
 */
export async function listCorrections(
  deps: Pick<ArticleDeps, 'db'>,
  now: Date,
  page: number,
  perPage: number,
): Promise<{ corrections: ListedCorrection[]; pageCount: number }> {
  const pageCount = Math.max(1, Math.ceil((await countPublishedCorrections(deps.db, now)) / perPage));
  if (page > pageCount) throw new NotFoundError(`There is no page ${page} of corrections; the last is ${pageCount}.`);
  return { corrections: await listPublishedCorrections(deps.db, now, { limit: perPage, offset: (page - 1) * perPage }), pageCount };
}
