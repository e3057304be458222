import { setTimeout as sleep } from 'node:timers/promises';
import { insertComment } from '../src/comments/comments.queries.ts';
import { connectDatabase } from '../src/db/connect.ts';
import { csrfTokenOf, send, signInThroughSetupLink } from '../test/helpers/http-client.ts';

/** The newsroom's owner, signed in through the setup link the server printed: the moderator of the load below. */
export async function signInModerator(origin: string, serverOutput: string): Promise<string> {
  const setupPath = /(\/admin\/setup\?token=[\w-]+)/.exec(serverOutput)?.[1];
  if (!setupPath) throw new Error('the server printed no setup link; the moderation load needs a fresh newsroom');
  return signInThroughSetupLink(origin, setupPath);
}

/**
 * A moderator at work on a hot article: every second a reader's comment arrives, held (written to the
 * database as the comment form would store it), and is approved through the newsroom like any
 * moderator's click, which drops the article's cached page. Runs until stopped; counts approvals. The
 * moderator signs in before (signInModerator): hashing a password is no part of moderating.
 */
export async function moderateEverySecond(options: {
  origin: string;
  cookie: string;
  sqliteFile: string;
  articleSlug: string;
  signal: AbortSignal;
}): Promise<number> {
  const { cookie } = options;
  const database = connectDatabase({ sqliteFile: options.sqliteFile });
  let approved = 0;
  try {
    const article = await database.db.selectFrom('articles').select('id').where('slug', '=', options.articleSlug).executeTakeFirstOrThrow();
    while (!options.signal.aborted) {
      const second = sleep(1000);
      const id = await insertComment(database.db, {
        articleId: article.id,
        parentId: null,
        status: 'pending',
        authorName: `Reader ${approved + 1}`,
        authorEmail: `hot-reader${approved + 1}@example.org`,
        authorWebsite: '',
        staffUserId: null,
        body: `Comment ${approved + 1} on a story everyone is reading.`,
        spamScore: null,
        spamReasons: [],
        ipAddress: null,
        userAgent: null,
        replyAlertsRequested: false,
        createdAt: new Date(),
      });
      const queue = await send(`${options.origin}/admin/comments?status=pending`, { cookie });
      const answer = await send(`${options.origin}/admin/comments/${id}/approve`, { cookie, form: { _csrf: csrfTokenOf(queue.body) } });
      if (answer.status !== 303) throw new Error(`approving comment ${id} answered ${answer.status}`);
      approved++;
      await second;
    }
    return approved;
  } finally {
    await database.destroy();
  }
}
