import { findReplyAlertRecipient } from './comments.queries.ts';
import { articleLocation, type CommentableArticle } from './comment.ts';
import type { CommentDeps } from './comment-deps.ts';
import { listModeratorsToNotify } from './moderation.queries.ts';

type MailDeps = Pick<CommentDeps, 'db' | 'mailer' | 'publicUrl' | 'signer' | 'settings'>;

/** Signed links in reply-alert emails: whoever holds the email may confirm or stop, nobody else. */
export function alertLink(deps: Pick<CommentDeps, 'signer' | 'publicUrl'>, action: 'confirm' | 'stop', commentId: number): string {
  const token = `${commentId}.${deps.signer.sign(`alerts-${action}`, String(commentId))}`;
  return `${deps.publicUrl}/comments/alerts/${action}?token=${token}`;
}

export function readAlertToken(deps: Pick<CommentDeps, 'signer'>, action: 'confirm' | 'stop', token: string): number | undefined {
  const [id, signature, ...rest] = token.split('.');
  if (!id || !signature || rest.length > 0 || !/^\d{1,12}$/.test(id)) return undefined;
  return deps.signer.verify(`alerts-${action}`, id, signature) ? Number(id) : undefined;
}

export async function sendReplyAlertConfirmation(deps: MailDeps, mail: { to: string; article: CommentableArticle; commentId: number }): Promise<void> {
  const siteName = deps.settings.current().name;
  await deps.mailer.send({
    to: mail.to,
    subject: `Confirm reply alerts for your comment on ${siteName}`,
    text: [
      `You asked to be emailed when someone replies to your comment on "${mail.article.headline}".`,
      '',
      `Confirm here: ${alertLink(deps, 'confirm', mail.commentId)}`,
      '',
      'If you did not ask for this, ignore this email: nothing will be sent to you.',
    ].join('\n'),
  });
}

export async function notifyReplyAlertSubscriber(
  deps: MailDeps,
  reply: { parentId: number; replyId: number; replyAuthor: string; article: CommentableArticle },
): Promise<void> {
  const recipient = await findReplyAlertRecipient(deps.db, reply.parentId, reply.replyId);
  if (!recipient) return;
  const stop = alertLink(deps, 'stop', recipient.commentId);
  await deps.mailer.send({
    to: recipient.email,
    subject: `${reply.replyAuthor} replied to your comment`,
    text: [
      `${reply.replyAuthor} replied to your comment on "${reply.article.headline}":`,
      `${deps.publicUrl}${articleLocation(reply.article)}#comment-${reply.replyId}`,
      '',
      `Stop these emails: ${stop}`,
    ].join('\n'),
    // One-click unsubscribe from the mail program itself (RFC 8058).
    headers: { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
}

export async function notifyEditorsOfPendingComment(
  deps: MailDeps,
  pending: { article: CommentableArticle; authorName: string; body: string; reasons: readonly string[] },
): Promise<void> {
  const moderators = await listModeratorsToNotify(deps.db);
  const excerpt = pending.body.length > 500 ? `${pending.body.slice(0, 500)}…` : pending.body;
  for (const moderator of moderators) {
    await deps.mailer.send({
      to: moderator.email,
      subject: `Comment awaiting moderation on "${pending.article.headline}"`,
      text: [
        `${pending.authorName} wrote:`,
        excerpt,
        '',
        `Held because: ${pending.reasons.join('; ') || 'the moderation policy'}`,
        `Moderate: ${deps.publicUrl}/admin/comments`,
        '',
        'You get these because you turned on comment notifications in your newsroom account.',
      ].join('\n'),
    });
  }
}
