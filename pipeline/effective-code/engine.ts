import type { FileDiff } from '../../collectors/git/types.js';
import { classifyWorkType, parseRevert } from '../attribution/work-type.js';
import type { AuthorClass } from '../attribution/ai-attribution.js';
import type { FileClassification, FileKind } from '../classify/classify-file.js';
import { detectLineOps } from '../line-ops/detect-line-ops.js';
import { CopyPasteHistory } from '../line-ops/copy-paste-history.js';
import type { LineOp, OpsFile } from '../line-ops/types.js';
import { complexityWeight } from '../source-analysis/analyse-source.js';
import { emptyBucketCounts, type Bucket } from './buckets.js';
import { applyHunksToTags, untaggedLines, type LineTags } from './line-tags.js';
import { computePatchId } from './patch-id.js';
import { markKeywordOnlyLines } from './keyword-only-flags.js';
import type { PreparedCommit, PreparedFile } from './prepared-commit.js';
import type { EngineSettings } from './settings.js';
import { SurvivalTracker, type ChurnEvent } from './survival.js';
import type { CommitFileRecord, CommitRecord, EffectiveCodeRecord, LineDetail } from './records.js';

/** Why a whole commit earns nothing (metrics.md §1 gate rows 8–11). */
export type CommitGate = 'bot' | 'revert' | 'ignored_rev' | 'duplicate';

/** What the scoring stage needs from outside, as narrow interfaces so tests can pass their own. */
export interface EngineDependencies {
  repoId: string;
  settings: EngineSettings;
  classifyAuthorship: (input: {
    authorName: string;
    authorEmail: string;
    committerName: string;
    committerEmail: string;
    message: string;
    branch?: string | null;
    aiNote?: string | null;
  }) => { class: AuthorClass; evidence: string | null };
  /** Commits listed in `.git-blame-ignore-revs` at the head. */
  ignoreRevs: ReadonlySet<string>;
}

/** Everything the engine produced for one commit. */
export interface CommitOutcome {
  commit: CommitRecord;
  files: CommitFileRecord[];
  effective: EffectiveCodeRecord[];
  churn: ChurnEvent[];
  /** Filled only when the commit was processed with `explain: true`. */
  lines: LineDetail[];
}

const FILE_GATE_BUCKET: Partial<Record<FileKind, Bucket>> = {
  generated: 'generated',
  lockfile: 'lockfile',
  vendored: 'vendored',
  docs: 'docs',
  data: 'data',
  binary: 'data',
};

const OP_BUCKET: Record<LineOp, Bucket> = {
  noop: 'noop',
  comment: 'comment',
  trivial: 'trivial',
  move: 'moved',
  copy_paste: 'copy_paste',
  update: 'updated',
  update_pair: 'update_pair',
  find_replace: 'find_replace',
  find_replace_pair: 'update_pair',
  add: 'added',
  delete: 'deleted',
};

/** The `core.effective_code` column of each op's bucket, precomputed (the hot loop must not build strings). */
const OP_COLUMN: Record<LineOp, `${Bucket}_lines`> = Object.fromEntries(
  Object.entries(OP_BUCKET).map(([op, bucket]) => [op, `${bucket}_lines`]),
) as Record<LineOp, `${Bucket}_lines`>;

/** Removal ops that end a line's life: a change inside the window is churn of its origin. */
const CHURNING_OPS: ReadonlySet<LineOp> = new Set<LineOp>(['delete', 'update_pair', 'find_replace_pair']);

/** A file whose lines are decided one by one. */
interface CountedFile {
  index: number;
  prepared: PreparedFile;
  removedTags: LineTags[];
  newTags: LineTags;
  ops: OpsFile;
}

/**
 * The effective-code engine of metrics.md §1, scoring stage. It takes the prepared commits of a
 * repository's first-parent history in order (oldest first; see CommitPreparer for the replay and
 * source analysis) and turns each into commit, file and effective-code records: commit gates,
 * line ops, weights, and survival tags per line so later changes inside the window are churn.
 *
 * @example
 * const engine = new EffectiveCodeEngine(deps);
 * for await (const prepared of preparedCommits) {
 *   const outcome = engine.processCommit(prepared, index++);
 * }
 */
export class EffectiveCodeEngine {
  private readonly tags = new Map<string, LineTags>();
  private readonly history: CopyPasteHistory;
  private readonly survival: SurvivalTracker;
  private readonly seenPatchIds = new Set<string>();
  /** Every sha processed, for resolving abbreviated revert targets. */
  private readonly knownShas: string[] = [];
  private readonly subjects = new Map<string, string>();
  private readonly deps: EngineDependencies;

