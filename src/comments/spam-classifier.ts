/**
 * The comment spam filter's learning classifier: Robinson's per-feature probabilities, combined with
 * Fisher's chi-square method as SpamBayes does. It learns only from the moderators' own decisions.
 * Pure: the caller keeps the counts (in the database, or an {@link InMemorySpamModel}).
 *
 * @example
 * const features = spamFeatures(body);
 * // storedCounts: the spam_tokens rows for these features; storedTotals: the document totals.
 * const { probability } = judgeSpam(features, storedCounts, storedTotals);
 * // A comment's status (CommentStatus): held for a moderator is 'pending'.
 * const status = probability >= spamThresholds.spam ? 'spam' : probability >= spamThresholds.hold ? 'pending' : 'approved';
 */
import { spamFeatures } from './spam-features.ts';

export { spamFeatures } from './spam-features.ts';

export type SpamLabel = 'spam' | 'ham';
/** How many spam and ham documents a feature has been seen in (each at most once per document). */
export interface TokenCounts {
  readonly spam: number;
  readonly ham: number;
}
export interface CorpusTotals {
  readonly spamDocuments: number;
  readonly hamDocuments: number;
}
export interface SpamVerdict {
  /** 0…1; 0.5 when the model knows too little to judge. */
  readonly probability: number;
  /** The features that moved the verdict most, strongest first (at most 5), with their own spam probability, for the moderator's "why". */
  readonly evidence: readonly { readonly feature: string; readonly probability: number }[];
}

/**
 * Thresholds the product uses; the bench reports its figures at exactly these. `spam` is SpamBayes'
 * own cut-off. `hold` sits above 0.5 because 0.5 means "no idea" (an untrained model, or a comment
 * of words never seen), and not knowing must not keep a reader's comment off the page.
 */
export const spamThresholds: { readonly spam: number; readonly hold: number } = Object.freeze({ spam: 0.9, hold: 0.6 });

/** Too few decisions to trust the model: judgeSpam returns 0.5 until both classes have at least this many documents. */
export const minimumTrainingDocuments = 10;

/** Robinson's s and x: a feature seen n times is pulled towards "unknown" as if seen s more times at x. */
const priorStrength = 0.45;
const priorProbability = 0.5;
/** Features closer to 0.5 than this only add noise to the chi-square test. */
const minimumStrength = 0.1;
/** SpamBayes' figure: more clues than this make long texts overconfident. */
const maxClues = 150;
const maxEvidence = 5;

/** Robinson's f(w) for one feature. */
function featureProbability(counts: TokenCounts, totals: CorpusTotals): number {
  const spamRatio = counts.spam / totals.spamDocuments;
  const hamRatio = counts.ham / totals.hamDocuments;
  const seen = counts.spam + counts.ham;
  const raw = spamRatio + hamRatio === 0 ? priorProbability : spamRatio / (spamRatio + hamRatio);
  return (priorStrength * priorProbability + seen * raw) / (priorStrength + seen);
}

/** P(χ² ≥ chi2) with an even number of degrees of freedom, summed in log space so long texts cannot underflow. */
function chiSquareSurvival(chi2: number, degreesOfFreedom: number): number {
  const half = chi2 / 2;
  let logTerm = -half;
  let logSum = logTerm;
  for (let i = 1; i < degreesOfFreedom / 2; i++) {
    logTerm += Math.log(half / i);
    const high = Math.max(logSum, logTerm);
    logSum = high + Math.log(Math.exp(logSum - high) + Math.exp(logTerm - high));
  }
  return Math.min(1, Math.exp(logSum));
}

/**
 * How likely a text is spam, from its features (see {@link spamFeatures}) and the stored counts.
 * `counts` need only hold the features that have been seen; any other feature counts as unknown.
 *
 * @example
 * judgeSpam(['url:pills.example', 'cheap'], counts, { spamDocuments: 120, hamDocuments: 900 }).probability; // 0.99…
 */
export function judgeSpam(features: readonly string[], counts: ReadonlyMap<string, TokenCounts>, totals: CorpusTotals): SpamVerdict {
  if (totals.spamDocuments < minimumTrainingDocuments || totals.hamDocuments < minimumTrainingDocuments) return { probability: 0.5, evidence: [] };
  const clues: { feature: string; probability: number; strength: number }[] = [];
  for (const feature of new Set(features)) {
    const seen = counts.get(feature);
    if (!seen || seen.spam + seen.ham <= 0) continue;
    const probability = featureProbability(seen, totals);
    const strength = Math.abs(probability - 0.5);
    if (strength >= minimumStrength) clues.push({ feature, probability, strength });
  }
  if (clues.length === 0) return { probability: 0.5, evidence: [] };
  clues.sort((a, b) => b.strength - a.strength || (a.feature < b.feature ? -1 : 1));
  const used = clues.slice(0, maxClues);
  let logHam = 0;
  let logSpam = 0;
  for (const clue of used) {
    logSpam += Math.log(1 - clue.probability);
    logHam += Math.log(clue.probability);
  }
  const spamness = 1 - chiSquareSurvival(-2 * logSpam, 2 * used.length);
  const hamness = 1 - chiSquareSurvival(-2 * logHam, 2 * used.length);
  return {
    probability: (spamness - hamness + 1) / 2,
    evidence: used.slice(0, maxEvidence).map(({ feature, probability }) => ({ feature, probability })),
  };
}

/**
 * The same maths over counts kept in memory, for tests and the benchmark.
 *
 * @example
 * const model = new InMemorySpamModel();
 * model.train('Cheap pills at https://pills.example', 'spam');
 * model.judge('Great reporting on the harbour').probability; // 0.5 until both classes have enough documents
 */
export class InMemorySpamModel {
  readonly #counts = new Map<string, { spam: number; ham: number }>();
  #totals = { spamDocuments: 0, hamDocuments: 0 };

  get totals(): CorpusTotals {
    return { ...this.#totals };
  }

  /** The stored counts of these features, as the database would return them: unseen features are absent. */
  countsFor(features: readonly string[]): Map<string, TokenCounts> {
    const found = new Map<string, TokenCounts>();
    for (const feature of features) {
      const counts = this.#counts.get(feature);
      if (counts) found.set(feature, { ...counts });
    }
    return found;
  }

  train(text: string, label: SpamLabel): void {
    this.#adjust(text, label, 1);
  }

  /** Forgets one earlier `train(text, label)`, as when a moderator reverses a decision. */
  untrain(text: string, label: SpamLabel): void {
    this.#adjust(text, label, -1);
  }

  judge(text: string): SpamVerdict {
    const features = spamFeatures(text);
    return judgeSpam(features, this.countsFor(features), this.#totals);
  }

  #adjust(text: string, label: SpamLabel, step: 1 | -1): void {
    const key = label === 'spam' ? 'spamDocuments' : 'hamDocuments';
    this.#totals = { ...this.#totals, [key]: Math.max(0, this.#totals[key] + step) };
    for (const feature of spamFeatures(text)) {
      const counts = this.#counts.get(feature) ?? { spam: 0, ham: 0 };
      counts[label] = Math.max(0, counts[label] + step);
      // Deleting emptied entries is what makes train-then-untrain leave no trace.
      if (counts.spam === 0 && counts.ham === 0) this.#counts.delete(feature);
      else this.#counts.set(feature, counts);
    }
  }
}
