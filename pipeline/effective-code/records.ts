import type { Bucket } from './buckets.js';

/** A `core.commits` row as the engine produces it (identity and release columns are filled later). */
export interface CommitRecord {
  commit_id: string;
  repo_id: string;
  sha: string;
  fp_index: number;
  parent_shas: string[];
  is_merge: boolean;
  author_name: string;
  author_email: string;
  authored_at: Date;
  committer_name: string;
  committer_email: string;
  committed_at: Date;
  merged_at: Date;
  subject: string;
  message: string;
  work_type: string;
  work_type_source: string;
  work_type_weight: number;
  ai_class: string;
  ai_evidence: string | null;
  revert_of_sha: string | null;
  gate_reason: string | null;
  patch_id: string | null;
  files_changed: number;
  lines_added: number;
  lines_deleted: number;
}

/** A `core.commit_files` row. */
export interface CommitFileRecord {
  commit_id: string;
  file_path: string;
  repo_id: string;
  old_path: string | null;
  status: string;
  kind: string;
  language: string | null;
  stack: string;
  is_binary: boolean;
  is_submodule: boolean;
  missing_object: boolean;
  old_blob: string | null;
  new_blob: string | null;
  lines_added: number;
  lines_deleted: number;
}

/**
 * A `core.effective_code` row before durability and release are applied (those columns are
 * computed in the warehouse, because they change with time and new tags).
 */
export type EffectiveCodeRecord = {
  commit_id: string;
  file_path: string;
  repo_id: string;
  merged_at: Date;
  stack: string;
  kind: string;
  language: string | null;
  author_class: string;
  work_type: string;
  lines_added: number;
  lines_deleted: number;
  bulk_damped_lines: number;
  complexity_avg: number;
  op_weighted: number;
  worktype_weighted: number;
  bulk_weighted: number;
  ec_base: number;
  ec_merged: number;
} & Record<`${Bucket}_lines`, number>;

/** One changed line as `codeledger explain` shows it. */
export interface LineDetail {
  path: string;
  side: '+' | '-';
  line: number;
  text: string;
  bucket: Bucket;
  op: string | null;
  /** The gate that zeroed the line (file kind, commit gate, whitespace, comment, trivial), if any. */
  gate: string | null;
  ccn: number | null;
  complexity: number;
  workType: number;
  bulk: number;
  weight: number;
}
