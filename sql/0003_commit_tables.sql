-- 0003: commits of each repository's default branch and their file changes.

CREATE TABLE core.commits (
  commit_id             text PRIMARY KEY,
  repo_id               text NOT NULL,
  sha                   text NOT NULL,
  fp_index              int,
  parent_shas           text[] NOT NULL DEFAULT '{}',
  is_merge              boolean NOT NULL DEFAULT false,
  author_identity_id    text,
  committer_identity_id text,
  author_person_id      text,
  author_name           text,
  author_email          text,
  authored_at           timestamptz,
  committer_name        text,
  committer_email       text,
  committed_at          timestamptz,
  merged_at             timestamptz,
  subject               text,
  message               text,
  work_type             text,
  work_type_source      text,
  work_type_weight      numeric,
  ai_class              text NOT NULL DEFAULT 'unknown'
                        CONSTRAINT commits_ai_class_known
                        CHECK (ai_class IN ('human', 'ai_assisted', 'ai_agent', 'bot', 'unknown')),
  ai_evidence           text,
  revert_of_sha         text,
  reverted_by_sha       text,
  gate_reason           text
                        CONSTRAINT commits_gate_reason_known
                        CHECK (gate_reason IN ('bot', 'revert', 'reverted', 'ignored_rev', 'duplicate')),
  patch_id              text,
  files_changed         int,
  lines_added           int,
  lines_deleted         int,
  released_at           timestamptz,
  release_tag           text,
  run_id                text,
  CONSTRAINT commits_sha_unique_per_repo UNIQUE (repo_id, sha)
);

CREATE INDEX commits_repo_fp_index_idx ON core.commits (repo_id, fp_index);
CREATE INDEX commits_repo_merged_at_idx ON core.commits (repo_id, merged_at);

COMMENT ON TABLE core.commits IS 'One row per commit on the first-parent history of a repository''s default branch (merged work only).';
COMMENT ON COLUMN core.commits.commit_id IS 'Stable id: git:<repo name>@<sha>.';
COMMENT ON COLUMN core.commits.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN core.commits.sha IS 'Full commit sha.';
COMMENT ON COLUMN core.commits.fp_index IS 'Position on the default branch''s first-parent chain: 0 is the root commit, increasing towards the tip.';
COMMENT ON COLUMN core.commits.parent_shas IS 'Parent shas in git order; the first is the first parent.';
COMMENT ON COLUMN core.commits.is_merge IS 'True when the commit has more than one parent.';
COMMENT ON COLUMN core.commits.author_identity_id IS 'Identity of the author (core.identities).';
COMMENT ON COLUMN core.commits.committer_identity_id IS 'Identity of the committer (core.identities).';
COMMENT ON COLUMN core.commits.author_person_id IS 'Person the author identity is linked to (core.people).';
COMMENT ON COLUMN core.commits.author_name IS 'Author name as recorded by git (after .mailmap).';
COMMENT ON COLUMN core.commits.author_email IS 'Author e-mail as recorded by git (after .mailmap).';
COMMENT ON COLUMN core.commits.authored_at IS 'Author date (UTC).';
COMMENT ON COLUMN core.commits.committer_name IS 'Committer name as recorded by git (after .mailmap).';
COMMENT ON COLUMN core.commits.committer_email IS 'Committer e-mail as recorded by git (after .mailmap).';
COMMENT ON COLUMN core.commits.committed_at IS 'Committer date (UTC).';
COMMENT ON COLUMN core.commits.merged_at IS 'When the change landed on the default branch: the committer date of the first-parent commit that brought it in (UTC). Weekly metrics count a commit in the week of this time.';
COMMENT ON COLUMN core.commits.subject IS 'First line of the commit message.';
COMMENT ON COLUMN core.commits.message IS 'Full commit message (subject, body, trailers).';
COMMENT ON COLUMN core.commits.work_type IS 'Kind of work (feat, fix, perf, refactor, test, build, ci, config, style, docs, chore, revert, untyped).';
COMMENT ON COLUMN core.commits.work_type_source IS 'Where the work type came from: the commit message, the PR title, or the linked ticket''s type.';
COMMENT ON COLUMN core.commits.work_type_weight IS 'Weight of the work type applied to the commit''s effective code (from the configuration in force).';
COMMENT ON COLUMN core.commits.ai_class IS 'human, ai_assisted, ai_agent, bot or unknown. A diagnostic lower bound: inline completions leave no trace.';
COMMENT ON COLUMN core.commits.ai_evidence IS 'The trace that decided ai_class (trailer, author login, footer, branch prefix, note).';
COMMENT ON COLUMN core.commits.revert_of_sha IS 'Sha of the commit this commit reverts, when it is a revert.';
COMMENT ON COLUMN core.commits.reverted_by_sha IS 'Sha of the commit that reverted this one, when any.';
COMMENT ON COLUMN core.commits.gate_reason IS 'Why the whole commit earns no effective code, or null: bot, revert, reverted, ignored_rev (listed in .git-blame-ignore-revs) or duplicate (same patch-id as an earlier commit).';
COMMENT ON COLUMN core.commits.patch_id IS 'git patch-id of the change, used to find cherry-picks and backports.';
COMMENT ON COLUMN core.commits.files_changed IS 'Number of files the commit changed relative to its first parent.';
COMMENT ON COLUMN core.commits.lines_added IS 'Raw added lines relative to the first parent (text files only).';
COMMENT ON COLUMN core.commits.lines_deleted IS 'Raw deleted lines relative to the first parent (text files only).';
COMMENT ON COLUMN core.commits.released_at IS 'Time of the first release (tag, release or production deployment) containing the commit; null while unreleased.';
COMMENT ON COLUMN core.commits.release_tag IS 'Name of that first release.';
COMMENT ON COLUMN core.commits.run_id IS 'Run that last wrote the row (core.runs).';

