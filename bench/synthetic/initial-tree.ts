/**
 * The first commit: an imported code base with feature modules in every area, and every kind
 * of special file a real repository carries (lock files, a bundle, generated and vendored
 * code, images, latin-1 files, CI and deployment config, documentation).
 */

import {
  AVERAGE_LINE_CHARS,
  MAX_FILE_LINES,
  MIN_FILE_LINES,
  createFile,
  indentFor,
  newFileLines,
  type GoModule,
  type ProjectState,
} from './action-context.js';
import type { ChangeSet } from './change-set.js';
import { initialPackages, renderMinifiedBundle } from './generated-content.js';
import { pngImage } from './png-image.js';
import { vendorModulesFile } from './project-actions.js';
import {
  CHANGELOG,
  GITATTRIBUTES,
  GO_MOD,
  GO_SUM,
  LEGACY_CSV,
  LEGACY_PYTHON,
  PROTO_SCHEMAS,
  VENDORED_LIBRARIES,
  VENDOR_MODULES_TXT,
  WEB_BUNDLE,
  WEB_LOCKFILE,
  WEB_PACKAGE_JSON,
  generatedFromSchema,
  gitattributesLines,
  goModFile,
  goSumFile,
  goSumHash,
  lockfileFile,
  packageJsonFile,
} from './project-files.js';
import { CODE_AREAS, moduleDirs, plannedFiles, type CodeArea } from './repo-layout.js';
import type { RepoModel } from './repo-model.js';
import type { SeededRandom } from './seeded-random.js';
import { binaryFile, textFile } from './source-file.js';
import { ADJECTIVES, NOUNS } from './vocabulary.js';
import { writerFor } from './writers.js';

/** Share of the final tree the first commit holds (the rest grows over the history). */
export const INITIAL_TREE_SHARE = 0.35;

const GO_DEPENDENCIES = ['github.com/lib/pq', 'github.com/go-chi/chi/v5', 'go.uber.org/zap', 'github.com/stretchr/testify'];

function addModules(random: SeededRandom, model: RepoModel, changes: ChangeSet, area: CodeArea, budget: number): void {
  let written = 0;
  for (let attempt = 0; written < budget && attempt < 5000; attempt++) {
    const subject = random.chance(0.5) ? [random.pick(NOUNS)] : [random.pick(ADJECTIVES), random.pick(NOUNS)];
    const dirs = moduleDirs(area.name, subject);
    if (model.pathsUnder(dirs[0]!).length > 0) continue;
    const module = { area: area.name, subject, dirs };
    model.modules.add(module);
    // Before a formatter was adopted some modules used other indentation (fixed by later
    // reformats); the first module of each area always did, so even a tiny history has some.
    const quirk = written === 0 || random.chance(0.3);
    for (const planned of plannedFiles(module, 0, random.pick(NOUNS))) {
      const lines = newFileLines(random, planned.role);
      const file = createFile(random, planned, lines, indentFor(planned.language, quirk));
      changes.write(planned.path, file);
      written += file.size;
    }
  }
}

function writeTextFile(random: SeededRandom, changes: ChangeSet, path: string, language: 'markdown' | 'yaml' | 'sql' | 'python' | 'csv', role: 'docs' | 'config' | 'source' | 'data', lines: number, subject: string[]): void {
  const file = createFile(random, { path, language, role: 'source', subject, packageName: '' }, lines, writerFor(language)!.defaultIndent, role);
  changes.write(path, file);
}

/**
 * Writes the first commit's files into `changes` and returns the project state the later
 * commits continue from.
 *
 * @example
 * const project = buildInitialTree(random, model, changes, 50_000_000);
 */
