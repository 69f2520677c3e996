import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, parseConfig, WEIGHT_PRESETS } from '../../pipeline/config/index.js';

const baseDir = tmpdir();
const weightsOf = (yamlText: string) => parseConfig(yamlText, { baseDir }).weights;

describe('weight presets', () => {
  it('default is what no preset gives', () => {
    expect(weightsOf('weights: { preset: default }')).toEqual(weightsOf(''));
    expect(weightsOf('')).toEqual(DEFAULT_WEIGHTS);
  });

  it('gitclear is the default with deletions worth 2.5 and nothing else changed', () => {
    const gitclear = weightsOf('weights: { preset: gitclear }');
    expect(gitclear.preset).toBe('gitclear');
    expect(gitclear.ops).toEqual({ ...DEFAULT_WEIGHTS.ops, delete: 2.5 });
    expect({ ...gitclear, preset: 'default', ops: DEFAULT_WEIGHTS.ops }).toEqual(DEFAULT_WEIGHTS);
  });

  it('raw counts plain added and deleted lines: every weight 1, no damping, no durability, no gates', () => {
    expect(weightsOf('weights: { preset: raw }')).toEqual({
      preset: 'raw',
      ops: { add: 1, update: 1, delete: 1, findReplace: 1, move: 1, copyPaste: 1, noop: 1 },
      complexity: { enabled: false, factor: 0.25, cap: 2.5 },
      workTypes: {
        feat: 1,
        fix: 1,
        perf: 1,
        refactor: 1,
        untyped: 1,
        chore: 1,
        test: 1,
        build: 1,
        ci: 1,
        config: 1,
        style: 1,
        docs: 1,
        'chore(deps)': 1,
        revert: 1,
      },
      testFileWeight: 1,
      bulk: { threshold: 300, factor: 1 },
      durability: { windowDays: 21, required: false },
      phases: { merged: 1, released: 1 },
      gates: {
        whitespace: false,
        comments: false,
        trivial: false,
        generated: false,
        vendored: false,
        docs: false,
        data: false,
        duplicates: false,
        blameIgnoreRevs: false,
        bots: false,
        reverts: false,
      },
    });
  });

  it('applies explicit values on top of the chosen preset, key by key', () => {
    const weights = weightsOf(
      [
        'weights:',
        '  preset: raw',
        '  ops: { move: 0.1 }',
        '  workTypes: { docs: 0 }',
        '  gates: { bots: true }',
        '  complexity: { enabled: true }',
        '  phases: { merged: 0.25 }',
      ].join('\n'),
    );
    expect(weights.preset).toBe('raw');
    expect(weights.ops).toEqual({ ...WEIGHT_PRESETS.raw.ops, move: 0.1 });
    expect(weights.workTypes).toEqual({ ...WEIGHT_PRESETS.raw.workTypes, docs: 0 });
    expect(weights.gates).toEqual({ ...WEIGHT_PRESETS.raw.gates, bots: true });
    expect(weights.complexity).toEqual({ enabled: true, factor: 0.25, cap: 2.5 });
    expect(weights.phases).toEqual({ merged: 0.25, released: 1 });
    expect(weights.testFileWeight).toBe(1);
  });

  it('lets an override undo the preset difference', () => {
    const weights = weightsOf('weights: { preset: gitclear, ops: { delete: 1 } }');
    expect(weights.ops).toEqual(DEFAULT_WEIGHTS.ops);
  });

  it('overrides the default preset when no preset is named', () => {
    const weights = weightsOf("weights: { workTypes: { chore: 0.3, 'chore(deps)': 0.1 }, testFileWeight: 0.25, bulk: { threshold: 500 } }");
    expect(weights.workTypes.chore).toBe(0.3);
    expect(weights.workTypes['chore(deps)']).toBe(0.1);
    expect(weights.workTypes.feat).toBe(1);
    expect(weights.testFileWeight).toBe(0.25);
    expect(weights.bulk).toEqual({ threshold: 500, factor: 0.5 });
  });

  it('never lets a parsed configuration change the shared presets', () => {
    weightsOf('weights: { preset: raw, ops: { add: 3 } }');
    expect(WEIGHT_PRESETS.raw.ops.add).toBe(1);
    expect(Object.isFrozen(WEIGHT_PRESETS.gitclear.ops)).toBe(true);
  });
});
