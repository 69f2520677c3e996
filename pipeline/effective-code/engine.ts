import type { FileDiff, ParsedCommit } from '../../collectors/git/types.js';
import { classifyWorkType, parseRevert } from '../attribution/work-type.js';
import type { AuthorClass } from '../attribution/ai-attribution.js';
import type { FileClassification, FileKind } from '../classify/classify-file.js';
import { detectLineOps } from '../line-ops/detect-line-ops.js';
import { CopyPasteHistory } from '../line-ops/copy-paste-history.js';
import { normaliseLine } from '../line-ops/normalise.js';
import type { LineOp, OpsFile, OpsLine } from '../line-ops/types.js';
import {
  analyseSource,
  complexityWeight,
  enclosingCcn,
  isKeywordOnlyLine,
  type SourceAnalysis,
} from '../source-analysis/analyse-source.js';
import { emptyBucketCounts, type Bucket } from './buckets.js';
import { applyHunks, FileState, hunksMatch, type RemovedSurvival } from './file-state.js';
import { computePatchId } from './patch-id.js';
import type { EngineSettings } from './settings.js';
import { SurvivalTracker, type ChurnEvent } from './survival.js';
import type { CommitFileRecord, CommitRecord, EffectiveCodeRecord, LineDetail } from './records.js';
import { decodeBlobLines } from './blob-lines.js';

/** Why a whole commit earns nothing (metrics.md §1 gate rows 8–11). */
export type CommitGate = 'bot' | 'revert' | 'ignored_rev' | 'duplicate';

