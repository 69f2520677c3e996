/**
 * Commit actions on code: everyday edits, churn on fresh code, tests, and the large ones
 * (new feature modules, rewrites, removals) that carry most of a history's patch volume.
 */

import {
  AVERAGE_LINE_CHARS,
  MAX_FILE_LINES,
  MIN_FILE_LINES,
  createFile,
  indentFor,
  newFileLines,
  type ActionContext,
} from './action-context.js';
import { addFunction, editStatements, rewriteFunction } from './code-edits.js';
import { describe, type CommitIntent, type CommitType } from './commit-messages.js';
import { LineEditor } from './line-editor.js';
import { moduleDirs, plannedFiles, type FeatureModule, type PlannedFile } from './repo-layout.js';
import type { FileRole } from './source-file.js';
import { ADJECTIVES, NOUNS } from './vocabulary.js';
import { writerFor } from './writers.js';

const FILES_PER_EDIT = { '1': 35, '2': 25, '3': 15, '4': 10, '5': 8, '6': 7 } as const;
const EDIT_TYPES = { fix: 40, feat: 33, refactor: 12, perf: 4, chore: 6 } as const;

/**
 * Applies `hunks` statement edits to the file at `path` (aimed at `near` when given) and
 * records the change. Returns false when the file cannot be edited as code.
 */
export function editFile(ctx: ActionContext, path: string, hunks: number, near?: number): boolean {
  const file = ctx.model.get(path);
  if (!file || file.binary) return false;
  const writer = writerFor(file.language);
  if (!writer) return false;
  const editor = new LineEditor(file);
  for (let i = 0; i < hunks; i++) {
    const grow = editor.lines.length < MAX_FILE_LINES && ctx.random.chance(0.1);
    const line = grow ? addFunction(ctx.random, editor, writer, file.indentUnit) : editStatements(ctx.random, editor, writer, file.indentUnit, i === 0 ? near : undefined);
    ctx.recent.add({ path, line, commitIndex: ctx.commitIndex });
  }
  ctx.changes.write(path, editor.toFile(), editor.patchBytes);
  return true;
}

function pickCode(ctx: ActionContext, role: FileRole): string | undefined {
  return ctx.model.pick(ctx.random, ctx.area.name, role) ?? ctx.model.pick(ctx.random, ctx.area.name, 'source');
}

function intentFor(ctx: ActionContext, type: CommitType): CommitIntent {
  return { type, scope: ctx.area.scope, description: describe(ctx.random, type) };
}

/** The everyday commit: a few hunks in one to six files of the author's area. */
export function smallEdit(ctx: ActionContext): CommitIntent | null {
  const files = Number(ctx.random.weighted(FILES_PER_EDIT));
  let onlyTests = true;
  for (let i = 0; i < files; i++) {
    const role: FileRole = ctx.random.chance(0.2) ? 'test' : 'source';
    const path = pickCode(ctx, role);
    if (!path || ctx.changes.files.has(path)) continue;
    if (editFile(ctx, path, ctx.random.int(1, 4)) && ctx.model.get(path)?.role !== 'test') onlyTests = false;
  }
  if (ctx.changes.isEmpty) return null;
  return intentFor(ctx, onlyTests ? 'test' : ctx.random.weighted(EDIT_TYPES));
}

/** Rewrites lines written in the last few days (the churn the durability window looks for). */
export function churnEdit(ctx: ActionContext): CommitIntent | null {
  // About 120 commits is four to five working days at a few commits per hour: well inside
  // the durability window, so these rewrites are churn.
  const recent = ctx.recent.pickSince(ctx.random, ctx.commitIndex - 120);
  if (!recent || !ctx.model.has(recent.path)) return smallEdit(ctx);
  if (!editFile(ctx, recent.path, ctx.random.int(1, 2), recent.line)) return smallEdit(ctx);
  if (ctx.random.chance(0.3)) {
    const other = pickCode(ctx, 'source');
    if (other && !ctx.changes.files.has(other)) editFile(ctx, other, 1);
  }
  return intentFor(ctx, ctx.random.chance(0.7) ? 'fix' : 'refactor');
}

/** Test work: edits to test files and, now and then, a new test file for a module. */
export function testWork(ctx: ActionContext): CommitIntent | null {
  const module = ctx.model.modules.pick(ctx.random);
  if (module && module.area === ctx.area.name && ctx.random.chance(0.2)) {
    const tests = plannedFiles(module, 0, 'case').filter((planned) => planned.role === 'test' && !ctx.model.has(planned.path));
    const planned = tests[0];
    if (planned) {
      ctx.changes.write(planned.path, createFile(ctx.random, planned, ctx.random.int(MIN_FILE_LINES, 400), indentFor(planned.language, ctx.indentQuirk)));
      return intentFor(ctx, 'test');
    }
  }
  const count = ctx.random.int(1, 3);
  for (let i = 0; i < count; i++) {
    const path = ctx.model.pick(ctx.random, ctx.area.name, 'test');
    if (path && !ctx.changes.files.has(path)) editFile(ctx, path, ctx.random.int(1, 3));
  }
  return ctx.changes.isEmpty ? smallEdit(ctx) : intentFor(ctx, 'test');
}

