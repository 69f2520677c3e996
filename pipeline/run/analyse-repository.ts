import { sql, type Kysely } from 'kysely';
import { hasNotesRef } from '../../collectors/git/notes.js';
import { findNewestOnFirstParent, planRange } from '../../collectors/git/range-plan.js';
import { listTags, releasedCommits } from '../../collectors/git/release-tags.js';
import type { RepoConfig, ResolvedConfig } from '../config/types.js';
import type { EngineSettings } from '../effective-code/settings.js';
import { IdentityCollector } from '../identities/git-identities.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../warehouse/database.js';
import {
  applyRevertPairs,
  durabilityDueBetween,
  readRefreshMark,
  refreshChurn,
  refreshDurability,
  refreshFingerprint,
  refreshReleases,
  saveRefreshMark,
  type RefreshMark,
} from './refresh-effective-code.js';
import type { ProgressReporter } from './progress.js';
import {
  readCursor,
  saveCursor,
  WarehouseWriter,
  type CommitCursor,
  type ReleasedCommits,
  type WarehouseWriterOptions,
} from './warehouse-writer.js';
import { countFirstParentCommits } from './commit-count.js';
import { engineSettingsFrom } from './engine-settings.js';
import type { ReplayMode } from './prepared-history.js';

/** A repository ready to analyse: where it is on disk and how the config describes it. */
export interface RepositoryTarget {
  name: string;
  path: string;
  url: string | null;
  branch: { ref: string; name: string; sha: string };
  config: RepoConfig;
}

/** What one repository's analysis did. */
export interface RepositoryResult {
  repoId: string;
  name: string;
  mode: 'full' | 'incremental' | 'up-to-date' | 'rewritten';
  commitsAnalysed: number;
  commitsReplayed: number;
  rows: number;
  head: string;
  warnings: number;
}

/** Everything a repository analysis needs from the run around it. */
export interface AnalysisContext {
  db: Kysely<Database>;
  config: ResolvedConfig;
  runId: string;
  logger: Logger;
  now: Date;
  fullRefresh: boolean;
  progress: ProgressReporter;
  /** Called for each identity seen in newly analysed commits. */
  identities: IdentityCollector;
  /** Where replay and source analysis run (default: a worker thread). */
  replayMode?: ReplayMode;
}

/**
 * Analyse one repository into the warehouse: plan the range from the stored cursor (full,
 * incremental, up to date, or rewritten by a force push), replay the first-parent history through
 * the effective-code engine, write new commits in resumable batches, then refresh revert pairs,
 * churn, releases and durability.
 */
export async function analyseRepository(target: RepositoryTarget, context: AnalysisContext): Promise<RepositoryResult> {
  const { db, logger } = context;
  const repoId = `git:${target.name}`;
  const sourceId = repoId;
  const settings = engineSettingsFrom(context.config);
  // Read while the warehouse is consulted: a git call that does not depend on it.
  const tagsRead = listTags(target.path, target.config.releaseTagPattern);
  tagsRead.catch(() => undefined);
  await upsertRepo(db, repoId, target, context.now);

  if (context.fullRefresh) await deleteCommitsFrom(db, repoId, 0);
  let cursor = context.fullRefresh ? null : await readCursor(db, sourceId);
  let plan = await planRange(target.path, target.branch.sha, cursor?.sha ?? null);
  let mode: RepositoryResult['mode'] = plan.kind;
  if (plan.kind === 'rewritten') {
    const ancestor = plan.commonAncestor ?? (await newestStoredOnBranch(db, repoId, target));
    const ancestorIndex = ancestor ? await storedIndexOf(db, repoId, ancestor) : null;
    logger.warn('history was rewritten (force push); re-analysing from the common ancestor', {
      repo: target.name,
      previousHead: cursor?.sha,
      commonAncestor: ancestor,
    });
    const start = await rewindStart(db, repoId, ancestorIndex === null ? 0 : ancestorIndex + 1);
    cursor = start > 0 ? await storedCursorAt(db, repoId, start - 1) : null;
    await deleteCommitsFrom(db, repoId, start);
    await saveCursor(db, sourceId, cursor);
    plan = cursor ? { kind: 'incremental', sinceExclusive: cursor.sha } : { kind: 'full' };
  }

  const tags = await tagsRead;
  let released: ReleasedCommits | null = null;
  const releasedByTags = async (): Promise<ReleasedCommits> => (released ??= await releasedCommits(target.path, target.branch.sha, tags));

  let analysed = 0;
  let replayed = 0;
  let warnings = 0;
  let rows = 0;
  if (plan.kind !== 'up-to-date') {
    const refreshInputs = { released: await releasedByTags(), settings, now: context.now };
    const outcome = await replayHistory(target, context, settings, repoId, sourceId, cursor, refreshInputs, () => warnings++);
    analysed = outcome.analysed;
    replayed = outcome.replayed;
    rows = outcome.rows;
  }

  const mark: RefreshMark = { fingerprint: refreshFingerprint({ head: target.branch.sha, tags, settings }), at: context.now };
  const previous = mode === 'up-to-date' ? await readRefreshMark(db, sourceId) : null;
  if (previous && previous.fingerprint === mark.fingerprint && previous.at <= mark.at) {
    // Nothing was written and no input changed since the last complete refresh, whose results
    // are in place: only the clock moved, and it matters only to rows whose window or release
    // date it passed.
    if (await durabilityDueBetween(db, repoId, previous.at, mark.at)) await refreshDurability(db, repoId, settings, context.now);
  } else {
    await refreshReleases(db, repoId, await releasedByTags());
    if (settings.gates.reverts) await applyRevertPairs(db, repoId);
    await refreshChurn(db, repoId);
    await refreshDurability(db, repoId, settings, context.now);
  }
  await saveRefreshMark(db, sourceId, mark);
  await sql`
    UPDATE core.repos SET head_sha = ${target.branch.sha}, updated_at = ${context.now},
      first_commit_at = (SELECT min(merged_at) FROM core.commits WHERE repo_id = ${repoId}),
      last_commit_at = (SELECT max(merged_at) FROM core.commits WHERE repo_id = ${repoId})
     WHERE repo_id = ${repoId}`.execute(db);
  logger.info('repository analysed', { repo: target.name, mode, commits: analysed, replayed, rows });
  return { repoId, name: target.name, mode, commitsAnalysed: analysed, commitsReplayed: replayed, rows, head: target.branch.sha, warnings };
}

