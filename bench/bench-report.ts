/**
 * The benchmark's figures and how they are printed: `key: value` lines (backend figures
 * prefixed, e.g. `postgres.ratio: 1.74 (target ≤ 2.0)`) or one JSON object.
 */

import type { BenchBackend } from './bench-args.js';

/** Upper bounds the figures are held against. */
export interface BackendTargets {
  /** codeledger seconds ÷ floor seconds. */
  ratio: number;
  /** Peak resident memory of the codeledger process, MB; null when not a target for the backend. */
  peakRssMb: number | null;
  /** Seconds of a second run that finds no new commits. */
  secondRunSeconds: number;
}

/** The issue's targets: PostgreSQL within 2× the floor and 1 GB, PGlite within 3×, re-runs within 2 s. */
export const DEFAULT_BENCH_TARGETS: Readonly<Record<BenchBackend, BackendTargets>> = Object.freeze({
  postgres: Object.freeze({ ratio: 2.0, peakRssMb: 1024, secondRunSeconds: 2 }),
  pglite: Object.freeze({ ratio: 3.0, peakRssMb: null, secondRunSeconds: 2 }),
});

/** Figures of one backend. Null where a run failed before producing the figure. */
export interface BackendFigures {
  backend: BenchBackend;
  codeledgerSeconds: number | null;
  /** CPU seconds of the codeledger process and the processes it waited for (git); excludes the database server. */
  codeledgerCpuSeconds: number | null;
  peakRssMb: number | null;
  rows: number | null;
  /** Commits the run analysed, as the CLI reports them. */
  commits: number | null;
  secondRunSeconds: number | null;
  targets: BackendTargets;
  /** Database URL or data directory kept with --keep. */
  kept: string | null;
  error: string | null;
}

/** Everything one benchmark run measured. */
export interface BenchReport {
  repo: string;
  branch: string;
  /** The floor command, as typed. */
  floorCommand: string;
  /** First-parent commits of the branch. */
  commits: number;
  patchBytes: number;
  /** Wall seconds of the faster of two floor runs. */
  floorSeconds: number;
  floorCpuSeconds: number | null;
  /**
   * For reference, not a target: wall seconds of the same read with the git settings
   * codeledger's history walk uses (a larger delta-base cache, see history-format.ts).
   */
  floorWithReadConfigSeconds?: number | null;
  /** Present when the synthetic repository was used. */
  synthetic: { generationSeconds: number; reused: boolean; totalCommits: number } | null;
  backends: BackendFigures[];
}

/** codeledger seconds ÷ floor seconds, or null when either is missing. */
export function ratioOf(report: Pick<BenchReport, 'floorSeconds'>, figures: Pick<BackendFigures, 'codeledgerSeconds'>): number | null {
  if (figures.codeledgerSeconds === null || report.floorSeconds <= 0) return null;
  return figures.codeledgerSeconds / report.floorSeconds;
}

/** codeledger seconds ÷ the floor with codeledger's git settings, or null when either is missing. */
export function ratioWithReadConfig(report: Pick<BenchReport, 'floorWithReadConfigSeconds'>, figures: Pick<BackendFigures, 'codeledgerSeconds'>): number | null {
  const floor = report.floorWithReadConfigSeconds ?? null;
  if (figures.codeledgerSeconds === null || floor === null || floor <= 0) return null;
  return figures.codeledgerSeconds / floor;
}

/** Whether every figure with a target is present and within it. */
export function withinTargets(report: Pick<BenchReport, 'floorSeconds'>, figures: BackendFigures): boolean {
  const ratio = ratioOf(report, figures);
  if (figures.error || ratio === null || ratio > figures.targets.ratio) return false;
  if (figures.secondRunSeconds === null || figures.secondRunSeconds > figures.targets.secondRunSeconds) return false;
  if (figures.targets.peakRssMb !== null && (figures.peakRssMb === null || figures.peakRssMb > figures.targets.peakRssMb)) return false;
  return true;
}

const MB = 1e6;
const WHITESPACE_RUNS = /\s+/g;

function fixed(value: number | null, digits: number): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

function round(value: number | null, digits: number): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}

