/**
 * Commit actions on the rest of the project: documentation, CI and deployment config, SQL
 * migrations, schema changes with regenerated code, images, the legacy latin-1 files and
 * vendored libraries.
 */

import { createFile, type ActionContext } from './action-context.js';
import { editFile } from './code-actions.js';
import type { CommitIntent } from './commit-messages.js';
import { bumpVersion } from './generated-content.js';
import { LineEditor } from './line-editor.js';
import { pngImage } from './png-image.js';
import {
  GO_MOD,
  GO_SUM,
  LEGACY_CSV,
  LEGACY_PYTHON,
  PROTO_SCHEMAS,
  VENDORED_LIBRARIES,
  VENDOR_MODULES_TXT,
  generatedFromSchema,
  goModFile,
  goSumFile,
  goSumHash,
} from './project-files.js';
import { rewriteFunction } from './code-edits.js';
import { binaryFile, textFile, type SourceFile } from './source-file.js';
import { ADJECTIVES, NOUNS, kebabCase, snakeCase } from './vocabulary.js';
import { writerFor } from './writers.js';

/** Writes a regenerated version of `path`, counting only the changed region as patch. */
export function writeRegenerated(ctx: ActionContext, path: string, next: SourceFile): void {
  const current = ctx.model.get(path);
  if (!current) {
    ctx.changes.write(path, next);
    return;
  }
  const editor = new LineEditor(current);
  editor.replaceChangedRegion(next.lines.slice());
  if (editor.hunks > 0) ctx.changes.write(path, next, editor.patchBytes);
}

/** Edits or adds Markdown documentation. */
export function docsEdit(ctx: ActionContext): CommitIntent | null {
  const existing = ctx.model.pick(ctx.random, 'docs', 'docs');
  const subject = [ctx.random.pick(NOUNS), ctx.random.pick(['guide', 'overview', 'runbook', 'faq', 'design'])];
  const path = `docs/${kebabCase(subject)}.md`;
  if (existing && (ctx.random.chance(0.75) || ctx.model.has(path))) {
    editFile(ctx, existing, ctx.random.int(1, 4));
  } else if (!ctx.model.has(path)) {
    ctx.changes.write(path, createFile(ctx.random, { path, language: 'markdown', role: 'source', subject, packageName: '' }, ctx.random.int(40, 300), '  ', 'docs'));
  }
  if (ctx.changes.isEmpty) return null;
  return { type: 'docs', description: `document ${ctx.random.pick(NOUNS)} ${ctx.random.pick(['setup', 'lifecycle', 'limits', 'errors'])}` };
}

/** Edits CI workflows, deployment manifests or application config. */
export function configEdit(ctx: ActionContext): CommitIntent | null {
  const count = ctx.random.int(1, 2);
  let workflow = false;
  for (let i = 0; i < count; i++) {
    const path = ctx.model.pick(ctx.random, 'infra', 'config');
    if (!path || ctx.changes.files.has(path)) continue;
    if (editFile(ctx, path, ctx.random.int(1, 3)) && path.startsWith('.github/')) workflow = true;
  }
  if (ctx.changes.isEmpty) return null;
  if (workflow) return { type: 'ci', description: `run ${ctx.random.pick(NOUNS)} checks on pull requests` };
  return { type: ctx.random.chance(0.5) ? 'chore' : 'build', scope: 'deploy', description: `tune ${ctx.random.pick(NOUNS)} ${ctx.random.pick(['replicas', 'limits', 'env', 'probes'])}` };
}

/** Adds a numbered SQL migration. */
export function sqlMigration(ctx: ActionContext): CommitIntent | null {
  const subject = [ctx.random.pick(['add', 'alter', 'index', 'backfill']), ctx.random.pick(NOUNS), ctx.random.pick(NOUNS)];
  const number = ctx.project.nextMigration++;
  const path = `db/migrations/V${String(number).padStart(4, '0')}__${snakeCase(subject)}.sql`;
  ctx.changes.write(path, createFile(ctx.random, { path, language: 'sql', role: 'source', subject: subject.slice(1), packageName: '' }, ctx.random.int(12, 120), '  '));
  return { type: 'feat', scope: 'db', description: `${subject[0]} ${subject[1]} ${subject[2]} table` };
}

/** Changes a protobuf schema and regenerates the Go and TypeScript code from it. */
export function schemaChange(ctx: ActionContext): CommitIntent | null {
  const schema = ctx.random.pick(PROTO_SCHEMAS);
  if (!ctx.model.has(schema.proto) || !editFile(ctx, schema.proto, ctx.random.int(1, 2))) return null;
  const proto = ctx.model.get(schema.proto)!;
  const generated = generatedFromSchema(schema, proto.lines);
  writeRegenerated(ctx, schema.go, generated.go);
  // Half the time the TypeScript client is left for the bot to regenerate later.
  if (ctx.random.chance(0.5)) writeRegenerated(ctx, schema.ts, generated.ts);
  return { type: 'feat', scope: 'billing', description: `extend ${schema.goPackage.replace('pb', '')} schema` };
}

