import { describe, expect, it } from 'vitest';
import { complexityWeight, DEFAULT_COMPLEXITY_WEIGHT } from '../../pipeline/source-analysis/analyse-source.js';

describe('complexityWeight', () => {
  it('follows min(cap, 1 + factor × log2(ccn)) with the metrics.md defaults', () => {
    expect(complexityWeight(1, DEFAULT_COMPLEXITY_WEIGHT)).toBe(1);
    expect(complexityWeight(2, DEFAULT_COMPLEXITY_WEIGHT)).toBe(1.25);
    expect(complexityWeight(16, DEFAULT_COMPLEXITY_WEIGHT)).toBe(2);
    expect(complexityWeight(10, DEFAULT_COMPLEXITY_WEIGHT)).toBeCloseTo(1 + 0.25 * Math.log2(10), 12);
    expect(complexityWeight(64, DEFAULT_COMPLEXITY_WEIGHT)).toBe(2.5);
    expect(complexityWeight(1_000_000, DEFAULT_COMPLEXITY_WEIGHT)).toBe(2.5);
  });

  it('is 1.0 outside functions and for degenerate values', () => {
    expect(complexityWeight(null, DEFAULT_COMPLEXITY_WEIGHT)).toBe(1);
    expect(complexityWeight(0, DEFAULT_COMPLEXITY_WEIGHT)).toBe(1);
    expect(complexityWeight(Number.NaN, DEFAULT_COMPLEXITY_WEIGHT)).toBe(1);
  });

  it('uses the parameters it is given', () => {
    expect(complexityWeight(4, { factor: 0.5, cap: 10 })).toBe(2);
    expect(complexityWeight(4, { factor: 0.5, cap: 1.5 })).toBe(1.5);
    expect(complexityWeight(8, { factor: 0, cap: 2.5 })).toBe(1);
    expect(complexityWeight(16)).toBe(2);
  });
});
