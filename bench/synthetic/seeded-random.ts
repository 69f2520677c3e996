import { randomLcg } from 'd3';

interface CumulativeTable {
  keys: string[];
  cumulative: number[];
  total: number;
}

const cumulativeTables = new WeakMap<object, CumulativeTable>();

/**
 * A deterministic source of randomness: the same seed always yields the same sequence,
 * which is what makes two generations of the synthetic repository byte-identical.
 *
 * @example
 * const random = new SeededRandom(7);
 * random.int(1, 6); // same value on every run with seed 7
 */
export class SeededRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    // d3's LCG takes a non-negative integer (or a fraction in [0, 1)) as its seed.
    this.next = randomLcg(Math.abs(Math.trunc(seed)) + 1);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A key of `weights`, drawn in proportion to its weight (keys with weight ≤ 0 never win). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = cumulativeTables.get(weights);
    if (!table) {
      // Tables are cached per weights object: statement kinds are drawn millions of times.
      const keys = Object.keys(weights);
      const cumulative: number[] = [];
      let total = 0;
      for (const key of keys) {
        total += Math.max(0, (weights as Record<string, number>)[key]!);
        cumulative.push(total);
      }
      table = { keys, cumulative, total };
      cumulativeTables.set(weights, table);
    }
    const target = this.next() * table.total;
    const { cumulative, keys } = table;
    for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]!) return keys[i] as K;
    return keys[keys.length - 1] as K;
  }

  /** An exponentially distributed value with the given mean (gaps between events). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Up to `count` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const take = Math.min(count, copy.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const swap = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = swap;
    }
    copy.length = take;
    return copy;
  }
}
