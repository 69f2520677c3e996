import type { Kysely } from 'kysely';
import type { Release } from '../../collectors/git/release-tags.js';
import type { Database } from '../warehouse/database.js';
import { bulkInsert } from '../warehouse/bulk-insert.js';
import type { CommitOutcome } from '../effective-code/engine.js';
import { gitIdentityId } from '../identities/git-identities.js';
import { durabilityColumnsSql, type DurabilitySettings } from './refresh-effective-code.js';

/** Where a repository's analysis stands: the last commit whose records are in the warehouse. */
export interface CommitCursor {
  sha: string;
  fpIndex: number;
  time: number;
}

/** The sync-state stream that holds the git collector's cursor. */
export const COMMITS_STREAM = 'commits';

/** Each released commit's first release (see `releasedCommits`), by sha. */
export type ReleasedCommits = ReadonlyMap<string, Release>;

/** Options of a {@link WarehouseWriter}. */
export interface WarehouseWriterOptions {
  repoId: string;
  sourceId: string;
  runId: string;
  batchCommits?: number;
  /**
   * What the refresh after the run computes from: each commit's release as known at the start
   * of the run, and the settings and clock of the durability refresh. Rows are then written
   * already released and with the durability and phase columns the refresh computes for a row
   * without churn, so the refresh rewrites only the rows that churn or a revert changed — not
   * every row a second time.
   */
  refreshInputs?: { released: ReleasedCommits; settings: DurabilitySettings; now: Date };
}

/**
 * Buffers the engine's records and writes them in batches. Each batch — commits, files,
 * effective code, churn events and the cursor that points past them — is one transaction, so a
 * run killed at any moment leaves the warehouse at a batch boundary and the next run resumes
 * there: no gaps, and upserts make any replay harmless (no duplicates).
 *
 * One batch is written while the engine prepares the next (on PostgreSQL the server does the
 * work in its own process, so both cores are busy).
 */
export class WarehouseWriter {
  private commits: object[] = [];
  private files: object[] = [];
  private effective: object[] = [];
  private churn: object[] = [];
  private cursor: CommitCursor | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly effectiveDerived: Readonly<Record<string, string>> | undefined;
  rowsWritten = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: WarehouseWriterOptions,
  ) {
    const inputs = options.refreshInputs;
    this.effectiveDerived = inputs
      ? durabilityColumnsSql({ mergedAt: 'u.merged_at', ecBase: 'u.ec_base', churnedEc: '0', releasedAt: 'u.released_at' }, inputs.settings, inputs.now)
      : undefined;
  }

  /** Queue one commit's records; starts a background write when the batch is full. */
  async add(outcome: CommitOutcome, fpIndex: number): Promise<void> {
    if (this.failure) throw this.failure;
    const { commit } = outcome;
    const released = this.options.refreshInputs?.released;
    const release = released?.get(commit.sha);
    const releasedAt = release ? new Date(release.time * 1000) : null;
    this.commits.push({
      ...commit,
      author_identity_id: gitIdentityId(commit.author_email),
      committer_identity_id: gitIdentityId(commit.committer_email),
      run_id: this.options.runId,
      ...(released ? { released_at: releasedAt, release_tag: release?.tag ?? null } : {}),
    });
    this.files.push(...outcome.files);
    // The outcome's rows are the writer's from here on: they get the release in place.
    if (released) for (const row of outcome.effective as Array<(typeof outcome.effective)[number] & { released_at?: Date | null }>) row.released_at = releasedAt;
    this.effective.push(...outcome.effective);
    for (const event of outcome.churn) {
      this.churn.push({
        repo_id: this.options.repoId,
        origin_commit_id: `${this.options.repoId}@${event.originCommitSha}`,
        origin_path: event.originPath,
        churn_commit_id: `${this.options.repoId}@${event.churnCommitSha}`,
        lines: event.lines,
        ec: event.ec,
        days_after_merge: event.days,
      });
    }
    this.cursor = { sha: commit.sha, fpIndex, time: Math.floor(commit.merged_at.getTime() / 1000) };
    if (this.commits.length >= (this.options.batchCommits ?? 250) || this.effective.length >= 20_000) {
      await this.inFlight;
      if (this.failure) throw this.failure;
      this.inFlight = this.writeBatch().catch((error: unknown) => {
        this.failure = error;
      });
    }
  }

  /** Write whatever is queued and wait for every write to finish. */
  async finish(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
    if (this.commits.length > 0) await this.writeBatch();
  }

  private async writeBatch(): Promise<void> {
    const commits = this.commits;
    const files = this.files;
    const effective = this.effective;
    const churn = this.churn;
    const cursor = this.cursor;
    this.commits = [];
    this.files = [];
    this.effective = [];
    this.churn = [];
    await this.db.transaction().execute(async (trx) => {
      this.rowsWritten += await bulkInsert(trx, 'core.commits', commits, { conflict: 'update', key: ['commit_id'] });
      this.rowsWritten += await bulkInsert(trx, 'core.commit_files', files, { conflict: 'update', key: ['commit_id', 'file_path'] });
      this.rowsWritten += await bulkInsert(trx, 'core.effective_code', effective, {
        conflict: 'update',
        key: ['commit_id', 'file_path'],
        derived: this.effectiveDerived,
      });
      if (churn.length > 0) {
        this.rowsWritten += await bulkInsert(trx, 'core.churn_events', churn, {
          conflict: 'update',
          key: ['origin_commit_id', 'origin_path', 'churn_commit_id'],
        });
      }
      if (cursor) await saveCursor(trx, this.options.sourceId, cursor);
    });
  }
}

/** Read the commit cursor of a source, or null when it was never analysed. */
export async function readCursor(db: Kysely<Database>, sourceId: string): Promise<CommitCursor | null> {
  const row = await db
    .selectFrom('core.sync_state')
    .select(['cursor', 'details'])
    .where('source_id', '=', sourceId)
    .where('stream', '=', COMMITS_STREAM)
    .executeTakeFirst();
  if (!row?.cursor) return null;
  const details = (row.details ?? {}) as { fpIndex?: number; time?: number };
  return { sha: row.cursor, fpIndex: details.fpIndex ?? -1, time: details.time ?? 0 };
}

/** Store (or clear, with null) the commit cursor of a source. */
export async function saveCursor(db: Kysely<Database>, sourceId: string, cursor: CommitCursor | null): Promise<void> {
  await db
    .insertInto('core.sync_state')
    .values({
      source_id: sourceId,
      stream: COMMITS_STREAM,
      cursor: cursor?.sha ?? null,
      cursor_time: cursor ? new Date(cursor.time * 1000) : null,
      details: JSON.stringify(cursor ? { fpIndex: cursor.fpIndex, time: cursor.time } : {}),
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['source_id', 'stream']).doUpdateSet((eb) => ({
        cursor: eb.ref('excluded.cursor'),
        cursor_time: eb.ref('excluded.cursor_time'),
        details: eb.ref('excluded.details'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
