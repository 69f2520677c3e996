/**
 * Commit actions that move code rather than write it: renames (with and without edits),
 * moved blocks, split files, copy-pasted functions, find/replace across files and
 * whitespace-only reformats. An effective-code engine must recognise each of them.
 */

import type { ActionContext } from './action-context.js';
import { editStatements, insertFunctions, reindent, removeRange } from './code-edits.js';
import { indentOf, type CodeWriter, type LineRange } from './code-writer.js';
import type { CommitIntent } from './commit-messages.js';
import { LineEditor } from './line-editor.js';
import { moduleDirs, type AreaName, type FeatureModule } from './repo-layout.js';
import type { SeededRandom } from './seeded-random.js';
import { textFile, withLines, type SourceFile } from './source-file.js';
import { NOUNS, VERBS, capitalize } from './vocabulary.js';
import { writerFor } from './writers.js';

const CALLABLE_NAME = /([A-Za-z_$][\w$]*)\s*(?:=\s*(?:async\s*)?)?\(/g;
/** A called camelCase, PascalCase or snake_case name of two or more words: `loadOrder(`, `load_order(`. */
const CALLED_NAME = /\b([A-Za-z][a-z]+(?:[A-Z][a-z]+|_[a-z]+)+)\(/;
const NOT_NAMES = new Set(['func', 'function', 'def', 'async', 'if', 'for', 'while', 'switch', 'catch', 'test', 'it', 'return']);

/** The name a function header declares (`loadOrder` in `export function loadOrder(…) {`). */
export function declaredName(header: string): string | undefined {
  CALLABLE_NAME.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CALLABLE_NAME.exec(header))) if (!NOT_NAMES.has(match[1]!)) return match[1];
  return undefined;
}

/** Index of a range's header line (after its annotations and doc comment). */
function headerIndex(lines: readonly string[], range: LineRange): number {
  for (let i = range.start; i <= range.end; i++) {
    const trimmed = lines[i]!.trimStart();
    const first = trimmed.charAt(0);
    if (first !== '@' && first !== '/' && first !== '*') return i;
  }
  return range.start;
}

/** Function ranges that may be moved whole: in Python only top-level functions. */
function movableRanges(writer: CodeWriter, file: SourceFile): LineRange[] {
  const ranges = writer.functionRanges(file.lines, file.indentUnit);
  if (writer.language !== 'python') return ranges;
  return ranges.filter((range) => indentOf(file.lines[headerIndex(file.lines, range)]!) === '');
}

/** Ranges from `first` on that follow each other with only blank lines between (at most `max`). */
function contiguous(lines: readonly string[], ranges: readonly LineRange[], first: number, max: number): LineRange {
  let end = ranges[first]!.end;
  for (let i = first + 1; i < ranges.length && i - first < max; i++) {
    let onlyBlank = true;
    for (let line = end + 1; line < ranges[i]!.start; line++) if (lines[line] !== '') onlyBlank = false;
    if (!onlyBlank) break;
    end = ranges[i]!.end;
  }
  return { start: ranges[first]!.start, end };
}

/** A sibling path with one more word in the file name: `x-format.ts` → `x-format-order.ts`. */
export function renamedPath(path: string, word: string): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.indexOf('.');
  const base = dot >= 0 ? name.slice(0, dot) : name;
  const ext = dot >= 0 ? name.slice(dot) : '';
  if (base.includes('-')) return `${dir}${base}-${word}${ext}`;
  if (base.includes('_') || base.toLowerCase() === base) return `${dir}${base}_${word}${ext}`;
  return `${dir}${base}${capitalize(word)}${ext}`;
}

function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot >= 0 ? name.slice(0, dot) : name;
}

