/**
 * The default branch's first-parent history, oldest first, each commit with its diff against
 * its first parent, streamed from one `git log -p` process and parsed as it arrives.
 */
import { commitRecordFormat, HISTORY_READ_CONFIG, PATCH_OPTIONS, notesArguments, withPinnedConfig } from './history-format.js';
import { GitCommandError, missingObjectId, spawnGit } from './git-command.js';
import { streamGit, type StreamGitOptions } from './streamed-git.js';
import type { Logger } from './logger.js';
import { SILENT_LOGGER } from './logger.js';
import { readCommitSkippingMissingObjects } from './missing-object-fallback.js';
import { PatchParser } from './patch-parser.js';
import type { ParsedCommit } from './types.js';

export interface HistoryStreamOptions {
  repoPath: string;
  /** Branch to walk: a ref name or a sha. */
  branchRef: string;
  /** Cursor: only commits after this one (exclusive) are produced. */
  sinceExclusive?: string;
  /** Notes ref whose notes fill `aiNote` (e.g. `refs/notes/ai`); pass it only if it exists. */
  notesRef?: string;
  logger?: Logger;
  /** Aborting kills git and makes the generator throw an AbortError. */
  signal?: AbortSignal;
  /** Read git's output on a thread of its own, this many bytes ahead (see {@link StreamGitOptions.readAheadBytes}). */
  readAheadBytes?: number;
}

/** How one `git log` run ended. */
type LogRunOutcome = { kind: 'complete' } | { kind: 'missing-object'; objectId: string; commitInProgress: string | null };

/** Keep at most this much of git's stderr: enough for its messages, bounded if it is chatty. */
const STDERR_LIMIT = 64 * 1024;

/**
 * Streams the first-parent history of `branchRef` (after `sinceExclusive`, if given), oldest
 * first. Merges are diffed against their first parent; renames are detected (`-M`); `.mailmap`
 * is applied to names and e-mails.
 *
 * When the repository lacks a blob (partial clone), git stops partway. The commit it was working
 * on is then produced file by file (files whose content is missing come with
 * `missingObject: true` and no hunks, and a warning is logged for each), and the log resumes
 * after it: one missing blob never stops the repository's collection.
 *
 * @example
 * for await (const commit of streamFirstParentHistory({ repoPath, branchRef: 'refs/heads/main' })) {
 *   console.log(commit.sha, commit.files.length);
 * }
 */
export async function* streamFirstParentHistory(options: HistoryStreamOptions): AsyncGenerator<ParsedCommit> {
  const logger = options.logger ?? SILENT_LOGGER;
  let since = options.sinceExclusive;
  for (;;) {
    const outcome = yield* runLog(options, since);
    if (outcome.kind === 'complete') return;
    // git prints a commit's record before its diff, so a commit whose record was read is the one
    // it died on. If it died before printing any record (rename detection reads blobs before
    // the record is printed), it was on the first commit of the range. Re-reading a commit whose
    // diff was in fact complete is harmless: it comes out the same.
    const failed = outcome.commitInProgress ?? (await oldestCommitOfRange(options.repoPath, since, options.branchRef, options.signal));
    if (failed === null) {
      throw new Error(`git log failed on missing object ${outcome.objectId} in ${options.repoPath}, but the range has no commit`);
    }
    logger.warn('Object missing from the repository; reading this commit file by file', {
      repo: options.repoPath,
      commit: failed,
      object: outcome.objectId,
    });
    yield await readCommitSkippingMissingObjects({
      repoPath: options.repoPath,
      sha: failed,
      notesRef: options.notesRef,
      logger,
      signal: options.signal,
    });
    since = failed;
  }
}

function logArguments(options: HistoryStreamOptions, since: string | undefined): string[] {
  return withPinnedConfig([
    'log',
    '--first-parent',
    '--reverse',
    '--diff-merges=first-parent',
    '--root',
    ...PATCH_OPTIONS,
    '--encoding=UTF-8',
    `--format=${commitRecordFormat(options.notesRef)}`,
    ...notesArguments(options.notesRef),
    since === undefined ? options.branchRef : `${since}..${options.branchRef}`,
    '--',
  ], HISTORY_READ_CONFIG);
}

/** One `git log` run: yields every commit it completes and says how it ended. */
async function* runLog(options: HistoryStreamOptions, since: string | undefined): AsyncGenerator<ParsedCommit, LogRunOutcome> {
  const args = logArguments(options, since);
  const git = streamGit(options.repoPath, args, { signal: options.signal, stderrLimit: STDERR_LIMIT, readAheadBytes: options.readAheadBytes });
  const parser = new PatchParser();
  let finished = false;
  try {
    // Reading with for-await pulls one chunk at a time: while the consumer holds a yielded
    // commit, git blocks (on a full pipe, or once it is `readAheadBytes` ahead) instead of the
    // output piling up in memory.
    for await (const chunk of git.stdout) {
      for (const commit of parser.push(chunk)) yield commit;
    }
    const code = await git.exit;
    if (code === 0) {
      for (const commit of parser.end()) yield commit;
      finished = true;
      return { kind: 'complete' };
    }
    const stderr = git.stderr();
    const objectId = missingObjectId(stderr);
    if (objectId === null) throw new GitCommandError(args, code, stderr, options.repoPath);
    finished = true;
    return { kind: 'missing-object', objectId, commitInProgress: parser.currentCommitSha };
  } finally {
    // The consumer stopped early, or parsing failed: do not leave git running.
    if (!finished) git.stop();
  }
}

/** The oldest first-parent commit of `since..branchRef` (or of the whole branch), or null if there is none. */
async function oldestCommitOfRange(
  repoPath: string,
  since: string | undefined,
  branchRef: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const range = since === undefined ? branchRef : `${since}..${branchRef}`;
  const child = spawnGit(repoPath, ['rev-list', '--first-parent', '--reverse', range, '--'], { signal });
  child.stdin.end();
  child.stderr.resume();
  let text = '';
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      text += chunk.toString('latin1');
      const newline = text.indexOf('\n');
      if (newline !== -1) return text.slice(0, newline);
    }
    return text.length > 0 ? text : null;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
