-- 0007: delivery data from hosts and trackers (pull requests, reviews, tickets, deployments),
-- teams over time, and the links between tickets, pull requests and commits.
-- Every row keeps the raw page it was extracted from (raw_page_id) so it can be traced and the
-- table rebuilt from raw without fetching again.

-- Identities: GitHub logins and the source an identity was first seen in -----------------------

ALTER TABLE core.identities ADD COLUMN login text;
ALTER TABLE core.identities ADD COLUMN source_id text;
CREATE INDEX identities_login_idx ON core.identities (lower(login));

COMMENT ON COLUMN core.identities.login IS 'Login or user name within the provider (GitHub login, Jira Data Center user name), when any.';
COMMENT ON COLUMN core.identities.source_id IS 'Source the identity was seen in (core.sources); null for git identities.';

-- Pull requests ------------------------------------------------------------------------------

CREATE TABLE core.pull_requests (
  pr_id              text PRIMARY KEY,
  source_id          text NOT NULL,
  repo_full_name     text NOT NULL,
  repo_id            text,
  number             int NOT NULL,
  url                text,
  title              text,
  body               text,
  state              text NOT NULL
                     CONSTRAINT pull_requests_state_known CHECK (state IN ('open', 'closed', 'merged')),
  draft              boolean NOT NULL DEFAULT false,
  author_identity_id text,
  author_login       text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz,
  closed_at          timestamptz,
  merged_at          timestamptz,
  merge_commit_sha   text,
  base_ref           text,
  head_ref           text,
  head_sha           text,
  additions          int,
  deletions          int,
  changed_files      int,
  commits_count      int,
  labels             jsonb NOT NULL DEFAULT '[]'::jsonb,
  first_commit_at    timestamptz,
  first_review_at    timestamptz,
  approved_at        timestamptz,
  raw_page_id        bigint
);

CREATE INDEX pull_requests_repo_idx ON core.pull_requests (repo_full_name, number);
CREATE INDEX pull_requests_merge_sha_idx ON core.pull_requests (merge_commit_sha);

COMMENT ON TABLE core.pull_requests IS 'One row per pull request (GitHub), with the times that PR cycle time is measured between.';
COMMENT ON COLUMN core.pull_requests.pr_id IS 'Stable id: github:<owner>/<name>#<number>.';
COMMENT ON COLUMN core.pull_requests.source_id IS 'Source it was collected from (core.sources).';
COMMENT ON COLUMN core.pull_requests.repo_full_name IS 'Repository as owner/name on the host.';
COMMENT ON COLUMN core.pull_requests.repo_id IS 'The analysed repository (core.repos) with the same remote, when one is analysed.';
COMMENT ON COLUMN core.pull_requests.number IS 'Pull request number within the repository.';
COMMENT ON COLUMN core.pull_requests.url IS 'Web address of the pull request.';
COMMENT ON COLUMN core.pull_requests.title IS 'Title as last collected.';
COMMENT ON COLUMN core.pull_requests.body IS 'Description as last collected.';
COMMENT ON COLUMN core.pull_requests.state IS 'open, closed (without merging) or merged.';
COMMENT ON COLUMN core.pull_requests.draft IS 'True while the pull request is a draft.';
COMMENT ON COLUMN core.pull_requests.author_identity_id IS 'Identity of the author (core.identities).';
COMMENT ON COLUMN core.pull_requests.author_login IS 'Login of the author on the host.';
COMMENT ON COLUMN core.pull_requests.created_at IS 'When the pull request was opened (UTC).';
COMMENT ON COLUMN core.pull_requests.updated_at IS 'Last update reported by the host (UTC).';
COMMENT ON COLUMN core.pull_requests.closed_at IS 'When it was closed or merged (UTC).';
COMMENT ON COLUMN core.pull_requests.merged_at IS 'When it was merged (UTC); null when not merged.';
COMMENT ON COLUMN core.pull_requests.merge_commit_sha IS 'Commit that landed the pull request on the base branch (merge, squash or rebase tip).';
COMMENT ON COLUMN core.pull_requests.base_ref IS 'Branch the pull request targets.';
COMMENT ON COLUMN core.pull_requests.head_ref IS 'Branch the pull request comes from (ticket keys and agent prefixes are read from it).';
COMMENT ON COLUMN core.pull_requests.head_sha IS 'Tip commit of the head branch as last collected.';
COMMENT ON COLUMN core.pull_requests.additions IS 'Lines added according to the host (raw, unweighted).';
COMMENT ON COLUMN core.pull_requests.deletions IS 'Lines deleted according to the host (raw, unweighted).';
COMMENT ON COLUMN core.pull_requests.changed_files IS 'Files changed according to the host.';
COMMENT ON COLUMN core.pull_requests.commits_count IS 'Commits in the pull request according to the host.';
COMMENT ON COLUMN core.pull_requests.labels IS 'Label names (JSON array).';
COMMENT ON COLUMN core.pull_requests.first_commit_at IS 'Author time of the earliest commit of the pull request (start of the coding phase).';
COMMENT ON COLUMN core.pull_requests.first_review_at IS 'First review, review comment or conversation comment by a human who is not the author (end of the pickup phase).';
COMMENT ON COLUMN core.pull_requests.approved_at IS 'First approving review.';
COMMENT ON COLUMN core.pull_requests.raw_page_id IS 'Raw page the row was last extracted from (raw.api_pages).';

