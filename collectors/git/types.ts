/**
 * Shapes the git collector emits. The effective-code engine consumes these and nothing else
 * from git's output, so the parser can change without touching the engine.
 */

/** A name and e-mail as git reports them after `.mailmap` is applied. */
export interface GitSignature {
  name: string;
  email: string;
  /** Seconds since the Unix epoch (UTC). */
  time: number;
}

/** One hunk of a zero-context (`--unified=0`) diff. Line numbers are 1-based as git prints them. */
export interface DiffHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** Removed lines, without the leading `-` and without the line terminator. */
  removed: string[];
  /** Added lines, without the leading `+` and without the line terminator. */
  added: string[];
}

/** How git describes a file change in a commit. */
export type FileChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/** The change to one path in one commit, relative to the commit's first parent. */
export interface FileDiff {
  /** Path before the change; null when the file was added. */
  oldPath: string | null;
  /** Path after the change; null when the file was deleted. */
  newPath: string | null;
  status: FileChangeStatus;
  /** Rename/copy similarity index in percent, when git reports one. */
  similarity: number | null;
  /** Full blob ids (`--full-index`); null for the all-zero id of a missing side. */
  oldBlob: string | null;
  newBlob: string | null;
  oldMode: string | null;
  newMode: string | null;
  /** git printed "Binary files … differ": no line content is available. */
  binary: boolean;
  /** A gitlink (mode 160000): a submodule pointer moved. */
  submodule: boolean;
  /**
   * The diff could not be produced because an object is missing (partial clone);
   * the file is reported with no hunks and this flag set.
   */
  missingObject: boolean;
  /** Whether the path bytes were not valid UTF-8 (the path was then decoded as latin1). */
  pathNotUtf8: boolean;
  hunks: DiffHunk[];
}

/** One commit of the default branch's first-parent history, with its diff against its first parent. */
export interface ParsedCommit {
  sha: string;
  /** Parent shas in git order; the first is the first parent. */
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  /** Full raw message (subject, blank line, body, trailers). */
  message: string;
  /** Contents of the commit's note under `refs/notes/ai`, when present. */
  aiNote: string | null;
  files: FileDiff[];
}
