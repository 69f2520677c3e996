import type { WaterfallMark, WaterfallStep } from './types.js';
import {
  LINE_BUCKETS,
  sumEffectiveCodeMeasures,
  type EffectiveCodeMeasure,
  type EffectiveCodeMeasures,
} from './view-rows.js';

/** A gate of the waterfall: buckets of raw lines that never earn effective code. */
interface GateSpec {
  step: string;
  label: string;
  /** Buckets removed together by this step. */
  buckets: readonly EffectiveCodeMeasure[];
  description: string;
}

/** A weighting of the waterfall: the running total becomes this column's value. */
interface WeightSpec {
  step: string;
  label: string;
  column: EffectiveCodeMeasure;
  description: string;
}

/**
 * Gates in the order the waterfall shows them (metrics definition §1: gates first, then the
 * operations that weigh nothing). Generated and lock files share a bar: both are Linguist's
 * "generated" rule, and readers ask about them together.
 */
const GATES: readonly GateSpec[] = [
  { step: 'noop', label: 'Whitespace only', buckets: ['noop_lines'], description: 'Blank lines, whitespace-only changes and re-indentation.' },
  { step: 'comment', label: 'Comments', buckets: ['comment_lines'], description: 'Comment-only lines.' },
  { step: 'trivial', label: 'Punctuation / keywords', buckets: ['trivial_lines'], description: 'Lines with almost no content, such as a closing brace or a bare keyword.' },
  { step: 'generated', label: 'Generated & lock files', buckets: ['generated_lines', 'lockfile_lines'], description: 'Generated files, minified files, source maps and package lock files.' },
  { step: 'vendored', label: 'Vendored', buckets: ['vendored_lines'], description: 'Third-party code checked into the repository.' },
  { step: 'docs', label: 'Documentation', buckets: ['docs_lines'], description: 'Documentation files (counted in their own class, not in effective code).' },
  { step: 'data', label: 'Data & binary', buckets: ['data_lines'], description: 'Binary files, assets, data fixtures and snapshots.' },
  { step: 'duplicate', label: 'Cherry-pick duplicates', buckets: ['duplicate_lines'], description: 'Changes already credited through another commit with the same patch.' },
  { step: 'ignored_rev', label: 'Ignored revisions', buckets: ['ignored_rev_lines'], description: 'Commits listed in .git-blame-ignore-revs (mass reformatting, codemods).' },
  { step: 'bot', label: 'Bots', buckets: ['bot_lines'], description: 'Commits by non-AI bots such as dependency updaters.' },
  { step: 'revert', label: 'Reverts', buckets: ['revert_lines'], description: 'Revert commits and the commits they revert (both net to zero).' },
  { step: 'moved', label: 'Moved lines', buckets: ['moved_lines'], description: 'Lines removed and re-added within the same commit, and whole-file renames.' },
  { step: 'copy_paste', label: 'Copy / paste', buckets: ['copy_paste_lines'], description: 'Added blocks that already exist in the repository or appear twice in the commit.' },
  { step: 'update_pair', label: 'Update pairs', buckets: ['update_pair_lines'], description: 'The removed half of a changed line: an update counts once, not as a deletion plus an addition.' },
];

/** Weightings in the order the effective-code formula applies them. */
const WEIGHTS_BEFORE_CHURN: readonly WeightSpec[] = [
  { step: 'op_weighted', label: '× operation', column: 'op_weighted', description: 'Operation weights: find/replace and deletions weigh what the configuration says.' },
  { step: 'worktype_weighted', label: '× work type', column: 'worktype_weighted', description: 'Work-type weights from the commit type (tests, build and config weigh less).' },
  { step: 'bulk_weighted', label: '× bulk', column: 'bulk_weighted', description: 'Bulk damping: effective lines beyond the per-file threshold of one commit weigh less.' },
  { step: 'ec_base', label: '× complexity', column: 'ec_base', description: 'Complexity of the enclosing function.' },
];

/** The waterfall over a set of weekly rows. */
export interface Waterfall {
  steps: WaterfallStep[];
  /** Phase totals shown beside the running total: merged, durable, pending. */
  marks: WaterfallMark[];
  /**
   * Raw changed lines minus the sum of every bucket. The buckets partition raw lines, so this is 0
   * unless the view is inconsistent; the loader reports a non-zero gap as a note.
   */
  bucketGap: number;
}

/**
 * Builds the waterfall from raw changed lines to released effective code: gates and zero-weight
 * operations are subtracted, weights multiply, churn is subtracted, and the phase weight yields
 * `ec_released`, which is always the last step's value.
 *
 * @example
 * const { steps } = buildWaterfall(weeklyRows);
 * steps[0].value;                 // lines_added + lines_deleted
 * steps.at(-1)?.to;               // Σ ec_released
 */
export function buildWaterfall(rows: Iterable<EffectiveCodeMeasures>): Waterfall {
  const totals = sumEffectiveCodeMeasures(rows);
  const steps: WaterfallStep[] = [];
  let running = totals.lines_added + totals.lines_deleted;

  const pushTotal = (step: string, label: string, description: string): void => {
    steps.push({ step, label, kind: 'total', value: running, from: 0, to: running, factor: null, description });
  };
  const pushMinus = (step: string, label: string, removed: number, description: string): void => {
    const from = running;
    running = from - removed;
    steps.push({ step, label, kind: 'minus', value: removed, from, to: running, factor: null, description });
  };
  const pushTimes = (step: string, label: string, result: number, description: string): void => {
    const from = running;
    running = result;
    const factor = from === 0 ? null : result / from;
    steps.push({ step, label, kind: 'times', value: result, from, to: result, factor, description });
  };

  pushTotal('raw', 'Raw changed lines', 'Lines added plus lines deleted on the default branch.');
  for (const gate of GATES) {
    let removed = 0;
    for (const bucket of gate.buckets) removed += totals[bucket];
    pushMinus(gate.step, gate.label, removed, gate.description);
  }
  pushTotal('counted', 'Counted lines', 'Lines that go on to earn effective code: additions, deletions, updates and find/replace.');
  for (const weight of WEIGHTS_BEFORE_CHURN) {
    pushTimes(weight.step, weight.label, totals[weight.column], weight.description);
  }
  pushMinus('churned_ec', 'Churn', totals.churned_ec, 'Effective lines changed or deleted again within the durability window.');
  pushTimes(
    'ec_released',
    '× phase = released',
    totals.ec_released,
    'Phase weight; only durable, released lines remain (lines still inside the durability window or not yet released drop out here).',
  );

  let bucketSum = 0;
  for (const bucket of LINE_BUCKETS) bucketSum += totals[bucket];

  const marks: WaterfallMark[] = [
    { key: 'ec_merged', label: 'Effective code merged', value: totals.ec_merged, description: 'Provisional effective code, counted when merged with the merged-phase weight.' },
    { key: 'ec_durable', label: 'Effective code durable', value: totals.ec_durable, description: 'Effective code that survived the durability window.' },
    { key: 'ec_pending', label: 'Effective code pending', value: totals.ec_pending, description: 'Effective code still inside the durability window.' },
  ];

  return { steps, marks, bucketGap: totals.lines_added + totals.lines_deleted - bucketSum };
}