CREATE TABLE core.pr_reviews (
  review_id          text PRIMARY KEY,
  pr_id              text NOT NULL,
  kind               text NOT NULL
                     CONSTRAINT pr_reviews_kind_known CHECK (kind IN ('review', 'review_comment', 'comment')),
  state              text,
  author_identity_id text,
  author_login       text,
  author_is_bot      boolean NOT NULL DEFAULT false,
  submitted_at       timestamptz,
  body               text,
  raw_page_id        bigint
);

CREATE INDEX pr_reviews_pr_idx ON core.pr_reviews (pr_id, submitted_at);

COMMENT ON TABLE core.pr_reviews IS 'One row per review, review comment or conversation comment on a pull request.';
COMMENT ON COLUMN core.pr_reviews.review_id IS 'Stable id: <pr_id>/review/<id>, <pr_id>/review-comment/<id> or <pr_id>/comment/<id>.';
COMMENT ON COLUMN core.pr_reviews.pr_id IS 'The pull request (core.pull_requests).';
COMMENT ON COLUMN core.pr_reviews.kind IS 'review (a submitted review), review_comment (a comment on the diff) or comment (a conversation comment).';
COMMENT ON COLUMN core.pr_reviews.state IS 'For reviews: APPROVED, CHANGES_REQUESTED, COMMENTED or DISMISSED.';
COMMENT ON COLUMN core.pr_reviews.author_identity_id IS 'Identity of the reviewer (core.identities).';
COMMENT ON COLUMN core.pr_reviews.author_login IS 'Login of the reviewer on the host.';
COMMENT ON COLUMN core.pr_reviews.author_is_bot IS 'True when the reviewer is a bot or AI agent (not counted as human pickup).';
COMMENT ON COLUMN core.pr_reviews.submitted_at IS 'When it was submitted (UTC).';
COMMENT ON COLUMN core.pr_reviews.body IS 'Text of the review or comment.';
COMMENT ON COLUMN core.pr_reviews.raw_page_id IS 'Raw page the row was last extracted from (raw.api_pages).';

CREATE TABLE core.pr_commits (
  pr_id              text NOT NULL,
  sha                text NOT NULL,
  author_identity_id text,
  author_login       text,
  authored_at        timestamptz,
  committed_at       timestamptz,
  message            text,
  raw_page_id        bigint,
  PRIMARY KEY (pr_id, sha)
);

