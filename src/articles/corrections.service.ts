import { NotFoundError, ValidationError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import type { Article } from './article.ts';
import { type ArticleDeps, getArticle } from './articles.service.ts';
import { touchArticle } from './newsroom.queries.ts';
import { type Correction, countPublishedCorrections, insertCorrection, type ListedCorrection, listPublishedCorrections } from './corrections.queries.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

const messages = {
  textRequired: 'Write what was wrong and what is right now.',
  textTooLong: 'Keep the note under 2,000 characters.',
  kindInvalid: 'Choose correction or update.',
  notPublished: 'Only a published article can carry a correction; edit the draft instead.',
  controlCharacters: 'The note contains invisible control characters; retype it.',
};

/** The corrections page's own tag: it lists every correction, so any new one drops it. */
export const correctionsListTag = 'list:corrections';

/**
 * Appends a dated correction or update to a published article. It shows at the end of the
 * article, in its JSON-LD and (for corrections) on the corrections page, and counts as a
 * modification of the article.
 */
export async function addCorrection(deps: ArticleDeps, articleId: number, input: { kind: string; text: string }, actorId: number | null): Promise<Article> {
  const article = await getArticle(deps.db, articleId);
  if (article.status !== 'published') throw new NotFoundError(messages.notPublished);
  const text = input.text.trim();
  const fields: Record<string, string> = {};
  if (input.kind !== 'correction' && input.kind !== 'update') fields.correctionKind = messages.kindInvalid;
  if (text === '') fields.correctionText = messages.textRequired;
  else if (text.length > 2000) fields.correctionText = messages.textTooLong;
  else if (hasControlCharacters(text, 'lines')) fields.correctionText = messages.controlCharacters;
  if (Object.keys(fields).length > 0) throw new ValidationError('The note has errors.', fields);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await insertCorrection(trx, { articleId, kind: input.kind as Correction['kind'], text, createdAt: now, createdBy: actorId });
    await touchArticle(trx, articleId, now);
  });
  deps.changes.announce([contentTags.article(articleId), correctionsListTag]);
  return getArticle(deps.db, articleId);
}

/** One page of the corrections page; a page past the end is a 404, except page 1 of none. */
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
