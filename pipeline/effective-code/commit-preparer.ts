import type { DiffHunk, FileDiff, ParsedCommit } from '../../collectors/git/types.js';
import type { FileClassification, FileKind } from '../classify/classify-file.js';
import { ContextHashCollector, ContextWindowScanner } from '../line-ops/context-windows.js';
import type { OpsContextHashes } from '../line-ops/types.js';
import { analyseSource, ccnAtLine, fillCcnOfLines, lineFactsOf, type LineFacts } from '../source-analysis/analyse-source.js';
import { FileContent } from './file-content.js';
import { applyHunks, FileState, hunksMatch } from './file-state.js';
import { LineColumns } from './line-columns.js';
import { LINE_COMMENT, type PreparedCommit, type PreparedFile } from './prepared-commit.js';
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

/** Characters of a file's start the classifier reads (shebangs, "generated" markers). */
const CONTENT_HEAD_CHARS = 2048;

/** Minified files are a few very long lines; the first lines are a faithful sample. */
const MINIFIED_SAMPLE_LINES = 200;

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
  private readonly contextWindows: ContextWindowScanner;

  constructor(deps: PreparerDependencies) {
    this.deps = deps;
    const { copyPasteMinLines, trivialMinAlphanumeric } = deps.settings.thresholds;
    this.contextWindows = new ContextWindowScanner(copyPasteMinLines, trivialMinAlphanumeric);
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
    let applies: boolean;
    if (state !== null && !state.lost && hunksMatch(state, diff.hunks)) {
      applies = true;
    } else {
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
      applies = hunksMatch(state, diff.hunks);
    }
    const oldContent = state.content;
    const oldLineCount = oldContent.lineCount;
    const oldCached = state.facts && !state.lost ? { facts: state.facts, language: state.factsLanguage } : null;
    let resetAfter = false;
    if (applies) {
      applyHunks(state, diff.hunks);
      state.lost = false;
    } else {
      // The diff does not apply to what we know: take the new version from its blob.
      this.deps.warn?.('file content out of step with history; reloading from blob', { path });
      state = (await this.reload(diff.newBlob)) ?? markLost(new FileState());
      resetAfter = true;
    }
    if (diff.status !== 'deleted' && diff.newPath) this.files.set(diff.newPath, state);

    const newContent = state.content;
    const classification = this.classify(path, diff, diff.status === 'deleted' ? oldContent : newContent);
    const language = classification.language;
    const fileGated = this.isFileGated(classification.kind);
    const contentKnown = !state.lost;
    const needOld = language !== null && !fileGated && contentKnown && diff.hunks.some((h) => h.removed.length > 0);
    const needNew = language !== null && !fileGated && contentKnown && diff.hunks.some((h) => h.added.length > 0);
    const oldFacts = needOld
      ? oldCached && oldCached.language === language
        ? oldCached.facts
        : lineFactsOf(analyseSource(language, oldContent.text(), oldContent.textLineCount()))
      : null;
    const newFacts = needNew ? this.currentFacts(state, language!) : null;

    const prepared = emptyPrepared(diff, path, false, classification);
    prepared.resetBefore = resetBefore;
    prepared.oldLineCount = oldLineCount;
    prepared.resetAfter = resetAfter;
    prepared.newLineCount = newContent.lineCount;
    const columns = new LineColumns(diff.hunks);
    prepared.hunkOldStartCcn = columns.hunkCcn();
    for (let h = 0; h < diff.hunks.length; h++) {
      const hunk = diff.hunks[h]!;
      prepared.removedFlags.push(commentFlags(columns.flags(hunk.removed.length), oldFacts, hunk.oldStart, fileGated));
      prepared.addedFlags.push(commentFlags(columns.flags(hunk.added.length), newFacts, hunk.newStart, fileGated));
      prepared.removedCcn.push(lineCcn(columns.ccn(hunk.removed.length), oldFacts, hunk.oldStart));
      prepared.addedCcn.push(lineCcn(columns.ccn(hunk.added.length), newFacts, hunk.newStart));
      if (oldFacts && hunk.oldCount > 0) prepared.hunkOldStartCcn[h] = ccnAtLine(oldFacts, hunk.oldStart) ?? 0;
    }
    if (!NO_HISTORY_KINDS.has(classification.kind) && contentKnown && diff.hunks.length > 0 && diff.status !== 'deleted') {
      prepared.contextHashes = contextHashesOf(newContent, diff.hunks, this.contextWindows);
    }
    return prepared;
  }

  /** The state of the file this diff starts from, moving it for renames and cloning it for copies. */
  private takeState(diff: FileDiff): FileState | null {
    if (diff.status === 'added' || diff.oldPath === null) return diff.status === 'added' ? new FileState() : null;
    const existing = this.files.get(diff.oldPath) ?? null;
    if (diff.status === 'copied') return existing ? new FileState(existing.content) : null;
    if (diff.oldPath !== diff.newPath || diff.status === 'deleted') this.files.delete(diff.oldPath);
    return existing;
  }

  private async reload(blob: string | null): Promise<FileState | null> {
    if (!blob || !this.deps.readBlob) return null;
    const bytes = await this.deps.readBlob(blob);
    return bytes ? new FileState(FileContent.fromBlob(bytes)) : null;
  }

  private classify(path: string, diff: FileDiff, content: FileContent | null): FileClassification {
    const attributes = this.deps.attributes?.get(path);
    if (!content || content.lineCount === 0) return this.deps.classifyFile(path, { binary: diff.binary, attributes });
    const sample = Math.min(content.lineCount, MINIFIED_SAMPLE_LINES);
    return this.deps.classifyFile(path, {
      binary: diff.binary,
      attributes,
      // The first 2048 characters of the lines, each followed by a newline.
      contentHead: content.head(CONTENT_HEAD_CHARS),
      averageLineLength: content.charsOfFirstLines(sample) / sample,
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

  private currentFacts(state: FileState, language: string): LineFacts {
    if (!state.facts || state.factsLanguage !== language) {
      state.facts = lineFactsOf(analyseSource(language, state.content.text(), state.content.textLineCount()));
      state.factsLanguage = language;
    }
    return state.facts;
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
    contextHashes: null,
  };
}

/** LINE_COMMENT for the comment-only lines among `flags.length` lines from `firstLine` (the scoring stage adds keyword-only flags). */
function commentFlags(flags: Uint8Array, facts: LineFacts | null, firstLine: number, fileGated: boolean): Uint8Array {
  const count = flags.length;
  if (fileGated || !facts) return flags;
  const commentOnly = facts.commentOnly;
  for (let i = 0; i < count; i++) if (commentOnly[firstLine - 1 + i] === 1) flags[i] = LINE_COMMENT;
  return flags;
}

function lineCcn(ccn: Int32Array, facts: LineFacts | null, firstLine: number): Int32Array {
  if (facts && facts.ranges.length > 0) fillCcnOfLines(facts, firstLine, ccn);
  return ccn;
}

/**
 * The window-line hashes the copy/paste history records around each hunk, looked for within
 * CONTEXT_LINES lines of the new version on each side of it.
 */
function contextHashesOf(content: FileContent, hunks: readonly DiffHunk[], scanner: ContextWindowScanner): OpsContextHashes {
  const collector = new ContextHashCollector(hunks.length);
  for (const hunk of hunks) {
    // For a removal-only hunk git's newStart is the line before the removed block.
    const first = hunk.newCount > 0 ? hunk.newStart - 1 : hunk.newStart;
    const start = Math.max(0, first - CONTEXT_LINES);
    const regionLength = Math.max(0, Math.min(content.lineCount, first + hunk.newCount + CONTEXT_LINES) - start);
    const lineAt = (index: number) => content.lineAt(start + index);
    // Where the hunk's added lines sit in the region (git's newStart, 1-based, shifted to it).
    const newStart = hunk.newStart - start;
    const added = hunk.added.length;
    const hunkStart = Math.min(regionLength, Math.max(0, added > 0 ? newStart - 1 : newStart));
    collector.startHunk();
    scanner.before(lineAt, hunkStart, collector);
    collector.startAfter();
    scanner.after(lineAt, regionLength, Math.min(regionLength, hunkStart + added), collector);
  }
  return collector.finish();
}

function markLost(state: FileState): FileState {
  state.lost = true;
  state.facts = null;
  return state;
}
