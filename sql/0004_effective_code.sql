-- 0004: effective code per commit and file, as computed by the effective-code engine.
--
-- Every raw changed line (added or removed) lands in exactly one waterfall bucket, so the buckets
-- of a row always add up to lines_added + lines_deleted. The CHECK constraint enforces that
-- contract at write time: a row that breaks it is an engine bug and must fail loudly rather than
-- skew every total built on it.

CREATE TABLE core.effective_code (
  commit_id          text NOT NULL,
  file_path          text NOT NULL,
  repo_id            text NOT NULL,
  merged_at          timestamptz,
  stack              text,
  kind               text,
  language           text,
  author_class       text
                     CONSTRAINT effective_code_author_class_known
                     CHECK (author_class IN ('human', 'ai_assisted', 'ai_agent', 'bot', 'unknown')),
  work_type          text,
  lines_added        int NOT NULL DEFAULT 0,
  lines_deleted      int NOT NULL DEFAULT 0,
  noop_lines         int NOT NULL DEFAULT 0,
  comment_lines      int NOT NULL DEFAULT 0,
  trivial_lines      int NOT NULL DEFAULT 0,
  generated_lines    int NOT NULL DEFAULT 0,
  lockfile_lines     int NOT NULL DEFAULT 0,
  vendored_lines     int NOT NULL DEFAULT 0,
  docs_lines         int NOT NULL DEFAULT 0,
  data_lines         int NOT NULL DEFAULT 0,
  duplicate_lines    int NOT NULL DEFAULT 0,
  ignored_rev_lines  int NOT NULL DEFAULT 0,
  bot_lines          int NOT NULL DEFAULT 0,
  revert_lines       int NOT NULL DEFAULT 0,
  moved_lines        int NOT NULL DEFAULT 0,
  copy_paste_lines   int NOT NULL DEFAULT 0,
  update_pair_lines  int NOT NULL DEFAULT 0,
  find_replace_lines int NOT NULL DEFAULT 0,
  updated_lines      int NOT NULL DEFAULT 0,
  added_lines        int NOT NULL DEFAULT 0,
  deleted_lines      int NOT NULL DEFAULT 0,
  bulk_damped_lines  int NOT NULL DEFAULT 0,
  complexity_avg     numeric,
  op_weighted        numeric NOT NULL DEFAULT 0,
  worktype_weighted  numeric NOT NULL DEFAULT 0,
  bulk_weighted      numeric NOT NULL DEFAULT 0,
  ec_base            numeric NOT NULL DEFAULT 0,
  churned_lines      int NOT NULL DEFAULT 0,
  churned_ec         numeric NOT NULL DEFAULT 0,
  ec_merged          numeric NOT NULL DEFAULT 0,
  ec_durable         numeric NOT NULL DEFAULT 0,
  ec_released        numeric NOT NULL DEFAULT 0,
  durability         text NOT NULL DEFAULT 'pending'
                     CONSTRAINT effective_code_durability_known CHECK (durability IN ('pending', 'durable')),
  durable_at         timestamptz,
  released_at        timestamptz,
  PRIMARY KEY (commit_id, file_path),
  CONSTRAINT effective_code_buckets_sum_to_changed_lines CHECK (
    noop_lines + comment_lines + trivial_lines + generated_lines + lockfile_lines + vendored_lines
    + docs_lines + data_lines + duplicate_lines + ignored_rev_lines + bot_lines + revert_lines
    + moved_lines + copy_paste_lines + update_pair_lines + find_replace_lines + updated_lines
    + added_lines + deleted_lines
    = lines_added + lines_deleted
  )
);

CREATE INDEX effective_code_repo_merged_at_idx ON core.effective_code (repo_id, merged_at);

