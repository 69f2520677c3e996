/**
 * Content that tools write rather than people: an npm lock file, a minified bundle, Go and
 * TypeScript code generated from protobuf schemas. Linguist-style detectors must recognise
 * these (lock file name, average line length, "Code generated … DO NOT EDIT" header,
 * `linguist-generated` attribute).
 */

import type { SeededRandom } from './seeded-random.js';
import { NOUNS, VERBS, camelCase, pascalCase } from './vocabulary.js';

/** One package pinned in the lock file. */
export interface LockedPackage {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  readonly dev: boolean;
  /** Whether the application depends on it directly (listed in package.json). */
  readonly direct: boolean;
}

const DIRECT_PACKAGES = [
  'react', 'react-dom', 'axios', 'date-fns', 'zod', 'lodash', '@tanstack/react-query', 'react-router-dom',
  'clsx', 'i18next', 'recharts', 'immer',
];
const DIRECT_DEV_PACKAGES = ['typescript', 'vite', 'vitest', 'eslint', 'prettier', '@types/react', '@testing-library/react', 'jsdom'];
const NAME_PARTS = [
  'is', 'has', 'get', 'define', 'object', 'array', 'string', 'buffer', 'stream', 'path', 'glob', 'semver',
  'color', 'debug', 'mime', 'uuid', 'escape', 'parse', 'source', 'map', 'core', 'utils', 'plugin', 'loader',
  'runtime', 'helper', 'walker', 'resolve', 'graceful', 'fs', 'json', 'regex', 'union', 'keys', 'assign',
];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function integrity(random: SeededRandom): string {
  let hash = 'sha512-';
  for (let i = 0; i < 86; i++) hash += BASE64.charAt(random.int(0, 63));
  return `${hash}==`;
}

function version(random: SeededRandom): string {
  return `${random.int(0, 9)}.${random.int(0, 30)}.${random.int(0, 20)}`;
}

/** A new version string above `current` (a patch or minor bump). */
export function bumpVersion(random: SeededRandom, current: string): string {
  const [major = 0, minor = 0, patch = 0] = current.split('.').map(Number);
  return random.chance(0.6) ? `${major}.${minor}.${patch + 1 + random.int(0, 2)}` : `${major}.${minor + 1}.0`;
}

/** The packages of a lock file with about `count` entries. */
export function initialPackages(random: SeededRandom, count: number): LockedPackage[] {
  const packages: LockedPackage[] = [];
  const seen = new Set<string>();
  for (const name of DIRECT_PACKAGES) packages.push({ name, version: version(random), integrity: integrity(random), dev: false, direct: true });
  for (const name of DIRECT_DEV_PACKAGES) packages.push({ name, version: version(random), integrity: integrity(random), dev: true, direct: true });
  for (const pkg of packages) seen.add(pkg.name);
  let attempts = 0;
  while (packages.length < count && attempts++ < count * 20) {
    const parts = random.int(1, 3);
    const words: string[] = [];
    for (let i = 0; i < parts; i++) words.push(random.pick(NAME_PARTS));
    const name = (random.chance(0.15) ? `@${random.pick(NAME_PARTS)}/` : '') + words.join('-');
    if (seen.has(name)) continue;
    seen.add(name);
    packages.push({ name, version: version(random), integrity: integrity(random), dev: random.chance(0.4), direct: false });
  }
  return packages;
}

/** The packages with `count` of them moved to newer versions; also returns what changed. */
export function bumpPackages(
  random: SeededRandom,
  packages: readonly LockedPackage[],
  count: number,
  onlyDirect = false,
): { packages: LockedPackage[]; bumped: Array<{ name: string; from: string; to: string }> } {
  const next = packages.slice();
  const bumped: Array<{ name: string; from: string; to: string }> = [];
  const candidates = onlyDirect ? next.map((pkg, index) => (pkg.direct ? index : -1)).filter((index) => index >= 0) : next.map((_pkg, index) => index);
  for (const index of random.sample(candidates, count)) {
    const pkg = next[index]!;
    const to = bumpVersion(random, pkg.version);
    bumped.push({ name: pkg.name, from: pkg.version, to });
    next[index] = { ...pkg, version: to, integrity: integrity(random) };
  }
  return { packages: next, bumped };
}

