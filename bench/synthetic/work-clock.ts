import type { SeededRandom } from './seeded-random.js';

/** When the synthetic history starts: Monday 2 January 2023, 09:00 UTC. */
export const HISTORY_START_SECONDS = Date.UTC(2023, 0, 2, 9, 0, 0) / 1000;

/** Working hours (UTC) and pace of the synthetic team. */
export interface WorkPattern {
  /** First working hour of the day (UTC). */
  dayStartHour: number;
  /** Hour the working day ends (UTC). */
  dayEndHour: number;
  /** Average commits per working hour. */
  commitsPerHour: number;
}

/** A few commits per working hour, 09:00–18:00 on weekdays. */
export const DEFAULT_WORK_PATTERN: WorkPattern = Object.freeze({ dayStartHour: 9, dayEndHour: 18, commitsPerHour: 3 });

/**
 * Hands out commit times: a few per working hour, never at night or on weekends, always
 * increasing, all derived from the seed.
 *
 * @example
 * const clock = new WorkClock(random);
 * clock.next(); // seconds since the epoch, some minutes after 2023-01-02T09:00Z
 */
export class WorkClock {
  private current: number;

  constructor(
    private readonly random: SeededRandom,
    start: number = HISTORY_START_SECONDS,
    private readonly pattern: WorkPattern = DEFAULT_WORK_PATTERN,
  ) {
    this.current = start;
  }

  /** The last time handed out. */
  get now(): number {
    return this.current;
  }

  /** Advances to the next commit time. */
  next(): number {
    const gap = Math.max(30, Math.round(this.random.exponential(3600 / this.pattern.commitsPerHour)));
    let candidate = this.current + gap;
    const day = new Date(candidate * 1000);
    const hour = day.getUTCHours();
    const weekday = day.getUTCDay();
    if (hour >= this.pattern.dayEndHour || hour < this.pattern.dayStartHour || weekday === 0 || weekday === 6) {
      candidate = this.nextMorning(candidate) + this.random.int(0, 1800);
    }
    this.current = candidate;
    return candidate;
  }

  private nextMorning(seconds: number): number {
    const date = new Date(seconds * 1000);
    if (date.getUTCHours() >= this.pattern.dayStartHour) date.setUTCDate(date.getUTCDate() + 1);
    date.setUTCHours(this.pattern.dayStartHour, 0, 0, 0);
    while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
    return date.getTime() / 1000;
  }
}
