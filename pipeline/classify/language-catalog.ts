import * as linguist from 'linguist-languages';
import type { PathFacts } from './path-facts.js';

/** Linguist's four language types. */
export type LanguageType = 'programming' | 'markup' | 'data' | 'prose';

/** A language as the classifier needs it: its Linguist name and type. */
export interface LanguageInfo {
  readonly name: string;
  readonly type: LanguageType;
}

/**
 * Which language an ambiguous file extension means when nothing else tells. Linguist resolves
 * these with content heuristics and a statistical classifier; we pick the language that is by
 * far the most common for the extension in application repositories, and refine a few of them
 * from content when a file's first bytes are known (see `language-heuristics.ts`).
 */
export const DEFAULT_EXTENSION_PREFERENCES: Readonly<Record<string, string>> = Object.freeze({
  // C, C++ and Objective-C all use .h; C is Linguist's own default, content can say otherwise.
  '.h': 'C',
  // Objective-C far outnumbers MATLAB, Mercury and the rest in product repositories.
  '.m': 'Objective-C',
  // Qt translation files (XML) also end in .ts; TypeScript is overwhelmingly more common.
  '.ts': 'TypeScript',
  '.tsx': 'TSX',
  '.mm': 'Objective-C++',
  '.pl': 'Perl',
  '.t': 'Perl',
  // Plain SQL; dialect-specific files (PL/pgSQL, T-SQL) are rare and look the same to us.
  '.sql': 'SQL',
  '.inc': 'PHP',
  '.md': 'Markdown',
  '.txt': 'Text',
  '.json': 'JSON',
  '.yml': 'YAML',
  '.yaml': 'YAML',
  '.cfg': 'INI',
  '.properties': 'Java Properties',
  '.plist': 'XML Property List',
  '.html': 'HTML',
  '.php': 'PHP',
  '.cs': 'C#',
  '.fs': 'F#',
  '.r': 'R',
  '.rs': 'Rust',
  '.re': 'Reason',
  '.ex': 'Elixir',
  '.ml': 'OCaml',
  '.sc': 'Scala',
  '.sol': 'Solidity',
  '.gs': 'JavaScript',
  '.v': 'Verilog',
  '.d': 'D',
  '.l': 'Lex',
  // Puppet manifests outnumber Pascal units using .pp.
  '.pp': 'Puppet',
  '.cls': 'Apex',
  // Helm charts keep their template helpers in _helpers.tpl (Go templates).
  '.tpl': 'Go Template',
  // Android's proguard-rules.pro is far more common than qmake project files.
  '.pro': 'Proguard',
  '.man': 'Roff Manpage',
});

const VERSION_TAIL = /[\d.]+$/;

const TYPE_RANK: Readonly<Record<LanguageType, number>> = { programming: 0, markup: 1, data: 2, prose: 3 };

/** Language look-ups built once from the `linguist-languages` data. */
export interface LanguageCatalog {
  /** The language a path implies by its file name, then its longest known extension. */
  fromPath(facts: PathFacts): LanguageInfo | null;
  /** A language by name or alias, case-insensitively (as `linguist-language=` accepts). */
  fromName(name: string): LanguageInfo | null;
  /** A language by the interpreter named in a `#!` line (`python3`, `node`, `bash`). */
  fromInterpreter(interpreter: string): LanguageInfo | null;
}

interface LinguistEntry {
  readonly name: string;
  readonly type: string;
  readonly extensions?: readonly string[];
  readonly filenames?: readonly string[];
  readonly interpreters?: readonly string[];
  readonly aliases?: readonly string[];
}

function toLanguageType(type: string): LanguageType {
  return type === 'programming' || type === 'markup' || type === 'prose' ? type : 'data';
}

/**
 * Orders candidates for one key: a language whose primary extension it is, then programming
 * before markup, data and prose, then by name so the choice is stable across releases.
 */
function pickCandidate(key: string, candidates: readonly LinguistEntry[]): LinguistEntry {
  let best = candidates[0]!;
  for (const candidate of candidates.slice(1)) {
    const bestPrimary = best.extensions?.[0]?.toLowerCase() === key;
    const candidatePrimary = candidate.extensions?.[0]?.toLowerCase() === key;
    if (candidatePrimary !== bestPrimary) {
      if (candidatePrimary) best = candidate;
      continue;
    }
    const rankDifference = TYPE_RANK[toLanguageType(candidate.type)] - TYPE_RANK[toLanguageType(best.type)];
    if (rankDifference < 0 || (rankDifference === 0 && candidate.name < best.name)) best = candidate;
  }
  return best;
}

