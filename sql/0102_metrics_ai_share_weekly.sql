-- metrics.ai_share_weekly
--
-- Definition: per repository and week, the commits and effective code of each AI class
--   (human, ai_assisted, ai_agent, bot, unknown) and each class's share of the repository-week.
--   A commit counts in the week in which it landed on the default branch (merged_at as a local
--   date in core.calendar_settings.timezone, mapped to core.calendar.week_start).
-- Unit: counts for commits; raw lines for lines_added, lines_deleted and churned_lines;
--   effective lines for ec_merged and ec_durable; fractions between 0 and 1 for the shares.
-- Grain: one row per repo_id x week_start x ai_class that has at least one commit (no zero rows).
-- Exclusions: only merged work (first-parent history of the default branch). Gated commits
--   (bots, reverts, duplicates) are counted as commits but earn no effective code. The class is
--   a diagnostic lower bound: inline completions leave no trace in git. Commits whose local merge
--   date is not covered by core.calendar are left out.

CREATE VIEW metrics.ai_share_weekly AS
WITH settings AS (
  SELECT coalesce((SELECT s.timezone FROM core.calendar_settings s LIMIT 1), 'UTC') AS timezone
),
commit_ec AS (
  SELECT
    commit_id,
    sum(ec_merged) AS ec_merged,
    sum(ec_durable) AS ec_durable,
    sum(churned_lines) AS churned_lines
  FROM core.effective_code
  GROUP BY commit_id
),
weekly AS (
  SELECT
    c.repo_id,
    cal.week_start,
    c.ai_class,
    count(*) AS commits,
    coalesce(sum(c.lines_added), 0) AS lines_added,
    coalesce(sum(c.lines_deleted), 0) AS lines_deleted,
    coalesce(sum(ce.ec_merged), 0) AS ec_merged,
    coalesce(sum(ce.ec_durable), 0) AS ec_durable,
    coalesce(sum(ce.churned_lines), 0) AS churned_lines
  FROM core.commits c
  CROSS JOIN settings
  JOIN core.calendar cal ON cal.date = (c.merged_at AT TIME ZONE settings.timezone)::date
  LEFT JOIN commit_ec ce ON ce.commit_id = c.commit_id
  GROUP BY c.repo_id, cal.week_start, c.ai_class
)
SELECT
  w.repo_id,
  repos.name AS repo_name,
  w.week_start,
  w.ai_class,
  w.commits,
  w.lines_added,
  w.lines_deleted,
  w.ec_merged,
  w.ec_durable,
  w.churned_lines,
  w.commits::numeric / sum(w.commits) OVER repo_week AS commit_share,
  w.ec_merged / nullif(sum(w.ec_merged) OVER repo_week, 0) AS ec_merged_share
FROM weekly w
LEFT JOIN core.repos AS repos ON repos.repo_id = w.repo_id
WINDOW repo_week AS (PARTITION BY w.repo_id, w.week_start);

COMMENT ON VIEW metrics.ai_share_weekly IS 'Commits and effective code per repository, week and AI class, with each class''s share of the repository-week. A diagnostic, never a target. See the header of its SQL file.';
COMMENT ON COLUMN metrics.ai_share_weekly.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN metrics.ai_share_weekly.repo_name IS 'Short name of the repository.';
COMMENT ON COLUMN metrics.ai_share_weekly.week_start IS 'First day of the week (local date, configured week start) in which the commits were merged.';
COMMENT ON COLUMN metrics.ai_share_weekly.ai_class IS 'human, ai_assisted, ai_agent, bot or unknown.';
COMMENT ON COLUMN metrics.ai_share_weekly.commits IS 'Commits of this class merged in the week.';
COMMENT ON COLUMN metrics.ai_share_weekly.lines_added IS 'Raw added lines of those commits.';
COMMENT ON COLUMN metrics.ai_share_weekly.lines_deleted IS 'Raw deleted lines of those commits.';
COMMENT ON COLUMN metrics.ai_share_weekly.ec_merged IS 'Provisional effective code of those commits.';
COMMENT ON COLUMN metrics.ai_share_weekly.ec_durable IS 'Durable effective code of those commits.';
COMMENT ON COLUMN metrics.ai_share_weekly.churned_lines IS 'Lines of those commits changed again within the durability window.';
COMMENT ON COLUMN metrics.ai_share_weekly.commit_share IS 'commits / all commits of the repository in the week (0-1).';
COMMENT ON COLUMN metrics.ai_share_weekly.ec_merged_share IS 'ec_merged / all ec_merged of the repository in the week (0-1); null when the week has no effective code.';