/**
 * Stream the history from the root and feed every commit to the engine. Commits up to the cursor
 * only rebuild the engine's state (file contents, survival tags, copy/paste history); later
 * commits are written. Replaying from the root keeps incremental results identical to a full run.
 */
async function replayHistory(
  target: RepositoryTarget,
  context: AnalysisContext,
  settings: EngineSettings,
  repoId: string,
  sourceId: string,
  cursor: CommitCursor | null,
  refreshInputs: WarehouseWriterOptions['refreshInputs'],
  onWarning: () => void,
): Promise<{ analysed: number; replayed: number; rows: number }> {
  const { logger } = context;
  const path = target.path;
  const head = target.branch.sha;
  const [notes, total] = await Promise.all([hasNotesRef(path, 'refs/notes/ai'), countFirstParentCommits(path, head)]);
  const warn = (message: string, details?: Record<string, unknown>) => {
    onWarning();
    logger.warn(message, { repo: target.name, ...details });
  };
  // Loaded here, not at start-up: a run with nothing new to analyse never needs the engine's
  // modules (classifiers, tokenizers, language data), and loading them is a good part of its time.
  const { streamPreparedHistory } = await import('./prepared-history.js');
  // The replay (git, the worker thread and its preparer) is started before the scoring engine is
  // built, so both are set up at the same time: the replay is the longer half of the work.
  const history = streamPreparedHistory({
    repoPath: path,
    head,
    repo: target.config,
    settings,
    notesRef: notes ? 'refs/notes/ai' : undefined,
    mode: context.replayMode ?? 'worker',
    warn,
    logger,
  })[Symbol.asyncIterator]();
  const firstStep = history.next();
  // Awaited below; until then a failure must not count as unhandled.
  firstStep.catch(() => undefined);
  const writer = new WarehouseWriter(context.db, { repoId, sourceId, runId: context.runId, refreshInputs });
  const emitAfter = cursor?.fpIndex ?? -1;
  const task = context.progress.start(target.name, total, emitAfter + 1);
  let fpIndex = 0;
  let analysed = 0;
  try {
    const { createScoringEngine } = await import('./create-engine.js');
    const engine = await createScoringEngine({ repoId, repoPath: path, head, config: context.config, settings });
    for (let step = await firstStep; !step.done; step = await history.next()) {
      const prepared = step.value;
      const emit = fpIndex > emitAfter;
      const outcome = engine.processCommit(prepared, fpIndex);
      if (emit) {
        const { commit } = prepared;
        context.identities.observe(commit.author.name, commit.author.email, commit.author.time);
        context.identities.observe(commit.committer.name, commit.committer.email, commit.committer.time);
        await writer.add(outcome, fpIndex);
        analysed++;
      }
      fpIndex++;
      task.tick(fpIndex);
    }
    await writer.finish();
  } finally {
    task.stop();
    // Stops the worker and git when the loop ended early (a failure); a no-op after the last commit.
    await history.return(undefined);
  }
  return { analysed, replayed: Math.max(0, emitAfter + 1), rows: writer.rowsWritten };
}