/** What the engine needs from outside, as narrow interfaces so tests can pass their own. */
export interface EngineDependencies {
  repoId: string;
  settings: EngineSettings;
  classifyFile: (
    path: string,
    perFile?: { binary?: boolean; contentHead?: string; averageLineLength?: number; attributes?: object },
  ) => FileClassification;
  classifyAuthorship: (input: {
    authorName: string;
    authorEmail: string;
    committerName: string;
    committerEmail: string;
    message: string;
    branch?: string | null;
    aiNote?: string | null;
  }) => { class: AuthorClass; evidence: string | null };
  /** Linguist attributes from `.gitattributes` at the analysed head, by path. */
  attributes?: ReadonlyMap<string, object>;
  /** Commits listed in `.git-blame-ignore-revs` at the head. */
  ignoreRevs: ReadonlySet<string>;
  /** Paths excluded by config (matched before anything else). */
  isExcluded: (path: string) => boolean;
  /** Reads a blob to resynchronise a file whose replayed content is not trustworthy. */
  readBlob?: (objectId: string) => Promise<Buffer | null>;
  warn?: (message: string, details?: Record<string, unknown>) => void;
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

const MINIFIED_SAMPLE_LINES = 200;

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

/** Lines of a counted file, prepared for op detection. */
interface CountedFile {
  index: number;
  path: string;
  diff: FileDiff;
  classification: FileClassification;
  state: FileState;
  oldLines: readonly string[];
  oldAnalysis: SourceAnalysis | null;
  newAnalysis: SourceAnalysis | null;
  removedSurvival: RemovedSurvival[];
  ops: OpsFile;
}

/**
 * The effective-code engine of metrics.md §1. It replays a repository's first-parent history
 * commit by commit (oldest first), keeping every file's content and the survival tag of every
 * line, and turns each commit into commit, file and effective-code records.
 *
 * @example
 * const engine = new EffectiveCodeEngine(deps);
 * for await (const commit of streamFirstParentHistory({ repoPath, branchRef })) {
 *   const outcome = await engine.processCommit(commit, index++, { emit: true });
 * }
 */
export class EffectiveCodeEngine {
  private readonly files = new Map<string, FileState>();
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
   * Process the next commit of the first-parent history.
   * @param emit when false the commit only advances the replay state (used to rebuild state
   *   before the first new commit); records are still returned but callers discard them.
   */
  async processCommit(
    commit: ParsedCommit,
    fpIndex: number,
    options: { emit?: boolean; explain?: boolean } = {},
  ): Promise<CommitOutcome> {
    const { settings, repoId } = this.deps;
    const explain = options.explain === true;
    const mergedAt = commit.committer.time;
    const [subject = ''] = commit.message.split('\n', 1);
    const branch = mergedBranchName(subject);
    const authorship = this.deps.classifyAuthorship({
      authorName: commit.author.name,
      authorEmail: commit.author.email,
      committerName: commit.committer.name,
      committerEmail: commit.committer.email,
      message: commit.message,
      branch,
      aiNote: commit.aiNote,
    });
    const workType = classifyWorkType(commit.message, settings.workTypes);
    const revertOf = this.resolveRevertTarget(commit.message, subject);
    const patchId = computePatchId(commit);

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

    for (const file of commit.files) {
      const path = file.newPath ?? file.oldPath ?? '';
      if (this.deps.isExcluded(path)) {
        this.advanceStateOnly(file);
        continue;
      }
      const prepared = await this.prepareFile(file, path);
      const added = sumLines(file, 'added');
      const deleted = sumLines(file, 'removed');
      linesAdded += added;
      linesDeleted += deleted;
      const { classification, state, oldLines, removedSurvival } = prepared;
      fileRecords.push({
        commit_id: commitId,
        file_path: path,
        repo_id: repoId,
        old_path: file.oldPath !== file.newPath ? file.oldPath : null,
        status: file.status,
        kind: classification.kind,
        language: classification.language,
        stack: classification.stack,
        is_binary: file.binary,
        is_submodule: file.submodule,
        missing_object: file.missingObject,
        old_blob: file.oldBlob,
        new_blob: file.newBlob,
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
        // documented sources is copy/paste), except machine-written files.
        if (state && file.hunks.length > 0 && fileGate !== 'lockfile' && fileGate !== 'generated' && fileGate !== 'data') {
          recordFiles.push(opsFileFor(file, state, null, null, true));
        }
        row[`${wholeFileBucket}_lines`] += added + deleted;
        if (explain) pushGatedDetails(lines, path, file, wholeFileBucket, fileGate ? classification.reason : `commit gate: ${gate}`);
        continue;
      }
      if (!state || file.hunks.length === 0) continue;
      const language = classification.language;
      const cached = prepared.oldAnalysis;
      const oldAnalysis =
        language && hasRemoved(file)
          ? cached && cached.language === language
            ? cached.analysis
            : this.analysisOf(language, oldLines)
          : null;
      const newAnalysis = language && hasAdded(file) ? this.currentAnalysis(state, language) : null;
      counted.push({
        index: effective.length - 1,
        path,
        diff: file,
        classification,
        state,
        oldLines,
        oldAnalysis,
        newAnalysis,
        removedSurvival,
        ops: opsFileFor(file, state, oldAnalysis, newAnalysis, false, language),
      });
    }

    const countedOps = counted.map((c) => c.ops);
    const ops = detectLineOps(countedOps, this.history, settings.thresholds);
    // The same OpsFile objects let the history reuse the line analysis detection already did.
    this.history.recordCommit(recordFiles.length > 0 ? [...countedOps, ...recordFiles] : countedOps);

    const churnSha = commit.sha;
    for (let f = 0; f < counted.length; f++) {
      const file = counted[f]!;
      const row = effective[file.index]!;
      this.weighFile(commit, file, ops[f]!.hunks, row, workType.weight, mergedAt, churnSha, explain ? lines : null);
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

  /** Apply a file's diff to the replay state and classify it; resynchronises lost content from blobs. */
  private async prepareFile(
    file: FileDiff,
    path: string,
  ): Promise<{
    classification: FileClassification;
    state: FileState | null;
    oldLines: readonly string[];
    oldAnalysis: { analysis: SourceAnalysis; language: string | null } | null;
    removedSurvival: RemovedSurvival[];
  }> {
    let state: FileState | null = null;
    if (file.status === 'added') {
      state = new FileState();
    } else if (file.oldPath !== null) {
      const existing = this.files.get(file.oldPath);
      if (file.status === 'copied') {
        state = existing ? cloneState(existing) : null;
      } else {
        state = existing ?? null;
        if (file.oldPath !== file.newPath) this.files.delete(file.oldPath);
      }
    }
    if (file.binary || file.submodule || file.missingObject) {
      // No text to replay: drop the state; a later text diff reloads it from its blob.
      if (file.newPath) this.files.set(file.newPath, markLost(state ?? new FileState()));
      if (file.status === 'deleted' && file.oldPath) this.files.delete(file.oldPath);
      return { classification: this.classify(path, file, null), state: null, oldLines: [], oldAnalysis: null, removedSurvival: [] };
    }
    if (!state || state.lost || !hunksMatch(state, file.hunks)) {
      state = await this.reload(file.oldBlob, state);
    }
    const oldLines = state ? state.lines : [];
    const oldAnalysis = state?.analysis ? { analysis: state.analysis, language: state.analysisLanguage } : null;
    let removedSurvival: RemovedSurvival[] = [];
    if (state && hunksMatch(state, file.hunks)) {
      removedSurvival = applyHunks(state, file.hunks);
    } else {
      // The diff does not apply to what we know: take the new version from its blob.
      this.deps.warn?.('file content out of step with history; reloading from blob', { path });
      state = await this.reload(file.newBlob, null);
      removedSurvival = file.hunks.map((h) => ({ origins: new Array(h.removed.length).fill(-1), weights: new Array(h.removed.length).fill(0) }));
    }
    if (file.status === 'deleted') {
      if (file.oldPath) this.files.delete(file.oldPath);
    } else if (file.newPath && state) {
      this.files.set(file.newPath, state);
    }
    const classification = this.classify(path, file, file.status === 'deleted' ? oldLines : state ? state.lines : null);
    return { classification, state, oldLines, oldAnalysis, removedSurvival };
  }

  /** Keep the replay state of an excluded file current without producing records. */
  private advanceStateOnly(file: FileDiff): void {
    if (file.oldPath && file.oldPath !== file.newPath && file.status !== 'copied') this.files.delete(file.oldPath);
    if (file.newPath) this.files.set(file.newPath, markLost(new FileState()));
  }

  private async reload(blob: string | null, fallback: FileState | null): Promise<FileState | null> {
    if (!blob || !this.deps.readBlob) return fallback ? markLost(fallback) : null;
    const bytes = await this.deps.readBlob(blob);
    if (!bytes) return fallback ? markLost(fallback) : null;
    const state = fallback ?? new FileState();
    state.reset(decodeBlobLines(bytes));
    return state;
  }

  private classify(path: string, file: FileDiff, content: readonly string[] | null): FileClassification {
    const attributes = this.deps.attributes?.get(path);
    if (!content || content.length === 0) return this.deps.classifyFile(path, { binary: file.binary, attributes });
    let head = '';
    for (let i = 0; i < content.length && head.length < 2048; i++) head += content[i] + '\n';
    // Minified files are a few very long lines; the first lines are a faithful sample, so the
    // average is taken over at most MINIFIED_SAMPLE_LINES lines instead of the whole file.
    const sample = Math.min(content.length, MINIFIED_SAMPLE_LINES);
    let chars = 0;
    for (let i = 0; i < sample; i++) chars += content[i]!.length;
    return this.deps.classifyFile(path, {
      binary: file.binary,
      attributes,
      contentHead: head.slice(0, 2048),
      averageLineLength: chars / sample,
    });
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

  private analysisOf(language: string, lines: readonly string[]): SourceAnalysis {
    return analyseSource(language, lines.join('\n'));
  }

  private currentAnalysis(state: FileState, language: string): SourceAnalysis {
    if (!state.analysis || state.analysisLanguage !== language) {
      state.analysis = analyseSource(language, state.text());
      state.analysisLanguage = language;
    }
    return state.analysis;
  }

  /** Weigh every counted line of one file, fill the record's buckets and tag surviving lines. */
  private weighFile(
    commit: ParsedCommit,
    file: CountedFile,
    hunkOps: ReadonlyArray<{ removed: LineOp[]; added: LineOp[] }>,
    row: EffectiveCodeRecord,
    commitWorkTypeWeight: number,
    mergedAt: number,
    churnSha: string,
    details: LineDetail[] | null,
  ): void {
    const { settings } = this.deps;
    const hunks = file.diff.hunks;
    const workTypeWeight =
      file.classification.kind === 'test' ? Math.min(commitWorkTypeWeight, settings.testFileWeight) : commitWorkTypeWeight;
    let effectiveAdded = 0;
    let originId = -1;
    let complexitySum = 0;
    for (let h = 0; h < hunks.length; h++) {
      const hunk = hunks[h]!;
      const opsOfHunk = hunkOps[h]!;
      const survival = file.removedSurvival[h];
      const removedCcnAtStart = hunk.oldCount > 0 && file.oldAnalysis ? enclosingCcn(file.oldAnalysis, hunk.oldStart) : null;
      for (let i = 0; i < hunk.removed.length; i++) {
        const op = this.effectiveOp(opsOfHunk.removed[i]!, 'removed');
        row[OP_COLUMN[op]] += 1;
        const ccn = file.oldAnalysis ? enclosingCcn(file.oldAnalysis, hunk.oldStart + i) : null;
        const weight = this.lineWeight(op, ccn, workTypeWeight, 1, row);
        if (survival && CHURNING_OPS.has(op)) {
          this.survival.recordRemoval(churnSha, mergedAt, [survival.origins[i]!], [survival.weights[i]!]);
        }
        complexitySum += weight.complexity * weight.beforeComplexity;
        details?.push(lineDetail(file.path, '-', hunk.oldStart + i, hunk.removed[i]!, OP_BUCKET[op], op, ccn, weight, workTypeWeight, 1));
      }
      for (let i = 0; i < hunk.added.length; i++) {
        const op = this.effectiveOp(opsOfHunk.added[i]!, 'added');
        row[OP_COLUMN[op]] += 1;
        const after = file.newAnalysis ? enclosingCcn(file.newAnalysis, hunk.newStart + i) : null;
        // An update weighs by the larger of the code before and after (metrics.md §1 Complexity).
        const ccn = op === 'update' || op === 'find_replace' ? maxCcn(after, removedCcnAtStart) : after;
        let bulk = 1;
        if (this.opWeight(op) > 0) {
          effectiveAdded++;
          if (effectiveAdded > settings.bulk.threshold) {
            bulk = settings.bulk.factor;
            if (bulk !== 1) row.bulk_damped_lines += 1;
          }
        }
        const weight = this.lineWeight(op, ccn, workTypeWeight, bulk, row);
        complexitySum += weight.complexity * weight.beforeComplexity;
        if (weight.value > 0) {
          if (originId < 0) originId = this.survival.registerOrigin(commit.sha, file.path, mergedAt);
          const position = hunk.newStart - 1 + i;
          file.state.origins[position] = originId;
          file.state.weights[position] = weight.value;
        }
        details?.push(lineDetail(file.path, '+', hunk.newStart + i, hunk.added[i]!, OP_BUCKET[op], op, ccn, weight, workTypeWeight, bulk));
      }
    }
    row.complexity_avg = row.bulk_weighted > 0 ? complexitySum / row.bulk_weighted : 1;
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

function hasRemoved(file: FileDiff): boolean {
  return file.hunks.some((h) => h.removed.length > 0);
}

function hasAdded(file: FileDiff): boolean {
  return file.hunks.some((h) => h.added.length > 0);
}

function maxCcn(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function cloneState(state: FileState): FileState {
  return new FileState([...state.lines]);
}

function markLost(state: FileState): FileState {
  state.lost = true;
  state.analysis = null;
  return state;
}

function opsFileFor(
  file: FileDiff,
  state: FileState,
  oldAnalysis: SourceAnalysis | null,
  newAnalysis: SourceAnalysis | null,
  textOnly: boolean,
  language: string | null = null,
): OpsFile {
  return {
    hunks: file.hunks.map((hunk) => ({
      removed: hunk.removed.map((text, i) => opsLine(text, oldAnalysis, hunk.oldStart + i, textOnly, language)),
      added: hunk.added.map((text, i) => opsLine(text, newAnalysis, hunk.newStart + i, textOnly, language)),
    })),
    newContent: state.lines,
    hunkNewStarts: file.hunks.map((h) => h.newStart),
  };
}

/**
 * Keyword- and punctuation-only lines (`} else {`, `end`, `begin`) are short; checking only lines
 * of at most this many characters skips the normalise-and-tokenize cost for ordinary code lines.
 */
const KEYWORD_ONLY_MAX_LENGTH = 64;

function opsLine(text: string, analysis: SourceAnalysis | null, line: number, textOnly: boolean, language: string | null): OpsLine {
  if (textOnly) return { text, comment: false, keywordOnly: false };
  const comment = analysis ? analysis.commentOnly[line - 1] === 1 : false;
  const keywordOnly = !comment && text.length <= KEYWORD_ONLY_MAX_LENGTH && isKeywordOnlyLine(normaliseLine(text), language);
  return { text, comment, keywordOnly };
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
