/**
 * Produces one commit's diff when some of its blobs are missing (a partial clone that cannot
 * fetch them). `git log -p` dies on the first unreadable blob; here every file whose blobs can
 * be read is diffed as usual, and every other file is reported with `missingObject: true` and no
 * hunks.
 *
 * How: list the commit's changes without content (raw diff), ask git which objects are missing,
 * then diff two trees from which the unreadable paths were removed (built in a temporary index,
 * so paths travel to git as bytes on stdin, never as command-line strings).
 */
import { commitRecordFormat, PATCH_OPTIONS, notesArguments, withPinnedConfig } from './history-format.js';
import { GitCommandError, missingObjectId, runGit } from './git-command.js';
import type { Logger } from './logger.js';
import { SILENT_LOGGER } from './logger.js';
import { PatchParser } from './patch-parser.js';
import { decodePathBytes } from './quoted-path.js';
import { parseRawDiff, type RawDiffEntry } from './raw-diff.js';
import { withTemporaryIndex } from './temporary-index.js';
import type { FileDiff, ParsedCommit } from './types.js';

export interface MissingObjectFallbackOptions {
  repoPath: string;
  sha: string;
  notesRef?: string;
  logger?: Logger;
  signal?: AbortSignal;
}

const GITLINK_MODE = '160000';
/** git 2.44+ honours this: fail at once instead of asking the promisor remote for each blob. */
const NO_LAZY_FETCH = { GIT_NO_LAZY_FETCH: '1' } as const;

/**
 * Reads commit `sha` (its diff against its first parent), skipping files whose blobs are missing.
 *
 * @example
 * const commit = await readCommitSkippingMissingObjects({ repoPath, sha, logger });
 * commit.files.filter((file) => file.missingObject) // the files that could not be diffed
 */
export async function readCommitSkippingMissingObjects(options: MissingObjectFallbackOptions): Promise<ParsedCommit> {
  const { repoPath, sha, signal } = options;
  const logger = options.logger ?? SILENT_LOGGER;
  const header = await runGit(
    repoPath,
    withPinnedConfig(['log', '-1', '--no-patch', '--encoding=UTF-8', `--format=${commitRecordFormat(options.notesRef)}`, ...notesArguments(options.notesRef), sha, '--']),
    { signal },
  );
  const headerOnly = parseAll([header.stdout]);
  const parent = headerOnly.parents[0] ?? null;

  const entries = await listChanges(repoPath, parent, sha, signal);
  if (entries === null) {
    logger.warn('Could not list the files of a commit (objects missing); it is reported without files', { commit: sha });
    return headerOnly;
  }
  const missing = await findMissingObjects(repoPath, parent, sha, signal);

  // Each round removes at least one more unreadable path, so this ends; the bound is a safety net
  // against an object that exists but cannot be read for another reason.
  for (let round = 0; round <= entries.length; round += 1) {
    const skipped = entries.filter((entry) => touchesMissing(entry, missing));
    try {
      const patch = await diffReadableFiles(repoPath, parent, sha, skipped, signal);
      const commit = parseAll([header.stdout, patch]);
      for (const entry of skipped) {
        const file = skippedFileDiff(entry);
        if (file.missingObject) {
          logger.warn('Skipped the diff of a file whose content is missing from the repository', {
            commit: sha,
            path: file.newPath ?? file.oldPath,
            objects: [entry.oldBlob, entry.newBlob].filter((id) => id !== null && missing.has(id)),
          });
        }
        commit.files.push(file);
      }
      return commit;
    } catch (error) {
      const objectId = error instanceof GitCommandError ? missingObjectId(error.stderr) : null;
      if (objectId === null || missing.has(objectId)) throw error;
      missing.add(objectId);
    }
  }
  throw new Error(`Could not diff commit ${sha}: objects keep failing to read`);
}

function parseAll(parts: Buffer[]): ParsedCommit {
  const parser = new PatchParser();
  const commits: ParsedCommit[] = [];
  for (const part of parts) commits.push(...parser.push(part));
  commits.push(...parser.end());
  const [commit] = commits;
  if (commits.length !== 1 || commit === undefined) throw new Error(`Expected one commit record, got ${commits.length}`);
  return commit;
}

