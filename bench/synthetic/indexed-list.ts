import type { SeededRandom } from './seeded-random.js';

/**
 * A list with O(1) add, remove and random pick: the generator draws random files from pools
 * of thousands on every commit.
 *
 * @example
 * const pool = new IndexedList<string>();
 * pool.add('a.ts');
 * pool.pick(random); // 'a.ts'
 */
export class IndexedList<T> {
  private readonly items: T[] = [];
  private readonly positions = new Map<T, number>();

  get size(): number {
    return this.items.length;
  }

  has(item: T): boolean {
    return this.positions.has(item);
  }

  add(item: T): void {
    if (this.positions.has(item)) return;
    this.positions.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: T): void {
    const position = this.positions.get(item);
    if (position === undefined) return;
    const last = this.items.pop()!;
    this.positions.delete(item);
    if (position < this.items.length) {
      this.items[position] = last;
      this.positions.set(last, position);
    }
  }

  /** A random element, or undefined when empty. */
  pick(random: SeededRandom): T | undefined {
    if (this.items.length === 0) return undefined;
    return this.items[Math.floor(random.float() * this.items.length)];
  }

  /** The elements in insertion order, as far as removals allow (read-only view). */
  values(): readonly T[] {
    return this.items;
  }
}