function pickSource(ctx: ActionContext, minimumLines = 0): { path: string; file: SourceFile; writer: CodeWriter } | undefined {
  let best: { path: string; file: SourceFile; writer: CodeWriter } | undefined;
  for (let attempt = 0; attempt < 12; attempt++) {
    const path = ctx.model.pick(ctx.random, ctx.area.name, 'source');
    if (!path || ctx.changes.files.has(path)) continue;
    const file = ctx.model.get(path)!;
    const writer = writerFor(file.language);
    if (!writer || file.lines.length < minimumLines) continue;
    if (!best || file.lines.length > best.file.lines.length) best = { path, file, writer };
    if (minimumLines === 0) break;
  }
  return best;
}

/** Java: keep the public class named after its file when a file is renamed. */
function renameJavaClass(editor: LineEditor, from: string, to: string): void {
  const lines = editor.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if ((line.startsWith('public class ') || line.startsWith('class ')) && line.includes(from)) {
      editor.splice(i, 1, [line.replace(from, to)]);
      return;
    }
  }
}

/** Renames one file: a pure move, or a move with a few edits (similarity stays high). */
export function renameFile(ctx: ActionContext, edited: boolean): CommitIntent | null {
  const role = ctx.random.chance(0.8) ? 'source' : 'test';
  const path = ctx.model.pick(ctx.random, ctx.area.name, role);
  if (!path) return null;
  const file = ctx.model.get(path)!;
  const target = renamedPath(path, ctx.random.pick(NOUNS));
  if (ctx.model.has(target)) return null;
  const writer = writerFor(file.language);
  const java = file.language === 'java';
  if ((edited || java) && writer) {
    const editor = new LineEditor(file);
    if (java) renameJavaClass(editor, baseName(path), baseName(target));
    if (edited) {
      const hunks = ctx.random.int(1, 2);
      for (let i = 0; i < hunks; i++) editStatements(ctx.random, editor, writer, file.indentUnit);
    }
    ctx.changes.rename(path, target, { file: editor.toFile(), editBytes: editor.patchBytes });
  } else {
    ctx.changes.rename(path, target);
  }
  return { type: 'refactor', scope: ctx.area.scope, description: `rename ${baseName(path)} to ${baseName(target)}` };
}

/** Renames a feature module's directories (every file moves; Java package lines change). */
export function renameModule(ctx: ActionContext): CommitIntent | null {
  const module = ctx.model.modules.pick(ctx.random);
  if (!module || module.area !== ctx.area.name) return null;
  const subject = [...module.subject, ctx.random.pick(NOUNS)];
  const dirs = moduleDirs(module.area, subject);
  if (dirs.some((dir) => ctx.model.pathsUnder(dir).length > 0)) return null;
  const renamed: FeatureModule = { area: module.area, subject, dirs };
  module.dirs.forEach((dir, i) => {
    for (const path of ctx.model.pathsUnder(dir)) {
      const target = dirs[i]! + path.slice(dir.length);
      const file = ctx.model.get(path)!;
      if (file.language === 'java' && file.lines[0]?.startsWith('package ')) {
        const editor = new LineEditor(file);
        editor.splice(0, 1, [`package com.acme.${module.area}.${subject.join('')};`]);
        ctx.changes.rename(path, target, { file: editor.toFile(), editBytes: editor.patchBytes });
      } else {
        ctx.changes.rename(path, target);
      }
    }
  });
  ctx.model.modules.delete(module);
  ctx.model.modules.add(renamed);
  if (ctx.changes.isEmpty) return null;
  return { type: 'refactor', scope: ctx.area.scope, description: `rename ${module.subject.join(' ')} module to ${subject.join(' ')}` };
}

