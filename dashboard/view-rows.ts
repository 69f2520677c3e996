/**
 * The numeric columns of the metric views the dashboard reads, named exactly as the views name
 * them. The loader sums them per week and stack; the pure builders (waterfall, tiles) take them.
 */

/** Additive columns of `metrics.effective_code_weekly` (everything except ids, names, stack and dates). */
export const EFFECTIVE_CODE_MEASURES = [
  'commits',
  'files',
  'lines_added',
  'lines_deleted',
  'noop_lines',
  'comment_lines',
  'trivial_lines',
  'generated_lines',
  'lockfile_lines',
  'vendored_lines',
  'docs_lines',
  'data_lines',
  'duplicate_lines',
  'ignored_rev_lines',
  'bot_lines',
  'revert_lines',
  'moved_lines',
  'copy_paste_lines',
  'update_pair_lines',
  'find_replace_lines',
  'updated_lines',
  'added_lines',
  'deleted_lines',
  'bulk_damped_lines',
  'op_weighted',
  'worktype_weighted',
  'bulk_weighted',
  'ec_base',
  'churned_lines',
  'churned_ec',
  'ec_merged',
  'ec_durable',
  'ec_released',
  'ec_pending',
  'durable_rows',
  'pending_rows',
] as const;

export type EffectiveCodeMeasure = (typeof EFFECTIVE_CODE_MEASURES)[number];

/** The additive figures of `metrics.effective_code_weekly` for some group of rows. */
export type EffectiveCodeMeasures = Record<EffectiveCodeMeasure, number>;

/** `metrics.effective_code_weekly` summed over repositories: one week of one stack. */
export interface EffectiveCodeWeekStack extends EffectiveCodeMeasures {
  /** `YYYY-MM-DD`. */
  week_start: string;
  stack: string;
  fiscal_year: number | null;
}

/**
 * The buckets that partition raw changed lines: every added or removed line lands in exactly one,
 * so for any group of rows they add up to `lines_added + lines_deleted`.
 */
export const LINE_BUCKETS = [
  'noop_lines',
  'comment_lines',
  'trivial_lines',
  'generated_lines',
  'lockfile_lines',
  'vendored_lines',
  'docs_lines',
  'data_lines',
  'duplicate_lines',
  'ignored_rev_lines',
  'bot_lines',
  'revert_lines',
  'moved_lines',
  'copy_paste_lines',
  'update_pair_lines',
  'find_replace_lines',
  'updated_lines',
  'added_lines',
  'deleted_lines',
] as const satisfies readonly EffectiveCodeMeasure[];

/** The buckets whose lines go on to earn effective code (the waterfall's "counted lines"). */
export const COUNTED_LINE_BUCKETS = [
  'find_replace_lines',
  'updated_lines',
  'added_lines',
  'deleted_lines',
] as const satisfies readonly EffectiveCodeMeasure[];

/** Additive columns of `metrics.ai_share_weekly` (its share columns are ratios and are recomputed from sums). */
export const AI_SHARE_MEASURES = [
  'commits',
  'lines_added',
  'lines_deleted',
  'ec_merged',
  'ec_durable',
  'churned_lines',
] as const;

export type AiShareMeasure = (typeof AI_SHARE_MEASURES)[number];

/** `metrics.ai_share_weekly` summed over repositories: one week of one AI class. */
export interface AiShareWeekClass extends Record<AiShareMeasure, number> {
  /** `YYYY-MM-DD`. */
  week_start: string;
  ai_class: string;
}

/** A zeroed set of effective-code measures. */
export function emptyEffectiveCodeMeasures(): EffectiveCodeMeasures {
  const measures = {} as EffectiveCodeMeasures;
  for (const column of EFFECTIVE_CODE_MEASURES) measures[column] = 0;
  return measures;
}

/**
 * Sums effective-code measures over rows.
 *
 * @example
 * sumEffectiveCodeMeasures([a, b]).ec_released === a.ec_released + b.ec_released
 */
export function sumEffectiveCodeMeasures(rows: Iterable<EffectiveCodeMeasures>): EffectiveCodeMeasures {
  const total = emptyEffectiveCodeMeasures();
  for (const row of rows) addEffectiveCodeMeasures(total, row);
  return total;
}

/** Adds `row`'s measures into `target` in place (no allocation: the loader calls it per row). */
export function addEffectiveCodeMeasures(target: EffectiveCodeMeasures, row: EffectiveCodeMeasures): void {
  for (const column of EFFECTIVE_CODE_MEASURES) target[column] += row[column];
}