CREATE INDEX pr_commits_sha_idx ON core.pr_commits (sha);

COMMENT ON TABLE core.pr_commits IS 'One row per commit of a pull request (the PR <-> commit relation).';
COMMENT ON COLUMN core.pr_commits.pr_id IS 'The pull request (core.pull_requests).';
COMMENT ON COLUMN core.pr_commits.sha IS 'Commit sha (it may never reach the default branch, e.g. after a squash merge).';
COMMENT ON COLUMN core.pr_commits.author_identity_id IS 'Identity of the commit author (core.identities).';
COMMENT ON COLUMN core.pr_commits.author_login IS 'Login of the commit author on the host, when known.';
COMMENT ON COLUMN core.pr_commits.authored_at IS 'Author time (UTC).';
COMMENT ON COLUMN core.pr_commits.committed_at IS 'Commit time (UTC).';
COMMENT ON COLUMN core.pr_commits.message IS 'Commit message.';
COMMENT ON COLUMN core.pr_commits.raw_page_id IS 'Raw page the row was last extracted from (raw.api_pages).';

-- Tickets ------------------------------------------------------------------------------------

CREATE TABLE core.tickets (
  ticket_id             text PRIMARY KEY,
  source_id             text NOT NULL,
  provider              text NOT NULL,
  key                   text NOT NULL,
  project               text,
  url                   text,
  title                 text,
  type                  text NOT NULL
                        CONSTRAINT tickets_type_known CHECK (type IN ('requirement', 'bug', 'incident', 'task', 'subtask', 'other')),
  type_raw              text,
  status_raw            text,
  status_category       text
                        CONSTRAINT tickets_status_category_known CHECK (status_category IN ('new', 'indeterminate', 'done')),
  phase                 text,
  resolution            text,
  priority              text,
  severity              text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz,
  resolved_at           timestamptz,
  assignee_identity_id  text,
  reporter_identity_id  text,
  parent_id             text,
  epic_id               text,
  story_points          numeric,
  components            jsonb NOT NULL DEFAULT '[]'::jsonb,
  labels                jsonb NOT NULL DEFAULT '[]'::jsonb,
  fix_versions          jsonb NOT NULL DEFAULT '[]'::jsonb,
  found_in_environment  text,
  is_defect             boolean NOT NULL DEFAULT false,
  is_escaped            boolean NOT NULL DEFAULT false,
  removed_at            timestamptz,
  raw_page_id           bigint
);

CREATE INDEX tickets_source_key_idx ON core.tickets (source_id, key);
CREATE INDEX tickets_type_created_idx ON core.tickets (type, created_at);