  constructor(deps: EngineDependencies) {
    this.deps = deps;
    this.survival = new SurvivalTracker(deps.settings.durability.windowDays);
    this.history = new CopyPasteHistory(deps.settings.thresholds);
  }

  /**
   * Score the next prepared commit of the first-parent history.
   * @param options.explain also return one {@link LineDetail} per changed line.
   */
  processCommit(prepared: PreparedCommit, fpIndex: number, options: { explain?: boolean } = {}): CommitOutcome {
    const { settings, repoId } = this.deps;
    const { commit } = prepared;
    const explain = options.explain === true;
    const mergedAt = commit.committer.time;
    const [subject = ''] = commit.message.split('\n', 1);
    const authorship = this.deps.classifyAuthorship({
      authorName: commit.author.name,
      authorEmail: commit.author.email,
      committerName: commit.committer.name,
      committerEmail: commit.committer.email,
      message: commit.message,
      branch: mergedBranchName(subject),
      aiNote: commit.aiNote,
    });
    const workType = classifyWorkType(commit.message, settings.workTypes);
    const revertOf = this.resolveRevertTarget(commit.message, subject);
    const patchId = computePatchId({ ...commit, files: prepared.files.filter((f) => !f.excluded).map((f) => f.diff) });

    let gate: CommitGate | null = null;
    if (settings.gates.bots && authorship.class === 'bot') gate = 'bot';
    else if (settings.gates.reverts && revertOf) gate = 'revert';
    else if (settings.gates.blameIgnoreRevs && this.deps.ignoreRevs.has(commit.sha)) gate = 'ignored_rev';
    else if (settings.gates.duplicates && patchId && this.seenPatchIds.has(patchId)) gate = 'duplicate';
    if (patchId) this.seenPatchIds.add(patchId);
    if (revertOf && settings.gates.reverts) this.survival.voidCommit(revertOf);
    this.knownShas.push(commit.sha);
    this.subjects.set(subject, commit.sha);

    const commitId = `${repoId}@${commit.sha}`;
    const fileRecords: CommitFileRecord[] = [];
    const effective: EffectiveCodeRecord[] = [];
    const lines: LineDetail[] = [];
    const counted: CountedFile[] = [];
    const recordFiles: OpsFile[] = [];
    let linesAdded = 0;
    let linesDeleted = 0;

    for (const file of prepared.files) {
      const { diff, path, classification } = file;
      const removedTags = this.advanceTags(file);
      if (file.excluded) continue;
      const added = sumLines(diff, 'added');
      const deleted = sumLines(diff, 'removed');
      linesAdded += added;
      linesDeleted += deleted;
      fileRecords.push({
        commit_id: commitId,
        file_path: path,
        repo_id: repoId,
        old_path: diff.oldPath !== diff.newPath ? diff.oldPath : null,
        status: diff.status,
        kind: classification.kind,
        language: classification.language,
        stack: classification.stack,
        is_binary: diff.binary,
        is_submodule: diff.submodule,
        missing_object: diff.missingObject,
        old_blob: diff.oldBlob,
        new_blob: diff.newBlob,
        lines_added: added,
        lines_deleted: deleted,
      });
      const row = newEffectiveRecord(commitId, path, repoId, mergedAt, classification, authorship.class, workType.type);
      row.lines_added = added;
      row.lines_deleted = deleted;
      effective.push(row);

      const fileGate = this.fileGateBucket(classification.kind);
      const wholeFileBucket: Bucket | null = fileGate ?? (gate ? gate : null);
      if (wholeFileBucket) {
        // Gated text files still seed the copy/paste history (code copied out of vendored or
        // documented sources is copy/paste); the preparer sends no context for machine-written files.
        if (file.contextHashes) recordFiles.push(opsFileFor(file));
        row[`${wholeFileBucket}_lines`] += added + deleted;
        if (explain) pushGatedDetails(lines, path, diff, wholeFileBucket, fileGate ? classification.reason : `commit gate: ${gate}`);
        continue;
      }
      if (diff.hunks.length === 0) continue;
      for (let h = 0; h < diff.hunks.length; h++) {
        markKeywordOnlyLines(diff.hunks[h]!.removed, file.removedFlags[h]!, classification.language);
        markKeywordOnlyLines(diff.hunks[h]!.added, file.addedFlags[h]!, classification.language);
      }
      counted.push({
        index: effective.length - 1,
        prepared: file,
        removedTags,
        newTags: this.tags.get(diff.newPath ?? '') ?? untaggedLines(0),
        ops: opsFileFor(file),
      });
    }

    const countedOps = counted.map((c) => c.ops);
    const ops = detectLineOps(countedOps, this.history, settings.thresholds);
    // Counted files first and as the same objects, so recording reuses detection's line scans;
    // files without context (machine-written, or content not known) are skipped by recordWindows.
    this.history.recordCommit(recordFiles.length === 0 ? countedOps : [...countedOps, ...recordFiles]);

    for (let f = 0; f < counted.length; f++) {
      const file = counted[f]!;
      this.weighFile(commit.sha, file, ops[f]!.hunks, effective[file.index]!, workType.weight, mergedAt, explain ? lines : null);
    }

    const commitRecord: CommitRecord = {
      commit_id: commitId,
      repo_id: repoId,
      sha: commit.sha,
      fp_index: fpIndex,
      parent_shas: commit.parents,
      is_merge: commit.parents.length > 1,
      author_name: commit.author.name,
      author_email: commit.author.email,
      authored_at: new Date(commit.author.time * 1000),
      committer_name: commit.committer.name,
      committer_email: commit.committer.email,
      committed_at: new Date(commit.committer.time * 1000),
      merged_at: new Date(mergedAt * 1000),
      subject,
      message: commit.message,
      work_type: workType.type,
      work_type_source: workType.source,
      work_type_weight: workType.weight,
      ai_class: authorship.class,
      ai_evidence: authorship.evidence,
      revert_of_sha: revertOf,
      gate_reason: gate,
      patch_id: patchId,
      files_changed: fileRecords.length,
      lines_added: linesAdded,
      lines_deleted: linesDeleted,
    };
    for (const row of effective) finishRecord(row, settings);
    return { commit: commitRecord, files: fileRecords, effective, churn: this.survival.drain(), lines };
  }

