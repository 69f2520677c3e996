/**
 * The Complexity factor of effective code (metrics.md §1): lines inside complex functions are
 * worth more, with log damping so that a function ten times as complex is not worth ten times
 * as much, and a cap so no single function dominates. The damping and cap are ours.
 */

/** Parameters of {@link complexityWeight}; the config module supplies them. */
export interface ComplexityWeightParams {
  /** Weight gained per doubling of CCN. */
  readonly factor: number;
  /** Upper bound of the weight. */
  readonly cap: number;
}

/** metrics.md §1 defaults: `min(2.5, 1 + 0.25 × log2(CCN))`. */
export const DEFAULT_COMPLEXITY_WEIGHT: ComplexityWeightParams = Object.freeze({ factor: 0.25, cap: 2.5 });

/**
 * `min(cap, 1 + factor × log2(ccn))`; 1.0 for lines outside any function (`null`). A CCN below 1
 * (which a finder never produces) is treated as 1.
 *
 * @example
 * complexityWeight(1, DEFAULT_COMPLEXITY_WEIGHT); // 1
 * complexityWeight(16, DEFAULT_COMPLEXITY_WEIGHT); // 2
 * complexityWeight(1000, DEFAULT_COMPLEXITY_WEIGHT); // 2.5 (capped)
 * complexityWeight(null, DEFAULT_COMPLEXITY_WEIGHT); // 1
 */
export function complexityWeight(ccn: number | null, params: ComplexityWeightParams = DEFAULT_COMPLEXITY_WEIGHT): number {
  if (ccn === null || !(ccn > 1)) return 1;
  return Math.min(params.cap, 1 + params.factor * Math.log2(ccn));
}