COMMENT ON TABLE core.tickets IS 'One row per tracker item (Jira issue, GitHub issue) with its canonical type and status category; the original values are kept next to them.';
COMMENT ON COLUMN core.tickets.ticket_id IS 'Stable id: jira:<KEY-42> or github:<owner>/<name>#<number>.';
COMMENT ON COLUMN core.tickets.source_id IS 'Source it was collected from (core.sources).';
COMMENT ON COLUMN core.tickets.provider IS 'jira or github.';
COMMENT ON COLUMN core.tickets.key IS 'Key as people write it: ABC-42 (Jira) or owner/name#12 (GitHub).';
COMMENT ON COLUMN core.tickets.project IS 'Jira project key, or the GitHub repository owner/name.';
COMMENT ON COLUMN core.tickets.url IS 'Web address of the item.';
COMMENT ON COLUMN core.tickets.title IS 'Summary or title.';
COMMENT ON COLUMN core.tickets.type IS 'Canonical type: requirement, bug, incident, task, subtask or other.';
COMMENT ON COLUMN core.tickets.type_raw IS 'Issue type (or the labels that decided the type) as the tracker names it.';
COMMENT ON COLUMN core.tickets.status_raw IS 'Current status name as the tracker shows it (any language).';
COMMENT ON COLUMN core.tickets.status_category IS 'Status category: new, indeterminate or done.';
COMMENT ON COLUMN core.tickets.phase IS 'Canonical delivery phase of the current status (backlog, clarify, develop, review, test, release, blocked, done), when mapped.';
COMMENT ON COLUMN core.tickets.resolution IS 'Resolution (Done, Duplicate, Won''t Fix, ...); defects exclude duplicate / won''t fix / not a bug.';
COMMENT ON COLUMN core.tickets.priority IS 'Priority name.';
COMMENT ON COLUMN core.tickets.severity IS 'Severity, from the configured field or label.';
COMMENT ON COLUMN core.tickets.created_at IS 'When the item was created (UTC).';
COMMENT ON COLUMN core.tickets.updated_at IS 'Last update reported by the tracker (UTC).';
COMMENT ON COLUMN core.tickets.resolved_at IS 'When the item was resolved or closed (UTC); null while open.';
COMMENT ON COLUMN core.tickets.assignee_identity_id IS 'Identity of the assignee (core.identities).';
COMMENT ON COLUMN core.tickets.reporter_identity_id IS 'Identity of the reporter (core.identities).';
COMMENT ON COLUMN core.tickets.parent_id IS 'Parent item (core.tickets.ticket_id), e.g. the story of a sub-task.';
COMMENT ON COLUMN core.tickets.epic_id IS 'Epic the item belongs to (core.tickets.ticket_id).';
COMMENT ON COLUMN core.tickets.story_points IS 'Story points, from the configured field.';
COMMENT ON COLUMN core.tickets.components IS 'Component names (JSON array).';
COMMENT ON COLUMN core.tickets.labels IS 'Labels (JSON array).';
COMMENT ON COLUMN core.tickets.fix_versions IS 'Fix versions with their release dates: JSON array of {name, released, releaseDate}.';
COMMENT ON COLUMN core.tickets.found_in_environment IS 'For defects: where it was found (e.g. production), from the configured field or label.';
COMMENT ON COLUMN core.tickets.is_defect IS 'True for a defect: canonical type bug, not closed with an excluded resolution (duplicate, won''t fix, not a bug, ...).';
COMMENT ON COLUMN core.tickets.is_escaped IS 'True for an escaped defect (found in production by the configured field, label, environment value or priority rule) and for every incident not closed with an excluded resolution.';
COMMENT ON COLUMN core.tickets.removed_at IS 'When a full refresh found the item deleted or moved out of scope; null while present.';
COMMENT ON COLUMN core.tickets.raw_page_id IS 'Raw page the row was last extracted from (raw.api_pages).';

CREATE TABLE core.ticket_transitions (
  transition_id   text PRIMARY KEY,
  ticket_id       text NOT NULL,
  from_status     text,
  to_status       text,
  from_category   text,
  to_category     text,
  from_phase      text,
  to_phase        text,
  at              timestamptz NOT NULL,
  by_identity_id  text,
  raw_page_id     bigint
);

CREATE INDEX ticket_transitions_ticket_idx ON core.ticket_transitions (ticket_id, at);

COMMENT ON TABLE core.ticket_transitions IS 'One row per status change of a ticket (from the changelog), with the canonical phases on both sides.';
COMMENT ON COLUMN core.ticket_transitions.transition_id IS 'Stable id: <ticket_id>/<changelog history id>/<item index>.';
COMMENT ON COLUMN core.ticket_transitions.ticket_id IS 'The ticket (core.tickets).';
COMMENT ON COLUMN core.ticket_transitions.from_status IS 'Status before the change, as the tracker names it.';
COMMENT ON COLUMN core.ticket_transitions.to_status IS 'Status after the change, as the tracker names it.';
COMMENT ON COLUMN core.ticket_transitions.from_category IS 'Status category before the change (new, indeterminate, done), when known.';
COMMENT ON COLUMN core.ticket_transitions.to_category IS 'Status category after the change, when known.';
COMMENT ON COLUMN core.ticket_transitions.from_phase IS 'Canonical phase before the change, when mapped.';
COMMENT ON COLUMN core.ticket_transitions.to_phase IS 'Canonical phase after the change, when mapped.';
COMMENT ON COLUMN core.ticket_transitions.at IS 'When the status changed (UTC).';
COMMENT ON COLUMN core.ticket_transitions.by_identity_id IS 'Who changed it (core.identities).';
COMMENT ON COLUMN core.ticket_transitions.raw_page_id IS 'Raw page the row was last extracted from (raw.api_pages).';

