-- metrics.team_effective_code_weekly
--
-- Definition: effective code per repository, team and week, with the team's FTE in that week,
--   so that "effective code per person" (metrics.md §2) is one division away. Each row of
--   core.effective_code (one commit x file) counts in the week in which its commit landed on the
--   default branch (merged_at as a local date in core.calendar_settings.timezone, mapped to
--   core.calendar.week_start) and goes to a team in this order:
--   1. the teams of the commit's person on the local merge date (core.team_memberships, dates
--      inclusive). A person in two teams is split by FTE share (fte / the person's total FTE that
--      day; equal parts when every share is 0), so the person counts once in total.
--      The commit's person is its author; for AI-agent commits (ai_class ai_agent) it is the human
--      who requested or merged the work: the author of the pull request that brought the commit
--      in (by merge commit or as one of its commits; the earliest merged PR), else the human
--      committer (not GitHub's own noreply@github.com committer), else the agent itself.
--   2. otherwise (the person belongs to no team that day) the team owning the file: the most
--      specific matching core.team_ownership path glob of the repository, then a whole-repository
--      owner; ties go to the first team id;
--   3. otherwise no team (team_id null), so the teams of a repository-week always add up to its
--      total in metrics.effective_code_weekly.
--   FTE: team_fte is the roster's FTE averaged over the days of the week (a membership starting
--   on a Wednesday adds 5/7 of its share). Without roster FTE for the team in that week, fte is
--   active_human_share: the humans with work attributed to the team in the week, each split
--   across the teams of that week by the share of their commits, so each counts once in total;
--   fte_basis says which was used. The *_per_fte columns divide the human and AI-assisted
--   effective code (metrics.md §2: AI-agent work counts toward the team but not per person;
--   unknown and bot work neither) by fte.
-- Unit: raw lines (split by share, so fractional) for lines_added / lines_deleted; effective lines
--   for ec_* and *_ec_*; people for members and active_humans; full-time equivalents for team_fte,
--   active_human_share and fte; effective lines per FTE for *_per_fte; counts for commits.
-- Grain: one row per repo_id x team_id x week_start. Every week between the first and last week
--   with work of a (repository, team) pair appears, with zeros when nothing was merged. The
--   team-level columns (members, team_fte, active_humans, active_human_share, fte_basis, fte)
--   describe the team across all repositories and repeat on each repository row: never sum them
--   over repositories. The *_per_fte columns can be summed over repositories.
-- Exclusions: only merged work (first-parent history of the default branch); gated lines weigh 0
--   as in metrics.effective_code_weekly. Rows whose local merge date is not covered by
--   core.calendar are left out. Privacy: this is the analysts' view; the dashboard shows a team
--   on its own only when members (or active_humans) reaches privacy.minGroupSize. There are no
--   per-person figures here, and there must be no leaderboards built from them.

