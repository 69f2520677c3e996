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
    for (const start of [0, 1, 255, 256, 694]) expect(sequence.windowHash(start, 5)).toBe(windowHash(plain, start, 5));
    sequence.clear();
    expect(sequence.length).toBe(0);
  });
});
