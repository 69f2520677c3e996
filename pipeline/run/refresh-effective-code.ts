import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ReleaseTag } from '../../collectors/git/release-tags.js';
import type { Database } from '../warehouse/database.js';
import type { EngineSettings } from '../effective-code/settings.js';
import { BUCKETS } from '../effective-code/buckets.js';

/**
 * Gate the commits that a later revert undid (metrics.md §1 gate 11: a revert and the commit it
 * reverts both net to zero). The revert itself was gated when it was analysed; its target may
 * have been written in an earlier batch or run, so it is fixed here, together with the churn
 * its lines would otherwise be charged.
 */
export async function applyRevertPairs(db: Kysely<Database>, repoId: string): Promise<number> {
  await sql`
    UPDATE core.commits AS target
       SET reverted_by_sha = revert.sha
      FROM core.commits AS revert
     WHERE revert.repo_id = ${repoId}
       AND target.repo_id = ${repoId}
       AND revert.gate_reason = 'revert'
       AND revert.revert_of_sha = target.sha
       AND target.reverted_by_sha IS DISTINCT FROM revert.sha`.execute(db);
  const zeroBuckets = BUCKETS.filter((b) => b !== 'revert').map((b) => sql.raw(`${b}_lines = 0`));
  const result = await sql`
    WITH reverted AS (
      UPDATE core.commits
         SET gate_reason = 'reverted'
       WHERE repo_id = ${repoId}
         AND reverted_by_sha IS NOT NULL
         AND gate_reason IS DISTINCT FROM 'reverted'
         AND gate_reason IS DISTINCT FROM 'revert'
      RETURNING commit_id
    )
    UPDATE core.effective_code AS e
       SET revert_lines = e.lines_added + e.lines_deleted,
           ${sql.join(zeroBuckets, sql`, `)},
           bulk_damped_lines = 0, op_weighted = 0, worktype_weighted = 0, bulk_weighted = 0,
           ec_base = 0, ec_merged = 0
      FROM reverted
     WHERE e.commit_id = reverted.commit_id`.execute(db);
  await sql`
    DELETE FROM core.churn_events AS c
     USING core.commits AS o
     WHERE c.repo_id = ${repoId}
       AND o.commit_id = c.origin_commit_id
       AND o.gate_reason = 'reverted'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Copy churn sums from the churn audit trail onto the effective-code rows they belong to. */
export async function refreshChurn(db: Kysely<Database>, repoId: string): Promise<void> {
  await sql`
    UPDATE core.effective_code AS e
       SET churned_lines = 0, churned_ec = 0
     WHERE e.repo_id = ${repoId}
       AND (e.churned_lines <> 0 OR e.churned_ec <> 0 OR e.churned_lines IS NULL)
       AND NOT EXISTS (SELECT 1 FROM core.churn_events c
                        WHERE c.origin_commit_id = e.commit_id AND c.origin_path = e.file_path)`.execute(db);
  await sql`
    UPDATE core.effective_code AS e
       SET churned_lines = agg.lines, churned_ec = agg.ec
      FROM (SELECT origin_commit_id, origin_path, sum(lines)::int AS lines, sum(ec) AS ec
              FROM core.churn_events WHERE repo_id = ${repoId}
             GROUP BY origin_commit_id, origin_path) AS agg
     WHERE e.commit_id = agg.origin_commit_id
       AND e.file_path = agg.origin_path
       AND (e.churned_lines IS DISTINCT FROM agg.lines OR e.churned_ec IS DISTINCT FROM agg.ec)`.execute(db);
}

/** Record, for each first-parent commit, the earliest release tag that contains it. */
export async function refreshReleases(
  db: Kysely<Database>,
  repoId: string,
  released: ReadonlyMap<string, { tag: string; time: number }>,
): Promise<void> {
  const shas: string[] = [];
  const times: string[] = [];
  const tags: string[] = [];
  for (const [sha, { tag, time }] of released) {
    shas.push(sha);
    times.push(new Date(time * 1000).toISOString());
    tags.push(tag);
  }
  await sql`
    UPDATE core.commits AS c
       SET released_at = NULL, release_tag = NULL
     WHERE c.repo_id = ${repoId} AND c.released_at IS NOT NULL
       AND c.sha NOT IN (SELECT unnest(${shas}::text[]))`.execute(db);
  if (shas.length > 0) {
    await sql`
      UPDATE core.commits AS c
         SET released_at = v.released_at, release_tag = v.tag
        FROM unnest(${shas}::text[], ${times}::timestamptz[], ${tags}::text[]) AS v(sha, released_at, tag)
       WHERE c.repo_id = ${repoId} AND c.sha = v.sha
         AND (c.released_at IS DISTINCT FROM v.released_at OR c.release_tag IS DISTINCT FROM v.tag)`.execute(db);
  }
  await copyReleaseTimesToEffectiveCode(db, repoId);
}

/** Copy each commit's release time onto its effective-code rows (where it differs). */
export async function copyReleaseTimesToEffectiveCode(db: Kysely<Database>, repoId: string): Promise<void> {
  await sql`
    UPDATE core.effective_code AS e
       SET released_at = c.released_at
      FROM core.commits AS c
     WHERE e.repo_id = ${repoId} AND c.commit_id = e.commit_id
       AND e.released_at IS DISTINCT FROM c.released_at`.execute(db);
}

/** The settings durability and phases are computed from. */
export type DurabilitySettings = Pick<EngineSettings, 'durability' | 'phases'>;

/** The durability and phase columns of `core.effective_code` that {@link durabilityColumnsSql} computes. */
export const DURABILITY_COLUMNS = ['durable_at', 'durability', 'ec_merged', 'ec_durable', 'ec_released'] as const;

/**
 * SQL expressions of a row's durability and phase columns (metrics.md §1 "Durability and phase"):
 * a row is durable once its merge is older than the window at `now`; churned effective code never
 * becomes durable; ec_durable = surviving × merged weight, ec_released = surviving × released
 * weight once the commit is in a release. With `durability.required: false` (the raw preset)
 * churn is not deducted and nothing waits for the window.
 *
 * `row` names the SQL of the row's inputs. The refresh and the warehouse writer (which computes
 * the columns as rows are inserted, with no churn yet) share these expressions, so a row written
 * with no churn already holds exactly what the refresh would compute and is not rewritten.
 * Settings and clock are inlined as literals (they come from the validated config and the run).
 */
export function durabilityColumnsSql(
  row: { mergedAt: string; ecBase: string; churnedEc: string; releasedAt: string },
  settings: DurabilitySettings,
  now: Date,
): Record<(typeof DURABILITY_COLUMNS)[number], string> {
  if (!Number.isInteger(settings.durability.windowDays)) throw new Error(`durability.windowDays must be a whole number of days, got ${settings.durability.windowDays}`);
  const windowDays = numberLiteral(settings.durability.windowDays);
  const merged = `${numberLiteral(settings.phases.merged)}::numeric`;
  const released = `${numberLiteral(settings.phases.released)}::numeric`;
  const required = settings.durability.required ? 'true' : 'false';
  const clock = `'${now.toISOString()}'::timestamptz`;
  const durableAt = `(${row.mergedAt} + make_interval(days => ${windowDays}::int))`;
  const durable = `(NOT ${required} OR ${durableAt} <= ${clock})`;
  const surviving = `(CASE WHEN ${required} THEN greatest(${row.ecBase} - coalesce(${row.churnedEc}, 0), 0) ELSE ${row.ecBase} END)`;
  return {
    durable_at: durableAt,
    durability: `(CASE WHEN ${durable} THEN 'durable' ELSE 'pending' END)`,
    ec_merged: `(${row.ecBase} * ${merged})`,
    ec_durable: `(CASE WHEN ${durable} THEN ${surviving} * ${merged} ELSE 0 END)`,
    ec_released: `(CASE WHEN ${durable} AND ${row.releasedAt} IS NOT NULL AND ${row.releasedAt} <= ${clock} THEN ${surviving} * ${released} ELSE 0 END)`,
  };
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`durability settings must be finite numbers, got ${value}`);
  return String(value);
}

/**
 * Apply durability and phases to every effective-code row of a repository (see
 * {@link durabilityColumnsSql}), rewriting only the rows whose values change.
 */
export async function refreshDurability(
  db: Kysely<Database>,
  repoId: string,
  settings: DurabilitySettings,
  now: Date,
): Promise<void> {
  const columns = durabilityColumnsSql(
    { mergedAt: 'e.merged_at', ecBase: 'e.ec_base', churnedEc: 'e.churned_ec', releasedAt: 'e.released_at' },
    settings,
    now,
  );
  const assignments = DURABILITY_COLUMNS.map((column) => sql.raw(`${column} = ${columns[column]}`));
  const changed = DURABILITY_COLUMNS.map((column) => sql.raw(`e.${column} IS DISTINCT FROM ${columns[column]}`));
  await sql`
    UPDATE core.effective_code AS e
       SET ${sql.join(assignments, sql`, `)}
     WHERE e.repo_id = ${repoId}
       AND (${sql.join(changed, sql` OR `)})`.execute(db);
}

/** The sync-state stream recording what the last complete refresh of a repository was made from. */
export const REFRESH_STREAM = 'refresh';

/** What a refresh was computed from: its inputs' fingerprint and the clock it ran at. */
export interface RefreshMark {
  fingerprint: string;
  at: Date;
}

/**
 * The fingerprint of everything the post-run refresh reads besides the warehouse rows and the
 * clock: the analysed head, the release tags and the engine settings.
 *
 * @example
 * refreshFingerprint({ head: sha, tags: await listTags(path, '*'), settings });
 */
export function refreshFingerprint(inputs: { head: string; tags: readonly ReleaseTag[]; settings: EngineSettings }): string {
  const tags = inputs.tags.map((tag) => `${tag.name}\u0000${tag.commitSha}\u0000${tag.time}`).sort();
  return createHash('sha256').update(JSON.stringify({ head: inputs.head, tags, settings: inputs.settings })).digest('hex');
}

/** The mark of the last complete refresh of `sourceId`, or null when there is none. */
export async function readRefreshMark(db: Kysely<Database>, sourceId: string): Promise<RefreshMark | null> {
  const row = await db
    .selectFrom('core.sync_state')
    .select(['cursor', 'cursor_time'])
    .where('source_id', '=', sourceId)
    .where('stream', '=', REFRESH_STREAM)
    .executeTakeFirst();
  if (!row?.cursor || !row.cursor_time) return null;
  return { fingerprint: row.cursor, at: new Date(row.cursor_time as Date | string) };
}

/** Record that the refresh of `sourceId` is complete for these inputs at `at`. */
export async function saveRefreshMark(db: Kysely<Database>, sourceId: string, mark: RefreshMark): Promise<void> {
  await db
    .insertInto('core.sync_state')
    .values({ source_id: sourceId, stream: REFRESH_STREAM, cursor: mark.fingerprint, cursor_time: mark.at, details: '{}', updated_at: mark.at })
    .onConflict((oc) =>
      oc.columns(['source_id', 'stream']).doUpdateSet((eb) => ({
        cursor: eb.ref('excluded.cursor'),
        cursor_time: eb.ref('excluded.cursor_time'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * Whether moving the clock from `since` to `now` changes any row's durability phase: a row's
 * window ends in between (pending → durable), or its release date falls in between (it starts
 * earning released effective code). Nothing else in {@link refreshDurability} depends on the clock.
 */
export async function durabilityDueBetween(db: Kysely<Database>, repoId: string, since: Date, now: Date): Promise<boolean> {
  const result = await sql<{ due: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM core.effective_code
       WHERE repo_id = ${repoId}
         AND ((durable_at > ${since} AND durable_at <= ${now}) OR (released_at > ${since} AND released_at <= ${now}))
    ) AS due`.execute(db);
  return result.rows[0]?.due === true;
}
