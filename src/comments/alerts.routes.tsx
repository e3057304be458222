import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { NotFoundError } from '../errors.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import { Document } from '../render/document.tsx';
import { renderDocument } from '../render/safe-html.ts';
import { type SiteContext, siteChrome } from '../settings/index.ts';
import { setReplyAlerts } from './comments.queries.ts';
import type { CommentDeps } from './comment-deps.ts';
import { readAlertToken } from './notifications.ts';

// For the error page; the pages themselves are in the site's words.
const messages = {
  badLink: 'This link is not valid. Copy the whole address from the email, or ask again from the article.',
} as const;

function AlertsPage({ site, title, children }: { site: ReturnType<typeof siteChrome>; title: string; children?: unknown }) {
  return (
    <Document head={{ title, description: title, ogType: 'website', noindex: true }} site={site}>
      <article class="article policy">
        <header class="article__header">
          <h1 class="article__headline">{title}</h1>
        </header>
        <div class="article__body">{children}</div>
      </article>
    </Document>
  );
}

/** Double opt-in confirmation and one-click unsubscribe for "Email me replies". */
export const alertsRoutes: FastifyPluginAsync<CommentDeps & { readonly site: SiteContext }> = async (app, deps) => {
  const send = (reply: FastifyReply, path: string, title: MessageKey, body: (words: Translator) => unknown) => {
    const site = siteChrome(deps.site, path, deps.clock.now());
    const { words } = site;
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderDocument(
          <AlertsPage site={site} title={words.text(title)}>
            {body(words)}
          </AlertsPage>,
        ),
      );
  };
  const TokenQuery = Type.Object({ token: Type.String({ maxLength: 200 }) });

  app.get<{ Querystring: Static<typeof TokenQuery> }>('/comments/alerts/confirm', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const commentId = readAlertToken(deps, 'confirm', request.query.token);
    if (commentId === undefined || !(await setReplyAlerts(deps.db, commentId, 'on'))) throw new NotFoundError(messages.badLink);
    return send(reply, '/comments/alerts/confirm', 'replyAlerts.confirmedTitle', (words) => <p>{words.text('replyAlerts.confirmed')}</p>);
  });

  // Following a link must not unsubscribe (mail scanners follow links); the button, or the mail program's one-click POST, does.
  app.get<{ Querystring: Static<typeof TokenQuery> }>('/comments/alerts/stop', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    if (readAlertToken(deps, 'stop', request.query.token) === undefined) throw new NotFoundError(messages.badLink);
    return send(reply, '/comments/alerts/stop', 'replyAlerts.stopTitle', (words) => (
      <form method="post" action={`/comments/alerts/stop?token=${encodeURIComponent(request.query.token)}`}>
        <p>{words.text('replyAlerts.askStop')}</p>
        <p>
          <button type="submit" class="button">
            {words.text('replyAlerts.stopButton')}
          </button>
        </p>
      </form>
    ));
  });

  app.post<{ Querystring: Static<typeof TokenQuery> }>('/comments/alerts/stop', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const commentId = readAlertToken(deps, 'stop', request.query.token);
    if (commentId === undefined || !(await setReplyAlerts(deps.db, commentId, 'off'))) throw new NotFoundError(messages.badLink);
    return send(reply, '/comments/alerts/stop', 'replyAlerts.stoppedTitle', (words) => <p>{words.text('replyAlerts.stopped')}</p>);
  });
};