function addCandidate(map: Map<string, LinguistEntry[]>, key: string, entry: LinguistEntry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

function resolveCandidates(
  candidates: Map<string, LinguistEntry[]>,
  preferences: Readonly<Record<string, string>>,
  byName: ReadonlyMap<string, LanguageInfo>,
): Map<string, LanguageInfo> {
  const resolved = new Map<string, LanguageInfo>();
  for (const [key, list] of candidates) {
    const preferred = preferences[key];
    const preferredInfo = preferred === undefined ? undefined : byName.get(preferred.toLowerCase());
    if (preferredInfo !== undefined && list.some((entry) => entry.name === preferredInfo.name)) {
      resolved.set(key, preferredInfo);
      continue;
    }
    resolved.set(key, byName.get(pickCandidate(key, list).name.toLowerCase())!);
  }
  return resolved;
}

/**
 * Builds the language look-up tables from Linguist's data. Building takes about a millisecond;
 * {@link defaultLanguageCatalog} shares one instance.
 *
 * @param extensionPreferences which language an ambiguous extension means (lower-case keys with the dot)
 * @example
 * const catalog = createLanguageCatalog();
 * catalog.fromPath(describePath('src/App.tsx'))?.name; // 'TSX'
 * catalog.fromName('golang')?.name; // 'Go'
 */
export function createLanguageCatalog(
  extensionPreferences: Readonly<Record<string, string>> = DEFAULT_EXTENSION_PREFERENCES,
): LanguageCatalog {
  const entries = Object.values(linguist) as readonly LinguistEntry[];
  const byName = new Map<string, LanguageInfo>();
  const exactFilenames = new Map<string, LinguistEntry[]>();
  const lowerFilenames = new Map<string, LinguistEntry[]>();
  const suffixes = new Map<string, LinguistEntry[]>();
  const interpreters = new Map<string, LinguistEntry[]>();

  for (const entry of entries) {
    byName.set(entry.name.toLowerCase(), Object.freeze({ name: entry.name, type: toLanguageType(entry.type) }));
  }
  for (const entry of entries) {
    const info = byName.get(entry.name.toLowerCase())!;
    for (const alias of entry.aliases ?? []) {
      if (!byName.has(alias.toLowerCase())) byName.set(alias.toLowerCase(), info);
    }
    for (const filename of entry.filenames ?? []) {
      addCandidate(exactFilenames, filename, entry);
      addCandidate(lowerFilenames, filename.toLowerCase(), entry);
    }
    for (const extension of entry.extensions ?? []) addCandidate(suffixes, extension.toLowerCase(), entry);
    for (const interpreter of entry.interpreters ?? []) addCandidate(interpreters, interpreter, entry);
  }

  const byExactFilename = resolveCandidates(exactFilenames, {}, byName);
  const byLowerFilename = resolveCandidates(lowerFilenames, {}, byName);
  const bySuffix = resolveCandidates(suffixes, extensionPreferences, byName);
  const byInterpreter = resolveCandidates(interpreters, {}, byName);

  return Object.freeze({
    fromPath(facts: PathFacts): LanguageInfo | null {
      const byFilename = byExactFilename.get(facts.basename) ?? byLowerFilename.get(facts.lowerBasename);
      if (byFilename !== undefined) return byFilename;
      // Longest suffix first, so `.blade.php` beats `.php` and `.d.ts` falls through to `.ts`.
      for (const suffix of facts.suffixes) {
        const language = bySuffix.get(suffix);
        if (language !== undefined) return language;
      }
      return null;
    },
    fromName(name: string): LanguageInfo | null {
      return byName.get(name.trim().toLowerCase()) ?? null;
    },
    fromInterpreter(interpreter: string): LanguageInfo | null {
      const exact = byInterpreter.get(interpreter);
      if (exact !== undefined) return exact;
      // `python3.12`, `ruby2.7`, `node18`: Linguist lists the bare names, so drop a version tail.
      const bare = interpreter.replace(VERSION_TAIL, '');
      return bare === interpreter ? null : (byInterpreter.get(bare) ?? null);
    },
  });
}

let sharedCatalog: LanguageCatalog | undefined;

/** The catalog built with {@link DEFAULT_EXTENSION_PREFERENCES}, created on first use and shared. */
export function defaultLanguageCatalog(): LanguageCatalog {
  sharedCatalog ??= createLanguageCatalog();
  return sharedCatalog;
}