-- Deployments --------------------------------------------------------------------------------

CREATE TABLE core.deployments (
  deployment_id   text PRIMARY KEY,
  source_id       text NOT NULL,
  repo_full_name  text,
  repo_id         text,
  kind            text NOT NULL
                  CONSTRAINT deployments_kind_known CHECK (kind IN ('release', 'deployment', 'tag')),
  name            text,
  environment     text,
  is_production   boolean NOT NULL DEFAULT false,
  status          text,
  sha             text,
  ref             text,
  created_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  url             text,
  raw_page_id     bigint
);

CREATE INDEX deployments_repo_idx ON core.deployments (repo_full_name, finished_at);
CREATE INDEX deployments_sha_idx ON core.deployments (sha);

COMMENT ON TABLE core.deployments IS 'One row per release, tag or deployment, with its environment, final status and the commit it shipped.';
COMMENT ON COLUMN core.deployments.deployment_id IS 'Stable id: github:<owner>/<name>/release/<id> or github:<owner>/<name>/deployment/<id>.';
COMMENT ON COLUMN core.deployments.source_id IS 'Source it was collected from (core.sources).';
COMMENT ON COLUMN core.deployments.repo_full_name IS 'Repository as owner/name on the host.';
COMMENT ON COLUMN core.deployments.repo_id IS 'The analysed repository (core.repos) with the same remote, when one is analysed.';
COMMENT ON COLUMN core.deployments.kind IS 'release (a published GitHub release), deployment (a GitHub deployment) or tag.';
COMMENT ON COLUMN core.deployments.name IS 'Release or tag name, or the deployment''s task.';
COMMENT ON COLUMN core.deployments.environment IS 'Deployment environment (production, staging, ...); null for releases.';
COMMENT ON COLUMN core.deployments.is_production IS 'True when it counts as a production release (releases, and deployments to an environment configured as production).';
COMMENT ON COLUMN core.deployments.status IS 'Latest status: success, failure, error, inactive, in_progress, queued, pending (deployments) or published (releases).';
COMMENT ON COLUMN core.deployments.sha IS 'Commit that was released or deployed.';
COMMENT ON COLUMN core.deployments.ref IS 'Ref or tag that was released or deployed.';
COMMENT ON COLUMN core.deployments.created_at IS 'When it was created (UTC).';
COMMENT ON COLUMN core.deployments.finished_at IS 'When it was published or reached its final status (UTC).';
COMMENT ON COLUMN core.deployments.url IS 'Web address, when any.';
COMMENT ON COLUMN core.deployments.raw_page_id IS 'Raw page the row was last extracted from (raw.api_pages).';

-- Teams --------------------------------------------------------------------------------------