async function upsertRepo(db: Kysely<Database>, repoId: string, target: RepositoryTarget, now: Date): Promise<void> {
  await db
    .insertInto('core.repos')
    .values({
      repo_id: repoId,
      name: target.name,
      url: target.url,
      local_path: target.path,
      default_branch: target.branch.name,
      stack: target.config.stack ?? null,
      team: target.config.team ?? null,
      release_tag_pattern: target.config.releaseTagPattern,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('repo_id').doUpdateSet((eb) => ({
        url: eb.ref('excluded.url'),
        local_path: eb.ref('excluded.local_path'),
        default_branch: eb.ref('excluded.default_branch'),
        stack: eb.ref('excluded.stack'),
        team: eb.ref('excluded.team'),
        release_tag_pattern: eb.ref('excluded.release_tag_pattern'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  await db
    .insertInto('core.sources')
    .values({ source_id: repoId, kind: 'git', name: target.name, config: JSON.stringify({ url: target.url, branch: target.branch.name }), created_at: now })
    .onConflict((oc) => oc.column('source_id').doUpdateSet((eb) => ({ config: eb.ref('excluded.config') })))
    .execute();
}

/** Delete a repository's commits from first-parent position `fromIndex` on, with everything derived from them. */
async function deleteCommitsFrom(db: Kysely<Database>, repoId: string, fromIndex: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const doomed = sql`(SELECT commit_id FROM core.commits WHERE repo_id = ${repoId} AND fp_index >= ${fromIndex})`;
    await sql`DELETE FROM core.churn_events WHERE repo_id = ${repoId} AND (churn_commit_id IN ${doomed} OR origin_commit_id IN ${doomed})`.execute(trx);
    await sql`DELETE FROM core.effective_code WHERE repo_id = ${repoId} AND commit_id IN ${doomed}`.execute(trx);
    await sql`DELETE FROM core.commit_files WHERE repo_id = ${repoId} AND commit_id IN ${doomed}`.execute(trx);
    await sql`DELETE FROM core.commits WHERE repo_id = ${repoId} AND fp_index >= ${fromIndex}`.execute(trx);
    if (fromIndex === 0) await sql`DELETE FROM core.sync_state WHERE source_id = ${repoId}`.execute(trx);
  });
}

/**
 * Where re-analysis must start so nothing derived from deleted commits survives: a deleted revert
 * had zeroed the commit it reverted, so that commit is analysed again too.
 */
async function rewindStart(db: Kysely<Database>, repoId: string, fromIndex: number): Promise<number> {
  const row = await sql<{ start: number | null }>`
    SELECT min(target.fp_index) AS start
      FROM core.commits AS target
      JOIN core.commits AS revert ON revert.repo_id = target.repo_id AND revert.sha = target.reverted_by_sha
     WHERE target.repo_id = ${repoId} AND revert.fp_index >= ${fromIndex}`.execute(db);
  const start = row.rows[0]?.start;
  return start === null || start === undefined ? fromIndex : Math.min(fromIndex, Number(start));
}

async function storedCursorAt(db: Kysely<Database>, repoId: string, fpIndex: number): Promise<CommitCursor | null> {
  const row = await db
    .selectFrom('core.commits')
    .select(['sha', 'merged_at'])
    .where('repo_id', '=', repoId)
    .where('fp_index', '=', fpIndex)
    .executeTakeFirst();
  return row ? { sha: row.sha, fpIndex, time: Math.floor(new Date(row.merged_at as Date | string).getTime() / 1000) } : null;
}

async function storedIndexOf(db: Kysely<Database>, repoId: string, sha: string): Promise<number | null> {
  const row = await db
    .selectFrom('core.commits')
    .select('fp_index')
    .where('repo_id', '=', repoId)
    .where('sha', '=', sha)
    .executeTakeFirst();
  return row ? Number(row.fp_index) : null;
}

/** When the old head is gone from the object store, find the newest stored commit still on the branch. */
async function newestStoredOnBranch(db: Kysely<Database>, repoId: string, target: RepositoryTarget): Promise<string | null> {
  const rows = await db
    .selectFrom('core.commits')
    .select('sha')
    .where('repo_id', '=', repoId)
    .orderBy('fp_index', 'desc')
    .execute();
  return findNewestOnFirstParent(target.path, target.branch.sha, rows.map((r) => r.sha));
}
