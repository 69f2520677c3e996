/**
 * A set of 53-bit integer hashes in one `Float64Array`, with open addressing and linear probing.
 *
 * Why not a `Set<number>`: a history of a large repository holds tens of millions of window
 * hashes; V8's `Set` spends several times the 8 bytes per slot used here and fragments the
 * heap. Each slot stores `key + 1`, so 0 marks an empty slot (keys are at most 2^53 − 1, and
 * 2^53 is still exact in a double).
 */

/**
 * Grow once the table is this full. Linear probing needs about 3–4 probes for a miss at 0.6
 * and degrades quickly above 0.7; doubling keeps the load between 0.3 and 0.6, i.e. 13–27
 * bytes per entry.
 */
const MAX_LOAD = 0.6;
const MIN_CAPACITY = 16;
const MAX_KEY = Number.MAX_SAFE_INTEGER;
const TWO_POW_32 = 4294967296;

/** Picks a slot from a key's bits (Fibonacci hashing, so sequential keys spread too). */
function slotOf(key: number, shift: number): number {
  const low = key >>> 0;
  const high = (key / TWO_POW_32) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> shift;
}

function log2Capacity(requested: number): number {
  let bits = 4;
  while (1 << bits < requested && bits < 30) bits++;
  return bits;
}

/** Growable open-addressing set of non-negative integers below 2^53. */
export class WindowHashSet {
  private slots: Float64Array;
  private bits: number;
  private count = 0;

  /**
   * @param initialCapacity slots to allocate up front (rounded up to a power of two); the set grows as needed.
   * @example
   * const set = new WindowHashSet();
   * set.add(42); set.has(42); // true
   */
  constructor(initialCapacity = 1 << 16) {
    this.bits = log2Capacity(Math.max(MIN_CAPACITY, initialCapacity));
    this.slots = new Float64Array(1 << this.bits);
  }

  /** Number of distinct keys held. */
  get size(): number {
    return this.count;
  }

  /** Number of slots currently allocated. */
  get capacity(): number {
    return this.slots.length;
  }

  /** Whether `key` was added before. */
  has(key: number): boolean {
    const stored = key + 1;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = slotOf(key, 32 - this.bits);
    for (;;) {
      const value = slots[slot]!;
      if (value === stored) return true;
      if (value === 0) return false;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Adds `key`; returns true when it was not present yet.
   * @throws RangeError when `key` is not an integer in `[0, 2^53)`.
   */
  add(key: number): boolean {
    if (!(key >= 0 && key <= MAX_KEY) || !Number.isInteger(key)) {
      throw new RangeError(`WindowHashSet keys must be integers in [0, 2^53), got ${key}`);
    }
    if (this.count + 1 > this.slots.length * MAX_LOAD) this.grow();
    if (!this.insert(key + 1, key)) return false;
    this.count++;
    return true;
  }

  /** Copies every key into a new array, in slot order. */
  keys(): Float64Array {
    const keys = new Float64Array(this.count);
    const slots = this.slots;
    let next = 0;
    for (let slot = 0; slot < slots.length; slot++) {
      const value = slots[slot]!;
      if (value !== 0) keys[next++] = value - 1;
    }
    return keys;
  }

  private insert(stored: number, key: number): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = slotOf(key, 32 - this.bits);
    for (;;) {
      const value = slots[slot]!;
      if (value === stored) return false;
      if (value === 0) {
        slots[slot] = stored;
        return true;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    if (this.bits >= 30) throw new RangeError('WindowHashSet cannot grow beyond 2^30 slots');
    this.bits++;
    this.slots = new Float64Array(1 << this.bits);
    for (let slot = 0; slot < old.length; slot++) {
      const value = old[slot]!;
      if (value !== 0) this.insert(value, value - 1);
    }
  }
}
