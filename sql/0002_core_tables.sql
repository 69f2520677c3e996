-- 0002: bookkeeping (sources, sync state, runs), repositories, people and identities.
-- Foreign keys are used sparingly on purpose: stable text ids let each table be truncated and
-- rebuilt on its own, which a web of foreign keys would forbid.

-- Sources ------------------------------------------------------------------------------------

CREATE TABLE core.sources (
  source_id  text PRIMARY KEY,
  kind       text NOT NULL,
  name       text NOT NULL,
  config     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE core.sources IS 'One row per configured source (a git repository, a GitHub organisation, a Jira site).';
COMMENT ON COLUMN core.sources.source_id IS 'Stable id: <kind>:<name>, e.g. git:web or github:acme.';
COMMENT ON COLUMN core.sources.kind IS 'Source type: git, github, jira, ...';
COMMENT ON COLUMN core.sources.name IS 'Name of the source as written in the configuration.';
COMMENT ON COLUMN core.sources.config IS 'The source''s configuration as used (never secrets: only the names of the environment variables holding them).';
COMMENT ON COLUMN core.sources.created_at IS 'When the source was first recorded.';

-- Sync state ---------------------------------------------------------------------------------

CREATE TABLE core.sync_state (
  source_id   text NOT NULL,
  stream      text NOT NULL,
  cursor      text,
  cursor_time timestamptz,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, stream)
);

COMMENT ON TABLE core.sync_state IS 'Resumable collection cursor: one row per source and stream (e.g. git:web / commits, github:acme / pulls).';
COMMENT ON COLUMN core.sync_state.source_id IS 'The source (core.sources.source_id).';
COMMENT ON COLUMN core.sync_state.stream IS 'Which stream of the source the cursor belongs to (commits, pulls, issues, ...).';
COMMENT ON COLUMN core.sync_state.cursor IS 'Opaque position to resume from (a commit sha, a page token, an updated-since timestamp).';
COMMENT ON COLUMN core.sync_state.cursor_time IS 'Time the cursor stands for, when it has one (e.g. the newest updated_at collected).';
COMMENT ON COLUMN core.sync_state.details IS 'Source-specific state kept alongside the cursor.';
COMMENT ON COLUMN core.sync_state.updated_at IS 'When the cursor last moved.';

-- Runs ---------------------------------------------------------------------------------------

CREATE TABLE core.runs (
  run_id       text PRIMARY KEY,
  command      text NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  status       text NOT NULL DEFAULT 'running'
               CONSTRAINT runs_status_known CHECK (status IN ('running', 'succeeded', 'failed', 'partial')),
  config_hash  text,
  config       jsonb,
  tool_version text,
  stats        jsonb NOT NULL DEFAULT '{}'::jsonb,
  error        text
);

COMMENT ON TABLE core.runs IS 'One row per collection or compute run and its outcome; every number can be traced to the run (and configuration) that produced it.';
COMMENT ON COLUMN core.runs.run_id IS 'Unique id of the run.';
COMMENT ON COLUMN core.runs.command IS 'What was run (run, collect, compute, schedule, ...).';
COMMENT ON COLUMN core.runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN core.runs.finished_at IS 'When the run ended (UTC); null while running.';
COMMENT ON COLUMN core.runs.status IS 'running, succeeded, failed, or partial (some sources failed, the rest were written).';
COMMENT ON COLUMN core.runs.config_hash IS 'Hash of the normalised configuration (weights, calendar, sources): numbers with the same hash are comparable.';
COMMENT ON COLUMN core.runs.config IS 'The normalised configuration used. Secrets are never stored, only the names of their environment variables.';
COMMENT ON COLUMN core.runs.tool_version IS 'Version of codeledger that ran.';
COMMENT ON COLUMN core.runs.stats IS 'Counts gathered during the run (commits read, rows written, durations, ...).';
COMMENT ON COLUMN core.runs.error IS 'Error message when the run failed or was partial.';

-- Repositories -------------------------------------------------------------------------------

