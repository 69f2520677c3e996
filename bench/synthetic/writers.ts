import { goWriter, javaWriter, javascriptWriter, tsxWriter, typescriptWriter } from './brace-code-writer.js';
import type { CodeWriter } from './code-writer.js';
import { pythonWriter } from './python-code-writer.js';
import type { Language } from './source-file.js';
import { csvWriter, markdownWriter, protobufWriter, sqlWriter, yamlWriter } from './text-writers.js';

const WRITERS: Partial<Record<Language, CodeWriter>> = {
  typescript: typescriptWriter,
  tsx: tsxWriter,
  javascript: javascriptWriter,
  java: javaWriter,
  go: goWriter,
  python: pythonWriter,
  sql: sqlWriter,
  yaml: yamlWriter,
  markdown: markdownWriter,
  csv: csvWriter,
  protobuf: protobufWriter,
};

/**
 * The writer that edits files of `language`, or undefined for files that are only ever
 * regenerated whole (JSON lock files, bundles, binaries).
 */
export function writerFor(language: Language): CodeWriter | undefined {
  return WRITERS[language];
}