  /**
   * Move a file's survival tags through its diff, mirroring the preparer's content replay
   * (renames move them, copies and reloads start untagged, deletions drop them), and return the
   * tags of the lines each hunk removed.
   */
  private advanceTags(file: PreparedFile): LineTags[] {
    const { diff } = file;
    let tags: LineTags | undefined;
    if (diff.status !== 'added' && diff.oldPath !== null) {
      const existing = this.tags.get(diff.oldPath);
      if (diff.status === 'copied') tags = existing ? untaggedLines(existing.length) : undefined;
      else {
        tags = existing;
        if (diff.oldPath !== diff.newPath || diff.status === 'deleted') this.tags.delete(diff.oldPath);
      }
    }
    if (file.resetBefore || !tags) tags = untaggedLines(file.oldLineCount);
    const { tags: next, removed } = applyHunksToTags(tags, diff.hunks);
    const final = file.resetAfter ? untaggedLines(file.newLineCount) : next;
    if (diff.status !== 'deleted' && diff.newPath) this.tags.set(diff.newPath, final);
    return removed;
  }

  private fileGateBucket(kind: FileKind): Bucket | null {
    const gates = this.deps.settings.gates;
    const bucket = FILE_GATE_BUCKET[kind];
    if (!bucket) return null;
    if ((kind === 'generated' || kind === 'lockfile') && !gates.generated) return null;
    if (kind === 'vendored' && !gates.vendored) return null;
    if (kind === 'docs' && !gates.docs) return null;
    if ((kind === 'data' || kind === 'binary') && !gates.data) return null;
    return bucket;
  }