CREATE TABLE core.repos (
  repo_id             text PRIMARY KEY,
  name                text NOT NULL CONSTRAINT repos_name_unique UNIQUE,
  url                 text,
  local_path          text,
  default_branch      text,
  head_sha            text,
  stack               text,
  team                text,
  release_tag_pattern text,
  first_commit_at     timestamptz,
  last_commit_at      timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE core.repos IS 'One row per analysed repository.';
COMMENT ON COLUMN core.repos.repo_id IS 'Stable id: git:<name>.';
COMMENT ON COLUMN core.repos.name IS 'Short unique name of the repository (as configured, or the folder name).';
COMMENT ON COLUMN core.repos.url IS 'Remote URL, when known (credentials removed).';
COMMENT ON COLUMN core.repos.local_path IS 'Where the clone lives on the machine that ran the analysis.';
COMMENT ON COLUMN core.repos.default_branch IS 'The branch whose first-parent history is analysed (merged work only).';
COMMENT ON COLUMN core.repos.head_sha IS 'Tip of the default branch at the last analysis.';
COMMENT ON COLUMN core.repos.stack IS 'Configured default stack of the repository (front end, back end, mobile, data, infra, other), when set.';
COMMENT ON COLUMN core.repos.team IS 'Owning team, when configured.';
COMMENT ON COLUMN core.repos.release_tag_pattern IS 'Glob of the tags that mark releases (e.g. v*).';
COMMENT ON COLUMN core.repos.first_commit_at IS 'Commit time of the oldest analysed commit.';
COMMENT ON COLUMN core.repos.last_commit_at IS 'Commit time of the newest analysed commit.';
COMMENT ON COLUMN core.repos.updated_at IS 'When this row was last written.';

-- People and identities ----------------------------------------------------------------------

CREATE TABLE core.people (
  person_id    text PRIMARY KEY,
  display_name text NOT NULL,
  kind         text NOT NULL DEFAULT 'human'
               CONSTRAINT people_kind_known CHECK (kind IN ('human', 'ai_agent', 'bot')),
  created_at   timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE core.people IS 'One row per person, AI agent or bot; a person has many identities.';
COMMENT ON COLUMN core.people.person_id IS 'Stable id of the person.';
COMMENT ON COLUMN core.people.display_name IS 'Name shown in reports.';
COMMENT ON COLUMN core.people.kind IS 'human, ai_agent or bot. AI agents and bots have no FTE.';
COMMENT ON COLUMN core.people.created_at IS 'When the person was first recorded.';

CREATE TABLE core.identities (
  identity_id   text PRIMARY KEY,
  provider      text NOT NULL,
  external_id   text NOT NULL,
  name          text,
  email         text,
  person_id     text REFERENCES core.people (person_id) ON DELETE SET NULL,
  link_rule     text,
  kind_evidence text,
  first_seen_at timestamptz,
  last_seen_at  timestamptz
);

CREATE INDEX identities_person_id_idx ON core.identities (person_id);
CREATE INDEX identities_email_idx ON core.identities (lower(email));

COMMENT ON TABLE core.identities IS 'One row per identity a person uses with a provider (git name/e-mail, GitHub login, Jira account), with the rule that linked it to the person.';
COMMENT ON COLUMN core.identities.identity_id IS 'Stable id: <provider>:<external id>, e.g. git:alice@example.com.';
COMMENT ON COLUMN core.identities.provider IS 'git, github or jira (more providers later).';
COMMENT ON COLUMN core.identities.external_id IS 'The id within the provider (e-mail for git, login or numeric id for GitHub, account id for Jira).';
COMMENT ON COLUMN core.identities.name IS 'Name as the provider reports it.';
COMMENT ON COLUMN core.identities.email IS 'E-mail as the provider reports it, when any.';
COMMENT ON COLUMN core.identities.person_id IS 'The person this identity belongs to (core.people).';
COMMENT ON COLUMN core.identities.link_rule IS 'Rule that linked the identity to the person: exact_email, roster, noreply_id, login, name, override, or new (no match: a new person was created).';
COMMENT ON COLUMN core.identities.kind_evidence IS 'Why the person is classed as ai_agent or bot (e.g. the login or e-mail pattern that matched); null for humans.';
COMMENT ON COLUMN core.identities.first_seen_at IS 'Earliest activity seen with this identity.';
COMMENT ON COLUMN core.identities.last_seen_at IS 'Latest activity seen with this identity.';
