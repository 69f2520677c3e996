import { describe, expect, it } from 'vitest';
import { buildWaterfall } from '../../dashboard/waterfall.js';
import { COUNTED_LINE_BUCKETS, emptyEffectiveCodeMeasures, LINE_BUCKETS } from '../../dashboard/view-rows.js';
import { syntheticMeasures } from './fixtures.js';

const rows = [syntheticMeasures(1200, 400, 9, false), syntheticMeasures(800, 350, 5, false), syntheticMeasures(300, 90, 2, true)];

function sum(pick: (row: (typeof rows)[number]) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

describe('buildWaterfall', () => {
  const { steps, marks, bucketGap } = buildWaterfall(rows);

  it('starts with raw changed lines and ends with ec_released', () => {
    expect(steps[0]).toMatchObject({ step: 'raw', kind: 'total', value: 1200 + 400 + 800 + 350 + 300 + 90 });
    const last = steps.at(-1)!;
    expect(last.step).toBe('ec_released');
    expect(last.to).toBeCloseTo(sum((r) => r.ec_released), 9);
    expect(last.value).toBeCloseTo(sum((r) => r.ec_released), 9);
  });

  it('lists the steps in the order of the definition', () => {
    expect(steps.map((s) => `${s.kind}:${s.step}`)).toEqual([
      'total:raw',
      'minus:noop',
      'minus:comment',
      'minus:trivial',
      'minus:generated',
      'minus:vendored',
      'minus:docs',
      'minus:data',
      'minus:duplicate',
      'minus:ignored_rev',
      'minus:bot',
      'minus:revert',
      'minus:moved',
      'minus:copy_paste',
      'minus:update_pair',
      'total:counted',
      'times:op_weighted',
      'times:worktype_weighted',
      'times:bulk_weighted',
      'times:ec_base',
      'minus:churned_ec',
      'times:ec_released',
    ]);
  });

  it('carries the running total from each step to the next', () => {
    for (let i = 1; i < steps.length; i += 1) {
      const step = steps[i]!;
      if (step.kind === 'total') expect(step.from).toBe(0);
      else expect(step.from).toBeCloseTo(steps[i - 1]!.to, 9);
      if (step.kind === 'minus') expect(step.to).toBeCloseTo(step.from - step.value, 9);
      if (step.kind === 'times') expect(step.factor).toBeCloseTo(step.to / step.from, 12);
    }
  });

  it('removes exactly the gated buckets, generated and lock files together', () => {
    const generated = steps.find((s) => s.step === 'generated')!;
    expect(generated.value).toBe(sum((r) => r.generated_lines + r.lockfile_lines));
    expect(steps.find((s) => s.step === 'moved')!.value).toBe(sum((r) => r.moved_lines));
    const counted = steps.find((s) => s.step === 'counted')!;
    expect(counted.value).toBe(sum((r) => COUNTED_LINE_BUCKETS.reduce((t, b) => t + r[b], 0)));
    expect(bucketGap).toBe(0);
  });

  it('takes each weighting from its column and subtracts churn before the phase', () => {
    expect(steps.find((s) => s.step === 'op_weighted')!.to).toBeCloseTo(sum((r) => r.op_weighted), 9);
    expect(steps.find((s) => s.step === 'ec_base')!.to).toBeCloseTo(sum((r) => r.ec_base), 9);
    const churn = steps.find((s) => s.step === 'churned_ec')!;
    expect(churn.to).toBeCloseTo(sum((r) => r.ec_base - r.churned_ec), 9);
  });

  it('reports merged, durable and pending totals beside the running total', () => {
    expect(marks.map((m) => m.key)).toEqual(['ec_merged', 'ec_durable', 'ec_pending']);
    expect(marks[0]!.value).toBeCloseTo(sum((r) => r.ec_merged), 9);
    expect(marks[1]!.value).toBeCloseTo(sum((r) => r.ec_durable), 9);
    expect(marks[2]!.value).toBeCloseTo(sum((r) => r.ec_pending), 9);
  });

  it('reports buckets that do not add up to the raw lines', () => {
    const broken = syntheticMeasures(100, 20, 1, false);
    broken.moved_lines += 7;
    expect(buildWaterfall([broken]).bucketGap).toBe(-7);
  });

  it('gives all-zero steps with no factors for no rows', () => {
    const empty = buildWaterfall([]);
    expect(empty.steps).toHaveLength(22);
    expect(empty.steps.every((s) => s.to === 0 && s.value === 0)).toBe(true);
    expect(empty.steps.filter((s) => s.kind === 'times').every((s) => s.factor === null)).toBe(true);
    expect(empty.bucketGap).toBe(0);
  });

  it('partitions every bucket of the view into exactly one step or the counted total', () => {
    const only = emptyEffectiveCodeMeasures();
    for (const bucket of LINE_BUCKETS) {
      only[bucket] = 1;
      only.lines_added += 1;
    }
    const { steps: single } = buildWaterfall([only]);
    const removed = single.filter((s) => s.kind === 'minus' && s.step !== 'churned_ec').reduce((t, s) => t + s.value, 0);
    expect(removed + single.find((s) => s.step === 'counted')!.value).toBe(LINE_BUCKETS.length);
    expect(single.find((s) => s.step === 'counted')!.value).toBe(COUNTED_LINE_BUCKETS.length);
  });
});