  /** Weigh every counted line of one file, fill the record's buckets and tag surviving lines. */
  private weighFile(
    churnSha: string,
    file: CountedFile,
    hunkOps: ReadonlyArray<{ removed: LineOp[]; added: LineOp[] }>,
    row: EffectiveCodeRecord,
    commitWorkTypeWeight: number,
    mergedAt: number,
    details: LineDetail[] | null,
  ): void {
    const { settings } = this.deps;
    const { prepared } = file;
    const hunks = prepared.diff.hunks;
    const path = prepared.path;
    const workTypeWeight =
      prepared.classification.kind === 'test' ? Math.min(commitWorkTypeWeight, settings.testFileWeight) : commitWorkTypeWeight;
    let effectiveAdded = 0;
    let originId = -1;
    for (let h = 0; h < hunks.length; h++) {
      const hunk = hunks[h]!;
      const opsOfHunk = hunkOps[h]!;
      const removedTags = file.removedTags[h];
      const removedCcn = prepared.removedCcn[h];
      const addedCcn = prepared.addedCcn[h];
      const oldStartCcn = prepared.hunkOldStartCcn[h] ?? 0;
      for (let i = 0; i < hunk.removed.length; i++) {
        const op = this.effectiveOp(opsOfHunk.removed[i]!, 'removed');
        row[OP_COLUMN[op]] += 1;
        const ccn = ccnOrNull(removedCcn?.[i]);
        const weight = this.lineWeight(op, ccn, workTypeWeight, 1, row);
        const tag = removedTags?.[i];
        if (tag !== undefined && CHURNING_OPS.has(op)) this.survival.recordRemoval(churnSha, mergedAt, tag);
        details?.push(lineDetail(path, '-', hunk.oldStart + i, hunk.removed[i]!, OP_BUCKET[op], op, ccn, weight, workTypeWeight, 1));
      }
      for (let i = 0; i < hunk.added.length; i++) {
        const op = this.effectiveOp(opsOfHunk.added[i]!, 'added');
        row[OP_COLUMN[op]] += 1;
        const after = ccnOrNull(addedCcn?.[i]);
        // An update weighs by the larger of the code before and after (metrics.md §1 Complexity).
        const ccn = op === 'update' || op === 'find_replace' ? maxCcn(after, ccnOrNull(oldStartCcn)) : after;
        let bulk = 1;
        if (this.opWeight(op) > 0) {
          effectiveAdded++;
          if (effectiveAdded > settings.bulk.threshold) {
            bulk = settings.bulk.factor;
            if (bulk !== 1) row.bulk_damped_lines += 1;
          }
        }
        const weight = this.lineWeight(op, ccn, workTypeWeight, bulk, row);
        if (weight.value > 0) {
          if (originId < 0) originId = this.survival.registerOrigin(churnSha, path, mergedAt);
          const position = hunk.newStart - 1 + i;
          if (position < file.newTags.length) file.newTags[position] = this.survival.tagFor(originId, weight.value);
        }
        details?.push(lineDetail(path, '+', hunk.newStart + i, hunk.added[i]!, OP_BUCKET[op], op, ccn, weight, workTypeWeight, bulk));
      }
    }
    row.complexity_avg = row.bulk_weighted > 0 ? row.ec_base / row.bulk_weighted : 1;
  }

  /** Map a detected op through the gate switches (a disabled gate makes the line count normally). */
  private effectiveOp(op: LineOp, side: 'added' | 'removed'): LineOp {
    const gates = this.deps.settings.gates;
    if ((op === 'comment' && !gates.comments) || (op === 'trivial' && !gates.trivial)) {
      return side === 'added' ? 'add' : 'delete';
    }
    return op;
  }

  private opWeight(op: LineOp): number {
    const { ops, gates } = this.deps.settings;
    switch (op) {
      case 'add':
        return ops.add;
      case 'delete':
        return ops.delete;
      case 'update':
        return ops.update;
      case 'find_replace':
        return ops.findReplace;
      case 'move':
        return ops.move;
      case 'copy_paste':
        return ops.copyPaste;
      case 'noop':
        return gates.whitespace ? 0 : ops.noop;
      default:
        return 0;
    }
  }

  private lineWeight(
    op: LineOp,
    ccn: number | null,
    workTypeWeight: number,
    bulk: number,
    row: EffectiveCodeRecord,
  ): { value: number; complexity: number; beforeComplexity: number } {
    const { complexity } = this.deps.settings;
    const opWeight = this.opWeight(op);
    const complexityFactor = complexity.enabled ? complexityWeight(ccn, complexity) : 1;
    const beforeComplexity = opWeight * workTypeWeight * bulk;
    const value = beforeComplexity * complexityFactor;
    row.op_weighted += opWeight;
    row.worktype_weighted += opWeight * workTypeWeight;
    row.bulk_weighted += beforeComplexity;
    row.ec_base += value;
    return { value, complexity: complexityFactor, beforeComplexity };
  }

  /** Resolve "This reverts commit <sha>" (full or abbreviated) or a revert PR's quoted subject. */
  private resolveRevertTarget(message: string, subject: string): string | null {
    const parsed = parseRevert(message);
    if (parsed?.revertedSha) {
      const prefix = parsed.revertedSha.toLowerCase();
      for (let i = this.knownShas.length - 1; i >= 0; i--) {
        if (this.knownShas[i]!.startsWith(prefix)) return this.knownShas[i]!;
      }
      return null;
    }
    const quoted = /^Revert "(.+)"$/.exec(subject);
    if (quoted) return this.subjects.get(quoted[1]!) ?? null;
    return null;
  }