export function buildInitialTree(random: SeededRandom, model: RepoModel, changes: ChangeSet, finalTreeSize: number): ProjectState {
  const codeBudget = finalTreeSize * INITIAL_TREE_SHARE * 0.85;
  for (const area of CODE_AREAS) addModules(random, model, changes, area, codeBudget * area.weight);

  writeTextFile(random, changes, 'README.md', 'markdown', 'docs', random.int(60, 200), ['acme', 'shop']);
  for (const topic of ['architecture', 'getting-started', 'api', 'operations']) writeTextFile(random, changes, `docs/${topic}.md`, 'markdown', 'docs', random.int(40, 250), [topic]);
  changes.write(CHANGELOG, textFile('markdown', 'docs', ['# Changelog', ''], '  '));
  changes.write(GITATTRIBUTES, textFile('text', 'config', gitattributesLines(), '  '));
  for (const workflow of ['ci', 'deploy', 'nightly']) writeTextFile(random, changes, `.github/workflows/${workflow}.yml`, 'yaml', 'config', random.int(30, 90), [workflow]);
  for (const service of ['web', 'orders', 'inventory', 'billing', 'gateway']) writeTextFile(random, changes, `deploy/k8s/${service}.yaml`, 'yaml', 'config', random.int(25, 80), [service]);
  for (const env of ['staging', 'production']) writeTextFile(random, changes, `config/${env}.yaml`, 'yaml', 'config', random.int(20, 60), [env]);
  writeTextFile(random, changes, 'db/migrations/V0001__init.sql', 'sql', 'source', random.int(40, 160), ['init']);

  // Why these shares: a big monorepo's lock file is a few per cent of its text, a committed bundle less.
  const packageCount = Math.max(30, Math.min(6000, Math.round((finalTreeSize * 0.03) / 330)));
  const project: ProjectState = {
    packages: initialPackages(random, packageCount),
    appVersion: '0.9.0',
    goModules: [],
    nextMigration: 2,
    bundleSize: Math.max(3000, Math.round(finalTreeSize * 0.005)),
  };
  changes.write(WEB_PACKAGE_JSON, packageJsonFile(project));
  changes.write(WEB_LOCKFILE, lockfileFile(project));
  changes.write(WEB_BUNDLE, textFile('javascript', 'generated', renderMinifiedBundle(random, project.bundleSize, 'acme-web 0.9.0'), '  '));

  for (const schema of PROTO_SCHEMAS) {
    const subject = [schema.goPackage.replace('pb', '')];
    const proto = createFile(random, { path: schema.proto, language: 'protobuf', role: 'source', subject, packageName: schema.goPackage }, random.int(30, 120), '  ', 'config');
    changes.write(schema.proto, proto);
    const generated = generatedFromSchema(schema, proto.lines);
    changes.write(schema.go, generated.go);
    changes.write(schema.ts, generated.ts);
  }

  const vendoredFiles = VENDORED_LIBRARIES.reduce((count, library) => count + library.files.length, 0);
  const vendoredLines = Math.max(MIN_FILE_LINES, Math.min(MAX_FILE_LINES, Math.round((finalTreeSize * 0.04) / vendoredFiles / AVERAGE_LINE_CHARS)));
  const modules: GoModule[] = [];
  for (const library of VENDORED_LIBRARIES) {
    const packageName = library.dir.slice(library.dir.lastIndexOf('/') + 1).replace('-', '');
    for (const name of library.files) {
      const path = `${library.dir}/${name}`;
      const lines = Math.round(vendoredLines * (0.5 + random.float()));
      changes.write(path, createFile(random, { path, language: library.language, role: 'source', subject: [packageName], packageName }, lines, writerFor(library.language)!.defaultIndent, 'vendored'));
    }
    if (library.module) modules.push({ path: library.module, version: `v${random.int(0, 1)}.${random.int(1, 9)}.${random.int(0, 9)}`, sum: goSumHash(random), modSum: goSumHash(random) });
  }
  for (const path of GO_DEPENDENCIES) modules.push({ path, version: `v${random.int(1, 5)}.${random.int(0, 20)}.${random.int(0, 9)}`, sum: goSumHash(random), modSum: goSumHash(random) });
  project.goModules = modules;
  changes.write(GO_MOD, goModFile(modules));
  changes.write(GO_SUM, goSumFile(modules));
  changes.write(VENDOR_MODULES_TXT, vendorModulesFile(modules));

  for (const name of ['logo', 'icon-cart', 'icon-user', 'icon-invoice']) changes.write(`web/public/images/${name}.png`, binaryFile(pngImage(random, 32, 32)));
  changes.write('docs/img/architecture.png', binaryFile(pngImage(random, 48, 48)));

  // Non-UTF-8 content: a latin-1 CSV export and a Python importer with latin-1 comments.
  const csv = createFile(random, { path: LEGACY_CSV, language: 'csv', role: 'source', subject: ['stations'], packageName: '' }, random.int(60, 400), '  ', 'data');
  changes.write(LEGACY_CSV, { ...csv, encoding: 'latin1' });
  const python = createFile(random, { path: LEGACY_PYTHON, language: 'python', role: 'source', subject: ['legacy', 'import'], packageName: '' }, random.int(80, 300), '    ');
  const header = ['# -*- coding: latin-1 -*-', '# Importe les données de la caisse régionale (fichier exporté en ISO-8859-1).'];
  changes.write(LEGACY_PYTHON, textFile('python', 'source', [...header, ...python.lines], '    ', 'latin1'));
  return project;
}
