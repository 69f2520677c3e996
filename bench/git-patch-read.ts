/**
 * The benchmark's floor: git reading the first-parent patch history of a branch, the least
 * work any analysis of that history must do. Timed with output to /dev/null, and counted once
 * through a pipe for the patch volume.
 */

import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { simpleGit } from 'simple-git';
import { ProcessSampler, type ProcessUsage } from './process-sampler.js';

/** Arguments of git's patch read of `branch`, after `-c` settings for each of `config`. */
export function patchReadArgs(branch: string, config: readonly string[] = []): string[] {
  return [...config.flatMap((setting) => ['-c', setting]), 'log', '--first-parent', '-p', '-M', '--unified=0', branch];
}

/** The floor command as a user would type it. */
export function patchReadCommand(branch: string, config: readonly string[] = []): string {
  return `git ${patchReadArgs(branch, config).join(' ')}`;
}

function waitForExit(child: ReturnType<typeof spawn>, what: string, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with ${code}: ${stderr().trim()}`))));
  });
}

/** Wall and CPU time of one floor run. */
export interface PatchReadTiming {
  seconds: number;
  /** CPU seconds sampled from /proc (null elsewhere). */
  cpuSeconds: number | null;
}

/**
 * Time git takes to write the patch history of `branch` to /dev/null (with `config` settings).
 *
 * @example
 * const { seconds } = await timePatchRead('/repos/shop', 'main');
 */
export async function timePatchRead(repo: string, branch: string, config: readonly string[] = []): Promise<PatchReadTiming> {
  const devNull = openSync('/dev/null', 'w');
  let stderr = '';
  try {
    const started = performance.now();
    const child = spawn('git', patchReadArgs(branch, config), { cwd: repo, stdio: ['ignore', devNull, 'pipe'] });
    const sampler = new ProcessSampler(child.pid!);
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
    let usage: ProcessUsage = { peakRssMb: null, cpuSeconds: null };
    try {
      await waitForExit(child, 'git log', () => stderr);
    } finally {
      usage = sampler.stop();
    }
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: usage.cpuSeconds };
  } finally {
    closeSync(devNull);
  }
}

/** Bytes of the patch history of `branch` (what `| wc -c` would print). */
export async function countPatchBytes(repo: string, branch: string): Promise<number> {
  let bytes = 0;
  let stderr = '';
  const child = spawn('git', patchReadArgs(branch), { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (bytes += chunk.length));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  await waitForExit(child, 'git log', () => stderr);
  return bytes;
}

/** The branch HEAD points at (the default branch of a fresh clone), or `HEAD` when detached. */
export async function defaultBranch(repo: string): Promise<string> {
  try {
    return (await simpleGit(repo).raw(['symbolic-ref', '--short', 'HEAD'])).trim();
  } catch {
    return 'HEAD';
  }
}

/** Number of commits on the first-parent history of `branch`. */
export async function countFirstParentCommits(repo: string, branch: string): Promise<number> {
  return Number((await simpleGit(repo).raw(['rev-list', '--first-parent', '--count', branch])).trim());
}
