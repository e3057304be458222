/** Time, passed in so tests and scheduled publishing can control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