function tarballName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

/** `package-lock.json` (lockfile version 3) lines for the packages. */
export function renderLockfile(appName: string, appVersion: string, packages: readonly LockedPackage[]): string[] {
  const out = ['{', `  "name": "${appName}",`, `  "version": "${appVersion}",`, '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {'];
  out.push('    "": {', `      "name": "${appName}",`, `      "version": "${appVersion}",`, '      "dependencies": {');
  const direct = packages.filter((pkg) => pkg.direct && !pkg.dev);
  direct.forEach((pkg, i) => out.push(`        "${pkg.name}": "^${pkg.version}"${i < direct.length - 1 ? ',' : ''}`));
  out.push('      }', '    },');
  packages.forEach((pkg, i) => {
    out.push(`    "node_modules/${pkg.name}": {`);
    out.push(`      "version": "${pkg.version}",`);
    out.push(`      "resolved": "https://registry.npmjs.org/${pkg.name}/-/${tarballName(pkg.name)}-${pkg.version}.tgz",`);
    out.push(`      "integrity": "${pkg.integrity}",`);
    if (pkg.dev) out.push('      "dev": true,');
    out.push('      "license": "MIT"');
    out.push(i < packages.length - 1 ? '    },' : '    }');
  });
  out.push('  }', '}');
  return out;
}

/** `package.json` lines listing the direct dependencies. */
export function renderPackageJson(appName: string, appVersion: string, packages: readonly LockedPackage[]): string[] {
  const out = ['{', `  "name": "${appName}",`, `  "version": "${appVersion}",`, '  "private": true,', '  "type": "module",'];
  out.push('  "scripts": {', '    "dev": "vite",', '    "build": "tsc && vite build",', '    "test": "vitest run"', '  },');
  for (const [key, dev] of [['dependencies', false], ['devDependencies', true]] as const) {
    const list = packages.filter((pkg) => pkg.direct && pkg.dev === dev);
    out.push(`  "${key}": {`);
    list.forEach((pkg, i) => out.push(`    "${pkg.name}": "^${pkg.version}"${i < list.length - 1 ? ',' : ''}`));
    out.push(dev ? '  }' : '  },');
  }
  out.push('}');
  return out;
}

/**
 * A minified JavaScript bundle of about `size` characters, in long lines (Linguist treats an
 * average line length above 110 as minified).
 */
export function renderMinifiedBundle(random: SeededRandom, size: number, label: string): string[] {
  const out = [`/*! ${label} | (c) Acme Corp | MIT */`];
  let line = '';
  let written = 0;
  const short = 'abcdefghijklmnopqrstuvwxyz';
  while (written < size) {
    const a = short.charAt(random.int(0, 25));
    const b = short.charAt(random.int(0, 25));
    const fn = camelCase([random.pick(VERBS), random.pick(NOUNS)]);
    switch (random.int(0, 3)) {
      case 0: line += `function ${a}${b}(${a},${b}){return ${a}.${random.pick(NOUNS)}Id===${b}?${a}:null}`; break;
      case 1: line += `var ${a}${random.int(0, 99)}=${fn}(${a},${random.int(0, 999)}),${b}=[];`; break;
      case 2: line += `for(var ${a}=0;${a}<${b}.length;${a}++)if(${b}[${a}].status==="${random.pick(NOUNS)}"){${fn}(${b}[${a}]);break}`; break;
      default: line += `${a}.prototype.${fn}=function(${b}){this.${random.pick(NOUNS)}=${b}||{};return this};`;
    }
    if (line.length > 600 + random.int(0, 900)) {
      out.push(line);
      written += line.length + 1;
      line = '';
    }
  }
  if (line.length > 0) out.push(line);
  return out;
}

const WHITESPACE = /\s+/;

interface ProtoField {
  type: string;
  name: string;
  tag: string;
}