  /** Shas of this replay, oldest first (for persisting and resolving revert targets across runs). */
  processedShas(): readonly string[] {
    return this.knownShas;
  }
}

function mergedBranchName(subject: string): string | null {
  const pr = /^Merge pull request #\d+ from [^/\s]+\/(\S+)/.exec(subject);
  if (pr) return pr[1]!;
  const branch = /^Merge (?:remote-tracking )?branch '([^']+)'/.exec(subject);
  return branch ? branch[1]! : null;
}

function sumLines(file: FileDiff, side: 'added' | 'removed'): number {
  let n = 0;
  for (const hunk of file.hunks) n += hunk[side].length;
  return n;
}

function maxCcn(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** The preparer sends 0 for "outside any function" (typed arrays have no null). */
function ccnOrNull(value: number | undefined): number | null {
  return value === undefined || value === 0 ? null : value;
}

/**
 * The op-detection view of a prepared file: the diff's own line arrays with the preparer's flag
 * bytes and line scans (the preparer's flag bits are the detector's), and for the copy/paste
 * history the window lines of the new version around each hunk, so blocks assembled over
 * several commits are found. A file without them is not recorded.
 */
function opsFileFor(file: PreparedFile): OpsFile {
  const { diff } = file;
  return {
    hunks: diff.hunks.map((hunk, h) => ({
      removed: hunk.removed,
      added: hunk.added,
      removedFlags: file.removedFlags[h]!,
      addedFlags: file.addedFlags[h]!,
      removedScan: file.removedScan?.[h],
      addedScan: file.addedScan?.[h],
    })),
    newContent: null,
    hunkNewStarts: diff.hunks.map((h) => h.newStart),
    hunkContextHashes: file.contextHashes ?? undefined,
    recordWindows: file.contextHashes !== null,
  };
}

function newEffectiveRecord(
  commitId: string,
  path: string,
  repoId: string,
  mergedAt: number,
  classification: FileClassification,
  authorClass: AuthorClass,
  workType: string,
): EffectiveCodeRecord {
  return {
    commit_id: commitId,
    file_path: path,
    repo_id: repoId,
    merged_at: new Date(mergedAt * 1000),
    stack: classification.stack,
    kind: classification.kind,
    language: classification.language,
    author_class: authorClass,
    work_type: workType,
    lines_added: 0,
    lines_deleted: 0,
    ...prefixedBuckets(),
    bulk_damped_lines: 0,
    complexity_avg: 1,
    op_weighted: 0,
    worktype_weighted: 0,
    bulk_weighted: 0,
    ec_base: 0,
    ec_merged: 0,
  };
}

function prefixedBuckets(): Record<`${Bucket}_lines`, number> {
  const out = {} as Record<`${Bucket}_lines`, number>;
  for (const [bucket, value] of Object.entries(emptyBucketCounts())) out[`${bucket as Bucket}_lines`] = value;
  return out;
}

function finishRecord(row: EffectiveCodeRecord, settings: EngineSettings): void {
  row.ec_merged = row.ec_base * settings.phases.merged;
}

function pushGatedDetails(details: LineDetail[], path: string, file: FileDiff, bucket: Bucket, reason: string): void {
  for (const hunk of file.hunks) {
    hunk.removed.forEach((text, i) =>
      details.push({ path, side: '-', line: hunk.oldStart + i, text, bucket, op: null, gate: reason, ccn: null, complexity: 1, workType: 0, bulk: 1, weight: 0 }),
    );
    hunk.added.forEach((text, i) =>
      details.push({ path, side: '+', line: hunk.newStart + i, text, bucket, op: null, gate: reason, ccn: null, complexity: 1, workType: 0, bulk: 1, weight: 0 }),
    );
  }
}

function lineDetail(
  path: string,
  side: '+' | '-',
  line: number,
  text: string,
  bucket: Bucket,
  op: LineOp,
  ccn: number | null,
  weight: { value: number; complexity: number },
  workType: number,
  bulk: number,
): LineDetail {
  const gate = op === 'noop' || op === 'comment' || op === 'trivial' ? op : null;
  return { path, side, line, text, bucket, op, gate, ccn, complexity: weight.complexity, workType, bulk, weight: weight.value };
}
