import { describe, expect, it } from 'vitest';
import { WindowHashSet } from '../../pipeline/line-ops/window-hash-set.js';

/** Deterministic 53-bit keys (a linear congruential generator on two halves). */
function* keys(count: number, seed: number): Generator<number> {
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const high = state & 0x1fffff;
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield high * 2 ** 32 + state;
  }
}

describe('WindowHashSet', () => {
  it('reports whether a key was new', () => {
    const set = new WindowHashSet();
    expect(set.add(42)).toBe(true);
    expect(set.add(42)).toBe(false);
    expect(set.has(42)).toBe(true);
    expect(set.has(43)).toBe(false);
    expect(set.size).toBe(1);
  });

  it('holds the extreme keys 0 and 2^53 − 1', () => {
    const set = new WindowHashSet();
    set.add(0);
    set.add(Number.MAX_SAFE_INTEGER);
    expect(set.has(0) && set.has(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(set.has(1)).toBe(false);
  });

  it('grows from a tiny table and keeps every key', () => {
    const set = new WindowHashSet(16);
    for (let key = 0; key < 100_000; key++) set.add(key * 7);
    expect(set.size).toBe(100_000);
    expect(set.capacity).toBeGreaterThanOrEqual(100_000 / 0.6);
    for (let key = 0; key < 100_000; key++) {
      if (!set.has(key * 7)) throw new Error(`lost ${key * 7}`);
      if (set.has(key * 7 + 1)) throw new Error(`phantom ${key * 7 + 1}`);
    }
  });

  it('has no false negatives over a million random 53-bit keys', () => {
    const set = new WindowHashSet(1024);
    for (const key of keys(1_000_000, 7)) set.add(key);
    let missing = 0;
    for (const key of keys(1_000_000, 7)) if (!set.has(key)) missing++;
    expect(missing).toBe(0);
    let present = 0;
    for (const key of keys(100_000, 99)) if (set.has(key)) present++;
    expect(present).toBe(0);
  });

  it('lists its keys', () => {
    const set = new WindowHashSet();
    for (const key of [5, 1, 9, 1]) set.add(key);
    expect([...set.keys()].sort((a, b) => a - b)).toEqual([1, 5, 9]);
  });

  it('rejects keys outside [0, 2^53)', () => {
    const set = new WindowHashSet();
    expect(() => set.add(-1)).toThrow(RangeError);
    expect(() => set.add(1.5)).toThrow(RangeError);
    expect(() => set.add(2 ** 53)).toThrow(RangeError);
    expect(() => set.add(Number.NaN)).toThrow(RangeError);
  });
});