/** Raw diff of the commit against its first parent: with rename detection if git can, without if that needs a missing blob. */
async function listChanges(repoPath: string, parent: string | null, sha: string, signal?: AbortSignal): Promise<RawDiffEntry[] | null> {
  const range = parent === null ? ['--root', sha] : [parent, sha];
  for (const renames of ['-M', '--no-renames']) {
    try {
      const { stdout } = await runGit(
        repoPath,
        ['diff-tree', '-r', '-z', '--raw', '--full-index', '--no-commit-id', '--no-ext-diff', renames, ...range, '--'],
        { signal, env: NO_LAZY_FETCH },
      );
      return parseRawDiff(stdout);
    } catch (error) {
      if (!(error instanceof GitCommandError) || missingObjectId(error.stderr) === null) throw error;
    }
  }
  return null;
}

/**
 * The objects of the commit's and its parent's trees that the repository does not have.
 * `rev-list --missing=print` reports them without trying to fetch them from a promisor remote
 * (which `cat-file` would do, and die on, in a partial clone).
 */
async function findMissingObjects(repoPath: string, parent: string | null, sha: string, signal?: AbortSignal): Promise<Set<string>> {
  const commits = parent === null ? [sha] : [parent, sha];
  const { stdout } = await runGit(repoPath, ['rev-list', '--objects', '--missing=print', '--no-walk', ...commits, '--'], { signal });
  const missing = new Set<string>();
  for (const line of stdout.toString('latin1').split('\n')) {
    if (line.startsWith('?')) missing.add(line.slice(1).trim());
  }
  return missing;
}

function touchesMissing(entry: RawDiffEntry, missing: ReadonlySet<string>): boolean {
  return (entry.oldBlob !== null && missing.has(entry.oldBlob)) || (entry.newBlob !== null && missing.has(entry.newBlob));
}

/** The patch of every change except `skipped`, in the history stream's diff format. */
async function diffReadableFiles(
  repoPath: string,
  parent: string | null,
  sha: string,
  skipped: RawDiffEntry[],
  signal?: AbortSignal,
): Promise<Buffer> {
  const diff = (from: string, to: string): Promise<Buffer> =>
    runGit(repoPath, withPinnedConfig(['diff-tree', ...PATCH_OPTIONS, '-r', from, to, '--']), { signal, env: NO_LAZY_FETCH }).then(
      (result) => result.stdout,
    );
  if (skipped.length === 0 && parent !== null) return diff(parent, sha);
  const oldPaths = skipped.flatMap((entry) => (entry.oldPath === null ? [] : [entry.oldPath]));
  const newPaths = skipped.flatMap((entry) => (entry.newPath === null ? [] : [entry.newPath]));
  const oldTree = await treeWithout(repoPath, parent, oldPaths, sha.length, signal);
  const newTree = await treeWithout(repoPath, sha, newPaths, sha.length, signal);
  return diff(oldTree, newTree);
}

/** Writes a tree equal to `commit`'s (empty when null) minus `paths`; returns its id. */
function treeWithout(
  repoPath: string,
  commit: string | null,
  paths: Buffer[],
  idLength: number,
  signal?: AbortSignal,
): Promise<string> {
  return withTemporaryIndex(repoPath, commit, async (env) => {
    if (paths.length > 0) {
      // Mode 0 in --index-info removes the entry (the id must still have the repository's hash length).
      const removal = Buffer.from(`0 ${'0'.repeat(idLength)}\t`);
      const removals = Buffer.concat(paths.flatMap((path) => [removal, path, Buffer.from([0])]));
      await runGit(repoPath, ['update-index', '-z', '--index-info'], { input: removals, env, signal });
    }
    const { stdout } = await runGit(repoPath, ['write-tree', '--missing-ok'], { env, signal });
    return stdout.toString('latin1').trim();
  });
}

/**
 * The report for a change left out of the diff. When both sides are the same blob (a pure rename
 * or a mode change) nothing was lost: there are no lines to show, so it is not marked missing.
 */
function skippedFileDiff(entry: RawDiffEntry): FileDiff {
  const oldPath = entry.oldPath === null ? null : decodePathBytes(entry.oldPath);
  const newPath = entry.newPath === null ? null : decodePathBytes(entry.newPath);
  const contentUnchanged = entry.oldBlob !== null && entry.oldBlob === entry.newBlob;
  return {
    oldPath: oldPath?.path ?? null,
    newPath: newPath?.path ?? null,
    status: entry.status,
    similarity: entry.similarity,
    oldBlob: entry.oldBlob,
    newBlob: entry.newBlob,
    oldMode: entry.oldMode,
    newMode: entry.newMode,
    binary: false,
    submodule: entry.oldMode === GITLINK_MODE || entry.newMode === GITLINK_MODE,
    missingObject: !contentUnchanged,
    pathNotUtf8: Boolean(oldPath?.notUtf8 || newPath?.notUtf8),
    hunks: [],
  };
}
