import { sql, type Kysely } from 'kysely';
import type { EngineSettings } from '../effective-code/settings.js';
import type { Database } from '../warehouse/database.js';
import { copyReleaseTimesToEffectiveCode, refreshDurability } from './refresh-effective-code.js';

/*
 * The *released* phase from host data (metrics.md §1): a published release or a successful
 * production deployment of commit F on the default branch's first-parent history releases F and
 * every older commit of that history. Release tags found in git already set `released_at`; the
 * earliest of all wins.
 */

/** A release or successful production deployment whose commit is on the first-parent history. */
export interface ReleaseEvent {
  /** fp_index of the released commit. */
  fpIndex: number;
  /** When it was published or deployed (ms since the epoch). */
  time: number;
  /** What released it, e.g. `v1.4.0` or `deployment:production/9001`. */
  label: string;
}

/** Commits with `lowExclusive < fp_index <= high` were first released at `time` by `label`. */
export interface ReleaseRange {
  lowExclusive: number;
  high: number;
  time: number;
  label: string;
}

/**
 * The first release of every commit, as ranges of fp_index: a commit is shipped by every event
 * at its index or later, and the earliest of those wins (ties: the smaller label).
 *
 * @example
 * releaseRanges([{ fpIndex: 4, time: 200, label: 'v2' }, { fpIndex: 9, time: 100, label: 'hotfix' }]);
 * // [{ lowExclusive: -1, high: 9, time: 100, label: 'hotfix' }] — v2 came later than a release containing it
 */
export function releaseRanges(events: readonly ReleaseEvent[]): ReleaseRange[] {
  const sorted = [...events].sort((a, b) => a.fpIndex - b.fpIndex || a.time - b.time || compare(a.label, b.label));
  const earliestFrom: ReleaseEvent[] = new Array(sorted.length);
  let best: ReleaseEvent | null = null;
  for (let index = sorted.length - 1; index >= 0; index--) {
    const event = sorted[index]!;
    if (best === null || event.time < best.time || (event.time === best.time && compare(event.label, best.label) < 0)) best = event;
    earliestFrom[index] = best;
  }
  const ranges: ReleaseRange[] = [];
  let low = -1;
  for (let index = 0; index < sorted.length; index++) {
    const high = sorted[index]!.fpIndex;
    if (high <= low) continue;
    const first = earliestFrom[index]!;
    const previous = ranges.at(-1);
    if (previous && previous.time === first.time && previous.label === first.label) previous.high = high;
    else ranges.push({ lowExclusive: low, high, time: first.time, label: first.label });
    low = high;
  }
  return ranges;
}

/** What {@link applyDeploymentReleases} did. */
export interface DeploymentReleaseResult {
  /** Analysed repositories with releases or deployments. */
  repositories: number;
  /** Commits whose first release moved earlier. */
  commitsReleased: number;
  /** Releases and production deployments whose commit is not on the default branch's first-parent history. */
  skipped: number;
}

/**
 * Apply the released phase from core.deployments to the analysed repositories of a source:
 * move `core.commits.released_at` / `release_tag` earlier where a published release or a
 * successful production deployment shipped a commit first, copy the time to
 * `core.effective_code.released_at`, and recompute `ec_released` as the git analysis does.
 *
 * @example
 * await applyDeploymentReleases(db, { sourceId: 'github:acme', settings: engineSettingsFrom(config), now: new Date() });
 */
export async function applyDeploymentReleases(
  db: Kysely<Database>,
  options: { sourceId: string; settings: EngineSettings; now: Date },
): Promise<DeploymentReleaseResult> {
  const repos = await db
    .selectFrom('core.deployments')
    .select('repo_id')
    .distinct()
    .where('source_id', '=', options.sourceId)
    .where('repo_id', 'is not', null)
    .execute();
  const result: DeploymentReleaseResult = { repositories: 0, commitsReleased: 0, skipped: 0 };
  for (const { repo_id: repoId } of repos) {
    if (!repoId) continue;
    const analysed = await db.selectFrom('core.repos').select('repo_id').where('repo_id', '=', repoId).executeTakeFirst();
    if (!analysed) continue;
    result.repositories += 1;
    const { events, skipped } = await releaseEvents(db, repoId);
    result.skipped += skipped;
    result.commitsReleased += await applyRanges(db, repoId, releaseRanges(events));
    await refreshDurability(db, repoId, options.settings, options.now);
  }
  return result;
}

async function releaseEvents(db: Kysely<Database>, repoId: string): Promise<{ events: ReleaseEvent[]; skipped: number }> {
  const rows = await sql<{ deployment_id: string; kind: string; ref: string | null; name: string | null; environment: string | null; finished_at: Date; fp_index: number | null }>`
    SELECT d.deployment_id, d.kind, d.ref, d.name, d.environment, d.finished_at, c.fp_index
      FROM core.deployments d
      LEFT JOIN core.commits c ON c.repo_id = d.repo_id AND c.sha = d.sha
     WHERE d.repo_id = ${repoId} AND d.is_production AND d.finished_at IS NOT NULL AND d.sha IS NOT NULL
       AND ((d.kind = 'release' AND d.status = 'published') OR (d.kind = 'deployment' AND d.status = 'success'))`.execute(db);
  const events: ReleaseEvent[] = [];
  let skipped = 0;
  for (const row of rows.rows) {
    if (row.fp_index === null) {
      skipped += 1;
      continue;
    }
    const label =
      row.kind === 'release'
        ? (row.ref ?? row.name ?? row.deployment_id)
        : `deployment:${row.environment ?? 'unknown'}/${row.deployment_id.slice(row.deployment_id.lastIndexOf('/') + 1)}`;
    events.push({ fpIndex: Number(row.fp_index), time: new Date(row.finished_at).getTime(), label });
  }
  return { events, skipped };
}

async function applyRanges(db: Kysely<Database>, repoId: string, ranges: readonly ReleaseRange[]): Promise<number> {
  if (ranges.length === 0) return 0;
  const updated = await sql`
    UPDATE core.commits AS c
       SET released_at = v.released_at, release_tag = v.label
      FROM unnest(${ranges.map((r) => r.lowExclusive)}::int[], ${ranges.map((r) => r.high)}::int[],
                  ${ranges.map((r) => new Date(r.time).toISOString())}::timestamptz[], ${ranges.map((r) => r.label)}::text[])
           AS v(low_exclusive, high, released_at, label)
     WHERE c.repo_id = ${repoId} AND c.fp_index > v.low_exclusive AND c.fp_index <= v.high
       AND (c.released_at IS NULL OR c.released_at > v.released_at)`.execute(db);
  await copyReleaseTimesToEffectiveCode(db, repoId);
  return Number(updated.numAffectedRows ?? 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
