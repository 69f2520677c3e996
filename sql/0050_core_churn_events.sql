-- core.churn_events: the audit trail behind effective_code.churned_lines / churned_ec.
-- One row per origin row (commit x file that introduced the lines) and churning commit: how many of
-- the origin's effective lines that commit changed or deleted inside the durability window, and the
-- effective code (ec_base units) those lines carried. Rebuilt with the commits it refers to.

CREATE TABLE core.churn_events (
  repo_id          text        NOT NULL,
  origin_commit_id text        NOT NULL,
  origin_path      text        NOT NULL,
  churn_commit_id  text        NOT NULL,
  lines            integer     NOT NULL,
  ec               numeric     NOT NULL,
  days_after_merge numeric     NOT NULL,
  PRIMARY KEY (origin_commit_id, origin_path, churn_commit_id)
);

CREATE INDEX churn_events_churn_commit_idx ON core.churn_events (churn_commit_id);
CREATE INDEX churn_events_repo_idx ON core.churn_events (repo_id);

COMMENT ON TABLE core.churn_events IS
  'Churn audit trail: effective lines of an origin commit x file changed or deleted by a later commit within the durability window (metrics.md §1 Durability). effective_code.churned_lines/churned_ec are sums of these rows.';
COMMENT ON COLUMN core.churn_events.repo_id IS 'Repository (core.repos.repo_id).';
COMMENT ON COLUMN core.churn_events.origin_commit_id IS 'Commit that introduced the churned lines (core.commits.commit_id).';
COMMENT ON COLUMN core.churn_events.origin_path IS 'File path of the origin row, as it was in the origin commit (core.effective_code.file_path).';
COMMENT ON COLUMN core.churn_events.churn_commit_id IS 'Later commit that changed or deleted the lines.';
COMMENT ON COLUMN core.churn_events.lines IS 'Number of the origin''s effective lines the churning commit changed or deleted.';
COMMENT ON COLUMN core.churn_events.ec IS 'Effective code (ec_base units: op x work type x bulk x complexity) those lines carried.';
COMMENT ON COLUMN core.churn_events.days_after_merge IS 'Days between the origin commit''s merge and the churning commit''s merge.';
