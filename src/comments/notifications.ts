import { type Sentence, sentenceIn } from '../errors.ts';
import { newsroomTranslator } from '../i18n/index.ts';
import { siteWordsOf } from '../settings/index.ts';
import { findReplyAlertRecipient } from './comments.queries.ts';
import { articleLocation, type CommentableArticle } from './comment.ts';
import type { CommentDeps } from './comment-deps.ts';
import { commentWords } from './comment-words.ts';
import { listModeratorsToNotify } from './moderation.queries.ts';

type MailDeps = Pick<CommentDeps, 'db' | 'mailer' | 'publicUrl' | 'signer' | 'settings'>;

// A commenter is written to in the words of the comment section they used (commentWords); moderators in the site's.

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
  const words = commentWords(deps.settings, mail.article.language);
  await deps.mailer.send({
    to: mail.to,
    subject: words.text('email.replyAlerts.subject', { siteName: deps.settings.current().name }),
    text: [
      words.text('email.replyAlerts.asked', { headline: mail.article.headline }),
      '',
      words.text('email.replyAlerts.confirm', { link: alertLink(deps, 'confirm', mail.commentId) }),
      '',
      words.text('email.replyAlerts.notYou'),
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
  const words = commentWords(deps.settings, reply.article.language);
  await deps.mailer.send({
    to: recipient.email,
    subject: words.text('email.reply.subject', { name: reply.replyAuthor }),
    text: [
      words.text('email.reply.intro', { name: reply.replyAuthor, headline: reply.article.headline }),
      `${deps.publicUrl}${articleLocation(reply.article)}#comment-${reply.replyId}`,
      '',
      words.text('email.reply.stop', { link: stop }),
    ].join('\n'),
    // One-click unsubscribe from the mail program itself (RFC 8058).
    headers: { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
}

export async function notifyEditorsOfPendingComment(
  deps: MailDeps,
  pending: { article: CommentableArticle; authorName: string; body: string; reasons: readonly Sentence[] },
): Promise<void> {
  const moderators = await listModeratorsToNotify(deps.db);
  const excerpt = pending.body.length > 500 ? `${pending.body.slice(0, 500)}…` : pending.body;
  const words = siteWordsOf(deps.settings.current());
  // The reasons are the newsroom's own notes (spam-checks.ts), in the newsroom's words for the email's
  // language, as the comments screen shows them.
  const newsroomWords = newsroomTranslator(words.locale, words.timeZone);
  const reasons = pending.reasons.map((reason) => sentenceIn(reason, newsroomWords)).join('; ') || words.text('email.held.byPolicy');
  for (const moderator of moderators) {
    await deps.mailer.send({
      to: moderator.email,
      subject: words.text('email.held.subject', { headline: pending.article.headline }),
      text: [
        words.text('email.held.wrote', { name: pending.authorName }),
        excerpt,
        '',
        words.text('email.held.because', { reasons }),
        words.text('email.held.moderate', { link: `${deps.publicUrl}/admin/comments` }),
        '',
        words.text('email.held.why'),
      ].join('\n'),
    });
  }
}
