-- metrics.merged_pr_tickets and metrics.pr_ticket_coverage_weekly
--
-- Definition: a merged pull request "has a ticket" when core.links connects it to at least one
--   ticket (Jira issue or GitHub issue): directly (a key or reference in its branch, title,
--   description or commit messages, or a link from the ticket), or through one of its commits
--   (pr_commit / merge_commit links) whose own message references a ticket. The weekly view counts
--   merged pull requests with and without a ticket per repository and week, and the share without.
-- Unit: counts of pull requests; share_without_ticket is a fraction between 0 and 1.
-- Grain: metrics.merged_pr_tickets has one row per merged pull request (the list behind every
--   figure); metrics.pr_ticket_coverage_weekly has one row per repository (owner/name on the host)
--   x week with at least one merged pull request (no zero rows).
-- Exclusions: pull requests that were not merged (open, or closed without merging). Pull requests
--   by bots (the author's person is of kind bot; without a linked person, a login ending in
--   "[bot]") are counted in bot_prs and left out of every other figure: dependency updates carry
--   no ticket by design. A pull request counts in the week of its merge (merged_at as a local date
--   in core.calendar_settings.timezone); the weekly view leaves out merges whose local date is not
--   covered by core.calendar (week_start is then null in metrics.merged_pr_tickets).

CREATE VIEW metrics.merged_pr_tickets AS
WITH settings AS (
  SELECT coalesce((SELECT s.timezone FROM core.calendar_settings s LIMIT 1), 'UTC') AS timezone
),
pr_ticket AS (
  SELECT from_id AS pr_id, to_id AS ticket_id, closes
    FROM core.links
   WHERE from_type = 'pr' AND to_type = 'ticket'
  UNION ALL
  SELECT to_id AS pr_id, from_id AS ticket_id, closes
    FROM core.links
   WHERE from_type = 'ticket' AND to_type = 'pr'
  UNION ALL
  SELECT pc.from_id AS pr_id, ct.to_id AS ticket_id, ct.closes
    FROM core.links AS pc
    JOIN core.links AS ct ON ct.from_type = 'commit' AND ct.from_id = pc.to_id AND ct.to_type = 'ticket'
   WHERE pc.from_type = 'pr' AND pc.to_type = 'commit'
),
per_pr AS (
  SELECT pr_id,
         count(DISTINCT ticket_id) AS tickets,
         array_agg(DISTINCT ticket_id ORDER BY ticket_id) AS ticket_ids,
         bool_or(closes) AS closes_ticket
    FROM pr_ticket
   GROUP BY pr_id
)
SELECT
  p.pr_id,
  p.repo_full_name,
  p.repo_id,
  repos.name AS repo_name,
  p.number,
  p.title,
  p.author_login,
  p.merged_at,
  cal.week_start,
  cal.month_start,
  coalesce(people.kind = 'bot', p.author_login LIKE '%[bot]', false) AS is_bot,
  coalesce(t.tickets, 0) AS tickets,
  coalesce(t.ticket_ids, ARRAY[]::text[]) AS ticket_ids,
  coalesce(t.closes_ticket, false) AS closes_ticket,
  t.pr_id IS NOT NULL AS has_ticket
FROM core.pull_requests AS p
CROSS JOIN settings
LEFT JOIN core.calendar AS cal ON cal.date = (p.merged_at AT TIME ZONE settings.timezone)::date
LEFT JOIN core.repos AS repos ON repos.repo_id = p.repo_id
LEFT JOIN core.identities AS identities ON identities.identity_id = p.author_identity_id
LEFT JOIN core.people AS people ON people.person_id = identities.person_id
LEFT JOIN per_pr AS t ON t.pr_id = p.pr_id
WHERE p.merged_at IS NOT NULL;

