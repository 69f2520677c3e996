/**
 * Writers for the non-code files of the repository: SQL, YAML, Markdown, CSV and protobuf.
 * They have no functions; edits replace or add whole statements, entries, rows or paragraphs.
 */

import type { CodeWriter, FileSpec, LineRange } from './code-writer.js';
import type { Language } from './source-file.js';
import type { SeededRandom } from './seeded-random.js';
import { ADJECTIVES, NOUNS, PLURAL_NOUNS, STATES, VERBS, capitalize, pascalCase, sentence, snakeCase } from './vocabulary.js';

/** Writer for languages without functions; subclasses say what one entry looks like. */
abstract class TextWriter implements CodeWriter {
  abstract readonly language: Language;
  readonly defaultIndent: string = '  ';

  /** One self-contained entry (a statement, a paragraph, a row) at `indent`. */
  protected abstract entry(random: SeededRandom, indent: string, unit: string): string[];

  /** First lines of a new file. */
  protected abstract preamble(random: SeededRandom, spec: FileSpec): string[];

  abstract isStatement(line: string): boolean;

  newFile(random: SeededRandom, spec: FileSpec): string[] {
    const out = this.preamble(random, spec);
    while (out.length < spec.targetLines) {
      for (const line of this.newFunction(random, '', spec.indentUnit)) out.push(line);
    }
    return out;
  }

  newFunction(random: SeededRandom, indent: string, unit: string): string[] {
    return this.entry(random, indent, unit);
  }

  statements(random: SeededRandom, indent: string, unit: string, count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) for (const line of this.entry(random, indent, unit)) out.push(line);
    return out;
  }

  functionRanges(): LineRange[] {
    return [];
  }

  appendIndex(lines: readonly string[]): number {
    return lines.length;
  }
}

const SQL_TYPES = ['BIGINT', 'INTEGER', 'TEXT', 'VARCHAR(255)', 'NUMERIC(12, 2)', 'TIMESTAMPTZ', 'BOOLEAN', 'JSONB'];

class SqlWriter extends TextWriter {
  readonly language = 'sql' as const;

  protected preamble(random: SeededRandom, spec: FileSpec): string[] {
    const table = snakeCase(spec.subject);
    const out = [`-- ${sentence(random, 4, 10)}`, `CREATE TABLE ${table} (`, '  id BIGSERIAL PRIMARY KEY,'];
    for (const noun of random.sample(NOUNS, random.int(3, 9))) out.push(`  ${noun}_id ${random.pick(SQL_TYPES)} NOT NULL,`);
    out.push('  created_at TIMESTAMPTZ NOT NULL DEFAULT now()', ');', '');
    return out;
  }

  protected entry(random: SeededRandom, indent: string): string[] {
    const table = random.pick(PLURAL_NOUNS);
    switch (random.int(0, 4)) {
      case 0: return [`${indent}CREATE INDEX ${table}_${random.pick(NOUNS)}_idx ON ${table} (${random.pick(NOUNS)}_id);`];
      case 1: return [`${indent}ALTER TABLE ${table} ADD COLUMN ${random.pick(ADJECTIVES)}_${random.pick(NOUNS)} ${random.pick(SQL_TYPES)};`];
      case 2: return [`${indent}UPDATE ${table} SET status = '${random.pick(STATES)}' WHERE status = '${random.pick(STATES)}';`];
      case 3:
        return [
          `${indent}SELECT o.id, o.${random.pick(NOUNS)}_id, sum(l.amount) AS total`,
          `${indent}FROM ${table} o`,
          `${indent}JOIN ${random.pick(NOUNS)}_lines l ON l.${random.pick(NOUNS)}_id = o.id`,
          `${indent}WHERE o.status IN ('${random.pick(STATES)}', '${random.pick(STATES)}') AND o.created_at > now() - interval '${random.int(1, 90)} days'`,
          `${indent}GROUP BY o.id;`,
        ];
      default: return [`${indent}DELETE FROM ${table} WHERE ${random.pick(ADJECTIVES)} AND created_at < now() - interval '${random.int(1, 24)} months';`];
    }
  }

  isStatement(line: string): boolean {
    const first = line.charCodeAt(0);
    return line.endsWith(';') && first >= 65 && first <= 90;
  }
}

class YamlWriter extends TextWriter {
  readonly language = 'yaml' as const;

  protected preamble(random: SeededRandom, spec: FileSpec): string[] {
    const name = spec.subject.join('-');
    const u = spec.indentUnit;
    return [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `${u}name: ${name}`, `${u}labels:`, `${u}${u}app: ${name}`,
      'spec:', `${u}replicas: ${random.int(1, 6)}`, `${u}template:`, `${u}${u}spec:`, `${u}${u}${u}containers:`,
      `${u}${u}${u}${u}- name: ${name}`, `${u}${u}${u}${u}${u}image: registry.acme.example/${name}:1.${random.int(0, 40)}.${random.int(0, 9)}`,
      `${u}${u}${u}${u}${u}env:`,
    ];
  }

