-- metrics.commit_tickets
--
-- Definition: the tickets each commit of the analysed history belongs to, through core.links:
--   directly (a key or reference in the commit's own message or trailers) or through a pull
--   request the commit belongs to (pr_commit or merge_commit link) that is linked to the ticket.
--   This is what "first commit linked to a requirement" (delivery phases) and "fix commit linked
--   to a bug" (defects) read.
-- Unit: none (a relation); closes and direct are flags.
-- Grain: one row per commit x ticket.
-- Exclusions: commits that are not in core.commits (branch commits that never reached the
--   first-parent history of the default branch). Tickets need not have been collected: a key of a
--   configured Jira project links even without a Jira source, and then ticket_type is null.

CREATE VIEW metrics.commit_tickets AS
WITH pr_ticket AS (
  SELECT from_id AS pr_id, to_id AS ticket_id, closes
    FROM core.links
   WHERE from_type = 'pr' AND to_type = 'ticket'
  UNION ALL
  SELECT to_id AS pr_id, from_id AS ticket_id, closes
    FROM core.links
   WHERE from_type = 'ticket' AND to_type = 'pr'
),
commit_ticket AS (
  SELECT from_id AS commit_id, to_id AS ticket_id, closes, true AS direct, NULL::text AS pr_id
    FROM core.links
   WHERE from_type = 'commit' AND to_type = 'ticket'
  UNION ALL
  SELECT l.to_id AS commit_id, pt.ticket_id, pt.closes, false AS direct, l.from_id AS pr_id
    FROM core.links AS l
    JOIN pr_ticket AS pt ON pt.pr_id = l.from_id
   WHERE l.from_type = 'pr' AND l.to_type = 'commit'
)
SELECT
  c.commit_id,
  c.repo_id,
  c.sha,
  c.merged_at,
  ct.ticket_id,
  coalesce(t.key, regexp_replace(ct.ticket_id, '^[a-z]+:', '')) AS ticket_key,
  t.type AS ticket_type,
  bool_or(ct.direct) AS direct,
  min(ct.pr_id) AS via_pr_id,
  bool_or(ct.closes) AS closes
FROM commit_ticket AS ct
JOIN core.commits AS c ON c.commit_id = ct.commit_id
LEFT JOIN core.tickets AS t ON t.ticket_id = ct.ticket_id
GROUP BY c.commit_id, c.repo_id, c.sha, c.merged_at, ct.ticket_id, t.key, t.type;

COMMENT ON VIEW metrics.commit_tickets IS 'One row per commit and ticket it belongs to, directly or through its pull request. See the header of its SQL file.';
COMMENT ON COLUMN metrics.commit_tickets.commit_id IS 'The commit (core.commits).';
COMMENT ON COLUMN metrics.commit_tickets.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN metrics.commit_tickets.sha IS 'Commit sha.';
COMMENT ON COLUMN metrics.commit_tickets.merged_at IS 'When the commit landed on the default branch (UTC).';
COMMENT ON COLUMN metrics.commit_tickets.ticket_id IS 'The ticket (core.tickets.ticket_id, e.g. jira:ABC-42 or github:acme/web#7); it may not have been collected.';
COMMENT ON COLUMN metrics.commit_tickets.ticket_key IS 'Key as people write it (ABC-42, acme/web#7).';
COMMENT ON COLUMN metrics.commit_tickets.ticket_type IS 'Canonical ticket type (requirement, bug, incident, task, subtask, other); null when the ticket was not collected.';
COMMENT ON COLUMN metrics.commit_tickets.direct IS 'True when the commit''s own message references the ticket.';
COMMENT ON COLUMN metrics.commit_tickets.via_pr_id IS 'A pull request (the first by id) through which the commit is linked to the ticket; null when only directly linked.';
COMMENT ON COLUMN metrics.commit_tickets.closes IS 'True when any of the links used a closing keyword (fixes, closes, resolves).';
