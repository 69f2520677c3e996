import type { BucketColumn, CommitRow, EffectiveCodeRow, RepoRow } from '../../pipeline/warehouse/database.js';
import { BUCKET_COLUMNS } from '../../pipeline/warehouse/database.js';

/** A repository row. */
export function repoRow(name: string): RepoRow {
  return { repo_id: `git:${name}`, name, default_branch: 'main' };
}

/** A commit row of `repo` merged at `mergedAt`, with sensible defaults. */
export function commitRow(repo: string, sha: string, mergedAt: string, overrides: Partial<CommitRow> = {}): CommitRow {
  return {
    commit_id: `git:${repo}@${sha}`,
    repo_id: `git:${repo}`,
    sha,
    fp_index: 0,
    parent_shas: [],
    is_merge: false,
    author_name: 'Alice',
    author_email: 'alice@example.com',
    authored_at: mergedAt,
    committed_at: mergedAt,
    merged_at: mergedAt,
    subject: `change ${sha}`,
    ai_class: 'human',
    lines_added: 0,
    lines_deleted: 0,
    ...overrides,
  };
}

/**
 * An effective-code row whose buckets are given (the rest 0); lines_added / lines_deleted are
 * derived so the buckets add up, as the table's CHECK demands.
 */
export function effectiveCodeRow(
  commit: CommitRow,
  filePath: string,
  buckets: Partial<Record<BucketColumn, number>>,
  overrides: Partial<EffectiveCodeRow> = {},
): EffectiveCodeRow {
  const counts = Object.fromEntries(BUCKET_COLUMNS.map((column) => [column, buckets[column] ?? 0])) as Record<BucketColumn, number>;
  const total = BUCKET_COLUMNS.reduce((sum, column) => sum + counts[column], 0);
  const deleted = counts.deleted_lines;
  return {
    commit_id: commit.commit_id,
    file_path: filePath,
    repo_id: commit.repo_id,
    merged_at: commit.merged_at,
    stack: 'backend',
    kind: 'code',
    language: 'TypeScript',
    author_class: commit.ai_class ?? 'human',
    work_type: 'feat',
    lines_added: total - deleted,
    lines_deleted: deleted,
    ...counts,
    ...overrides,
  };
}
