import { createGeneratedContentDetector, type ContentEvidence } from './generated-content.js';
import type { GlobOverrideMatcher } from './glob-overrides.js';
import type { LanguageInfo } from './language-catalog.js';
import type { PathFacts } from './path-facts.js';
import { BINARY_EXTENSIONS } from './rules/binary-rules.js';
import { CONFIG_LANGUAGES, CONFIG_RULES } from './rules/config-rules.js';
import { DATA_CONTENT_LANGUAGES, DATA_DIRECTORY_RULES, DATA_FILE_RULES, SNAPSHOT_RULES } from './rules/data-rules.js';
import { DOCUMENTATION_MARKUP_LANGUAGES, DOCUMENTATION_RULES } from './rules/documentation-rules.js';
import { GENERATED_PATH_RULES } from './rules/generated-rules.js';
import { LOCKFILE_NAMES, LOCKFILE_PATH_RULES } from './rules/lockfile-rules.js';
import { compileRules, describeRule } from './rules/rule-table.js';
import { CODE_PATH_RULES, isSourceLanguage } from './rules/source-languages.js';
import { TEST_RULES } from './rules/test-rules.js';
import { VENDOR_RULES } from './rules/vendor-rules.js';
import type { ClassifyThresholds, FileAttributes, FileKind } from './types.js';

/** A file's kind and the auditable reason for it. */
export interface KindDecision {
  readonly kind: FileKind;
  readonly reason: string;
  /**
   * Whether content can still make the file generated: true when the decision came from a
   * step after the generated step (documentation, data, test, config, code) and
   * `.gitattributes` does not switch the generated rules off.
   */
  readonly openToContent: boolean;
}

/** What the kind resolver looks at: everything about a file except its content. */
export interface KindInput {
  readonly facts: PathFacts;
  /** The file's language after `.gitattributes` and content refinements. */
  readonly language: LanguageInfo | null;
  readonly attributes?: FileAttributes;
  /** Git reported the diff as binary. */
  readonly binary?: boolean;
}

/** Settings fixed for one repository. */
export interface KindResolverOptions {
  readonly overrides: GlobOverrideMatcher<FileKind>;
  readonly thresholds: ClassifyThresholds;
}

/** Decides the kind of one file: first from its path and attributes, then from its content. */
export interface KindResolver {
  /** The kind from everything but content; cacheable per path and attributes. */
  byPath(input: KindInput): KindDecision;
  /**
   * The generated-content step, to apply when {@link KindDecision.openToContent} is true:
   * the reason the content shows a generated file, or null.
   */
  byContent(facts: PathFacts, content: ContentEvidence): string | null;
}

function decision(kind: FileKind, reason: string, openToContent = false): KindDecision {
  return { kind, reason, openToContent };
}

function isDocumentationLanguage(language: LanguageInfo | null): language is LanguageInfo {
  return language !== null && (language.type === 'prose' || DOCUMENTATION_MARKUP_LANGUAGES.has(language.name));
}

/**
 * Creates the kind resolver for one repository. The first step that recognises a file decides:
 *
 * 1. per-repository overrides (first matching glob);
 * 2. `.gitattributes` `linguist-generated`, `linguist-vendored`, `linguist-documentation`
 *    set to true (set to false, each switches off the matching built-in steps below);
 * 3. lock files by name: before the binary step, because a lock file stays a lock file even
 *    when it is binary (`bun.lockb`) or marked `-diff` in `.gitattributes`;
 * 4. binary: `.gitattributes` `binary`/`-diff`, git's binary diff, then the extension list;
 * 5. vendored (Linguist vendor rules); 6. generated (Linguist generated rules, generator
 *    headers, minified content, source maps); the content checks run in `byContent`, so that
 *    the path steps can be cached and content examined only when it can change the answer;
 * 7. documentation by directory or well-known name;
 * 8. data: snapshots, data files, message catalogs, data languages, and non-source files in
 *    fixture and data directories — before the next step so Markdown fixtures stay data;
 * 9. documentation by language (Markdown, reStructuredText, AsciiDoc, man pages …);
 * 10. tests; 11. code recognised by path (Android layouts: XML that is UI code), then config
 *     by name, then config languages (JSON, YAML, TOML, INI, XML …);
 * 12. code: programming and markup languages and code-like data languages (SQL, GraphQL,
 *     Protocol Buffers);
 * 13. anything else is data — other data languages, and files of no known language, whose
 *     lines we can neither parse nor trust to be hand-written logic — except prose whose
 *     documentation rules `.gitattributes` switched off, which then counts as code.
 *
 * @example
 * const resolve = createKindResolver({ overrides: () => null, thresholds: DEFAULT_CLASSIFY_THRESHOLDS });
 * resolve.byPath({ facts: describePath('web/node_modules/react/index.js'), language: null });
 * // { kind: 'vendored', reason: 'linguist vendor rule: node_modules/', openToContent: false }
 */