/** Adds or replaces a PNG image. */
export function binaryAsset(ctx: ActionContext): CommitIntent | null {
  const existing = ctx.model.pick(ctx.random, 'web', 'binary') ?? ctx.model.pick(ctx.random, 'docs', 'binary');
  const size = ctx.random.pick([16, 24, 32, 48]);
  if (existing && ctx.random.chance(0.4)) {
    ctx.changes.write(existing, binaryFile(pngImage(ctx.random, size, size)));
    return { type: 'feat', scope: 'web', description: `refresh ${existing.slice(existing.lastIndexOf('/') + 1)}` };
  }
  const docs = ctx.random.chance(0.3);
  const path = docs ? `docs/img/${ctx.random.pick(NOUNS)}-${ctx.random.pick(['screen', 'flow', 'diagram'])}-${ctx.commitIndex}.png` : `web/public/images/${ctx.random.pick(ADJECTIVES)}-${ctx.random.pick(NOUNS)}-${ctx.commitIndex}.png`;
  ctx.changes.write(path, binaryFile(pngImage(ctx.random, size, size)));
  return docs ? { type: 'docs', description: `add ${ctx.random.pick(NOUNS)} screenshot` } : { type: 'feat', scope: 'web', description: `add ${ctx.random.pick(NOUNS)} icon` };
}

/** Edits the legacy files stored latin-1 encoded (non-UTF-8 content). */
export function legacyEdit(ctx: ActionContext): CommitIntent | null {
  if (ctx.model.has(LEGACY_CSV)) editFile(ctx, LEGACY_CSV, ctx.random.int(1, 3));
  if (ctx.model.has(LEGACY_PYTHON) && ctx.random.chance(0.5)) editFile(ctx, LEGACY_PYTHON, 1);
  if (ctx.changes.isEmpty) return null;
  return { type: 'fix', scope: 'data', description: 'update legacy station list' };
}

/** Updates a vendored library: many of its functions change, and the pinned version moves. */
export function vendorUpdate(ctx: ActionContext): CommitIntent | null {
  const library = ctx.random.pick(VENDORED_LIBRARIES);
  for (const name of library.files) {
    const path = `${library.dir}/${name}`;
    const file = ctx.model.get(path);
    const writer = file && writerFor(file.language);
    if (!file || !writer) continue;
    const editor = new LineEditor(file);
    const functions = writer.functionRanges(file.lines, file.indentUnit).length;
    const rewrites = Math.max(1, Math.round(functions * (0.3 + ctx.random.float() * 0.3)));
    for (let i = 0; i < rewrites; i++) rewriteFunction(ctx.random, editor, writer, file.indentUnit);
    ctx.changes.write(path, editor.toFile(), editor.patchBytes);
  }
  let version = '';
  if (library.module) {
    const module = ctx.project.goModules.find((candidate) => candidate.path === library.module);
    if (module) {
      module.version = `v${bumpVersion(ctx.random, module.version.slice(1))}`;
      module.sum = goSumHash(ctx.random);
      module.modSum = goSumHash(ctx.random);
      version = ` to ${module.version}`;
      writeGoModules(ctx);
    }
  }
  if (ctx.changes.isEmpty) return null;
  return { type: 'chore', scope: 'deps', description: `update vendored ${library.module ?? library.dir.slice(library.dir.lastIndexOf('/') + 1)}${version}` };
}

/** Rewrites go.mod, go.sum and vendor/modules.txt from the project's module list. */
export function writeGoModules(ctx: ActionContext): void {
  writeRegenerated(ctx, GO_MOD, goModFile(ctx.project.goModules));
  const sum = goSumFile(ctx.project.goModules);
  const current = ctx.model.get(GO_SUM);
  if (current) {
    const editor = new LineEditor(current);
    editor.replaceAll(sum.lines.slice());
    ctx.changes.write(GO_SUM, sum, editor.patchBytes);
  } else ctx.changes.write(GO_SUM, sum);
  writeRegenerated(ctx, VENDOR_MODULES_TXT, vendorModulesFile(ctx.project.goModules));
}

/** `vendor/modules.txt` for the module list. */
export function vendorModulesFile(modules: ActionContext['project']['goModules']): SourceFile {
  const lines: string[] = [];
  for (const module of modules) lines.push(`# ${module.path} ${module.version}`, '## explicit', module.path);
  return textFile('text', 'vendored', lines, '\t');
}