interface ProtoMessage {
  name: string;
  fields: ProtoField[];
}

function parseProto(lines: readonly string[]): ProtoMessage[] {
  const messages: ProtoMessage[] = [];
  let current: ProtoMessage | null = null;
  for (const line of lines) {
    if (line.startsWith('message ')) {
      current = { name: line.slice(8, line.indexOf(' ', 8)), fields: [] };
      messages.push(current);
    } else if (line === '}') current = null;
    else if (current && line.endsWith(';')) {
      const parts = line.trim().slice(0, -1).split(WHITESPACE);
      const eq = parts.indexOf('=');
      if (eq >= 2) current.fields.push({ type: parts.slice(0, eq - 1).join(' '), name: parts[eq - 1]!, tag: parts[eq + 1]! });
    }
  }
  return messages;
}

const GO_TYPES: Record<string, [string, string]> = {
  string: ['string', '""'],
  int64: ['int64', '0'],
  bool: ['bool', 'false'],
  double: ['float64', '0'],
  'repeated string': ['[]string', 'nil'],
};

function fieldPascal(name: string): string {
  return pascalCase(name.split('_'));
}

/** Go code as `protoc-gen-go` would write it for a schema, with its generated-code header. */
export function renderGeneratedGo(protoLines: readonly string[], source: string, goPackage: string): string[] {
  const out = [
    '// Code generated by protoc-gen-go. DO NOT EDIT.', '// versions:', '// \tprotoc-gen-go v1.31.0', '// \tprotoc        v4.24.4',
    `// source: ${source}`, '', `package ${goPackage}`, '', 'import (',
    '\tprotoreflect "google.golang.org/protobuf/reflect/protoreflect"', '\tprotoimpl "google.golang.org/protobuf/runtime/protoimpl"', ')', '',
  ];
  for (const message of parseProto(protoLines)) {
    out.push(`type ${message.name} struct {`, '\tstate         protoimpl.MessageState', '\tsizeCache     protoimpl.SizeCache', '\tunknownFields protoimpl.UnknownFields', '');
    for (const field of message.fields) {
      const [goType] = GO_TYPES[field.type] ?? ['string', '""'];
      out.push(`\t${fieldPascal(field.name)} ${goType} \`protobuf:"bytes,${field.tag},opt,name=${field.name},proto3" json:"${field.name},omitempty"\``);
    }
    out.push('}', '', `func (x *${message.name}) Reset() { *x = ${message.name}{} }`, '', `func (x *${message.name}) ProtoReflect() protoreflect.Message { return nil }`, '');
    for (const field of message.fields) {
      const [goType, zero] = GO_TYPES[field.type] ?? ['string', '""'];
      const getter = fieldPascal(field.name);
      out.push(`func (x *${message.name}) Get${getter}() ${goType} {`, '\tif x != nil {', `\t\treturn x.${getter}`, '\t}', `\treturn ${zero}`, '}', '');
    }
  }
  return out;
}

/** TypeScript types and codecs for a schema; marked generated only through `.gitattributes`. */
export function renderGeneratedTypeScript(protoLines: readonly string[]): string[] {
  const out = ['/* eslint-disable */', "import { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';", ''];
  for (const message of parseProto(protoLines)) {
    out.push(`export interface ${message.name} {`);
    for (const field of message.fields) out.push(`  ${camelCase(field.name.split('_'))}: ${field.type === 'int64' || field.type === 'double' ? 'number' : field.type === 'bool' ? 'boolean' : field.type === 'repeated string' ? 'string[]' : 'string'};`);
    out.push('}', '', `export const ${message.name} = {`, `  encode(message: ${message.name}, writer: BinaryWriter = new BinaryWriter()): BinaryWriter {`);
    for (const field of message.fields) out.push(`    if (message.${camelCase(field.name.split('_'))} !== undefined) writer.uint32(${Number(field.tag) * 8 + 2}).string(String(message.${camelCase(field.name.split('_'))}));`);
    out.push('    return writer;', '  },', '};', '');
  }
  return out;
}
