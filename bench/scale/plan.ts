import type { Dice } from './dice.ts';
import { zipfSampler } from './vocabulary.ts';

/**
 * The archive's shape, decided before any article is written: when each one went out (twenty years,
 * a little busier in recent ones, ids in publication order), which are drafts or scheduled, and how
 * many comments each drew: none or a few for most, thousands for a few, over ten thousand for the
 * biggest stories.
 */

const year = 365.25 * 24 * 60 * 60 * 1000;
const day = 24 * 60 * 60 * 1000;
export const archiveYears = 20;
/** Comments of a story everybody argued about. */
export const bigStoryComments = { least: 11_000, most: 20_000 };

/** Where each article stands, one byte each. */
export const Stage = { Published: 0, Draft: 1, Scheduled: 2 } as const;

export interface ArchivePlan {
  readonly stages: Uint8Array;
  /** Milliseconds: the publication time, or for a draft when it was written. */
  readonly times: Float64Array;
  readonly commentCounts: Int32Array;
  /** Indexes of the articles given a big story's comments. */
  readonly bigStories: readonly number[];
}

function planTimes(dice: Dice, stages: Uint8Array, until: number): Float64Array {
  const times = new Float64Array(stages.length);
  const start = until - archiveYears * year;
  const scheduled = stages.filter((stage) => stage === Stage.Scheduled).length;
  const dated = stages.length - scheduled;
  for (let index = 0; index < dated; index++) {
    // x^0.8 spreads the ids over the years with a little more of them lately.
    times[index] = start + (until - start) * ((index + dice.random()) / dated) ** 0.8;
  }
  for (let index = dated; index < stages.length; index++) times[index] = until + dice.random() * 30 * day;
  times.subarray(dated).sort();
  return times;
}

/** Spreads `comments` over the published articles. */
function planComments(dice: Dice, stages: Uint8Array, comments: number): { counts: Int32Array; bigStories: number[] } {
  const counts = new Int32Array(stages.length);
  const published: number[] = [];
  for (const [index, stage] of stages.entries()) if (stage === Stage.Published) published.push(index);
  if (published.length === 0 || comments === 0) return { counts, bigStories: [] };
  // One big story per 100,000 articles; on a small archive a quarter of the comments at most go to it.
  const bigCount = Math.min(published.length, Math.max(1, Math.round(stages.length / 100_000)));
  const bigStories: number[] = [];
  let left = comments;
  while (bigStories.length < bigCount) {
    const index = dice.pick(published);
    if (bigStories.includes(index)) continue;
    const size = Math.min(dice.between(bigStoryComments.least, bigStoryComments.most), Math.floor(comments / (4 * bigCount)));
    counts[index] = size;
    left -= size;
    bigStories.push(index);
  }
  // The rest on under half the stories, by a gentle Zipf: a story at rank r draws 1/r^0.7 of the first's.
  const others = published.filter((index) => !bigStories.includes(index));
  for (let index = others.length - 1; index > 0; index--) {
    const other = dice.between(0, index);
    [others[index], others[other]] = [others[other]!, others[index]!];
  }
  const commented = others.slice(0, Math.max(1, Math.ceil(others.length * 0.45)));
  if (commented.length === 0) {
    counts[bigStories[0]!]! += left;
    return { counts, bigStories };
  }
  const rank = zipfSampler(commented.length, 0.7, dice.random);
  for (let drawn = 0; drawn < left; drawn++) counts[commented[rank()]!]! += 1;
  return { counts, bigStories };
}

export function planArchive(dice: Dice, size: { readonly articles: number; readonly comments: number }, until: Date): ArchivePlan {
  const stages = new Uint8Array(size.articles);
  // A few stories wait for their time at the end; a few drafts were never finished.
  const scheduled = size.articles >= 50 ? Math.max(1, Math.round(size.articles * 0.001)) : 0;
  stages.fill(Stage.Scheduled, size.articles - scheduled);
  for (let index = 0; index < size.articles - scheduled; index++) if (dice.chance(0.003)) stages[index] = Stage.Draft;
  const times = planTimes(dice, stages, until.getTime());
  const { counts, bigStories } = planComments(dice, stages, size.comments);
  return { stages, times, commentCounts: counts, bigStories };
}