export function createKindResolver(options: KindResolverOptions): KindResolver {
  const lockfileRules = compileRules(LOCKFILE_PATH_RULES);
  const vendorRules = compileRules(VENDOR_RULES);
  const generatedRules = compileRules(GENERATED_PATH_RULES);
  const detectGeneratedContent = createGeneratedContentDetector(options.thresholds);
  const documentationRules = compileRules(DOCUMENTATION_RULES);
  const snapshotRules = compileRules(SNAPSHOT_RULES);
  const dataFileRules = compileRules(DATA_FILE_RULES);
  const dataDirectoryRules = compileRules(DATA_DIRECTORY_RULES);
  const testRules = compileRules(TEST_RULES);
  const codePathRules = compileRules(CODE_PATH_RULES);
  const configRules = compileRules(CONFIG_RULES);

  function byPath({ facts, language, attributes, binary }: KindInput): KindDecision {
    const { path } = facts;

    const override = options.overrides(path);
    if (override !== null) return decision(override.value, `config override: ${override.glob}`);

    if (attributes?.generated === true) return decision('generated', '.gitattributes linguist-generated');
    if (attributes?.vendored === true) return decision('vendored', '.gitattributes linguist-vendored');
    if (attributes?.documentation === true) return decision('docs', '.gitattributes linguist-documentation');
    const generatedRulesApply = attributes?.generated !== false;
    const vendorRulesApply = attributes?.vendored !== false;
    const documentationRulesApply = attributes?.documentation !== false;

    if (generatedRulesApply) {
      if (LOCKFILE_NAMES.has(facts.lowerBasename)) return decision('lockfile', `lockfile: ${facts.basename}`);
      const lockfile = lockfileRules.firstMatch(path);
      if (lockfile !== null) return decision('lockfile', describeRule('lockfile', lockfile));
    }

    if (attributes?.binary === true) return decision('binary', '.gitattributes binary (or -diff)');
    if (binary === true) return decision('binary', 'git reported a binary diff');
    if (attributes?.binary !== false && BINARY_EXTENSIONS.has(facts.extension)) {
      return decision('binary', `binary extension ${facts.extension}`);
    }

    if (vendorRulesApply) {
      const vendored = vendorRules.firstMatch(path);
      if (vendored !== null) return decision('vendored', describeRule('vendor', vendored));
    }

    if (generatedRulesApply) {
      const generated = generatedRules.firstMatch(path);
      if (generated !== null) return decision('generated', describeRule('generated', generated));
    }
    const open = generatedRulesApply;

    if (documentationRulesApply) {
      const documentation = documentationRules.firstMatch(path);
      if (documentation !== null) return decision('docs', describeRule('documentation', documentation), open);
    }

    const snapshot = snapshotRules.firstMatch(path);
    if (snapshot !== null) return decision('data', describeRule('data', snapshot), open);
    const dataFile = dataFileRules.firstMatch(path);
    if (dataFile !== null) return decision('data', describeRule('data', dataFile), open);
    if (language !== null && DATA_CONTENT_LANGUAGES.has(language.name)) {
      return decision('data', `data language: ${language.name}`, open);
    }
    if (!isSourceLanguage(language)) {
      const dataDirectory = dataDirectoryRules.firstMatch(path);
      if (dataDirectory !== null) return decision('data', describeRule('data', dataDirectory), open);
    }

    if (documentationRulesApply && isDocumentationLanguage(language)) {
      return decision('docs', `documentation language: ${language.name}`, open);
    }

    const test = testRules.firstMatch(path);
    if (test !== null) return decision('test', describeRule('test', test), open);

    const sourceByPath = codePathRules.firstMatch(path);
    if (sourceByPath !== null) return decision('code', describeRule('code', sourceByPath), open);

    const config = configRules.firstMatch(path);
    if (config !== null) return decision('config', describeRule('config', config), open);
    if (language !== null && CONFIG_LANGUAGES.has(language.name)) {
      return decision('config', `config language: ${language.name}`, open);
    }

    if (language === null) return decision('data', 'no known language', open);
    if (isSourceLanguage(language)) {
      const type = language.type === 'data' ? 'query or schema' : language.type;
      return decision('code', `${type} language: ${language.name}`, open);
    }
    if (language.type === 'prose') {
      return decision('code', `prose counted as code (.gitattributes linguist-documentation=false): ${language.name}`, open);
    }
    return decision('data', `data language: ${language.name}`, open);
  }

  return Object.freeze({ byPath, byContent: detectGeneratedContent });
}