COMMENT ON TABLE core.effective_code IS 'Effective code per commit and file: every changed line sorted into one waterfall bucket, then weighted by operation, work type, bulk damping and complexity, and tracked through merged -> released -> durable.';
COMMENT ON COLUMN core.effective_code.commit_id IS 'The commit (core.commits).';
COMMENT ON COLUMN core.effective_code.file_path IS 'The file (core.commit_files.file_path).';
COMMENT ON COLUMN core.effective_code.repo_id IS 'The repository (core.repos).';
COMMENT ON COLUMN core.effective_code.merged_at IS 'When the commit landed on the default branch (UTC); copied from core.commits for fast weekly grouping.';
COMMENT ON COLUMN core.effective_code.stack IS 'Stack of the file: front end, back end, mobile, data, infra or other.';
COMMENT ON COLUMN core.effective_code.kind IS 'File kind: code, test, config, docs, generated, vendored, lockfile, binary.';
COMMENT ON COLUMN core.effective_code.language IS 'Language of the file (Linguist names).';
COMMENT ON COLUMN core.effective_code.author_class IS 'The commit''s ai_class: human, ai_assisted, ai_agent, bot or unknown.';
COMMENT ON COLUMN core.effective_code.work_type IS 'The commit''s work type (feat, fix, test, docs, ...).';
COMMENT ON COLUMN core.effective_code.lines_added IS 'Raw added lines.';
COMMENT ON COLUMN core.effective_code.lines_deleted IS 'Raw deleted lines.';
COMMENT ON COLUMN core.effective_code.noop_lines IS 'Lines changed only in whitespace or indentation (weight 0).';
COMMENT ON COLUMN core.effective_code.comment_lines IS 'Comment-only lines (gated).';
COMMENT ON COLUMN core.effective_code.trivial_lines IS 'Punctuation- or keyword-only lines such as "}" or "end" (gated).';
COMMENT ON COLUMN core.effective_code.generated_lines IS 'Lines of generated files: minified files, source maps, "@generated" headers, linguist-generated (gated).';
COMMENT ON COLUMN core.effective_code.lockfile_lines IS 'Lines of dependency lock files (gated).';
COMMENT ON COLUMN core.effective_code.vendored_lines IS 'Lines of vendored or third-party files (gated).';
COMMENT ON COLUMN core.effective_code.docs_lines IS 'Lines of documentation files (counted in their own class, not in effective code).';
COMMENT ON COLUMN core.effective_code.data_lines IS 'Lines of data fixtures, snapshots and assets (gated).';
COMMENT ON COLUMN core.effective_code.duplicate_lines IS 'Lines of a commit whose patch-id matches an earlier commit: cherry-picks and backports (gated).';
COMMENT ON COLUMN core.effective_code.ignored_rev_lines IS 'Lines of commits listed in .git-blame-ignore-revs: mass reformatting, codemods (gated).';
COMMENT ON COLUMN core.effective_code.bot_lines IS 'Lines of non-AI bot commits such as dependency updates (gated, counted in the automation class).';
COMMENT ON COLUMN core.effective_code.revert_lines IS 'Lines of revert commits and of the commits they revert (gated: both net to zero).';
COMMENT ON COLUMN core.effective_code.moved_lines IS 'Lines removed and re-added within the same commit, including whole-file renames (weight 0).';
COMMENT ON COLUMN core.effective_code.copy_paste_lines IS 'Added lines in blocks that already exist in the repository or appear twice in the commit (weight 0).';
COMMENT ON COLUMN core.effective_code.update_pair_lines IS 'The second half of each update pair: an update counts once, so one line of each removed/added pair lands here (weight 0).';
COMMENT ON COLUMN core.effective_code.find_replace_lines IS 'Lines changed by the same token substitution repeated across the commit (find/replace weight).';
COMMENT ON COLUMN core.effective_code.updated_lines IS 'Updates: the counted half of a removed/added pair with similar content (update weight).';
COMMENT ON COLUMN core.effective_code.added_lines IS 'Added lines that are none of the above (add weight).';
COMMENT ON COLUMN core.effective_code.deleted_lines IS 'Removed lines that are none of the above (delete weight).';
COMMENT ON COLUMN core.effective_code.bulk_damped_lines IS 'Effective added lines beyond the bulk threshold of one commit and file, counted at the bulk factor.';
COMMENT ON COLUMN core.effective_code.complexity_avg IS 'Average complexity weight of the weighted lines (1.0 outside functions; capped).';
COMMENT ON COLUMN core.effective_code.op_weighted IS 'Sum of operation weights of the lines (step 1 of the weighting).';
COMMENT ON COLUMN core.effective_code.worktype_weighted IS 'op_weighted times the work-type weight (step 2).';
COMMENT ON COLUMN core.effective_code.bulk_weighted IS 'worktype_weighted after bulk damping (step 3).';
COMMENT ON COLUMN core.effective_code.ec_base IS 'bulk_weighted times each line''s complexity weight (step 4): effective code before phase weights.';
COMMENT ON COLUMN core.effective_code.churned_lines IS 'Lines of this row that were modified or deleted again within the durability window (churn).';
COMMENT ON COLUMN core.effective_code.churned_ec IS 'ec_base of those churned lines.';
COMMENT ON COLUMN core.effective_code.ec_merged IS 'Provisional effective code counted at merge (ec_base times the merged phase weight).';
COMMENT ON COLUMN core.effective_code.ec_durable IS 'Final effective code: ec_base of the lines that survived the durability window (0 while pending).';
COMMENT ON COLUMN core.effective_code.ec_released IS 'Effective code that is durable and released: the end-to-end figure.';
COMMENT ON COLUMN core.effective_code.durability IS 'pending (younger than the durability window) or durable (window passed).';
COMMENT ON COLUMN core.effective_code.durable_at IS 'When the durability window closed for this row.';
COMMENT ON COLUMN core.effective_code.released_at IS 'When the commit was first released; null while unreleased.';