/** Moves one to three functions from one file to another of the same language. */
export function moveBlock(ctx: ActionContext): CommitIntent | null {
  const source = pickSource(ctx, 150);
  if (!source) return null;
  const ranges = movableRanges(source.writer, source.file);
  if (ranges.length < 3) return null;
  const block = contiguous(source.file.lines, ranges, ctx.random.int(0, ranges.length - 2), ctx.random.int(1, 3));
  let targetPath: string | undefined;
  for (let attempt = 0; attempt < 8 && !targetPath; attempt++) {
    const candidate = ctx.model.pick(ctx.random, ctx.area.name, 'source');
    if (candidate && candidate !== source.path && ctx.model.get(candidate)!.language === source.file.language) targetPath = candidate;
  }
  if (!targetPath) return null;
  const target = ctx.model.get(targetPath)!;
  const moved = source.file.lines.slice(block.start, block.end + 1);
  const sourceEditor = new LineEditor(source.file);
  removeRange(sourceEditor, block);
  const targetEditor = new LineEditor(target);
  const lines = target.indentUnit === source.file.indentUnit ? moved : reindent(moved, source.file.indentUnit, target.indentUnit);
  insertFunctions(ctx.random, targetEditor, source.writer, target.indentUnit, lines);
  ctx.changes.write(source.path, sourceEditor.toFile(), sourceEditor.patchBytes);
  ctx.changes.write(targetPath, targetEditor.toFile(), targetEditor.patchBytes);
  return { type: 'refactor', scope: ctx.area.scope, description: `move ${declaredName(moved[headerIndex(moved, { start: 0, end: moved.length - 1 })]!) ?? 'helpers'} to ${baseName(targetPath)}` };
}

/** Splits a large file: its second half of functions moves to a new sibling file. */
export function splitFile(ctx: ActionContext): CommitIntent | null {
  const source = pickSource(ctx, 400);
  if (!source) return null;
  const { file, writer, path } = source;
  const ranges = movableRanges(writer, file);
  if (ranges.length < 4) return null;
  const block = contiguous(file.lines, ranges, Math.floor(ranges.length / 2), ranges.length);
  const target = renamedPath(path, ctx.random.pick(['support', 'helpers', 'rules', 'internal']));
  if (ctx.model.has(target)) return null;
  // The new file starts with the old one's preamble (package, imports, class header).
  const preamble = file.lines.slice(0, ranges[0]!.start);
  const fromClass = baseName(path);
  const toClass = baseName(target);
  const header = file.language === 'java' ? preamble.map((line) => (line.startsWith('public class ') ? line.replace(fromClass, toClass) : line)) : preamble;
  const body = file.lines.slice(block.start, block.end + 1);
  const lines = file.language === 'java' ? [...header, ...body, '}'] : [...header, ...body];
  const editor = new LineEditor(file);
  removeRange(editor, block);
  ctx.changes.write(path, editor.toFile(), editor.patchBytes);
  ctx.changes.write(target, textFile(file.language, file.role, lines, file.indentUnit, file.encoding));
  return { type: 'refactor', scope: ctx.area.scope, description: `split ${baseName(path)} into ${baseName(path)} and ${toClass}` };
}

function renamedFunction(random: SeededRandom, name: string): string {
  return `${name}${capitalize(random.pick(NOUNS))}`;
}

/** Copies a function of five lines or more, renamed, into one or two other files. */
export function copyPaste(ctx: ActionContext): CommitIntent | null {
  const source = pickSource(ctx, 60);
  if (!source) return null;
  const ranges = movableRanges(source.writer, source.file).filter((range) => range.end - range.start >= 5 && range.end - range.start < 80);
  if (ranges.length === 0) return null;
  const range = ctx.random.pick(ranges);
  const copied = source.file.lines.slice(range.start, range.end + 1);
  const header = headerIndex(copied, { start: 0, end: copied.length - 1 });
  const name = declaredName(copied[header]!);
  if (name) copied[header] = copied[header]!.replace(name, renamedFunction(ctx.random, name));
  const copies = ctx.random.chance(0.3) ? 2 : 1;
  for (let i = 0; i < copies; i++) {
    const targetPath = ctx.random.chance(0.2) && i === 0 ? source.path : ctx.model.pick(ctx.random, ctx.area.name, 'source');
    if (!targetPath) continue;
    const target = ctx.model.get(targetPath);
    if (!target || target.language !== source.file.language) continue;
    const editor = new LineEditor(target);
    const lines = target.indentUnit === source.file.indentUnit ? copied : reindent(copied, source.file.indentUnit, target.indentUnit);
    insertFunctions(ctx.random, editor, source.writer, target.indentUnit, lines);
    ctx.changes.write(targetPath, editor.toFile(), editor.patchBytes);
  }
  if (ctx.changes.isEmpty) return null;
  return { type: 'feat', scope: ctx.area.scope, description: `add ${name ?? 'helper'} variant` };
}

