import type { DiffHunk, FileDiff, ParsedCommit } from '../../collectors/git/types.js';
import type { FileClassification, FileKind } from '../classify/classify-file.js';
import { normaliseLine } from '../line-ops/normalise.js';
import { analyseSource, enclosingCcn, isKeywordOnlyLine, type SourceAnalysis } from '../source-analysis/analyse-source.js';
import { decodeBlobLines } from './blob-lines.js';
import { applyHunks, FileState, hunksMatch } from './file-state.js';
import { LINE_COMMENT, LINE_KEYWORD_ONLY, type ContextRegion, type PreparedCommit, type PreparedFile } from './prepared-commit.js';
import type { EngineSettings } from './settings.js';

/** What the preparer needs from outside (all of it can be rebuilt inside a worker thread). */
export interface PreparerDependencies {
  settings: EngineSettings;
  classifyFile: (
    path: string,
    perFile?: { binary?: boolean; contentHead?: string; averageLineLength?: number; attributes?: object },
  ) => FileClassification;
  /** Linguist attributes from `.gitattributes` at the analysed head, by path. */
  attributes?: ReadonlyMap<string, object>;
  isExcluded: (path: string) => boolean;
  /** Reads a blob to resynchronise a file whose replayed content is not trustworthy. */
  readBlob?: (objectId: string) => Promise<Buffer | null>;
  warn?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * Lines of unchanged context sent around each hunk for the copy/paste history. The history looks
 * for up to four substantive lines on each side; sixteen leave room for blank and trivial lines.
 */
export const CONTEXT_LINES = 16;

/** Minified files are a few very long lines; the first lines are a faithful sample. */
const MINIFIED_SAMPLE_LINES = 200;

/**
 * Keyword- and punctuation-only lines (`} else {`, `end`, `begin`) are short; only lines of at
 * most this many characters are checked, which skips the cost for ordinary code lines.
 */
const KEYWORD_ONLY_MAX_LENGTH = 64;

/** Kinds whose files never seed the copy/paste history (machine-written content). */
const NO_HISTORY_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['generated', 'lockfile', 'data', 'binary']);

/**
 * Stage one of the effective-code engine: replays every file's content along the first-parent
 * history (applying each zero-context diff), classifies files, runs the tokenizer over each new
 * file version once, and turns a parsed commit into a {@link PreparedCommit} — per-line comment,
 * keyword-only and complexity facts plus the context the copy/paste history needs. It is
 * sequential per repository but independent of scoring, so it can run in its own thread.
 */
export class CommitPreparer {
  private readonly files = new Map<string, FileState>();
  private readonly deps: PreparerDependencies;

  constructor(deps: PreparerDependencies) {
    this.deps = deps;
  }

  /** Prepare the next commit of the history (oldest first). */
  async prepare(commit: ParsedCommit): Promise<PreparedCommit> {
    const files: PreparedFile[] = [];
    for (const diff of commit.files) files.push(await this.prepareFile(diff));
    const { files: _files, ...meta } = commit;
    return { commit: meta, files };
  }

  private async prepareFile(diff: FileDiff): Promise<PreparedFile> {
    const path = diff.newPath ?? diff.oldPath ?? '';
    let state = this.takeState(diff);
    if (this.deps.isExcluded(path)) {
      if (diff.newPath && diff.status !== 'deleted') this.files.set(diff.newPath, markLost(state ?? new FileState()));
      return emptyPrepared(diff, path, true, this.classify(path, diff, null));
    }
    if (diff.binary || diff.submodule || diff.missingObject) {
      // No text to replay: remember the file as lost; a later text diff reloads it from its blob.
      if (diff.newPath && diff.status !== 'deleted') this.files.set(diff.newPath, markLost(state ?? new FileState()));
      const prepared = emptyPrepared(diff, path, false, this.classify(path, diff, null));
      prepared.resetAfter = true;
      return prepared;
    }

    let resetBefore = false;
    if (!state || state.lost || !hunksMatch(state, diff.hunks)) {
      const reloaded = await this.reload(diff.oldBlob);
      if (reloaded) {
        state = reloaded;
        resetBefore = true;
      } else if (diff.status === 'added') {
        state = new FileState();
      } else {
        state = markLost(state ?? new FileState());
        resetBefore = true;
      }
    }
    const oldLines = state.lines;
    const oldLineCount = oldLines.length;
    const oldCached = state.analysis && !state.lost ? { analysis: state.analysis, language: state.analysisLanguage } : null;
    let resetAfter = false;
    if (hunksMatch(state, diff.hunks)) {
      applyHunks(state, diff.hunks);
      state.lost = false;
    } else {
      // The diff does not apply to what we know: take the new version from its blob.
      this.deps.warn?.('file content out of step with history; reloading from blob', { path });
      state = (await this.reload(diff.newBlob)) ?? markLost(new FileState());
      resetAfter = true;
    }
    if (diff.status !== 'deleted' && diff.newPath) this.files.set(diff.newPath, state);

    const newLines = state.lines;
    const classification = this.classify(path, diff, diff.status === 'deleted' ? oldLines : newLines);
    const language = classification.language;
    const fileGated = this.isFileGated(classification.kind);
    const contentKnown = !state.lost;
    const needOld = language !== null && !fileGated && contentKnown && diff.hunks.some((h) => h.removed.length > 0);
    const needNew = language !== null && !fileGated && contentKnown && diff.hunks.some((h) => h.added.length > 0);
    const oldAnalysis = needOld
      ? oldCached && oldCached.language === language
        ? oldCached.analysis
        : analyseSource(language, oldLines.join('\n'))
      : null;
    const newAnalysis = needNew ? this.currentAnalysis(state, language!) : null;

    const prepared = emptyPrepared(diff, path, false, classification);
    prepared.resetBefore = resetBefore;
    prepared.oldLineCount = oldLineCount;
    prepared.resetAfter = resetAfter;
    prepared.newLineCount = newLines.length;
    prepared.hunkOldStartCcn = new Int32Array(diff.hunks.length);
    for (let h = 0; h < diff.hunks.length; h++) {
      const hunk = diff.hunks[h]!;
      prepared.removedFlags.push(lineFlags(hunk.removed, oldAnalysis, hunk.oldStart, language, fileGated));
      prepared.addedFlags.push(lineFlags(hunk.added, newAnalysis, hunk.newStart, language, fileGated));
      prepared.removedCcn.push(lineCcn(hunk.removed.length, oldAnalysis, hunk.oldStart));
      prepared.addedCcn.push(lineCcn(hunk.added.length, newAnalysis, hunk.newStart));
      if (oldAnalysis && hunk.oldCount > 0) prepared.hunkOldStartCcn[h] = enclosingCcn(oldAnalysis, hunk.oldStart) ?? 0;
    }
    if (!NO_HISTORY_KINDS.has(classification.kind) && contentKnown && diff.hunks.length > 0 && diff.status !== 'deleted') {
      prepared.context = diff.hunks.map((hunk) => contextRegion(newLines, hunk));
    }
    return prepared;
  }

