import { seededRandom } from '../seeded-random.ts';

/** Every choice the seeder makes, from one seeded generator, so the same seed builds the same archive. */
export class Dice {
  readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** A whole number from `min` to `max`, both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** An index into `weights`, each as likely as its weight. */
  weighted(weights: readonly number[]): number {
    let left = this.random() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [index, weight] of weights.entries()) {
      left -= weight;
      if (left < 0) return index;
    }
    return weights.length - 1;
  }

  /** Minutes, hours or days that run out quickly and sometimes go on long: how replies and edits follow a story. */
  exponential(mean: number): number {
    return -Math.log(1 - this.random()) * mean;
  }
}
