/**
 * A reusable map from 53-bit hashes (line or window hashes) to non-negative integer indices,
 * emptied between uses in O(1).
 *
 * Why not a `Map<number, number>`: a commit importing a large tree has hundreds of thousands
 * of lines and windows, and hashes above 2^31 are heap-allocated doubles as `Map` keys. This
 * table keeps keys and values in typed arrays and is emptied by bumping a generation number
 * instead of clearing its slots, so one instance serves every commit of a history.
 */

const TWO_POW_32 = 4294967296;

/**
 * Open-addressing hash table (linear probing) of 53-bit integer keys to int32 values.
 *
 * @example
 * const map = new HashIndexMap();
 * map.reset(100);
 * map.set(hashString('x = 1;'), 7);
 * map.get(hashString('x = 1;')) // 7
 */
export class HashIndexMap {
  /**
   * 16 bytes per slot in one buffer, so a probe touches one cache line: the key as a float64
   * (`keys[2 * slot]`), then its generation and value as int32 (`meta[4 * slot + 2]`, `+ 3`).
   */
  private keys = new Float64Array(2 << 10);
  private meta = new Int32Array(this.keys.buffer);
  private generation = 1;
  private bits = 10;

  /**
   * Empties the map and makes room for `expectedEntries` entries at most half full, so
   * {@link set} never has to grow. Only the first power of two of slots that suffices is used:
   * a small commit after a large one probes a small, cache-resident part of the buffer.
   */
  reset(expectedEntries: number): void {
    let bits = 4;
    while (1 << bits < expectedEntries * 2 && bits < 30) bits++;
    this.bits = bits;
    if (2 << bits > this.keys.length) {
      this.keys = new Float64Array(2 << bits);
      this.meta = new Int32Array(this.keys.buffer);
      this.generation = 1;
      return;
    }
    this.generation++;
    if (this.generation === 0x7fffffff) {
      this.meta.fill(0);
      this.generation = 1;
    }
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const mask = (1 << this.bits) - 1;
    const { keys, meta, generation } = this;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      if (meta[4 * slot + 2] !== generation) return -1;
      if (keys[2 * slot] === key) return meta[4 * slot + 3]!;
    }
  }

  /** Stores `value` for `key` (overwriting). At most the `expectedEntries` given to {@link reset}. */
  set(key: number, value: number): void {
    const mask = (1 << this.bits) - 1;
    const { keys, meta, generation } = this;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      if (meta[4 * slot + 2] !== generation) {
        keys[2 * slot] = key;
        meta[4 * slot + 2] = generation;
        meta[4 * slot + 3] = value;
        return;
      }
      if (keys[2 * slot] === key) {
        meta[4 * slot + 3] = value;
        return;
      }
    }
  }

  /**
   * The value stored for `key` if there is one; otherwise stores `value` for it and returns -1.
   * One probe instead of a {@link get} followed by a {@link set}.
   */
  getOrSet(key: number, value: number): number {
    const mask = (1 << this.bits) - 1;
    const { keys, meta, generation } = this;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      if (meta[4 * slot + 2] !== generation) {
        keys[2 * slot] = key;
        meta[4 * slot + 2] = generation;
        meta[4 * slot + 3] = value;
        return -1;
      }
      if (keys[2 * slot] === key) return meta[4 * slot + 3]!;
    }
  }

  private slotOf(key: number): number {
    const low = key >>> 0;
    const high = (key / TWO_POW_32) >>> 0;
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> (32 - this.bits);
  }
}
