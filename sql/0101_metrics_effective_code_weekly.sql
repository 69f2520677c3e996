-- metrics.effective_code_weekly
--
-- Definition: effective code and its full waterfall per repository, stack and week. Each row of
--   core.effective_code (one commit x file) is counted in the week in which its commit landed on
--   the default branch (merged_at, turned into a local date with core.calendar_settings.timezone,
--   then mapped to core.calendar.week_start).
-- Unit: lines for *_lines and lines_added / lines_deleted; effective lines (weighted lines) for
--   op_weighted, worktype_weighted, bulk_weighted, ec_*, churned_ec; counts for commits, files and
--   *_rows.
-- Grain: one row per repo_id x stack x week_start. Every week between a repository's first and
--   last week with data appears for each stack the repository has, with zeros when nothing was
--   merged, so gaps show as gaps.
-- Exclusions: only merged work (commits on the first-parent history of the default branch).
--   Gated lines (comments, generated, vendored, docs, bots, reverts, ...) are counted in their
--   buckets but weigh 0 in the weighted columns. Rows whose local merge date is not covered by
--   core.calendar are left out: keep the calendar refreshed over the data's range. Rows without
--   a stack are reported under stack 'other'.

CREATE VIEW metrics.effective_code_weekly AS
WITH settings AS (
  SELECT coalesce((SELECT s.timezone FROM core.calendar_settings s LIMIT 1), 'UTC') AS timezone
),
located AS (
  SELECT e.*, coalesce(e.stack, 'other') AS stack_name, cal.week_start
  FROM core.effective_code e
  CROSS JOIN settings
  JOIN core.calendar cal ON cal.date = (e.merged_at AT TIME ZONE settings.timezone)::date
),
weekly AS (
  SELECT
    repo_id,
    stack_name AS stack,
    week_start,
    count(DISTINCT commit_id) AS commits,
    count(DISTINCT file_path) AS files,
    sum(lines_added) AS lines_added,
    sum(lines_deleted) AS lines_deleted,
    sum(noop_lines) AS noop_lines,
    sum(comment_lines) AS comment_lines,
    sum(trivial_lines) AS trivial_lines,
    sum(generated_lines) AS generated_lines,
    sum(lockfile_lines) AS lockfile_lines,
    sum(vendored_lines) AS vendored_lines,
    sum(docs_lines) AS docs_lines,
    sum(data_lines) AS data_lines,
    sum(duplicate_lines) AS duplicate_lines,
    sum(ignored_rev_lines) AS ignored_rev_lines,
    sum(bot_lines) AS bot_lines,
    sum(revert_lines) AS revert_lines,
    sum(moved_lines) AS moved_lines,
    sum(copy_paste_lines) AS copy_paste_lines,
    sum(update_pair_lines) AS update_pair_lines,
    sum(find_replace_lines) AS find_replace_lines,
    sum(updated_lines) AS updated_lines,
    sum(added_lines) AS added_lines,
    sum(deleted_lines) AS deleted_lines,
    sum(bulk_damped_lines) AS bulk_damped_lines,
    sum(op_weighted) AS op_weighted,
    sum(worktype_weighted) AS worktype_weighted,
    sum(bulk_weighted) AS bulk_weighted,
    sum(ec_base) AS ec_base,
    sum(churned_lines) AS churned_lines,
    sum(churned_ec) AS churned_ec,
    sum(ec_merged) AS ec_merged,
    sum(ec_durable) AS ec_durable,
    sum(ec_released) AS ec_released,
    coalesce(sum(ec_base) FILTER (WHERE durability = 'pending'), 0) AS ec_pending,
    count(*) FILTER (WHERE durability = 'durable') AS durable_rows,
    count(*) FILTER (WHERE durability = 'pending') AS pending_rows
  FROM located
  GROUP BY repo_id, stack_name, week_start
),
repo_span AS (
  SELECT repo_id, min(week_start) AS first_week, max(week_start) AS last_week
  FROM weekly
  GROUP BY repo_id
),
grid AS (
  SELECT stacks.repo_id, stacks.stack, weeks.week_start::date AS week_start
  FROM (SELECT DISTINCT repo_id, stack FROM weekly) AS stacks
  JOIN repo_span ON repo_span.repo_id = stacks.repo_id
  CROSS JOIN LATERAL generate_series(
    repo_span.first_week::timestamp, repo_span.last_week::timestamp, interval '7 days'
  ) AS weeks (week_start)
)
SELECT
  grid.repo_id,
  repos.name AS repo_name,
  grid.stack,
  grid.week_start,
  cal.fiscal_year,
  coalesce(w.commits, 0) AS commits,
  coalesce(w.files, 0) AS files,
  coalesce(w.lines_added, 0) AS lines_added,
  coalesce(w.lines_deleted, 0) AS lines_deleted,
  coalesce(w.noop_lines, 0) AS noop_lines,
  coalesce(w.comment_lines, 0) AS comment_lines,
  coalesce(w.trivial_lines, 0) AS trivial_lines,
  coalesce(w.generated_lines, 0) AS generated_lines,
  coalesce(w.lockfile_lines, 0) AS lockfile_lines,
  coalesce(w.vendored_lines, 0) AS vendored_lines,
  coalesce(w.docs_lines, 0) AS docs_lines,
  coalesce(w.data_lines, 0) AS data_lines,
  coalesce(w.duplicate_lines, 0) AS duplicate_lines,
  coalesce(w.ignored_rev_lines, 0) AS ignored_rev_lines,
  coalesce(w.bot_lines, 0) AS bot_lines,
  coalesce(w.revert_lines, 0) AS revert_lines,
  coalesce(w.moved_lines, 0) AS moved_lines,
  coalesce(w.copy_paste_lines, 0) AS copy_paste_lines,
  coalesce(w.update_pair_lines, 0) AS update_pair_lines,
  coalesce(w.find_replace_lines, 0) AS find_replace_lines,
  coalesce(w.updated_lines, 0) AS updated_lines,
  coalesce(w.added_lines, 0) AS added_lines,
  coalesce(w.deleted_lines, 0) AS deleted_lines,
  coalesce(w.bulk_damped_lines, 0) AS bulk_damped_lines,
  coalesce(w.op_weighted, 0) AS op_weighted,
  coalesce(w.worktype_weighted, 0) AS worktype_weighted,
  coalesce(w.bulk_weighted, 0) AS bulk_weighted,
  coalesce(w.ec_base, 0) AS ec_base,
  coalesce(w.churned_lines, 0) AS churned_lines,
  coalesce(w.churned_ec, 0) AS churned_ec,
  coalesce(w.ec_merged, 0) AS ec_merged,
  coalesce(w.ec_durable, 0) AS ec_durable,
  coalesce(w.ec_released, 0) AS ec_released,
  coalesce(w.ec_pending, 0) AS ec_pending,
  coalesce(w.durable_rows, 0) AS durable_rows,
  coalesce(w.pending_rows, 0) AS pending_rows
