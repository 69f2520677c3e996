import { describe, expect, it } from 'vitest';
import { HashIndexMap } from '../../pipeline/line-ops/hash-index-map.js';
import { hashString } from '../../pipeline/line-ops/normalise.js';
import { windowHash, WindowSequence } from '../../pipeline/line-ops/window-hash.js';

describe('HashIndexMap', () => {
  it('stores, overwrites and finds 53-bit keys', () => {
    const map = new HashIndexMap();
    map.reset(10);
    const key = hashString('x = 1;');
    expect(map.get(key)).toBe(-1);
    map.set(key, 7);
    map.set(key, 8);
    expect(map.get(key)).toBe(8);
    expect(map.getOrSet(key, 9)).toBe(8);
    expect(map.getOrSet(hashString('y = 2;'), 3)).toBe(-1);
    expect(map.get(hashString('y = 2;'))).toBe(3);
  });

  it('is empty after a reset, also after growing, and keeps many colliding neighbours apart', () => {
    const map = new HashIndexMap();
    map.reset(4);
    map.set(1, 1);
    map.reset(4);
    expect(map.get(1)).toBe(-1);
    map.reset(50_000);
    const keys = Array.from({ length: 50_000 }, (_, i) => hashString(`line ${i}`));
    keys.forEach((key, i) => expect(map.getOrSet(key, i)).toBe(-1));
    keys.forEach((key, i) => expect(map.get(key)).toBe(i));
    map.reset(50_000);
    expect(keys.every((key) => map.get(key) === -1)).toBe(true);
  });
});

describe('WindowSequence', () => {
  it('gives the same window hashes as windowHash over the plain line hashes, across growth', () => {
    const hashes = Array.from({ length: 700 }, (_, i) => hashString(`const value${i} = input[${i}];`));
    const sequence = new WindowSequence();
    for (const hash of hashes) sequence.push(hash);
    expect(sequence.length).toBe(700);
    const plain = Float64Array.from(hashes);
    for (const size of [1, 2, 5, 9]) {
      const out = new Float64Array(700);
      expect(sequence.windowHashesInto(size, out)).toBe(700 - size + 1);
      for (const start of [0, 1, 255, 256, 700 - size]) expect(out[start]).toBe(windowHash(plain, start, size));
    }
    sequence.clear();
    expect(sequence.length).toBe(0);
    expect(sequence.windowHashesInto(5, new Float64Array(1))).toBe(0);
  });

  it('spreads windows of similar lines over 53 bits without collisions', () => {
    const lines = Float64Array.from({ length: 100_005 }, (_, i) => hashString(`line ${i % 1000}`));
    const sequence = new WindowSequence();
    for (const hash of lines) sequence.push(hash);
    const out = new Float64Array(lines.length);
    const count = sequence.windowHashesInto(5, out);
    // Lines repeat every 1000, so there are exactly 1000 distinct windows.
    expect(new Set(out.subarray(0, count)).size).toBe(1000);
    expect(out.subarray(0, count).every((h) => Number.isSafeInteger(h) && h >= 0)).toBe(true);
    const distinct = new Set<number>();
    for (let i = 0; i < 200_000; i++) distinct.add(windowHash([hashString(`a${i}`), hashString(`b${i % 7}`)], 0, 2));
    expect(distinct.size).toBe(200_000);
  });
});
