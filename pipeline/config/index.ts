/**
 * Configuration: `codeledger.yaml` parsed with `yaml`, validated with `zod`, defaulted from the
 * metric presets and handed out deeply frozen.
 */
export { ConfigError, describeConfigProblems } from './config-error.js';
export { canonicalJson, configHash } from './config-hash.js';
export {
  DEFAULT_CALENDAR,
  DEFAULT_CONFIG_FILE_NAMES,
  DEFAULT_LOCATIONS,
  DEFAULT_PRIVACY,
  DEFAULT_SCHEDULE,
  DEFAULT_THRESHOLDS,
  DEFAULT_WEIGHTS,
  DEFAULT_WORK_TYPE_WEIGHTS,
  WEIGHT_PRESETS,
} from './defaults.js';
export { readRequiredEnv, resolveWarehouseUrl, type EnvironmentNeed } from './environment.js';
export { loadConfig, type LoadConfigOptions } from './load-config.js';
export { defaultConfig, parseConfig, type ParseConfigOptions } from './parse-config.js';
export {
  FILE_KINDS,
  GATE_NAMES,
  LINE_OPS,
  PERSON_KINDS,
  STACKS,
  WEEKDAYS,
  WEIGHT_PRESET_NAMES,
  WORK_TYPES,
} from './types.js';
export type {
  AgentsConfig,
  BulkWeights,
  CalendarConfig,
  ComplexityWeights,
  DashboardConfig,
  DurabilityWeights,
  FileKind,
  GateName,
  Gates,
  IdentityPattern,
  KindRule,
  LineOpName,
  OpWeights,
  PersonConfig,
  PersonKind,
  PhaseWeights,
  PrivacyConfig,
  RepoConfig,
  ResolvedConfig,
  ScheduleConfig,
  SourcesConfig,
  Stack,
  StackRule,
  Thresholds,
  WarehouseConfig,
  Weekday,
  WeightPresetName,
  Weights,
  WorkType,
  WorkTypeWeights,
} from './types.js';
export type { GithubSourceConfig } from './github-config.js';
export type { JiraSourceConfig } from './jira-config.js';
export type { IdentitiesConfig, TeamConfig } from './roster-config.js';
