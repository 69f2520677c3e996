/**
 * Fixed project files outside the feature modules, with their paths in one place: manifests
 * and lock files, schemas and the code generated from them, the bundle, vendored libraries,
 * images, documentation and the legacy latin-1 files.
 */

import type { GoModule, ProjectState } from './action-context.js';
import { renderGeneratedGo, renderGeneratedTypeScript, renderLockfile, renderPackageJson } from './generated-content.js';
import type { SeededRandom } from './seeded-random.js';
import { textFile, type SourceFile } from './source-file.js';

/** Paths of the fixed project files. */
export const WEB_PACKAGE_JSON = 'web/package.json';
export const WEB_LOCKFILE = 'web/package-lock.json';
export const WEB_BUNDLE = 'web/public/assets/app.min.js';
export const GO_MOD = 'services/billing/go.mod';
export const GO_SUM = 'services/billing/go.sum';
export const VENDOR_MODULES_TXT = 'services/billing/vendor/modules.txt';
export const CHANGELOG = 'CHANGELOG.md';
export const GITATTRIBUTES = '.gitattributes';
export const BLAME_IGNORE_REVS = '.git-blame-ignore-revs';
export const LEGACY_CSV = 'data/legacy/stations.csv';
export const LEGACY_PYTHON = 'data/legacy/legacy_import.py';

/** Protobuf schemas and where the code generated from each goes. */
export const PROTO_SCHEMAS = [
  { proto: 'services/billing/proto/invoice.proto', go: 'services/billing/gen/invoicepb/invoice.pb.go', ts: 'web/src/api/generated/invoice.ts', goPackage: 'invoicepb' },
  { proto: 'services/billing/proto/payment.proto', go: 'services/billing/gen/paymentpb/payment.pb.go', ts: 'web/src/api/generated/payment.ts', goPackage: 'paymentpb' },
  { proto: 'services/billing/proto/ledger.proto', go: 'services/billing/gen/ledgerpb/ledger.pb.go', ts: 'web/src/api/generated/ledger.ts', goPackage: 'ledgerpb' },
] as const;

/** Vendored libraries: Go modules under the service's vendor/ and JavaScript under third_party/. */
export const VENDORED_LIBRARIES = [
  { dir: 'services/billing/vendor/github.com/pkg/errors', language: 'go', files: ['errors.go', 'stack.go', 'wrap.go'], module: 'github.com/pkg/errors' },
  { dir: 'services/billing/vendor/github.com/google/uuid', language: 'go', files: ['uuid.go', 'version4.go', 'marshal.go'], module: 'github.com/google/uuid' },
  { dir: 'services/billing/vendor/golang.org/x/sync/errgroup', language: 'go', files: ['errgroup.go'], module: 'golang.org/x/sync' },
  { dir: 'third_party/chartlite', language: 'javascript', files: ['chartlite.js', 'axis.js', 'legend.js'], module: null },
  { dir: 'third_party/decimal-light', language: 'javascript', files: ['decimal.js'], module: null },
] as const;

/**
 * `.gitattributes`: generated and vendored paths Linguist cannot tell by name, and binary
 * types. The TypeScript client has no generated-code header, so this file is what marks it.
 */
export function gitattributesLines(): string[] {
  return [
    '# Code generated from the protobuf schemas',
    'web/src/api/generated/** linguist-generated=true',
    'services/billing/gen/** linguist-generated=true',
    '# Third-party code',
    'third_party/** linguist-vendored',
    '*.png binary',
  ];
}

/** Re-renders the Go and TypeScript code generated from a schema. */
export function generatedFromSchema(schema: (typeof PROTO_SCHEMAS)[number], protoLines: readonly string[]): { go: SourceFile; ts: SourceFile } {
  return {
    go: textFile('go', 'generated', renderGeneratedGo(protoLines, schema.proto.replace('services/', ''), schema.goPackage), '\t'),
    ts: textFile('typescript', 'generated', renderGeneratedTypeScript(protoLines), '  '),
  };
}

/** `package.json` for the project state. */
export function packageJsonFile(project: ProjectState): SourceFile {
  return textFile('json', 'config', renderPackageJson('acme-web', project.appVersion, project.packages), '  ');
}

/** `package-lock.json` for the project state. */
export function lockfileFile(project: ProjectState): SourceFile {
  return textFile('json', 'lockfile', renderLockfile('acme-web', project.appVersion, project.packages), '  ');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A go.sum style hash. */
export function goSumHash(random: SeededRandom): string {
  let hash = 'h1:';
  for (let i = 0; i < 43; i++) hash += BASE64.charAt(random.int(0, 63));
  return `${hash}=`;
}

/** go.mod lines. */
export function goModFile(modules: readonly GoModule[]): SourceFile {
  const lines = ['module github.com/acme/shop/services/billing', '', 'go 1.21', '', 'require ('];
  for (const module of modules) lines.push(`\t${module.path} ${module.version}`);
  lines.push(')');
  return textFile('text', 'config', lines, '\t');
}

/** go.sum lines (two per module, hashes kept in the module record). */
export function goSumFile(modules: readonly GoModule[]): SourceFile {
  const lines: string[] = [];
  for (const module of modules) lines.push(`${module.path} ${module.version} ${module.sum}`, `${module.path} ${module.version}/go.mod ${module.modSum}`);
  return textFile('text', 'lockfile', lines, '\t');
}
