import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BENCH_TARGETS,
  formatBenchReport,
  ratioOf,
  ratioWithReadConfig,
  withinTargets,
  type BackendFigures,
  type BenchReport,
} from '../../bench/bench-report.js';

function figures(overrides: Partial<BackendFigures> & Pick<BackendFigures, 'backend'>): BackendFigures {
  return {
    codeledgerSeconds: 61.2,
    codeledgerCpuSeconds: 55.5,
    peakRssMb: 512.4,
    rows: 123_456,
    commits: 9500,
    secondRunSeconds: 1.2,
    targets: DEFAULT_BENCH_TARGETS[overrides.backend],
    kept: null,
    error: null,
    ...overrides,
  };
}

const report: BenchReport = {
  repo: '/repos/shop',
  branch: 'main',
  floorCommand: 'git log --first-parent -p -M --unified=0 main',
  commits: 9500,
  patchBytes: 451_234_567,
  floorSeconds: 40,
  floorCpuSeconds: 38.5,
  synthetic: { generationSeconds: 212.3, reused: false, totalCommits: 12_000 },
  backends: [figures({ backend: 'postgres' }), figures({ backend: 'pglite', codeledgerSeconds: 130, peakRssMb: 1400 })],
};

function keyValues(text: string): Map<string, string> {
  return new Map(text.trimEnd().split('\n').map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}

describe('ratio and targets', () => {
  it('divides codeledger time by the floor', () => {
    expect(ratioOf(report, report.backends[0]!)).toBeCloseTo(1.53, 2);
    expect(ratioOf({ floorSeconds: 0 }, report.backends[0]!)).toBeNull();
    expect(ratioOf(report, figures({ backend: 'postgres', codeledgerSeconds: null }))).toBeNull();
  });

  it('holds each backend to its own targets', () => {
    expect(withinTargets(report, report.backends[0]!)).toBe(true);
    // PGlite has no memory target and may take up to three times the floor.
    expect(withinTargets(report, report.backends[1]!)).toBe(false);
    expect(withinTargets(report, figures({ backend: 'pglite', codeledgerSeconds: 119 }))).toBe(true);
    expect(withinTargets(report, figures({ backend: 'postgres', peakRssMb: 1100 }))).toBe(false);
    expect(withinTargets(report, figures({ backend: 'postgres', secondRunSeconds: 2.5 }))).toBe(false);
    expect(withinTargets(report, figures({ backend: 'postgres', error: 'boom' }))).toBe(false);
  });
});

describe('formatBenchReport as text', () => {
  const text = formatBenchReport(report, false);
  const values = keyValues(text);

  it('prints the repository figures and names the floor', () => {
    expect(values.get('commits')).toBe('9500');
    expect(values.get('patch_mb')).toBe('451.2');
    expect(values.get('floor_s')).toBe('40.00');
    expect(values.get('floor')).toContain('git log --first-parent -p -M --unified=0 main');
    expect(values.get('synthetic.generation_s')).toBe('212.3');
  });

  it('prefixes backend figures and shows targets next to them', () => {
    expect(values.get('postgres.codeledger_s')).toBe('61.20');
    expect(values.get('postgres.ratio')).toBe('1.53 (target ≤ 2.0)');
    expect(values.get('postgres.peak_rss_mb')).toBe('512 (target ≤ 1024)');
    expect(values.get('postgres.second_run_s')).toBe('1.20 (target ≤ 2)');
    expect(values.get('postgres.rows')).toBe('123456');
    expect(values.get('postgres.within_targets')).toBe('yes');
    expect(values.get('pglite.ratio')).toBe('3.25 (target ≤ 3.0)');
    expect(values.get('pglite.peak_rss_mb')).toBe('1400');
    expect(values.get('pglite.within_targets')).toBe('no');
  });

  it('shows n/a and the error for a failed backend', () => {
    const failed = formatBenchReport(
      { ...report, synthetic: null, backends: [figures({ backend: 'postgres', codeledgerSeconds: null, rows: null, secondRunSeconds: null, error: 'codeledger run exited with 1:\n  boom' })] },
      false,
    );
    const failedValues = keyValues(failed);
    expect(failedValues.get('postgres.codeledger_s')).toBe('n/a');
    expect(failedValues.get('postgres.ratio')).toBe('n/a (target ≤ 2.0)');
    expect(failedValues.get('postgres.error')).toBe('codeledger run exited with 1: boom');
    expect(failedValues.has('synthetic.generation_s')).toBe(false);
  });
});

describe('formatBenchReport as JSON', () => {
  it('prints one object with the same names, backends nested', () => {
    const json = JSON.parse(formatBenchReport(report, true)) as Record<string, unknown>;
    expect(json).toMatchObject({ commits: 9500, patch_mb: 451.2, floor_s: 40, floor_command: 'git log --first-parent -p -M --unified=0 main' });
    expect(json.postgres).toMatchObject({ codeledger_s: 61.2, ratio: 1.53, peak_rss_mb: 512.4, rows: 123_456, second_run_s: 1.2, within_targets: true, targets: { ratio: 2, peak_rss_mb: 1024, second_run_s: 2 } });
    expect(json.pglite).toMatchObject({ ratio: 3.25, within_targets: false, targets: { ratio: 3, peak_rss_mb: null } });
  });
});

describe('the floor with codeledger\'s git settings', () => {
  const tuned: BenchReport = { ...report, floorWithReadConfigSeconds: 30.6 };

  it('is shown for reference next to the floor, with the ratio to it, and never decides the targets', () => {
    const values = keyValues(formatBenchReport(tuned, false));
    expect(values.get('floor_with_read_config_s')).toBe('30.60');
    expect(values.get('postgres.ratio_with_read_config')).toBe('2.00');
    expect(values.get('postgres.ratio')).toBe('1.53 (target ≤ 2.0)');
    expect(ratioWithReadConfig(tuned, tuned.backends[1]!)).toBeCloseTo(130 / 30.6, 6);
    expect(withinTargets(tuned, tuned.backends[0]!)).toBe(true);
    const json = JSON.parse(formatBenchReport(tuned, true)) as Record<string, Record<string, unknown>>;
    expect(json.floor_with_read_config_s).toBe(30.6);
    expect(json.postgres).toMatchObject({ ratio: 1.53, ratio_with_read_config: 2 });
  });

  it('is left out when it was not measured', () => {
    expect(keyValues(formatBenchReport(report, false)).has('floor_with_read_config_s')).toBe(false);
    expect(ratioWithReadConfig(report, report.backends[0]!)).toBeNull();
  });
});