/** The report as `key: value` lines. */
export function formatReportText(report: BenchReport): string {
  const lines = [
    `repo: ${report.repo}`,
    `branch: ${report.branch}`,
    `floor: ${report.floorCommand} > /dev/null (faster of 2 warm runs)`,
    `commits: ${report.commits}`,
    `patch_mb: ${fixed(report.patchBytes / MB, 1)}`,
    `floor_s: ${fixed(report.floorSeconds, 2)}`,
    `floor_cpu_s: ${fixed(report.floorCpuSeconds, 2)}`,
  ];
  if (report.floorWithReadConfigSeconds != null) lines.push(`floor_with_read_config_s: ${fixed(report.floorWithReadConfigSeconds, 2)}`);
  if (report.synthetic) {
    lines.push(`synthetic.total_commits: ${report.synthetic.totalCommits}`);
    lines.push(`synthetic.generation_s: ${fixed(report.synthetic.generationSeconds, 1)}${report.synthetic.reused ? ' (reused)' : ''}`);
  }
  for (const figures of report.backends) {
    const key = (name: string): string => `${figures.backend}.${name}`;
    const { targets } = figures;
    lines.push(`${key('codeledger_s')}: ${fixed(figures.codeledgerSeconds, 2)}`);
    lines.push(`${key('codeledger_cpu_s')}: ${fixed(figures.codeledgerCpuSeconds, 2)}`);
    lines.push(`${key('ratio')}: ${fixed(ratioOf(report, figures), 2)} (target ≤ ${targets.ratio.toFixed(1)})`);
    if (report.floorWithReadConfigSeconds != null) lines.push(`${key('ratio_with_read_config')}: ${fixed(ratioWithReadConfig(report, figures), 2)}`);
    lines.push(`${key('peak_rss_mb')}: ${fixed(figures.peakRssMb, 0)}${targets.peakRssMb === null ? '' : ` (target ≤ ${targets.peakRssMb})`}`);
    lines.push(`${key('rows')}: ${figures.rows ?? 'n/a'}`);
    lines.push(`${key('commits')}: ${figures.commits ?? 'n/a'}`);
    lines.push(`${key('second_run_s')}: ${fixed(figures.secondRunSeconds, 2)} (target ≤ ${targets.secondRunSeconds})`);
    lines.push(`${key('within_targets')}: ${withinTargets(report, figures) ? 'yes' : 'no'}`);
    if (figures.kept) lines.push(`${key('kept')}: ${figures.kept}`);
    if (figures.error) lines.push(`${key('error')}: ${figures.error.replace(WHITESPACE_RUNS, ' ').trim()}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report as one JSON object (same names as the text keys, backends nested). */
export function formatReportJson(report: BenchReport): string {
  const json: Record<string, unknown> = {
    repo: report.repo,
    branch: report.branch,
    floor_command: report.floorCommand,
    commits: report.commits,
    patch_mb: round(report.patchBytes / MB, 1),
    floor_s: round(report.floorSeconds, 3),
    floor_cpu_s: round(report.floorCpuSeconds, 3),
  };
  if (report.floorWithReadConfigSeconds != null) json.floor_with_read_config_s = round(report.floorWithReadConfigSeconds, 3);
  if (report.synthetic) {
    json.synthetic = { total_commits: report.synthetic.totalCommits, generation_s: report.synthetic.generationSeconds, reused: report.synthetic.reused };
  }
  for (const figures of report.backends) {
    json[figures.backend] = {
      codeledger_s: round(figures.codeledgerSeconds, 3),
      codeledger_cpu_s: round(figures.codeledgerCpuSeconds, 3),
      ratio: round(ratioOf(report, figures), 3),
      ...(report.floorWithReadConfigSeconds != null ? { ratio_with_read_config: round(ratioWithReadConfig(report, figures), 3) } : {}),
      peak_rss_mb: round(figures.peakRssMb, 1),
      rows: figures.rows,
      commits: figures.commits,
      second_run_s: round(figures.secondRunSeconds, 3),
      targets: { ratio: figures.targets.ratio, peak_rss_mb: figures.targets.peakRssMb, second_run_s: figures.targets.secondRunSeconds },
      within_targets: withinTargets(report, figures),
      ...(figures.kept ? { kept: figures.kept } : {}),
      ...(figures.error ? { error: figures.error } : {}),
    };
  }
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The report in the chosen format. */
export function formatBenchReport(report: BenchReport, json: boolean): string {
  return json ? formatReportJson(report) : formatReportText(report);
}