  /** The state of the file this diff starts from, moving it for renames and cloning it for copies. */
  private takeState(diff: FileDiff): FileState | null {
    if (diff.status === 'added' || diff.oldPath === null) return diff.status === 'added' ? new FileState() : null;
    const existing = this.files.get(diff.oldPath) ?? null;
    if (diff.status === 'copied') return existing ? new FileState([...existing.lines]) : null;
    if (diff.oldPath !== diff.newPath || diff.status === 'deleted') this.files.delete(diff.oldPath);
    return existing;
  }

  private async reload(blob: string | null): Promise<FileState | null> {
    if (!blob || !this.deps.readBlob) return null;
    const bytes = await this.deps.readBlob(blob);
    return bytes ? new FileState(decodeBlobLines(bytes)) : null;
  }

  private classify(path: string, diff: FileDiff, content: readonly string[] | null): FileClassification {
    const attributes = this.deps.attributes?.get(path);
    if (!content || content.length === 0) return this.deps.classifyFile(path, { binary: diff.binary, attributes });
    let head = '';
    for (let i = 0; i < content.length && head.length < 2048; i++) head += content[i] + '\n';
    const sample = Math.min(content.length, MINIFIED_SAMPLE_LINES);
    let chars = 0;
    for (let i = 0; i < sample; i++) chars += content[i]!.length;
    return this.deps.classifyFile(path, {
      binary: diff.binary,
      attributes,
      contentHead: head.slice(0, 2048),
      averageLineLength: chars / sample,
    });
  }

  /** Whether the file's kind gates all its lines (then no per-line analysis is needed). */
  private isFileGated(kind: FileKind): boolean {
    const gates = this.deps.settings.gates;
    switch (kind) {
      case 'generated':
      case 'lockfile':
        return gates.generated;
      case 'vendored':
        return gates.vendored;
      case 'docs':
        return gates.docs;
      case 'data':
      case 'binary':
        return gates.data;
      default:
        return false;
    }
  }

  private currentAnalysis(state: FileState, language: string): SourceAnalysis {
    if (!state.analysis || state.analysisLanguage !== language) {
      state.analysis = analyseSource(language, state.text());
      state.analysisLanguage = language;
    }
    return state.analysis;
  }
}

function emptyPrepared(diff: FileDiff, path: string, excluded: boolean, classification: FileClassification): PreparedFile {
  return {
    diff,
    path,
    excluded,
    classification,
    removedFlags: [],
    addedFlags: [],
    removedCcn: [],
    addedCcn: [],
    hunkOldStartCcn: new Int32Array(0),
    resetBefore: false,
    oldLineCount: 0,
    resetAfter: false,
    newLineCount: 0,
    context: null,
  };
}

function lineFlags(
  lines: readonly string[],
  analysis: SourceAnalysis | null,
  firstLine: number,
  language: string | null,
  fileGated: boolean,
): Uint8Array {
  const flags = new Uint8Array(lines.length);
  if (fileGated) return flags;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (analysis && analysis.commentOnly[firstLine - 1 + i] === 1) {
      flags[i] = LINE_COMMENT;
    } else if (text.length <= KEYWORD_ONLY_MAX_LENGTH && isKeywordOnlyLine(normaliseLine(text), language)) {
      flags[i] = LINE_KEYWORD_ONLY;
    }
  }
  return flags;
}

function lineCcn(count: number, analysis: SourceAnalysis | null, firstLine: number): Int32Array {
  const ccn = new Int32Array(count);
  if (!analysis) return ccn;
  for (let i = 0; i < count; i++) ccn[i] = enclosingCcn(analysis, firstLine + i) ?? 0;
  return ccn;
}

function contextRegion(lines: readonly string[], hunk: DiffHunk): ContextRegion {
  // For a removal-only hunk git's newStart is the line before the removed block.
  const first = hunk.newCount > 0 ? hunk.newStart - 1 : hunk.newStart;
  const start = Math.max(0, first - CONTEXT_LINES);
  const end = Math.min(lines.length, first + hunk.newCount + CONTEXT_LINES);
  return { start: start + 1, lines: lines.slice(start, end) };
}

function markLost(state: FileState): FileState {
  state.lost = true;
  state.analysis = null;
  return state;
}