  protected entry(random: SeededRandom, indent: string): string[] {
    const key = snakeCase([random.pick(ADJECTIVES), random.pick(NOUNS)]).toUpperCase();
    if (indent.length === 0) return [`${random.pick(NOUNS)}_${random.pick(['timeout', 'limit', 'enabled', 'url'])}: ${random.int(1, 900)}`];
    return [`${indent}- name: ${key}`, `${indent}  value: "${random.pick(STATES)}-${random.int(1, 99)}"`];
  }

  override newFile(random: SeededRandom, spec: FileSpec): string[] {
    const out = this.preamble(random, spec);
    const indent = spec.indentUnit.repeat(5);
    while (out.length < spec.targetLines) for (const line of this.entry(random, indent)) out.push(line);
    return out;
  }

  isStatement(line: string): boolean {
    return line.trimStart().startsWith('- name: ');
  }
}

class MarkdownWriter extends TextWriter {
  readonly language = 'markdown' as const;

  protected preamble(random: SeededRandom, spec: FileSpec): string[] {
    return [`# ${capitalize(spec.subject.join(' '))}`, '', `${sentence(random, 8, 20)}.`, ''];
  }

  protected entry(random: SeededRandom): string[] {
    switch (random.int(0, 3)) {
      case 0: return [`## ${sentence(random, 2, 5)}`, ''];
      case 1: return [`- ${sentence(random, 4, 12)}.`, `- ${sentence(random, 4, 12)}.`, ''];
      case 2:
        return ['```bash', `npm run ${random.pick(VERBS)} -- --${random.pick(NOUNS)} ${random.pick(STATES)}`, '```', ''];
      default: return [`${sentence(random, 8, 16)}. ${sentence(random, 6, 14)}.`, ''];
    }
  }

  isStatement(line: string): boolean {
    return line.length > 0 && !line.startsWith('#') && !line.startsWith('```');
  }
}

const CITIES = ['Zürich', 'Genève', 'São Paulo', 'Köln', 'Málaga', 'Besançon', 'Göteborg', 'Reykjavík', 'Århus', 'Curaçao'];

class CsvWriter extends TextWriter {
  readonly language = 'csv' as const;

  protected preamble(): string[] {
    return ['id;name;city;country;updated_at'];
  }

  protected entry(random: SeededRandom): string[] {
    const city = random.pick(CITIES);
    return [`${random.int(1000, 99999)};${capitalize(random.pick(NOUNS))} ${random.pick(['Müller', 'Løvås', 'Nuñez', 'Françoise'])};${city};${random.pick(['CH', 'BR', 'DE', 'ES', 'FR', 'SE', 'IS', 'DK'])};2023-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`];
  }

  isStatement(line: string): boolean {
    const first = line.charCodeAt(0);
    return first >= 48 && first <= 57;
  }
}

class ProtobufWriter extends TextWriter {
  readonly language = 'protobuf' as const;

  protected preamble(_random: SeededRandom, spec: FileSpec): string[] {
    return ['syntax = "proto3";', '', `package acme.${spec.packageName};`, ''];
  }

  protected entry(random: SeededRandom, _indent: string, unit: string): string[] {
    const out = [`message ${pascalCase([random.pick(NOUNS), random.pick(['request', 'response', 'event', 'summary'])])} {`];
    const fields = random.int(2, 9);
    for (let i = 1; i <= fields; i++) out.push(...this.field(random, unit, i));
    out.push('}', '');
    return out;
  }

  private field(random: SeededRandom, unit: string, tag: number): string[] {
    return [`${unit}${random.pick(['string', 'int64', 'bool', 'double', 'repeated string'])} ${random.pick(NOUNS)}_${random.pick(['id', 'name', 'count', 'status'])} = ${tag};`];
  }

  override statements(random: SeededRandom, indent: string, _unit: string, count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(`${indent}${random.pick(['string', 'int64', 'bool'])} ${random.pick(ADJECTIVES)}_${random.pick(NOUNS)} = ${random.int(10, 99)};`);
    return out;
  }

  isStatement(line: string): boolean {
    return line.startsWith('  ') && line.endsWith(';');
  }
}

/** Writer for SQL migrations and queries. */
export const sqlWriter: CodeWriter = new SqlWriter();
/** Writer for YAML deployment and configuration files. */
export const yamlWriter: CodeWriter = new YamlWriter();
/** Writer for Markdown documentation. */
export const markdownWriter: CodeWriter = new MarkdownWriter();
/** Writer for CSV data files (stored latin-1 encoded by the legacy importer). */
export const csvWriter: CodeWriter = new CsvWriter();
/** Writer for protobuf schemas. */
export const protobufWriter: CodeWriter = new ProtobufWriter();