/** Renames a called function in every file of the area that uses it (a find/replace commit). */
export function findReplace(ctx: ActionContext): CommitIntent | null {
  const source = pickSource(ctx, 50);
  if (!source) return null;
  // Called names are drawn from a small vocabulary, so each appears in many files of an area.
  let name: string | undefined;
  for (let attempt = 0; attempt < 30 && !name; attempt++) {
    const match = CALLED_NAME.exec(ctx.random.pick(source.file.lines));
    if (match && !NOT_NAMES.has(match[1]!)) name = match[1];
  }
  if (!name) return null;
  const lower = name.toLowerCase();
  const verb = VERBS.find((candidate) => lower.startsWith(candidate) && name!.length > candidate.length);
  if (!verb) return null;
  const newVerb = ctx.random.pick(VERBS.filter((other) => other !== verb));
  const replacement = (name.charAt(0) === name.charAt(0).toUpperCase() ? capitalize(newVerb) : newVerb) + name.slice(verb.length);
  const pattern = new RegExp(`\\b${name}\\b`, 'g');
  const candidates = [...ctx.model.pathsOf(ctx.area.name, 'source'), ...ctx.model.pathsOf(ctx.area.name, 'test')];
  let changedFiles = 0;
  // Why the caps: scanning thousands of files for one identifier on every find/replace commit adds up.
  for (let i = 0; i < candidates.length && i < 800 && changedFiles < 40; i++) {
    const path = candidates[i]!;
    const file = ctx.model.get(path)!;
    let changed: string[] | null = null;
    for (let line = 0; line < file.lines.length; line++) {
      const text = file.lines[line]!;
      if (!text.includes(name)) continue;
      const next = text.replace(pattern, replacement);
      if (next === text) continue;
      changed ??= file.lines.slice();
      changed[line] = next;
    }
    if (!changed) continue;
    const editor = new LineEditor(file);
    editor.replaceAll(changed);
    ctx.changes.write(path, editor.toFile(), editor.patchBytes);
    changedFiles++;
  }
  if (ctx.changes.isEmpty) return null;
  return { type: 'refactor', scope: ctx.area.scope, description: `rename ${name} to ${replacement}` };
}

/**
 * A whitespace-only reformat: files indented the non-standard way are re-indented to the
 * standard (the kind of commit listed in `.git-blame-ignore-revs`).
 */
export function reformat(ctx: ActionContext): CommitIntent | null {
  const areas: AreaName[] = ctx.area.name === 'web' || ctx.area.focus === 'java' ? [ctx.area.name] : [];
  areas.push('web', 'orders', 'inventory');
  for (const areaName of areas) {
    const paths = [...ctx.model.pathsOf(areaName, 'source'), ...ctx.model.pathsOf(areaName, 'test')];
    let spent = 0;
    for (const path of paths) {
      if (spent >= ctx.budget || ctx.changes.files.size >= 80) break;
      const file = ctx.model.get(path)!;
      const writer = writerFor(file.language);
      if (!writer || file.indentUnit === writer.defaultIndent || (file.language !== 'java' && file.language !== 'typescript' && file.language !== 'tsx')) continue;
      const editor = new LineEditor(file);
      editor.replaceAll(reindent(file.lines, file.indentUnit, writer.defaultIndent));
      spent += editor.patchBytes;
      ctx.changes.write(path, withLines(file, editor.lines, writer.defaultIndent), editor.patchBytes);
    }
    if (!ctx.changes.isEmpty) {
      const tool = areaName === 'web' ? 'prettier' : 'google-java-format';
      return { type: 'style', scope: areaName, description: `apply ${tool} formatting` };
    }
  }
  return null;
}