COMMENT ON VIEW metrics.merged_pr_tickets IS 'One row per merged pull request with the tickets linked to it (directly or through its commits); the list behind metrics.pr_ticket_coverage_weekly. See the header of its SQL file.';
COMMENT ON COLUMN metrics.merged_pr_tickets.pr_id IS 'The pull request (core.pull_requests).';
COMMENT ON COLUMN metrics.merged_pr_tickets.repo_full_name IS 'Repository as owner/name on the host.';
COMMENT ON COLUMN metrics.merged_pr_tickets.repo_id IS 'The analysed repository (core.repos), when one is analysed.';
COMMENT ON COLUMN metrics.merged_pr_tickets.repo_name IS 'Short name of the analysed repository, when one is analysed.';
COMMENT ON COLUMN metrics.merged_pr_tickets.number IS 'Pull request number within the repository.';
COMMENT ON COLUMN metrics.merged_pr_tickets.title IS 'Title as last collected.';
COMMENT ON COLUMN metrics.merged_pr_tickets.author_login IS 'Login of the author on the host.';
COMMENT ON COLUMN metrics.merged_pr_tickets.merged_at IS 'When it was merged (UTC).';
COMMENT ON COLUMN metrics.merged_pr_tickets.week_start IS 'First day of the week (local date, configured week start) of the merge; null when core.calendar does not cover it.';
COMMENT ON COLUMN metrics.merged_pr_tickets.month_start IS 'First day of the month (local date) of the merge; null when core.calendar does not cover it.';
COMMENT ON COLUMN metrics.merged_pr_tickets.is_bot IS 'True when a bot opened it (its person is of kind bot, or without a person its login ends in [bot]); such pull requests are left out of the coverage figures.';
COMMENT ON COLUMN metrics.merged_pr_tickets.tickets IS 'Distinct tickets linked to the pull request or to its commits.';
COMMENT ON COLUMN metrics.merged_pr_tickets.ticket_ids IS 'Those tickets (core.tickets.ticket_id, e.g. jira:ABC-42), sorted; empty when none.';
COMMENT ON COLUMN metrics.merged_pr_tickets.closes_ticket IS 'True when at least one of those links used a closing keyword (fixes, closes, resolves).';
COMMENT ON COLUMN metrics.merged_pr_tickets.has_ticket IS 'True when at least one ticket is linked.';

CREATE VIEW metrics.pr_ticket_coverage_weekly AS
SELECT
  m.repo_full_name,
  max(m.repo_id) AS repo_id,
  max(m.repo_name) AS repo_name,
  m.week_start,
  count(*) FILTER (WHERE NOT m.is_bot) AS merged_prs,
  count(*) FILTER (WHERE NOT m.is_bot AND m.has_ticket) AS prs_with_ticket,
  count(*) FILTER (WHERE NOT m.is_bot AND NOT m.has_ticket) AS prs_without_ticket,
  (count(*) FILTER (WHERE NOT m.is_bot AND NOT m.has_ticket))::numeric
    / nullif(count(*) FILTER (WHERE NOT m.is_bot), 0) AS share_without_ticket,
  count(*) FILTER (WHERE m.is_bot) AS bot_prs
FROM metrics.merged_pr_tickets AS m
WHERE m.week_start IS NOT NULL
GROUP BY m.repo_full_name, m.week_start;

COMMENT ON VIEW metrics.pr_ticket_coverage_weekly IS 'Merged pull requests per repository and week, with and without a linked ticket, and the share without. See the header of its SQL file.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.repo_full_name IS 'Repository as owner/name on the host.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.repo_id IS 'The analysed repository (core.repos), when one is analysed.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.repo_name IS 'Short name of the analysed repository, when one is analysed.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.week_start IS 'First day of the week (local date, configured week start) in which the pull requests were merged.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.merged_prs IS 'Pull requests merged in the week, bots excluded.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.prs_with_ticket IS 'Of those, pull requests linked to at least one ticket.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.prs_without_ticket IS 'Of those, pull requests linked to no ticket.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.share_without_ticket IS 'prs_without_ticket / merged_prs (0-1); null when only bots merged pull requests that week.';
COMMENT ON COLUMN metrics.pr_ticket_coverage_weekly.bot_prs IS 'Pull requests by bots merged in the week (not counted in the other figures).';
