import type { Article } from '../../articles/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { formatDateTime } from '../../render/dates.ts';
import type { PublishingState } from './editor-publish-panel.tsx';

// What the article editor says about the article's state, in the newsroom's words.

/** What the editor says after a button was pressed elsewhere and it was sent back here with `?done=…`. */
const notices: Readonly<Record<string, NewsroomKey>> = {
  corrected: 'editor.noticeCorrected',
  saved: 'editor.noticeSaved',
  published: 'editor.noticePublished',
  scheduled: 'editor.noticeScheduled',
  'due-now': 'editor.noticeDueNow',
  unpublished: 'editor.noticeUnpublished',
  unscheduled: 'editor.noticeUnscheduled',
  review: 'editor.noticeReview',
  discarded: 'editor.noticeDiscarded',
  restored: 'editor.noticeRestored',
  proposed: 'editor.noticeProposed',
  accepted: 'editor.noticeAccepted',
  rejected: 'editor.noticeRejected',
  withdrawn: 'editor.noticeWithdrawn',
  pinned: 'editor.noticePinned',
  unpinned: 'editor.noticeUnpinned',
};

export function noticeOf(done: string | undefined, words: Translator<NewsroomKey>): string | undefined {
  // Own keys only: "?done=constructor" is no notice.
  return done && Object.hasOwn(notices, done) ? words.text(notices[done]!) : undefined;
}

/** A published article counts as edited once saved more than a minute after it went live. */
const editedAfterMs = 60_000;

/**
 * The editor's status line: the state, for a live article when it went or goes live, and when it was
 * last edited; dates as the newsroom's words write them (a Korean newsroom's on the 24-hour clock).
 */
export function statusOf(article: Article | undefined, words: Translator<NewsroomKey>): Pick<PublishingState, 'statusLabel' | 'statusTime' | 'editedTime'> {
  if (!article) return { statusLabel: words.text('editor.statusNew') };
  if (article.trashedAt) return { statusLabel: words.text('editor.statusTrashed') };
  if (article.status === 'draft') {
    const draftStatus = article.reviewRequestedAt ? 'editor.statusInReview' : article.publishedAt ? 'editor.statusUnpublished' : 'editor.statusDraft';
    return { statusLabel: words.text(draftStatus) };
  }
  const time = article.publishedAt ? { iso: article.publishedAt.toISOString(), label: formatDateTime(article.publishedAt, words) } : undefined;
  if (article.status === 'scheduled') return { statusLabel: words.text('editor.statusScheduled'), ...(time ? { statusTime: time } : {}) };
  const edited =
    article.publishedAt && article.updatedAt.getTime() - article.publishedAt.getTime() > editedAfterMs
      ? { editedTime: { iso: article.updatedAt.toISOString(), label: formatDateTime(article.updatedAt, words) } }
      : {};
  return { statusLabel: words.text('editor.statusPublished'), ...(time ? { statusTime: time } : {}), ...edited };
}
