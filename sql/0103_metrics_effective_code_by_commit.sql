-- metrics.effective_code_by_commit
--
-- Definition: the effective-code waterfall and totals of each commit, summed over its files
--   (core.effective_code), with the commit's identity, class and week, for drill-down lists and
--   the totals of `explain <commit>`.
-- Unit: lines for *_lines and lines_added / lines_deleted; effective lines for the weighted and
--   ec_* columns; counts for files and *_rows.
-- Grain: one row per commit of core.commits; commits without effective-code rows (e.g. empty
--   commits, commits not computed yet) appear with zeros.
-- Exclusions: none beyond core.commits itself (merged work only). week_start is null when the
--   commit's local merge date is not covered by core.calendar.

CREATE VIEW metrics.effective_code_by_commit AS
WITH settings AS (
  SELECT coalesce((SELECT s.timezone FROM core.calendar_settings s LIMIT 1), 'UTC') AS timezone
),
per_commit AS (
  SELECT
    commit_id,
    count(*) AS files,
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
  FROM core.effective_code
  GROUP BY commit_id
)
SELECT
  c.commit_id,
  c.repo_id,
  repos.name AS repo_name,
  c.sha,
  c.fp_index,
  c.subject,
  c.author_person_id,
  c.author_name,
  c.merged_at,
  cal.week_start,
  c.ai_class,
  c.work_type,
  c.gate_reason,
  coalesce(p.files, 0) AS files,
  coalesce(p.lines_added, 0) AS lines_added,
  coalesce(p.lines_deleted, 0) AS lines_deleted,
  coalesce(p.noop_lines, 0) AS noop_lines,
  coalesce(p.comment_lines, 0) AS comment_lines,
  coalesce(p.trivial_lines, 0) AS trivial_lines,
  coalesce(p.generated_lines, 0) AS generated_lines,
  coalesce(p.lockfile_lines, 0) AS lockfile_lines,
  coalesce(p.vendored_lines, 0) AS vendored_lines,
  coalesce(p.docs_lines, 0) AS docs_lines,
  coalesce(p.data_lines, 0) AS data_lines,
  coalesce(p.duplicate_lines, 0) AS duplicate_lines,
  coalesce(p.ignored_rev_lines, 0) AS ignored_rev_lines,
  coalesce(p.bot_lines, 0) AS bot_lines,
  coalesce(p.revert_lines, 0) AS revert_lines,
  coalesce(p.moved_lines, 0) AS moved_lines,
  coalesce(p.copy_paste_lines, 0) AS copy_paste_lines,
  coalesce(p.update_pair_lines, 0) AS update_pair_lines,
  coalesce(p.find_replace_lines, 0) AS find_replace_lines,
  coalesce(p.updated_lines, 0) AS updated_lines,
  coalesce(p.added_lines, 0) AS added_lines,
  coalesce(p.deleted_lines, 0) AS deleted_lines,
  coalesce(p.bulk_damped_lines, 0) AS bulk_damped_lines,
  coalesce(p.op_weighted, 0) AS op_weighted,
  coalesce(p.worktype_weighted, 0) AS worktype_weighted,
  coalesce(p.bulk_weighted, 0) AS bulk_weighted,
  coalesce(p.ec_base, 0) AS ec_base,
  coalesce(p.churned_lines, 0) AS churned_lines,
  coalesce(p.churned_ec, 0) AS churned_ec,
  coalesce(p.ec_merged, 0) AS ec_merged,
  coalesce(p.ec_durable, 0) AS ec_durable,
  coalesce(p.ec_released, 0) AS ec_released,
  coalesce(p.ec_pending, 0) AS ec_pending,
  coalesce(p.durable_rows, 0) AS durable_rows,
  coalesce(p.pending_rows, 0) AS pending_rows
FROM core.commits c
CROSS JOIN settings
LEFT JOIN per_commit p ON p.commit_id = c.commit_id
LEFT JOIN core.repos AS repos ON repos.repo_id = c.repo_id
LEFT JOIN core.calendar AS cal ON cal.date = (c.merged_at AT TIME ZONE settings.timezone)::date;