function newModuleSubject(ctx: ActionContext): string[] {
  for (let attempt = 0; attempt < 20; attempt++) {
    const subject = attempt < 10 && ctx.random.chance(0.5) ? [ctx.random.pick(NOUNS)] : [ctx.random.pick(ADJECTIVES), ctx.random.pick(NOUNS)];
    if (attempt >= 10) subject.push(ctx.random.pick(NOUNS));
    const dirs = moduleDirs(ctx.area.name, subject);
    if (ctx.model.pathsUnder(dirs[0]!).length === 0) return subject;
  }
  return [ctx.random.pick(NOUNS), String(ctx.commitIndex)];
}

/**
 * A feature: a new module (or more files in an existing one) sized to the byte budget, plus
 * a line or two wiring it into existing code.
 */
export function addFeature(ctx: ActionContext): CommitIntent | null {
  const { random } = ctx;
  const existing = ctx.model.modules.pick(random);
  let module: FeatureModule;
  let planned: PlannedFile[];
  if (existing && existing.area === ctx.area.name && random.chance(0.3)) {
    module = existing;
    planned = [];
  } else {
    const subject = newModuleSubject(ctx);
    module = { area: ctx.area.name, subject, dirs: moduleDirs(ctx.area.name, subject) };
    planned = plannedFiles(module, 0, random.pick(NOUNS));
    ctx.model.modules.add(module);
  }
  // Template files first, then extra files while the byte budget lasts.
  let remaining = ctx.budget;
  const writeFile = (file: PlannedFile): void => {
    if (ctx.model.has(file.path) || ctx.changes.files.has(file.path)) return;
    const created = createFile(random, file, newFileLines(random, file.role), indentFor(file.language, ctx.indentQuirk));
    ctx.changes.write(file.path, created);
    remaining -= created.size;
  };
  for (const file of planned) writeFile(file);
  for (let index = 1; remaining > 0 && index < 80; index++) {
    for (const file of plannedFiles(module, index, random.pick(NOUNS))) if (remaining > 0) writeFile(file);
  }
  const wiring = ctx.model.pick(random, ctx.area.name, 'source');
  if (wiring && !ctx.changes.files.has(wiring)) editFile(ctx, wiring, 1);
  if (ctx.changes.isEmpty) return null;
  return { type: 'feat', scope: ctx.area.scope, description: `add ${module.subject.join(' ')} ${random.pick(['module', 'support', 'workflow', 'screens', 'api'])}` };
}

/** A rework: whole functions of several files rewritten, until the budget is spent. */
export function rewriteCode(ctx: ActionContext): CommitIntent | null {
  const { random } = ctx;
  let spent = 0;
  for (let attempt = 0; attempt < 12 && spent < ctx.budget; attempt++) {
    const path = ctx.model.pick(random, ctx.area.name, 'source');
    if (!path || ctx.changes.files.has(path)) continue;
    const file = ctx.model.get(path)!;
    const writer = writerFor(file.language);
    if (!writer) continue;
    const editor = new LineEditor(file);
    const share = Math.max(2 * AVERAGE_LINE_CHARS * MIN_FILE_LINES, ctx.budget / 3);
    const functions = writer.functionRanges(file.lines, file.indentUnit).length;
    for (let i = 0; i < functions && editor.patchBytes < share && spent + editor.patchBytes < ctx.budget; i++) {
      if (rewriteFunction(random, editor, writer, file.indentUnit) < 0) break;
    }
    if (editor.hunks === 0) continue;
    spent += editor.patchBytes;
    ctx.changes.write(path, editor.toFile(), editor.patchBytes);
  }
  if (ctx.changes.isEmpty) return null;
  return { type: random.chance(0.6) ? 'refactor' : 'feat', scope: ctx.area.scope, description: random.pick([`rework ${random.pick(NOUNS)} handling`, `rewrite ${random.pick(NOUNS)} ${random.pick(['pipeline', 'flow', 'rules'])}`, `replace legacy ${random.pick(NOUNS)} logic`]) };
}

/** Removes a whole feature module (legacy code going away). */
export function removeModule(ctx: ActionContext): CommitIntent | null {
  const { random } = ctx;
  let module: FeatureModule | undefined;
  for (let attempt = 0; attempt < 10 && !module; attempt++) {
    const candidate = ctx.model.modules.pick(random);
    if (candidate && (candidate.area === ctx.area.name || attempt > 5)) module = candidate;
  }
  if (!module || ctx.model.modules.size < 8) return null;
  ctx.model.modules.delete(module);
  for (const dir of module.dirs) for (const path of ctx.model.pathsUnder(dir)) ctx.changes.remove(path);
  if (ctx.changes.isEmpty) return null;
  return { type: random.chance(0.5) ? 'chore' : 'refactor', scope: ctx.area.scope, description: `remove legacy ${module.subject.join(' ')} module` };
}