CREATE TABLE core.teams (
  team_id        text PRIMARY KEY,
  name           text NOT NULL,
  parent_team_id text,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE core.teams IS 'One row per team of the roster; teams can be nested.';
COMMENT ON COLUMN core.teams.team_id IS 'Stable id: team:<name>.';
COMMENT ON COLUMN core.teams.name IS 'Team name as written in the roster.';
COMMENT ON COLUMN core.teams.parent_team_id IS 'Enclosing team (core.teams), null for a top-level team.';
COMMENT ON COLUMN core.teams.updated_at IS 'When this row was last written.';

CREATE TABLE core.team_memberships (
  membership_id text PRIMARY KEY,
  team_id       text NOT NULL,
  person_id     text NOT NULL,
  role          text,
  fte           numeric NOT NULL DEFAULT 1,
  valid_from    date,
  valid_to      date
);

CREATE INDEX team_memberships_person_idx ON core.team_memberships (person_id, valid_from);

COMMENT ON TABLE core.team_memberships IS 'One row per membership of a person in a team, with dates, role and FTE share; a person in two teams counts once in total.';
COMMENT ON COLUMN core.team_memberships.membership_id IS 'Stable id: <team_id>/<person_id>/<valid_from or start>.';
COMMENT ON COLUMN core.team_memberships.team_id IS 'The team (core.teams).';
COMMENT ON COLUMN core.team_memberships.person_id IS 'The person (core.people).';
COMMENT ON COLUMN core.team_memberships.role IS 'Role in the team (frontend, backend, ...), when given.';
COMMENT ON COLUMN core.team_memberships.fte IS 'Share of a full-time equivalent the person gives this team (0..1); 0 for AI agents and bots.';
COMMENT ON COLUMN core.team_memberships.valid_from IS 'First day of the membership (inclusive); null means since always.';
COMMENT ON COLUMN core.team_memberships.valid_to IS 'Last day of the membership (inclusive); null means still a member.';

CREATE TABLE core.team_ownership (
  team_id    text NOT NULL,
  repo_id    text NOT NULL,
  path_glob  text NOT NULL DEFAULT '**',
  path_regex text,
  PRIMARY KEY (team_id, repo_id, path_glob)
);

COMMENT ON TABLE core.team_ownership IS 'Which team owns which repository, or which paths of it (glob).';
COMMENT ON COLUMN core.team_ownership.team_id IS 'The team (core.teams).';
COMMENT ON COLUMN core.team_ownership.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN core.team_ownership.path_glob IS 'Paths owned (a glob; ** for the whole repository).';
COMMENT ON COLUMN core.team_ownership.path_regex IS 'The same glob as a regular expression over file paths (match with ~); null means every path.';

-- Links --------------------------------------------------------------------------------------

CREATE TABLE core.links (
  link_id       text PRIMARY KEY,
  from_type     text NOT NULL CONSTRAINT links_from_type_known CHECK (from_type IN ('ticket', 'pr', 'commit')),
  from_id       text NOT NULL,
  to_type       text NOT NULL CONSTRAINT links_to_type_known CHECK (to_type IN ('ticket', 'pr', 'commit')),
  to_id         text NOT NULL,
  evidence_kind text NOT NULL,
  evidence      text,
  closes        boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX links_from_idx ON core.links (from_type, from_id);
CREATE INDEX links_to_idx ON core.links (to_type, to_id);

COMMENT ON TABLE core.links IS 'Links between tickets, pull requests and commits, each with the evidence that made it.';
COMMENT ON COLUMN core.links.link_id IS 'Stable id: <from_id>-><to_id>/<evidence_kind>.';
COMMENT ON COLUMN core.links.from_type IS 'ticket, pr or commit.';
COMMENT ON COLUMN core.links.from_id IS 'Id of the item the reference was found in (core.pull_requests.pr_id, core.commits.commit_id, core.tickets.ticket_id).';
COMMENT ON COLUMN core.links.to_type IS 'ticket, pr or commit.';
COMMENT ON COLUMN core.links.to_id IS 'Id of the item referred to.';
COMMENT ON COLUMN core.links.evidence_kind IS 'Where the reference was found: branch, title, body, message, trailer, pr_commit (the commit belongs to the PR) or merge_commit.';
COMMENT ON COLUMN core.links.evidence IS 'The text that matched (e.g. "Fixes ABC-42"), so the link can be audited.';
COMMENT ON COLUMN core.links.closes IS 'True when a closing keyword (fixes, closes, resolves) was used.';
COMMENT ON COLUMN core.links.created_at IS 'When the link was first recorded.';