CREATE TABLE core.commit_files (
  commit_id      text NOT NULL,
  file_path      text NOT NULL,
  repo_id        text NOT NULL,
  old_path       text,
  status         text,
  kind           text,
  language       text,
  stack          text,
  is_binary      boolean NOT NULL DEFAULT false,
  is_submodule   boolean NOT NULL DEFAULT false,
  missing_object boolean NOT NULL DEFAULT false,
  old_blob       text,
  new_blob       text,
  lines_added    int NOT NULL DEFAULT 0,
  lines_deleted  int NOT NULL DEFAULT 0,
  PRIMARY KEY (commit_id, file_path)
);

CREATE INDEX commit_files_repo_id_idx ON core.commit_files (repo_id);

COMMENT ON TABLE core.commit_files IS 'One row per file changed by a commit, relative to its first parent, with its classification and raw line counts.';
COMMENT ON COLUMN core.commit_files.commit_id IS 'The commit (core.commits).';
COMMENT ON COLUMN core.commit_files.file_path IS 'Path after the change (the old path for deletions).';
COMMENT ON COLUMN core.commit_files.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN core.commit_files.old_path IS 'Path before the change, for renames and copies.';
COMMENT ON COLUMN core.commit_files.status IS 'added, modified, deleted, renamed, copied or type-changed.';
COMMENT ON COLUMN core.commit_files.kind IS 'File kind: code, test, config, docs, generated, vendored, lockfile, binary.';
COMMENT ON COLUMN core.commit_files.language IS 'Language detected from the path (Linguist names).';
COMMENT ON COLUMN core.commit_files.stack IS 'Stack the file belongs to: front end, back end, mobile, data, infra or other.';
COMMENT ON COLUMN core.commit_files.is_binary IS 'git reported the change as binary: no line counts.';
COMMENT ON COLUMN core.commit_files.is_submodule IS 'The path is a submodule pointer.';
COMMENT ON COLUMN core.commit_files.missing_object IS 'A blob was missing (partial clone), so the diff of this file could not be read.';
COMMENT ON COLUMN core.commit_files.old_blob IS 'Blob id before the change (null when added).';
COMMENT ON COLUMN core.commit_files.new_blob IS 'Blob id after the change (null when deleted).';
COMMENT ON COLUMN core.commit_files.lines_added IS 'Raw added lines.';
COMMENT ON COLUMN core.commit_files.lines_deleted IS 'Raw deleted lines.';