COMMENT ON VIEW metrics.effective_code_by_commit IS 'Effective-code waterfall and totals per commit (summed over its files), for drill-down and explain totals. See the header of its SQL file.';
COMMENT ON COLUMN metrics.effective_code_by_commit.commit_id IS 'The commit (core.commits).';
COMMENT ON COLUMN metrics.effective_code_by_commit.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN metrics.effective_code_by_commit.repo_name IS 'Short name of the repository.';
COMMENT ON COLUMN metrics.effective_code_by_commit.sha IS 'Full commit sha.';
COMMENT ON COLUMN metrics.effective_code_by_commit.fp_index IS 'Position on the default branch''s first-parent chain (0 = root).';
COMMENT ON COLUMN metrics.effective_code_by_commit.subject IS 'First line of the commit message.';
COMMENT ON COLUMN metrics.effective_code_by_commit.author_person_id IS 'Person the author is linked to (core.people).';
COMMENT ON COLUMN metrics.effective_code_by_commit.author_name IS 'Author name as recorded by git.';
COMMENT ON COLUMN metrics.effective_code_by_commit.merged_at IS 'When the commit landed on the default branch (UTC).';
COMMENT ON COLUMN metrics.effective_code_by_commit.week_start IS 'First day of the merge week (local date, configured week start).';
COMMENT ON COLUMN metrics.effective_code_by_commit.ai_class IS 'human, ai_assisted, ai_agent, bot or unknown.';
COMMENT ON COLUMN metrics.effective_code_by_commit.work_type IS 'Kind of work (feat, fix, test, docs, ...).';
COMMENT ON COLUMN metrics.effective_code_by_commit.gate_reason IS 'Why the whole commit earns nothing (bot, revert, reverted, ignored_rev, duplicate), or null.';
COMMENT ON COLUMN metrics.effective_code_by_commit.files IS 'Files with effective-code rows.';
COMMENT ON COLUMN metrics.effective_code_by_commit.lines_added IS 'Raw added lines.';
COMMENT ON COLUMN metrics.effective_code_by_commit.lines_deleted IS 'Raw deleted lines.';
COMMENT ON COLUMN metrics.effective_code_by_commit.noop_lines IS 'Whitespace-only changes (lines).';
COMMENT ON COLUMN metrics.effective_code_by_commit.comment_lines IS 'Comment-only lines (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.trivial_lines IS 'Punctuation- or keyword-only lines (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.generated_lines IS 'Lines of generated files (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.lockfile_lines IS 'Lines of lock files (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.vendored_lines IS 'Lines of vendored files (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.docs_lines IS 'Lines of documentation (own class, not effective code).';
COMMENT ON COLUMN metrics.effective_code_by_commit.data_lines IS 'Lines of data fixtures, snapshots and assets (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.duplicate_lines IS 'Lines of cherry-picks and backports (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.ignored_rev_lines IS 'Lines of commits in .git-blame-ignore-revs (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.bot_lines IS 'Lines of non-AI bot commits (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.revert_lines IS 'Lines of reverts and reverted commits (gated).';
COMMENT ON COLUMN metrics.effective_code_by_commit.moved_lines IS 'Moved lines (weight 0).';
COMMENT ON COLUMN metrics.effective_code_by_commit.copy_paste_lines IS 'Copy/pasted lines (weight 0).';
COMMENT ON COLUMN metrics.effective_code_by_commit.update_pair_lines IS 'Second halves of update pairs (weight 0; the update counts once).';
COMMENT ON COLUMN metrics.effective_code_by_commit.find_replace_lines IS 'Lines of repeated find/replace substitutions.';
COMMENT ON COLUMN metrics.effective_code_by_commit.updated_lines IS 'Updated lines (counted half of each pair).';
COMMENT ON COLUMN metrics.effective_code_by_commit.added_lines IS 'Plain added lines.';
COMMENT ON COLUMN metrics.effective_code_by_commit.deleted_lines IS 'Plain deleted lines.';
COMMENT ON COLUMN metrics.effective_code_by_commit.bulk_damped_lines IS 'Added lines beyond the bulk threshold, counted at the bulk factor.';
COMMENT ON COLUMN metrics.effective_code_by_commit.op_weighted IS 'Sum of operation weights (step 1).';
COMMENT ON COLUMN metrics.effective_code_by_commit.worktype_weighted IS 'op_weighted times the work-type weight (step 2).';
COMMENT ON COLUMN metrics.effective_code_by_commit.bulk_weighted IS 'After bulk damping (step 3).';
COMMENT ON COLUMN metrics.effective_code_by_commit.ec_base IS 'After complexity weighting (step 4): effective code before phase weights.';
COMMENT ON COLUMN metrics.effective_code_by_commit.churned_lines IS 'Lines changed again within the durability window.';
COMMENT ON COLUMN metrics.effective_code_by_commit.churned_ec IS 'ec_base of the churned lines.';
COMMENT ON COLUMN metrics.effective_code_by_commit.ec_merged IS 'Provisional effective code counted at merge.';
COMMENT ON COLUMN metrics.effective_code_by_commit.ec_durable IS 'Effective code that survived the durability window.';
COMMENT ON COLUMN metrics.effective_code_by_commit.ec_released IS 'Durable and released effective code.';
COMMENT ON COLUMN metrics.effective_code_by_commit.ec_pending IS 'ec_base of rows still inside the durability window.';
COMMENT ON COLUMN metrics.effective_code_by_commit.durable_rows IS 'File rows whose durability window has passed.';
COMMENT ON COLUMN metrics.effective_code_by_commit.pending_rows IS 'File rows still inside the durability window.';
