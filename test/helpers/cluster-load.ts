import { setTimeout as sleep } from 'node:timers/promises';
import type { CommentFormState } from './comment-forms.ts';
import { send } from './http-client.ts';

/** What readers and commenters met while a cluster was being hurt. */
export interface LoadOutcome {
  readerAnswers: number;
  /** The oldest page a reader was given, by its Age header: past the page's s-maxage, it was served stale. */
  oldestAgeSeconds: number;
  /** Each reader answer that was not a page: `<status> <url>: <start of body>`. */
  readonly readerFailures: string[];
  /** Comments Gazette said it took (201), with the text sent. */
  readonly acknowledged: { readonly id: number; readonly text: string }[];
  /** How many posts got each status. */
  readonly postStatuses: Map<number, number>;
  /**
   * Posts refused as the same comment posted before: what a post that reached an instance which stored it and
   * died before answering gets when Varnish sends it again to the next one (as a double click would).
   */
  readonly duplicates: { readonly text: string }[];
  /** Posts answered with anything but 201 or that refusal, with the start of the answer. */
  readonly postRefusals: string[];
}

export interface LoadPlan {
  readonly durationMs: number;
  /** Pages the readers ask for in turn (the first reader starts on the first). */
  readonly readerUrls: readonly string[];
  readonly readers: number;
  /** Where the comment form posts, and a form of the article to comment on (its stamp already old enough). */
  readonly commentUrl: string;
  readonly form: CommentFormState;
  readonly commenters: number;
  /** A pause between one commenter's posts. */
  readonly commentPauseMs: number;
  /** A pause between one reader's requests: enough load to meet every failure, little enough to leave the other tests their CPU. */
  readonly readerPauseMs: number;
  /** A status a reader may meet without it counting as a failure (e.g. none). */
  readonly acceptableReaderStatus?: (status: number) => boolean;
}

/**
 * Readers reading and commenters posting through the cache for `durationMs`. Every comment comes from
 * an address and an email of its own (as many readers do), so no rate limit or duplicate check is met
 * by design; what is refused is refused because the cluster failed it.
 */
export async function readAndComment(plan: LoadPlan): Promise<LoadOutcome> {
  const stopAt = Date.now() + plan.durationMs;
  const outcome: LoadOutcome = {
    readerAnswers: 0,
    oldestAgeSeconds: 0,
    readerFailures: [],
    acknowledged: [],
    duplicates: [],
    postStatuses: new Map(),
    postRefusals: [],
  };
  const acceptable = plan.acceptableReaderStatus ?? ((status: number) => status === 200);

  const reader = async (n: number) => {
    for (let i = n; Date.now() < stopAt; i++) {
      const url = plan.readerUrls[i % plan.readerUrls.length]!.replace('{n}', `${n}x${i}`);
      const answer = await send(url).catch((error: unknown) => ({ status: 0, body: String(error), headers: {} as Record<string, string> }));
      outcome.readerAnswers++;
      outcome.oldestAgeSeconds = Math.max(outcome.oldestAgeSeconds, Number(answer.headers.age ?? 0));
      if (!acceptable(answer.status)) outcome.readerFailures.push(`${answer.status} ${url}: ${answer.body.slice(0, 200)}`);
      await sleep(plan.readerPauseMs);
    }
  };

  const commenter = async (n: number) => {
    for (let i = 0; Date.now() < stopAt; i++) {
      const text = `Commenter ${n} writes note ${i}: the ferry timetable changed on ${['Monday', 'Tuesday', 'Friday'][i % 3]} at pier ${i + 3}.`;
      const response = await fetch(plan.commentUrl, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          // Varnish adds the address it saw (loopback, which Gazette trusts as a proxy) after this one.
          'x-forwarded-for': `10.${n}.${i >> 8}.${i & 255}`,
        },
        body: new URLSearchParams({
          article_id: plan.form.articleId,
          parent_id: plan.form.parentId,
          stamp: plan.form.stamp,
          comment: text,
          name: `Reader ${n}-${i}`,
          email: `reader-${n}-${i}@example.org`,
          website: '',
          homepage: '',
        }),
      }).catch((error: unknown) => ({ status: 0, text: async () => String(error) }));
      const body = await response.text();
      outcome.postStatuses.set(response.status, (outcome.postStatuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) outcome.acknowledged.push({ id: (JSON.parse(body) as { id: number }).id, text });
      else if (response.status === 422 && body.includes('already posted this comment')) outcome.duplicates.push({ text });
      else outcome.postRefusals.push(`${response.status}: ${body.slice(0, 200)}`);
      await sleep(plan.commentPauseMs);
    }
  };

  await Promise.all([...Array.from({ length: plan.readers }, (_, n) => reader(n)), ...Array.from({ length: plan.commenters }, (_, n) => commenter(n + 1))]);
  return outcome;
}
