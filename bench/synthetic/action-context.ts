/**
 * What a commit action gets to work with, and the small project-wide state some actions share
 * (the lock file's packages, the Go modules, the next migration number).
 */

import type { ChangeSet } from './change-set.js';
import type { CodeWriter, FileSpec } from './code-writer.js';
import type { LockedPackage } from './generated-content.js';
import type { CodeArea, PlannedFile } from './repo-layout.js';
import type { RepoModel } from './repo-model.js';
import type { SeededRandom } from './seeded-random.js';
import { textFile, type FileRole, type SourceFile } from './source-file.js';
import { writerFor } from './writers.js';

/** Average characters per generated line; converts byte budgets into line counts. */
export const AVERAGE_LINE_CHARS = 36;

/** Smallest source file the generator writes (in lines). */
export const MIN_FILE_LINES = 50;
/** Largest source file the generator writes (in lines). */
export const MAX_FILE_LINES = 3000;

/** A recently edited place, for churn (lines rewritten within days). */
export interface RecentEdit {
  path: string;
  line: number;
  commitIndex: number;
}

/** The last thousand or so edits, oldest first. */
export class RecentEdits {
  private readonly edits: RecentEdit[] = [];

  constructor(private readonly capacity = 1200) {}

  add(edit: RecentEdit): void {
    this.edits.push(edit);
    // Trimmed in batches: shifting a long array on every edit would be quadratic.
    if (this.edits.length > 2 * this.capacity) this.edits.splice(0, this.edits.length - this.capacity);
  }

  /** A random edit made at or after `sinceCommit`, if any. */
  pickSince(random: SeededRandom, sinceCommit: number): RecentEdit | undefined {
    let first = this.edits.length;
    while (first > 0 && this.edits[first - 1]!.commitIndex >= sinceCommit) first--;
    if (first >= this.edits.length) return undefined;
    return this.edits[first + Math.floor(random.float() * (this.edits.length - first))];
  }
}

/** A Go module pinned in go.mod / go.sum. */
export interface GoModule {
  path: string;
  version: string;
  /** go.sum hashes of the module and of its go.mod. */
  sum: string;
  modSum: string;
}

/** Project-wide state shared by actions. */
export interface ProjectState {
  packages: LockedPackage[];
  appVersion: string;
  goModules: GoModule[];
  nextMigration: number;
  /** Characters of the committed front-end bundle. */
  bundleSize: number;
}

/** Inputs of one commit action. */
export interface ActionContext {
  readonly random: SeededRandom;
  readonly model: RepoModel;
  readonly changes: ChangeSet;
  /** The area the author works in. */
  readonly area: CodeArea;
  /** Patch bytes a bulk action should aim for. */
  readonly budget: number;
  readonly commitIndex: number;
  readonly recent: RecentEdits;
  readonly project: ProjectState;
  /** Whether the author writes TypeScript/Java with the non-standard indentation (fixed later by reformats). */
  readonly indentQuirk: boolean;
}

/** Standard indentation per language, and the one a formatter-ignoring author uses. */
export function indentFor(language: SourceFile['language'], quirk: boolean): string {
  const writer = writerFor(language);
  const standard = writer?.defaultIndent ?? '  ';
  if (!quirk) return standard;
  if (language === 'typescript' || language === 'tsx') return '    ';
  if (language === 'java') return '  ';
  return standard;
}

/** Writes a new file for `planned` with about `lines` lines (`role` overrides the planned one, e.g. `docs`). */
export function createFile(random: SeededRandom, planned: PlannedFile, lines: number, indentUnit: string, role: FileRole = planned.role): SourceFile {
  const writer = writerFor(planned.language) as CodeWriter;
  const spec: FileSpec = { subject: planned.subject, role: planned.role, targetLines: lines, indentUnit, packageName: planned.packageName };
  return textFile(planned.language, role, writer.newFile(random, spec), indentUnit);
}

/**
 * A new file's length in lines: between 50 and 3,000, skewed towards small files (median
 * about 140 lines, one file in seven over 1,000) as in real code bases. Tests come out at
 * half that.
 */
export function newFileLines(random: SeededRandom, role: FileRole): number {
  const u = random.float();
  const lines = MIN_FILE_LINES * Math.pow(MAX_FILE_LINES / MIN_FILE_LINES, u * u);
  return Math.round(Math.max(MIN_FILE_LINES, role === 'test' ? lines / 2 : lines));
}
