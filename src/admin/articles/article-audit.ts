import type { FastifyRequest } from 'fastify';
import { audit } from '../../accounts/index.ts';
import type { Article, EditOutcome, PendingChange } from '../../articles/index.ts';
import { accountDeps, type AdminContext, requestMeta, requireStaff } from '../admin-context.ts';

/** What happens to a change waiting for review, as the audit log names it. */
export type ChangeAction = 'change-proposed' | 'change-accepted' | 'change-rejected' | 'change-withdrawn';

const subjectLength = 300;

/** Writes one article action to the audit log, e.g. `article.trashed`, naming the article. */
export function auditArticle(context: AdminContext, request: FastifyRequest, action: string, article: Pick<Article, 'id' | 'headline'>): Promise<void> {
  return audit(
    accountDeps(context),
    requireStaff(request),
    `article.${action}`,
    `${article.id}: ${article.headline}`.slice(0, subjectLength),
    requestMeta(request),
  );
}

/**
 * A proposal's entry names the live headline, the proposal (kept in the database under its
 * number, viewable at /admin/articles/:id/changes/:number) and the headline it proposes.
 */
export function auditChange(
  context: AdminContext,
  request: FastifyRequest,
  action: ChangeAction,
  article: Pick<Article, 'id' | 'headline'>,
  change: PendingChange,
): Promise<void> {
  const subject = `${article.id}: ${article.headline} (change ${change.id} by ${change.proposedByName ?? 'a former member'}: “${change.snapshot.headline}”)`;
  return audit(accountDeps(context), requireStaff(request), `article.${action}`, subject.slice(0, subjectLength), requestMeta(request));
}

/** Every save that reaches readers at once, and every change held for review, is in the audit log. */
export async function auditEdit(context: AdminContext, request: FastifyRequest, outcome: EditOutcome): Promise<void> {
  if (outcome.kind === 'held') await auditChange(context, request, 'change-proposed', outcome.article, outcome.change);
  else if (outcome.wasLive) await auditArticle(context, request, 'updated-live', outcome.article);
}
