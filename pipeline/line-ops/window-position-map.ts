/**
 * A reusable map from 53-bit window hashes to the position where each was first seen, used
 * once per commit by copy/paste detection.
 *
 * Why not a `Map<number, number>`: a commit importing a large tree has hundreds of thousands
 * of windows, and hashes above 2^31 are heap-allocated doubles as `Map` keys. This table keeps
 * keys and values in typed arrays and is emptied in O(1) between commits by bumping a
 * generation number instead of clearing its slots.
 */

const TWO_POW_32 = 4294967296;

export class WindowPositionMap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  private generations = new Uint32Array(1024);
  private generation = 1;
  private bits = 10;

  /**
   * Empties the map and makes room for `expectedEntries` entries at most half full, so
   * {@link set} never has to grow.
   */
  reset(expectedEntries: number): void {
    let bits = this.bits;
    while (1 << bits < expectedEntries * 2 && bits < 30) bits++;
    if (bits !== this.bits) {
      this.bits = bits;
      this.keys = new Float64Array(1 << bits);
      this.values = new Int32Array(1 << bits);
      this.generations = new Uint32Array(1 << bits);
      this.generation = 1;
      return;
    }
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.generations.fill(0);
      this.generation = 1;
    }
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const mask = (1 << this.bits) - 1;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      if (this.generations[slot] !== this.generation) return -1;
      if (this.keys[slot] === key) return this.values[slot]!;
    }
  }

  /** Stores `value` for `key` (overwriting). At most the `expectedEntries` given to {@link reset}. */
  set(key: number, value: number): void {
    const mask = (1 << this.bits) - 1;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      if (this.generations[slot] !== this.generation) {
        this.generations[slot] = this.generation;
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
      if (this.keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private slotOf(key: number): number {
    const low = key >>> 0;
    const high = (key / TWO_POW_32) >>> 0;
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> (32 - this.bits);
  }
}