FROM grid
LEFT JOIN weekly AS w
  ON w.repo_id = grid.repo_id AND w.stack = grid.stack AND w.week_start = grid.week_start
LEFT JOIN core.repos AS repos ON repos.repo_id = grid.repo_id
LEFT JOIN core.calendar AS cal ON cal.date = grid.week_start;

COMMENT ON VIEW metrics.effective_code_weekly IS 'Effective code and its waterfall per repository, stack and week (org time zone), zero-filled between each repository''s first and last week. See the header of its SQL file for definition, unit and exclusions.';
COMMENT ON COLUMN metrics.effective_code_weekly.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN metrics.effective_code_weekly.repo_name IS 'Short name of the repository.';
COMMENT ON COLUMN metrics.effective_code_weekly.stack IS 'Stack of the changed files (front end, back end, mobile, data, infra, other).';
COMMENT ON COLUMN metrics.effective_code_weekly.week_start IS 'First day of the week (local date, configured week start) in which the commits were merged.';
COMMENT ON COLUMN metrics.effective_code_weekly.fiscal_year IS 'Fiscal year of week_start (named after the year in which it ends).';
COMMENT ON COLUMN metrics.effective_code_weekly.commits IS 'Distinct commits that changed files of this stack in the week.';
COMMENT ON COLUMN metrics.effective_code_weekly.files IS 'Distinct file paths of this stack changed in the week.';
COMMENT ON COLUMN metrics.effective_code_weekly.lines_added IS 'Raw added lines.';
COMMENT ON COLUMN metrics.effective_code_weekly.lines_deleted IS 'Raw deleted lines.';
COMMENT ON COLUMN metrics.effective_code_weekly.noop_lines IS 'Whitespace-only changes (lines).';
COMMENT ON COLUMN metrics.effective_code_weekly.comment_lines IS 'Comment-only lines (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.trivial_lines IS 'Punctuation- or keyword-only lines (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.generated_lines IS 'Lines of generated files (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.lockfile_lines IS 'Lines of lock files (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.vendored_lines IS 'Lines of vendored files (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.docs_lines IS 'Lines of documentation (own class, not effective code).';
COMMENT ON COLUMN metrics.effective_code_weekly.data_lines IS 'Lines of data fixtures, snapshots and assets (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.duplicate_lines IS 'Lines of cherry-picks and backports (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.ignored_rev_lines IS 'Lines of commits in .git-blame-ignore-revs (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.bot_lines IS 'Lines of non-AI bot commits (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.revert_lines IS 'Lines of reverts and reverted commits (gated).';
COMMENT ON COLUMN metrics.effective_code_weekly.moved_lines IS 'Moved lines (weight 0).';
COMMENT ON COLUMN metrics.effective_code_weekly.copy_paste_lines IS 'Copy/pasted lines (weight 0).';
COMMENT ON COLUMN metrics.effective_code_weekly.update_pair_lines IS 'Second halves of update pairs (weight 0; the update counts once).';
COMMENT ON COLUMN metrics.effective_code_weekly.find_replace_lines IS 'Lines of repeated find/replace substitutions.';
COMMENT ON COLUMN metrics.effective_code_weekly.updated_lines IS 'Updated lines (counted half of each pair).';
COMMENT ON COLUMN metrics.effective_code_weekly.added_lines IS 'Plain added lines.';
COMMENT ON COLUMN metrics.effective_code_weekly.deleted_lines IS 'Plain deleted lines.';
COMMENT ON COLUMN metrics.effective_code_weekly.bulk_damped_lines IS 'Added lines beyond the per-commit-and-file bulk threshold, counted at the bulk factor.';
COMMENT ON COLUMN metrics.effective_code_weekly.op_weighted IS 'Sum of operation weights (effective lines, step 1).';
COMMENT ON COLUMN metrics.effective_code_weekly.worktype_weighted IS 'op_weighted times work-type weights (step 2).';
COMMENT ON COLUMN metrics.effective_code_weekly.bulk_weighted IS 'After bulk damping (step 3).';
COMMENT ON COLUMN metrics.effective_code_weekly.ec_base IS 'After complexity weighting (step 4): effective code before phase weights.';
COMMENT ON COLUMN metrics.effective_code_weekly.churned_lines IS 'Lines changed again within the durability window.';
COMMENT ON COLUMN metrics.effective_code_weekly.churned_ec IS 'ec_base of the churned lines.';
COMMENT ON COLUMN metrics.effective_code_weekly.ec_merged IS 'Provisional effective code counted at merge.';
COMMENT ON COLUMN metrics.effective_code_weekly.ec_durable IS 'Effective code that survived the durability window.';
COMMENT ON COLUMN metrics.effective_code_weekly.ec_released IS 'Durable and released effective code.';
COMMENT ON COLUMN metrics.effective_code_weekly.ec_pending IS 'ec_base of rows still inside the durability window (not yet durable).';
COMMENT ON COLUMN metrics.effective_code_weekly.durable_rows IS 'Commit x file rows whose durability window has passed.';
COMMENT ON COLUMN metrics.effective_code_weekly.pending_rows IS 'Commit x file rows still inside the durability window.';
