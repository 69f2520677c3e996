/**
 * Shapes shared by the file classifier: what a file is (its kind), which part of the product it
 * belongs to (its stack), and the inputs that can refine the answer.
 */

/** Every kind a changed file can have, in no particular order. */
export const FILE_KINDS = [
  'code',
  'test',
  'config',
  'docs',
  'generated',
  'vendored',
  'lockfile',
  'binary',
  'data',
] as const;

/** What a file is; decides whether and how its lines count toward effective code. */
export type FileKind = (typeof FILE_KINDS)[number];

/** Every stack a file can belong to. */
export const STACKS = ['frontend', 'backend', 'mobile', 'data', 'infra', 'other'] as const;

/** The part of the product a file belongs to; the front-end / back-end split is a headline figure. */
export type Stack = (typeof STACKS)[number];

/** The classifier's answer for one path (and, optionally, one version of its content). */
export interface FileClassification {
  /** Linguist language name (`'TypeScript'`, `'C++'`, `'Dockerfile'` …), or null when unknown. */
  language: string | null;
  kind: FileKind;
  stack: Stack;
  /** Why the file got its kind, in words an auditor can check, e.g. `'linguist vendor rule: node_modules/'`. */
  reason: string;
  /** Why the file got its stack, e.g. `'path hint: frontend/'`. */
  stackReason?: string;
}

/** Attributes read from `.gitattributes` (via `git check-attr`); `false` means explicitly unset. */
export interface FileAttributes {
  /** `linguist-generated` */
  generated?: boolean;
  /** `linguist-vendored` */
  vendored?: boolean;
  /** `linguist-documentation` */
  documentation?: boolean;
  /** `linguist-language=<name>` */
  language?: string;
  /** `binary` or `-diff` */
  binary?: boolean;
}

/** A per-repository kind override: the first glob that matches wins and beats every built-in rule. */
export interface KindOverride {
  glob: string;
  kind: FileKind;
}

/** A per-repository stack override: the first glob that matches wins and beats every built-in rule. */
export interface StackOverride {
  glob: string;
  stack: Stack;
}

/** Tunable numbers of the classifier (the config module supplies them). */
export interface ClassifyThresholds {
  /**
   * A JavaScript or CSS file whose average line length exceeds this is treated as minified
   * (generated).
   */
  minifiedAverageLineLength: number;
}

/**
 * Defaults for {@link ClassifyThresholds}. 110 characters is GitHub Linguist's cut-off for
 * minified files: hand-written code rarely averages more than 40–60 characters a line,
 * minifiers put whole modules on one line.
 */
export const DEFAULT_CLASSIFY_THRESHOLDS: Readonly<ClassifyThresholds> = Object.freeze({
  minifiedAverageLineLength: 110,
});

/** Everything that can influence a classification. */
export interface ClassifyOptions {
  /** From `.gitattributes`. */
  attributes?: FileAttributes;
  /** Git reported the diff as binary. */
  binary?: boolean;
  /** The first ~2 KB of the file version's text, when known (generated headers, shebangs). */
  contentHead?: string;
  /** Average line length of the file version, when known (minified detection). */
  averageLineLength?: number;
  /** Per-repository overrides from config; first match wins, beats built-in rules. */
  overrides?: {
    kinds?: KindOverride[];
    stacks?: StackOverride[];
  };
  /** The repository's stack from config, used when a file carries no stronger evidence. */
  defaultStack?: Stack;
  thresholds?: ClassifyThresholds;
}

/** Options fixed for a whole repository, given once to {@link createFileClassifier}. */
export type RepositoryClassifyOptions = Omit<
  ClassifyOptions,
  'attributes' | 'binary' | 'contentHead' | 'averageLineLength'
> & {
  /**
   * Most path-only results remembered before the memo is cleared. Paths repeat across commits,
   * so the memo saves almost all the work; the cap only bounds memory on huge monorepos.
   */
  cacheSize?: number;
};

/** Facts about one version of one file, given per call. */
export type PerFileClassifyOptions = Pick<
  ClassifyOptions,
  'attributes' | 'binary' | 'contentHead' | 'averageLineLength'
>;

/** A classifier for one repository. */
export type FileClassifier = (path: string, perFile?: PerFileClassifyOptions) => FileClassification;