CREATE VIEW metrics.team_effective_code_weekly AS
WITH settings AS (
  SELECT coalesce((SELECT s.timezone FROM core.calendar_settings s LIMIT 1), 'UTC') AS timezone
),
pr_of_agent_commit AS (
  SELECT DISTINCT ON (c.commit_id) c.commit_id, pr.author_identity_id
  FROM core.commits c
  JOIN (
    SELECT pr_id, merge_commit_sha AS sha FROM core.pull_requests WHERE merge_commit_sha IS NOT NULL
    UNION ALL
    SELECT pr_id, sha FROM core.pr_commits
  ) AS pr_sha ON pr_sha.sha = c.sha
  JOIN core.pull_requests pr ON pr.pr_id = pr_sha.pr_id AND (pr.repo_id IS NULL OR pr.repo_id = c.repo_id)
  WHERE c.ai_class = 'ai_agent'
  ORDER BY c.commit_id, pr.merged_at NULLS LAST, pr.pr_id
),
human_of_identity AS (
  SELECT i.identity_id, p.person_id
  FROM core.identities i
  JOIN core.people p ON p.person_id = i.person_id
  WHERE p.kind = 'human'
),
commit_person AS (
  SELECT
    c.commit_id,
    (c.merged_at AT TIME ZONE settings.timezone)::date AS merged_date,
    CASE
      WHEN c.ai_class = 'ai_agent' THEN coalesce(requester.person_id, committer.person_id, c.author_person_id)
      ELSE c.author_person_id
    END AS person_id
  FROM core.commits c
  CROSS JOIN settings
  LEFT JOIN pr_of_agent_commit agent_pr ON agent_pr.commit_id = c.commit_id
  LEFT JOIN human_of_identity requester ON requester.identity_id = agent_pr.author_identity_id
  -- GitHub's own committer (web merges, squashes, agent commits) stands for GitHub, not a person.
  LEFT JOIN human_of_identity committer
    ON committer.identity_id = c.committer_identity_id AND c.committer_identity_id <> 'git:noreply@github.com'
),
membership_share AS (
  SELECT
    cp.commit_id,
    m.team_id,
    CASE
      WHEN sum(m.fte) OVER per_commit > 0 THEN m.fte / sum(m.fte) OVER per_commit
      ELSE 1.0 / count(*) OVER per_commit
    END AS share
  FROM commit_person cp
  JOIN core.team_memberships m
    ON m.person_id = cp.person_id
   AND (m.valid_from IS NULL OR m.valid_from <= cp.merged_date)
   AND (m.valid_to IS NULL OR m.valid_to >= cp.merged_date)
  WINDOW per_commit AS (PARTITION BY cp.commit_id)
),
located AS (
  SELECT
    e.commit_id,
    e.file_path,
    e.repo_id,
    e.lines_added,
    e.lines_deleted,
    e.ec_merged,
    e.ec_durable,
    e.ec_released,
    coalesce(e.author_class, 'unknown') AS author_class,
    cp.person_id,
    cal.week_start,
    count(*) OVER (PARTITION BY e.commit_id) AS commit_files
  FROM core.effective_code e
  CROSS JOIN settings
  JOIN core.calendar cal ON cal.date = (e.merged_at AT TIME ZONE settings.timezone)::date
  JOIN commit_person cp ON cp.commit_id = e.commit_id
),
owner_of_file AS (
  SELECT DISTINCT ON (l.commit_id, l.file_path) l.commit_id, l.file_path, o.team_id
  FROM located l
  JOIN core.team_ownership o ON o.repo_id = l.repo_id AND (o.path_regex IS NULL OR l.file_path ~ o.path_regex)
  WHERE NOT EXISTS (SELECT 1 FROM membership_share ms WHERE ms.commit_id = l.commit_id)
  ORDER BY l.commit_id, l.file_path, (o.path_regex IS NULL), length(o.path_glob) DESC, o.team_id
),
attributed AS (
  SELECT l.*, ms.team_id, ms.share, false AS non_member
  FROM located l
  JOIN membership_share ms ON ms.commit_id = l.commit_id
  UNION ALL
  SELECT l.*, owner.team_id, 1.0 AS share, true AS non_member
  FROM located l
  LEFT JOIN owner_of_file owner ON owner.commit_id = l.commit_id AND owner.file_path = l.file_path
  WHERE NOT EXISTS (SELECT 1 FROM membership_share ms WHERE ms.commit_id = l.commit_id)
),
weekly AS (
  SELECT
    repo_id,
    coalesce(team_id, '') AS team_key,
    week_start,
    count(DISTINCT commit_id) AS commits,
    sum(lines_added * share) AS lines_added,
    sum(lines_deleted * share) AS lines_deleted,
    sum(ec_merged * share) AS ec_merged,
    sum(ec_durable * share) AS ec_durable,
    sum(ec_released * share) AS ec_released,
    sum(ec_merged * share) FILTER (WHERE author_class = 'human') AS human_ec_merged,
    sum(ec_durable * share) FILTER (WHERE author_class = 'human') AS human_ec_durable,
    sum(ec_released * share) FILTER (WHERE author_class = 'human') AS human_ec_released,
    sum(ec_merged * share) FILTER (WHERE author_class = 'ai_assisted') AS ai_assisted_ec_merged,
    sum(ec_durable * share) FILTER (WHERE author_class = 'ai_assisted') AS ai_assisted_ec_durable,
    sum(ec_released * share) FILTER (WHERE author_class = 'ai_assisted') AS ai_assisted_ec_released,
    sum(ec_merged * share) FILTER (WHERE author_class = 'ai_agent') AS ai_agent_ec_merged,
    sum(ec_durable * share) FILTER (WHERE author_class = 'ai_agent') AS ai_agent_ec_durable,
    sum(ec_released * share) FILTER (WHERE author_class = 'ai_agent') AS ai_agent_ec_released,
    sum(ec_merged * share) FILTER (WHERE author_class = 'bot') AS bot_ec_merged,
    sum(ec_durable * share) FILTER (WHERE author_class = 'bot') AS bot_ec_durable,
    sum(ec_released * share) FILTER (WHERE author_class = 'bot') AS bot_ec_released,
    sum(ec_merged * share) FILTER (WHERE author_class = 'unknown') AS unknown_ec_merged,
    sum(ec_durable * share) FILTER (WHERE author_class = 'unknown') AS unknown_ec_durable,
    sum(ec_released * share) FILTER (WHERE author_class = 'unknown') AS unknown_ec_released,
    sum(ec_merged * share) FILTER (WHERE non_member) AS non_member_ec_merged
  FROM attributed
  GROUP BY repo_id, coalesce(team_id, ''), week_start
),
human_team_week AS (
  SELECT a.person_id, coalesce(a.team_id, '') AS team_key, a.week_start, sum(a.share / a.commit_files) AS commit_weight
  FROM attributed a
  JOIN core.people p ON p.person_id = a.person_id AND p.kind = 'human'
  GROUP BY a.person_id, coalesce(a.team_id, ''), a.week_start
),
active AS (
  -- Each active human counts 1 in a week, split across teams by the share of their commits.
  SELECT team_key, week_start, count(*) AS active_humans, sum(human_share) AS active_human_share
  FROM (
    SELECT team_key, week_start, commit_weight / sum(commit_weight) OVER (PARTITION BY person_id, week_start) AS human_share
    FROM human_team_week
  ) AS shares
  GROUP BY team_key, week_start
),
pair_span AS (
  SELECT repo_id, team_key, min(week_start) AS first_week, max(week_start) AS last_week
  FROM weekly
  GROUP BY repo_id, team_key
),
grid AS (
  SELECT pair_span.repo_id, pair_span.team_key, weeks.week_start::date AS week_start
  FROM pair_span
  CROSS JOIN LATERAL generate_series(
    pair_span.first_week::timestamp, pair_span.last_week::timestamp, interval '7 days'
  ) AS weeks (week_start)
),
week_days AS (
  SELECT week_start, count(*) AS days
  FROM core.calendar
  WHERE week_start IN (SELECT week_start FROM grid)
  GROUP BY week_start
),
roster_week AS (
  SELECT
    m.team_id,
    cal.week_start,
    sum(m.fte) / max(week_days.days) AS team_fte,
    count(DISTINCT m.person_id) FILTER (WHERE p.kind = 'human') AS members
  FROM core.team_memberships m
  JOIN core.calendar cal
    ON (m.valid_from IS NULL OR m.valid_from <= cal.date)
   AND (m.valid_to IS NULL OR m.valid_to >= cal.date)
  JOIN week_days ON week_days.week_start = cal.week_start
  LEFT JOIN core.people p ON p.person_id = m.person_id
  GROUP BY m.team_id, cal.week_start
),
assembled AS (
  SELECT
    grid.repo_id,
    grid.team_key,
    grid.week_start,
    coalesce(w.commits, 0) AS commits,
    coalesce(w.lines_added, 0) AS lines_added,
    coalesce(w.lines_deleted, 0) AS lines_deleted,
    coalesce(w.ec_merged, 0) AS ec_merged,
    coalesce(w.ec_durable, 0) AS ec_durable,
    coalesce(w.ec_released, 0) AS ec_released,
    coalesce(w.human_ec_merged, 0) AS human_ec_merged,
    coalesce(w.human_ec_durable, 0) AS human_ec_durable,
    coalesce(w.human_ec_released, 0) AS human_ec_released,
    coalesce(w.ai_assisted_ec_merged, 0) AS ai_assisted_ec_merged,
    coalesce(w.ai_assisted_ec_durable, 0) AS ai_assisted_ec_durable,
    coalesce(w.ai_assisted_ec_released, 0) AS ai_assisted_ec_released,
    coalesce(w.ai_agent_ec_merged, 0) AS ai_agent_ec_merged,
    coalesce(w.ai_agent_ec_durable, 0) AS ai_agent_ec_durable,
    coalesce(w.ai_agent_ec_released, 0) AS ai_agent_ec_released,
    coalesce(w.bot_ec_merged, 0) AS bot_ec_merged,
    coalesce(w.bot_ec_durable, 0) AS bot_ec_durable,
    coalesce(w.bot_ec_released, 0) AS bot_ec_released,
    coalesce(w.unknown_ec_merged, 0) AS unknown_ec_merged,
    coalesce(w.unknown_ec_durable, 0) AS unknown_ec_durable,
    coalesce(w.unknown_ec_released, 0) AS unknown_ec_released,
    coalesce(w.non_member_ec_merged, 0) AS non_member_ec_merged,
    coalesce(r.members, 0) AS members,
    coalesce(r.team_fte, 0) AS team_fte,
    coalesce(a.active_humans, 0) AS active_humans,
    coalesce(a.active_human_share, 0) AS active_human_share
  FROM grid
  LEFT JOIN weekly w ON w.repo_id = grid.repo_id AND w.team_key = grid.team_key AND w.week_start = grid.week_start
  LEFT JOIN roster_week r ON r.team_id = grid.team_key AND r.week_start = grid.week_start
  LEFT JOIN active a ON a.team_key = grid.team_key AND a.week_start = grid.week_start
),
with_fte AS (
  SELECT
    assembled.*,
    CASE WHEN team_fte > 0 THEN 'roster' ELSE 'active_humans' END AS fte_basis,
    CASE WHEN team_fte > 0 THEN team_fte ELSE active_human_share END AS fte
  FROM assembled
)
SELECT
  f.repo_id,
  repos.name AS repo_name,
  nullif(f.team_key, '') AS team_id,
  teams.name AS team_name,
  teams.parent_team_id,
  f.week_start,
  cal.fiscal_year,
  f.commits,
  f.lines_added,
  f.lines_deleted,
  f.ec_merged,
  f.ec_durable,
  f.ec_released,
  f.human_ec_merged,
  f.human_ec_durable,
  f.human_ec_released,
  f.ai_assisted_ec_merged,
  f.ai_assisted_ec_durable,
  f.ai_assisted_ec_released,
  f.ai_agent_ec_merged,
  f.ai_agent_ec_durable,
  f.ai_agent_ec_released,
  f.bot_ec_merged,
  f.bot_ec_durable,
  f.bot_ec_released,
  f.unknown_ec_merged,
  f.unknown_ec_durable,
  f.unknown_ec_released,
  f.non_member_ec_merged,
  f.members,
  f.team_fte,
  f.active_humans,
  f.active_human_share,
  f.fte_basis,
  f.fte,
  (f.human_ec_merged + f.ai_assisted_ec_merged) / nullif(f.fte, 0) AS ec_merged_per_fte,
  (f.human_ec_durable + f.ai_assisted_ec_durable) / nullif(f.fte, 0) AS ec_durable_per_fte,
  (f.human_ec_released + f.ai_assisted_ec_released) / nullif(f.fte, 0) AS ec_released_per_fte
