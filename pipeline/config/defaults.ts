import { deepFreeze } from './deep-freeze.js';
import { GATE_NAMES, WORK_TYPES } from './types.js';
import type {
  CalendarConfig,
  Gates,
  PrivacyConfig,
  ScheduleConfig,
  Thresholds,
  WeightPresetName,
  Weights,
  WorkTypeWeights,
} from './types.js';

/**
 * Work-type weights of metrics.md §1.
 *
 * `chore` without the `deps` scope is not in the metric's table. It weighs 1.0, like `untyped`:
 * teams use it for any maintenance work, and weighting it lower would only reward leaving the
 * type off.
 */
export const DEFAULT_WORK_TYPE_WEIGHTS: WorkTypeWeights = deepFreeze({
  feat: 1,
  fix: 1,
  perf: 1,
  refactor: 1,
  untyped: 1,
  chore: 1,
  test: 0.5,
  build: 0.3,
  ci: 0.3,
  config: 0.3,
  style: 0,
  docs: 0,
  'chore(deps)': 0,
  revert: 0,
});

const ALL_GATES_ON: Gates = {
  whitespace: true,
  comments: true,
  trivial: true,
  generated: true,
  vendored: true,
  docs: true,
  data: true,
  duplicates: true,
  blameIgnoreRevs: true,
  bots: true,
  reverts: true,
};

/**
 * The `default` preset: metrics.md §1 as written. The complexity damping and cap, the bulk
 * threshold and factor and the phase weights are ours (no public precedent); the 21-day
 * durability window follows Pluralsight Flow.
 */
export const DEFAULT_WEIGHTS: Weights = deepFreeze({
  preset: 'default',
  ops: { add: 1, update: 1, delete: 1, findReplace: 0.3, move: 0, copyPaste: 0, noop: 0 },
  complexity: { enabled: true, factor: 0.25, cap: 2.5 },
  workTypes: DEFAULT_WORK_TYPE_WEIGHTS,
  testFileWeight: 0.5,
  bulk: { threshold: 300, factor: 0.5 },
  durability: { windowDays: 21, required: true },
  phases: { merged: 0.5, released: 1 },
  gates: ALL_GATES_ON,
});

/** The `gitclear` preset: the default with deletions worth 2.5, as GitClear weighs them. */
const GITCLEAR_WEIGHTS: Weights = deepFreeze({
  ...DEFAULT_WEIGHTS,
  preset: 'gitclear',
  ops: { ...DEFAULT_WEIGHTS.ops, delete: 2.5 },
});

/**
 * The `raw` preset: plain added + deleted lines, for checking how much the weighting changes
 * a figure. Every op, work type and phase weighs 1, nothing is damped and nothing is gated.
 */
const RAW_WEIGHTS: Weights = deepFreeze({
  preset: 'raw',
  ops: { add: 1, update: 1, delete: 1, findReplace: 1, move: 1, copyPaste: 1, noop: 1 },
  complexity: { ...DEFAULT_WEIGHTS.complexity, enabled: false },
  workTypes: Object.fromEntries(WORK_TYPES.map((type) => [type, 1])) as WorkTypeWeights,
  testFileWeight: 1,
  bulk: { threshold: DEFAULT_WEIGHTS.bulk.threshold, factor: 1 },
  durability: { windowDays: DEFAULT_WEIGHTS.durability.windowDays, required: false },
  phases: { merged: 1, released: 1 },
  gates: Object.fromEntries(GATE_NAMES.map((gate) => [gate, false])) as Gates,
});

/** Every weight preset by name. Explicit values in `weights:` are applied on top of the chosen one. */
export const WEIGHT_PRESETS: Readonly<Record<WeightPresetName, Weights>> = deepFreeze({
  default: DEFAULT_WEIGHTS,
  gitclear: GITCLEAR_WEIGHTS,
  raw: RAW_WEIGHTS,
});

/** Detection thresholds of metrics.md §1 (the minified line length is Linguist's). */
export const DEFAULT_THRESHOLDS: Thresholds = deepFreeze({
  updateSimilarity: 0.5,
  moveMinAlphanumeric: 20,
  copyPasteMinLines: 5,
  findReplaceMinLines: 5,
  trivialMinAlphanumeric: 3,
  minifiedAverageLineLength: 110,
});

/** UTC, weeks starting on Monday, fiscal year starting in January (metrics.md §6). */
export const DEFAULT_CALENDAR: CalendarConfig = deepFreeze({
  timezone: 'UTC',
  weekStart: 'monday',
  fiscalYearStartMonth: 1,
});

/** Groups smaller than three people are not shown on their own (metrics.md §2). */
export const DEFAULT_PRIVACY: PrivacyConfig = deepFreeze({ minGroupSize: 3 });

/** Nightly at 02:00 in the scheduler's time zone. */
export const DEFAULT_SCHEDULE: ScheduleConfig = deepFreeze({ cron: '0 2 * * *' });

/** Defaults of the settings that are paths or names rather than metric weights. */
export const DEFAULT_LOCATIONS = deepFreeze({
  warehouseUrlEnv: 'DATABASE_URL',
  warehouseDataDir: '.codeledger/warehouse',
  cacheDir: '.codeledger/cache',
  dashboardOutDir: 'codeledger-dashboard',
  releaseTagPattern: '*',
});

/** The file `loadConfig` looks for in the working directory when none is named. */
export const DEFAULT_CONFIG_FILE_NAMES: readonly string[] = deepFreeze(['codeledger.yaml', 'codeledger.yml']);
