/**
 * One file version of the synthetic repository. A version is immutable: every change makes a
 * new object, so old versions can be kept cheaply for reverts and merges, and a version that
 * was already written to git is written again only by reference (its blob mark).
 */

/** Languages the generator writes. */
export type Language =
  | 'typescript'
  | 'tsx'
  | 'javascript'
  | 'java'
  | 'go'
  | 'python'
  | 'sql'
  | 'yaml'
  | 'markdown'
  | 'json'
  | 'protobuf'
  | 'csv'
  | 'text'
  | 'binary';

/** What a file is for; decides which changes it receives. */
export type FileRole = 'source' | 'test' | 'config' | 'docs' | 'generated' | 'vendored' | 'lockfile' | 'binary' | 'data';

/** How the file's text is stored in git. */
export type TextEncoding = 'utf8' | 'latin1';

/** An immutable file version. The path lives in the repository model, not here, so a rename keeps the version. */
export interface SourceFile {
  readonly language: Language;
  readonly role: FileRole;
  /** Text lines without terminators (empty for binary files). */
  readonly lines: readonly string[];
  /** One level of indentation in this file (`'  '`, `'    '` or a tab). */
  readonly indentUnit: string;
  readonly encoding: TextEncoding;
  /** Content of a binary file; null for text. */
  readonly binary: Uint8Array | null;
  /** Size in characters (text) or bytes (binary), including line terminators. */
  readonly size: number;
  /** fast-import mark of this version's blob once written; 0 until then. */
  mark: number;
}

/** Total characters of `lines` including one terminator per line. */
export function sizeOfLines(lines: readonly string[]): number {
  let size = 0;
  for (const line of lines) size += line.length + 1;
  return size;
}

/**
 * A new text file version.
 *
 * @example
 * const file = textFile('typescript', 'source', ['export const a = 1;'], '  ');
 */
export function textFile(
  language: Language,
  role: FileRole,
  lines: readonly string[],
  indentUnit: string,
  encoding: TextEncoding = 'utf8',
): SourceFile {
  return { language, role, lines, indentUnit, encoding, binary: null, size: sizeOfLines(lines), mark: 0 };
}

/** A new binary file version. */
export function binaryFile(bytes: Uint8Array): SourceFile {
  return { language: 'binary', role: 'binary', lines: [], indentUnit: '', encoding: 'utf8', binary: bytes, size: bytes.length, mark: 0 };
}

/** The same file with new lines (language, role, indentation and encoding kept). */
export function withLines(file: SourceFile, lines: readonly string[], indentUnit: string = file.indentUnit): SourceFile {
  return { ...file, lines, indentUnit, size: sizeOfLines(lines), mark: 0 };
}

/** The bytes git stores for this version. */
export function fileContent(file: SourceFile): Buffer {
  if (file.binary) return Buffer.from(file.binary.buffer, file.binary.byteOffset, file.binary.byteLength);
  if (file.lines.length === 0) return Buffer.alloc(0);
  return Buffer.from(file.lines.join('\n') + '\n', file.encoding);
}