FROM with_fte f
LEFT JOIN core.repos AS repos ON repos.repo_id = f.repo_id
LEFT JOIN core.teams AS teams ON teams.team_id = nullif(f.team_key, '')
LEFT JOIN core.calendar AS cal ON cal.date = f.week_start;

COMMENT ON VIEW metrics.team_effective_code_weekly IS 'Effective code per repository, team and week (org time zone), by AI class, with the team''s FTE in the week and effective code per FTE. A person in two teams is split by FTE share; AI-agent work goes to the team of the human who requested or merged it. Team-level columns repeat on each repository row. See the header of its SQL file for definition, unit and exclusions.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.repo_name IS 'Short name of the repository.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.team_id IS 'The team (core.teams); null for work of people in no team on files no team owns.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.team_name IS 'Team name as written in the roster; null with team_id.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.parent_team_id IS 'Enclosing team of the team (core.teams), for rolling nested teams up.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.week_start IS 'First day of the week (local date, configured week start) in which the commits were merged.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.fiscal_year IS 'Fiscal year of week_start (named after the year in which it ends).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.commits IS 'Distinct commits with work attributed to the team in the week (a commit split between two teams counts in both).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.lines_added IS 'Raw added lines attributed to the team (times the person''s team share, so fractional when split).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.lines_deleted IS 'Raw deleted lines attributed to the team (times the person''s team share).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ec_merged IS 'Provisional effective code of all classes attributed to the team.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ec_durable IS 'Durable effective code of all classes attributed to the team.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ec_released IS 'Durable and released effective code of all classes attributed to the team.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.human_ec_merged IS 'ec_merged of commits classed human.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.human_ec_durable IS 'ec_durable of commits classed human.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.human_ec_released IS 'ec_released of commits classed human.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ai_assisted_ec_merged IS 'ec_merged of commits classed ai_assisted (a human working with an AI tool).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ai_assisted_ec_durable IS 'ec_durable of commits classed ai_assisted.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ai_assisted_ec_released IS 'ec_released of commits classed ai_assisted.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ai_agent_ec_merged IS 'ec_merged of commits classed ai_agent, attributed to the team of the human who requested or merged them.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ai_agent_ec_durable IS 'ec_durable of commits classed ai_agent.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ai_agent_ec_released IS 'ec_released of commits classed ai_agent.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.bot_ec_merged IS 'ec_merged of commits classed bot (0 while the bot gate is on).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.bot_ec_durable IS 'ec_durable of commits classed bot.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.bot_ec_released IS 'ec_released of commits classed bot.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.unknown_ec_merged IS 'ec_merged of commits whose class could not be told (e.g. an empty or invalid author e-mail).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.unknown_ec_durable IS 'ec_durable of commits classed unknown.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.unknown_ec_released IS 'ec_released of commits classed unknown.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.non_member_ec_merged IS 'Part of ec_merged by people who were in no team on the merge date: attributed through file ownership (or to no team).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.members IS 'Humans with a membership in the team on at least one day of the week (for the minimum group size). Repeats on every repository row.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.team_fte IS 'Roster FTE of the team averaged over the days of the week; 0 without roster memberships. Repeats on every repository row.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.active_humans IS 'Humans with merged work attributed to the team in the week, in any repository. Repeats on every repository row.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.active_human_share IS 'active_humans with each human split across the teams of their week by the share of their commits, so each counts once in total. Repeats on every repository row.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.fte_basis IS 'roster when fte comes from team_fte; active_humans when there is no roster FTE for the team in the week and fte is active_human_share (say so wherever the figure is shown).';
COMMENT ON COLUMN metrics.team_effective_code_weekly.fte IS 'The FTE effective code per person is divided by: team_fte, else active_human_share. Repeats on every repository row.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ec_merged_per_fte IS '(human_ec_merged + ai_assisted_ec_merged) / fte; null when fte is 0. Sums over repositories to the team''s figure.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ec_durable_per_fte IS '(human_ec_durable + ai_assisted_ec_durable) / fte; null when fte is 0.';
COMMENT ON COLUMN metrics.team_effective_code_weekly.ec_released_per_fte IS '(human_ec_released + ai_assisted_ec_released) / fte; null when fte is 0.';
