import type { GithubSourceConfig } from './github-config.js';
import type { JiraSourceConfig } from './jira-config.js';
import type { LinksConfig } from './links-config.js';
import type { IdentitiesConfig, MembershipConfig, TeamConfig } from './roster-config.js';

/**
 * The shape of a resolved codeledger configuration. Every object of this shape handed out by
 * the config module is fully defaulted and deeply frozen, so other modules can read it without
 * checking for gaps and can never change it by accident.
 */

/** What a file is, for gating and reporting (metrics.md §1, "classify every file"). */
export const FILE_KINDS = ['code', 'test', 'config', 'docs', 'generated', 'vendored', 'lockfile', 'binary', 'data'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Which part of the product a file belongs to (the front-end / back-end split is a headline). */
export const STACKS = ['frontend', 'backend', 'mobile', 'data', 'infra', 'other'] as const;
export type Stack = (typeof STACKS)[number];

/** People are humans, AI agents or bots (metrics.md §2). */
export const PERSON_KINDS = ['human', 'ai_agent', 'bot'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Named weight sets; explicit values in the file override the chosen preset. */
export const WEIGHT_PRESET_NAMES = ['default', 'gitclear', 'raw'] as const;
export type WeightPresetName = (typeof WEIGHT_PRESET_NAMES)[number];

/** Line operations of metrics.md §1 "Op". */
export const LINE_OPS = ['add', 'update', 'delete', 'findReplace', 'move', 'copyPaste', 'noop'] as const;
export type LineOpName = (typeof LINE_OPS)[number];

/**
 * Work types that carry a weight. `untyped` is a commit with no recognised type;
 * `chore(deps)` is a dependency update (`chore(deps)`, `build(deps)`, …).
 */
export const WORK_TYPES = [
  'feat',
  'fix',
  'perf',
  'refactor',
  'untyped',
  'test',
  'build',
  'ci',
  'config',
  'style',
  'docs',
  'chore(deps)',
  'revert',
  'chore',
] as const;
export type WorkType = (typeof WORK_TYPES)[number];

/** The line gates of metrics.md §1; each can be switched off (the `raw` preset switches all off). */
export const GATE_NAMES = [
  'whitespace',
  'comments',
  'trivial',
  'generated',
  'vendored',
  'docs',
  'data',
  'duplicates',
  'blameIgnoreRevs',
  'bots',
  'reverts',
] as const;
export type GateName = (typeof GATE_NAMES)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weight of each line operation. */
export type OpWeights = { readonly [op in LineOpName]: number };

/** Weight of each work type. A type alias (not an interface) so it is assignable to `Record<string, number>`. */
export type WorkTypeWeights = { readonly [type in WorkType]: number };

/** Which gates are on. */
export type Gates = { readonly [gate in GateName]: boolean };

/** `Complexity = min(cap, 1 + factor × log2(CCN))`, or 1 when disabled. */
export interface ComplexityWeights {
  readonly enabled: boolean;
  readonly factor: number;
  readonly cap: number;
}

/** Effective added lines of one file in one commit beyond `threshold` count × `factor`. */
export interface BulkWeights {
  readonly threshold: number;
  readonly factor: number;
}

/** Lines changed within `windowDays` of merge are churn; `required` makes durability a condition of the totals. */
export interface DurabilityWeights {
  readonly windowDays: number;
  readonly required: boolean;
}

/** Weight of a line once merged, and once released. */
export interface PhaseWeights {
  readonly merged: number;
  readonly released: number;
}

/** Every weight of metrics.md §1, after the preset and the file's overrides are applied. */
export interface Weights {
  /** The preset the values started from (informational: the values below are what count). */
  readonly preset: WeightPresetName;
  readonly ops: OpWeights;
  readonly complexity: ComplexityWeights;
  readonly workTypes: WorkTypeWeights;
  /** Work-type weight of lines in files of kind `test`, whatever the commit's type. */
  readonly testFileWeight: number;
  readonly bulk: BulkWeights;
  readonly durability: DurabilityWeights;
  readonly phases: PhaseWeights;
  readonly gates: Gates;
}

/** Detection thresholds of the line classifier (metrics.md §1 "Op" and "Gate"). */
export interface Thresholds {
  /** Normalised similarity at or above which a removed/added pair is one update. */
  readonly updateSimilarity: number;
  /** Alphanumeric characters a line needs before it can count as moved. */
  readonly moveMinAlphanumeric: number;
  /** Consecutive lines a block needs before it can count as copy/paste. */
  readonly copyPasteMinLines: number;
  /** Lines one token substitution must touch before it counts as find/replace. */
  readonly findReplaceMinLines: number;
  /** Lines with fewer alphanumeric characters are trivial (`}`, `);`). */
  readonly trivialMinAlphanumeric: number;
  /** Files whose average line is longer are treated as minified (generated). */
  readonly minifiedAverageLineLength: number;
}

/** A per-repository override of file kind by path glob. */
export interface KindRule {
  readonly glob: string;
  readonly kind: FileKind;
}

/** A per-repository override of stack by path glob. */
export interface StackRule {
  readonly glob: string;
  readonly stack: Stack;
}

/** One repository to analyse. Exactly one of `path` and `url` is set. */
export interface RepoConfig {
  /** Unique name, used in stable ids (`git:<name>@<sha>`). */
  readonly name: string;
  /** Absolute path of a local clone. */
  readonly path: string | null;
  /** Remote to clone into the cache directory. */
  readonly url: string | null;
  /** Branch to analyse; null means the repository's default branch. */
  readonly branch: string | null;
  /** Stack of files that nothing else classifies; null leaves it to language rules. */
  readonly stack: Stack | null;
  /** Owning team. */
  readonly team: string | null;
  /** picomatch glob selecting release tags. */
  readonly releaseTagPattern: string;
  readonly kinds: readonly KindRule[];
  readonly stacks: readonly StackRule[];
  /** Path globs ignored entirely. */
  readonly exclude: readonly string[];
}

/** A roster entry: one person, the identities they use, and their dated team memberships. */
export interface PersonConfig {
  readonly name: string;
  /** Lower-cased e-mail addresses (git, GitHub profile, Jira). */
  readonly emails: readonly string[];
  /** Lower-cased GitHub logins. */
  readonly github: readonly string[];
  /** Lower-cased Jira account ids (Cloud) or user names/keys (Data Center). */
  readonly jira: readonly string[];
  readonly kind: PersonKind;
  readonly memberships: readonly MembershipConfig[];
}

/**
 * Matches an identity. Every field given must match: `email` and `name` are case-insensitive
 * globs, `login` is a GitHub login compared case-insensitively.
 */
export interface IdentityPattern {
  readonly email?: string;
  readonly name?: string;
  readonly login?: string;
}

/** Identities to treat as bots or AI agents on top of the built-in rosters. */
export interface AgentsConfig {
  readonly extraBots: readonly IdentityPattern[];
  readonly extraAgents: readonly IdentityPattern[];
}

/** The organisation's calendar (metrics.md §6). */
export interface CalendarConfig {
  /** IANA time zone name. */
  readonly timezone: string;
  readonly weekStart: Weekday;
  /** 1 = January … 12 = December. */
  readonly fiscalYearStartMonth: number;
}

export interface PrivacyConfig {
  /** Groups with fewer people are not shown on their own. */
  readonly minGroupSize: number;
}

export interface WarehouseConfig {
  /** Literal connection URL (without a password); wins over `urlEnv`. */
  readonly url: string | null;
  /** Name of the environment variable holding the connection URL. */
  readonly urlEnv: string;
  /**
   * True when the file named `urlEnv` explicitly: the variable must then be set. When the
   * default name is unset the embedded warehouse is used instead.
   */
  readonly urlEnvRequired: boolean;
  /** Absolute directory of the embedded (PGlite) warehouse. */
  readonly dataDir: string;
}

export interface DashboardConfig {
  /** Absolute output directory of the static site. */
  readonly outDir: string;
  readonly enabled: boolean;
}

export interface ScheduleConfig {
  /** Cron expression (node-cron syntax, 5 or 6 fields). */
  readonly cron: string;
}

/** Sources collected over HTTP, each list in the order written. */
export interface SourcesConfig {
  readonly github: readonly GithubSourceConfig[];
  readonly jira: readonly JiraSourceConfig[];
}

/** A complete, validated, deeply frozen configuration. */
export interface ResolvedConfig {
  readonly version: 1;
  /** Directory relative paths were resolved against (the config file's directory, or the working directory). */
  readonly baseDir: string;
  readonly warehouse: WarehouseConfig;
  /** Absolute directory for clones and resumable state. */
  readonly cacheDir: string;
  readonly dashboard: DashboardConfig;
  readonly repos: readonly RepoConfig[];
  readonly people: readonly PersonConfig[];
  /** Teams of the roster, with dated memberships and ownership. */
  readonly teams: readonly TeamConfig[];
  /** Identity merging beyond the built-in rules (override file, extra rules). */
  readonly identities: IdentitiesConfig;
  /** HTTP sources: GitHub hosts and Jira sites. */
  readonly sources: SourcesConfig;
  /** How references to tickets in branches, titles and messages are recognised. */
  readonly links: LinksConfig;
  readonly agents: AgentsConfig;
  readonly calendar: CalendarConfig;
  readonly privacy: PrivacyConfig;
  readonly weights: Weights;
  readonly thresholds: Thresholds;
  readonly schedule: ScheduleConfig;
}
