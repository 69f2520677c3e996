/*
 * The vocabulary of the links module: what a reference found in text points at, and where it was
 * found. Finders return these; resolution checks them against the warehouse.
 */

/** What a reference points at, before it is checked against the warehouse. */
export type ReferenceTarget =
  /** A Jira issue key, upper case (`ABC-42`). */
  | { readonly kind: 'jira'; readonly key: string }
  /** A GitHub issue or pull request; `repo` (`owner/name`) is null for a bare `#12` or `GH-12`. */
  | { readonly kind: 'github'; readonly repo: string | null; readonly number: number }
  /** A commit named by a full or abbreviated sha (`Fixes: 1a2b3c4`), lower case. */
  | { readonly kind: 'sha'; readonly sha: string };

/** Where a reference was found (`core.links.evidence_kind`). */
export type TextEvidenceKind = 'branch' | 'title' | 'body' | 'message' | 'trailer';

/** Links that come from the structure of the data rather than from text. */
export type StructuralEvidenceKind = 'pr_commit' | 'merge_commit';

/** Every value `core.links.evidence_kind` takes. */
export type EvidenceKind = TextEvidenceKind | StructuralEvidenceKind;

/** A span of text a finder matched. */
export interface TextMatch {
  readonly target: ReferenceTarget;
  /** Offset of the first character of the reference. */
  readonly start: number;
  /** Offset just after the reference. */
  readonly end: number;
}

/** A reference found in one field of an item, ready to be resolved. */
export interface FoundReference {
  readonly target: ReferenceTarget;
  readonly kind: TextEvidenceKind;
  /** The matched text with a little context, e.g. `Fixes ABC-42`. */
  readonly evidence: string;
  /** True when a closing keyword (fixes, closes, resolves, …) introduced the reference. */
  readonly closes: boolean;
}
