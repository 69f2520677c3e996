/**
 * One timed `codeledger run` in a child process, the way a user runs it: wall time from
 * start to exit, the run figures the CLI writes with `--stats-json`, and peak memory / CPU
 * sampled from /proc as a cross-check (and a fallback for the memory figure).
 */

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { BenchBackend } from './bench-args.js';
import { ProcessSampler, type ProcessUsage } from './process-sampler.js';

/** The `--stats-json` contract of the CLI. */
export const RunStatsSchema = z.object({
  commits: z.number(),
  rows: z.number(),
  peakRssMb: z.number(),
  seconds: z.number(),
});

/** Figures the CLI reports about its own run. */
export type RunStats = z.infer<typeof RunStatsSchema>;

/** How to start one run. */
export interface CodeledgerRunSpec {
  /** JavaScript entry of the CLI (bin/codeledger.js, or a stand-in for tests). */
  cliPath: string;
  repo: string;
  backend: BenchBackend;
  /** Warehouse URL (postgres backend). */
  databaseUrl: string | null;
  /** Embedded warehouse directory (pglite backend). */
  dataDir: string | null;
  /** Working directory of the child (an empty temporary directory). */
  workDir: string;
  statsFile: string;
  /** Environment to start from; DATABASE_URL is set or removed per backend. */
  env: NodeJS.ProcessEnv;
}

/** Measurements of one run. */
export interface CodeledgerRunResult {
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  stats: RunStats;
}

/** The run failed; the message carries the end of its output. */
export class CodeledgerRunError extends Error {
  override readonly name = 'CodeledgerRunError';
}

/** Arguments after `node`: the CLI path and the `run` command line. */
export function codeledgerArgs(spec: Pick<CodeledgerRunSpec, 'cliPath' | 'repo' | 'backend' | 'dataDir' | 'statsFile'>): string[] {
  const args = [spec.cliPath, 'run', spec.repo, '--no-dashboard', '--stats-json', spec.statsFile];
  if (spec.backend === 'pglite' && spec.dataDir) args.push('--data-dir', spec.dataDir);
  return args;
}

/** The child's environment: the warehouse URL for postgres, none for pglite (so it embeds). */
export function codeledgerEnv(spec: Pick<CodeledgerRunSpec, 'backend' | 'databaseUrl' | 'env'>): NodeJS.ProcessEnv {
  const env = { ...spec.env };
  delete env.DATABASE_URL;
  if (spec.backend === 'postgres' && spec.databaseUrl) env.DATABASE_URL = spec.databaseUrl;
  return env;
}

/**
 * Runs the CLI once and measures it.
 *
 * @example
 * const result = await runCodeledger({ cliPath, repo, backend: 'pglite', databaseUrl: null, dataDir, workDir, statsFile, env: process.env });
 */
export async function runCodeledger(spec: CodeledgerRunSpec): Promise<CodeledgerRunResult> {
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  const started = performance.now();
  const child = spawn(process.execPath, codeledgerArgs(spec), { cwd: spec.workDir, env: codeledgerEnv(spec), stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = new ProcessSampler(child.pid ?? -1);
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let usage: ProcessUsage;
  let code: number | null;
  try {
    code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
  } finally {
    usage = sampler.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new CodeledgerRunError(`codeledger run exited with ${code}: ${output.trim().split('\n').slice(-5).join(' | ')}`);
  let stats: RunStats;
  try {
    stats = RunStatsSchema.parse(JSON.parse(await readFile(spec.statsFile, 'utf8')));
  } catch (error) {
    throw new CodeledgerRunError(`codeledger run wrote no usable --stats-json file (${error instanceof Error ? error.message : String(error)})`);
  }
  return { seconds, cpuSeconds: usage.cpuSeconds, peakRssMb: stats.peakRssMb > 0 ? stats.peakRssMb : usage.peakRssMb, stats };
}
