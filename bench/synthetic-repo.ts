/**
 * Generates (or reuses) a deterministic synthetic git repository of realistic size and shape
 * for the benchmark: renames, moved and copy-pasted blocks, generated and vendored files,
 * reverts, bots, AI co-authored and agent-authored commits, merges, release tags and
 * non-UTF-8 content, with a patch volume scaled to a target.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simpleGit } from 'simple-git';
import { countPatchBytes } from './git-patch-read.js';
import { FastImportWriter } from './synthetic/fast-import-writer.js';
import { HistoryGenerator, PULL_REQUEST_REF, type HistoryShape } from './synthetic/history-generator.js';

/** Bump when the generator's output changes, so cached repositories are rebuilt. */
export const GENERATOR_VERSION = 1;

/** Marker file (inside `.git`) recording which options built a repository. */
export const MARKER_FILE = 'codeledger-bench.json';

/** The branch the history is written to. */
export const SYNTHETIC_BRANCH = 'main';

/** Progress of a generation. */
export interface SyntheticRepoProgress {
  phase: 'generate' | 'checkout' | 'measure';
  commitsWritten: number;
  commitsTotal: number;
  /** The generator's own estimate of the patch volume so far. */
  estimatedPatchMb: number;
}

/** Options of {@link generateSyntheticRepo}. */
export interface SyntheticRepoOptions {
  /** Directory of the repository (created; reused when it holds the same generation). */
  dir: string;
  /** Total commits, including pull-request branch commits and merges. */
  commits: number;
  /** Patch volume of `git log --first-parent -p -M --unified=0` to aim for, in MB (10^6 bytes). */
  targetPatchMb: number;
  seed: number;
  /** Shape overrides (mostly for tests). */
  shape?: Partial<HistoryShape>;
  onProgress?: (progress: SyntheticRepoProgress) => void;
}

/** A generated repository. */
export interface SyntheticRepo {
  path: string;
  branch: string;
  commits: number;
  firstParentCommits: number;
  mergeCommits: number;
  tags: string[];
  /** Measured bytes of the first-parent patch history. */
  patchBytes: number;
  /** Files at the tip. */
  files: number;
  /** Seconds the generation took (of the original generation when reused). */
  generationSeconds: number;
  /** Whether an existing generation was reused. */
  reused: boolean;
}

interface Marker {
  generator: 'codeledger-bench';
  optionsHash: string;
  complete: boolean;
  result?: Omit<SyntheticRepo, 'reused' | 'path'>;
}

function optionsHash(options: SyntheticRepoOptions): string {
  const identity = { version: GENERATOR_VERSION, commits: options.commits, targetPatchMb: options.targetPatchMb, seed: options.seed, shape: options.shape ?? {} };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

async function readMarker(dir: string): Promise<Marker | null> {
  try {
    const marker = JSON.parse(await readFile(join(dir, '.git', MARKER_FILE), 'utf8')) as Marker;
    return marker.generator === 'codeledger-bench' ? marker : null;
  } catch {
    return null;
  }
}

async function writeMarker(dir: string, marker: Marker): Promise<void> {
  await writeFile(join(dir, '.git', MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Makes `dir` an empty directory, refusing to delete anything this generator did not make. */
async function prepareDirectory(dir: string, marker: Marker | null): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(dir);
  } catch {
    // does not exist yet
  }
  if (entries.length > 0) {
    if (!marker) throw new Error(`${dir} is not empty and was not made by the benchmark generator; choose another directory`);
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
}

/**
 * Builds the repository with one `git fast-import` process, checks out its tip and measures
 * its patch volume. The same options always produce the same commit ids; a directory that
 * already holds a complete generation with the same options is reused as it is.
 *
 * @example
 * const repo = await generateSyntheticRepo({ dir: join(tmpdir(), 'codeledger-bench-repo'), commits: 12_000, targetPatchMb: 450, seed: 1 });
 * console.log(repo.commits, repo.patchBytes / 1e6);
 */
export async function generateSyntheticRepo(options: SyntheticRepoOptions): Promise<SyntheticRepo> {
  const hash = optionsHash(options);
  const marker = await readMarker(options.dir);
  if (marker?.complete && marker.optionsHash === hash && marker.result) {
    return { ...marker.result, path: options.dir, reused: true };
  }
  const started = performance.now();
  await prepareDirectory(options.dir, marker);
  const git = simpleGit(options.dir);
  await git.raw(['init', '--quiet', '-b', SYNTHETIC_BRANCH]);
  // No background gc while the benchmark reads the repository; no line-ending conversion.
  await git.raw(['config', 'gc.auto', '0']);
  await git.raw(['config', 'core.autocrlf', 'false']);
  await writeMarker(options.dir, { generator: 'codeledger-bench', optionsHash: hash, complete: false });

  const writer = FastImportWriter.start(options.dir);
  const generator = new HistoryGenerator(writer, {
    commits: options.commits,
    targetPatchBytes: options.targetPatchMb * 1e6,
    seed: options.seed,
    shape: options.shape,
    onProgress: (commitsWritten, commitsTotal, estimated) =>
      options.onProgress?.({ phase: 'generate', commitsWritten, commitsTotal, estimatedPatchMb: estimated / 1e6 }),
  });
  let summary;
  try {
    summary = await generator.run();
    await writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }

  options.onProgress?.({ phase: 'checkout', commitsWritten: summary.commits, commitsTotal: options.commits, estimatedPatchMb: summary.estimatedPatchBytes / 1e6 });
  await git.raw(['update-ref', '-d', PULL_REQUEST_REF]);
  await git.raw(['reset', '--hard', '--quiet', SYNTHETIC_BRANCH]);

  options.onProgress?.({ phase: 'measure', commitsWritten: summary.commits, commitsTotal: options.commits, estimatedPatchMb: summary.estimatedPatchBytes / 1e6 });
  const patchBytes = await countPatchBytes(options.dir, SYNTHETIC_BRANCH);
  const result: Omit<SyntheticRepo, 'reused' | 'path'> = {
    branch: SYNTHETIC_BRANCH,
    commits: summary.commits,
    firstParentCommits: summary.firstParentCommits,
    mergeCommits: summary.mergeCommits,
    tags: summary.tags,
    patchBytes,
    files: summary.files,
    generationSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  await writeMarker(options.dir, { generator: 'codeledger-bench', optionsHash: hash, complete: true, result });
  return { ...result, path: options.dir, reused: false };
}
