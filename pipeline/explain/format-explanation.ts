import { BUCKETS } from '../effective-code/buckets.js';
import type { CommitOutcome } from '../effective-code/engine.js';
import type { EngineSettings } from '../effective-code/settings.js';
import type { ChurnEvent } from '../effective-code/survival.js';

/** The warehouse's totals for one commit × file, shown beside the recomputation. */
export interface StoredTotals {
  path: string;
  ecBase: number;
  churnedLines: number;
  churnedEc: number;
  ecMerged: number;
  ecDurable: number;
  ecReleased: number;
  durability: string | null;
  releasedAt: Date | null;
}

const fmt = (n: number, digits = 2): string => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

/**
 * Render an explanation: the commit's classification, one row per changed line (side, line
 * number, bucket, gate, CCN, complexity, work type, bulk, weight, text), then per-file totals with
 * churn, durability and release, and the stored warehouse figures with any difference flagged.
 */
export function formatExplanation(input: {
  outcome: CommitOutcome;
  churn: readonly ChurnEvent[];
  stored: readonly StoredTotals[];
  settings: EngineSettings;
  width: number;
}): string {
  const { outcome, churn, stored, settings, width } = input;
  const c = outcome.commit;
  const out: string[] = [];
  out.push(`commit ${c.sha}  (first-parent #${c.fp_index}${c.is_merge ? ', merge: diff against first parent' : ''})`);
  out.push(`author ${c.author_name} <${c.author_email}>  merged ${c.merged_at.toISOString()}`);
  out.push(`subject ${c.subject}`);
  out.push(`work type ${c.work_type} (${c.work_type_source}) weight ${fmt(c.work_type_weight)}`);
  out.push(`authorship ${c.ai_class}${c.ai_evidence ? ` — ${c.ai_evidence}` : ''}`);
  if (c.gate_reason) out.push(`commit gate ${c.gate_reason}${c.revert_of_sha ? ` (reverts ${c.revert_of_sha})` : ''}: every line weighs 0`);
  out.push(
    `weights: ops add ${settings.ops.add} update ${settings.ops.update} delete ${settings.ops.delete} find/replace ${settings.ops.findReplace} move ${settings.ops.move} copy/paste ${settings.ops.copyPaste}; ` +
      `complexity ${settings.complexity.enabled ? `min(${settings.complexity.cap}, 1 + ${settings.complexity.factor} × log2 CCN)` : 'off'}; ` +
      `bulk ×${settings.bulk.factor} beyond ${settings.bulk.threshold} lines; window ${settings.durability.windowDays} days; phases merged ${settings.phases.merged} released ${settings.phases.released}`,
  );
  out.push('');
  const header = ['side', 'line', 'bucket', 'gate', 'ccn', 'cx', 'wt', 'bulk', 'weight', 'text'];
  const rows: string[][] = [];
  let currentPath = '';
  for (const line of outcome.lines) {
    if (line.path !== currentPath) {
      currentPath = line.path;
      rows.push([`== ${line.path}`]);
    }
    const text = line.text.length > width ? `${line.text.slice(0, width - 1)}…` : line.text;
    rows.push([
      line.side,
      String(line.line),
      line.bucket,
      line.gate ?? '',
      line.ccn === null ? '-' : String(line.ccn),
      fmt(line.complexity),
      fmt(line.workType),
      fmt(line.bulk),
      fmt(line.weight, 3),
      text.replace(/\t/g, '  '),
    ]);
  }
  out.push(...alignRows([header, ...rows]));
  out.push('');
  out.push('totals per file');
  const storedByPath = new Map(stored.map((s) => [s.path, s]));
  let total = 0;
  for (const row of outcome.effective) {
    const buckets = BUCKETS.filter((b) => row[`${b}_lines`] > 0).map((b) => `${b} ${row[`${b}_lines`]}`);
    const churned = churn.filter((e) => e.originPath === row.file_path);
    const churnedLines = churned.reduce((n, e) => n + e.lines, 0);
    const churnedEc = churned.reduce((n, e) => n + e.ec, 0);
    total += row.ec_base;
    out.push(`  ${row.file_path}  [${row.kind}, ${row.language ?? 'no language'}, ${row.stack}]`);
    out.push(`    raw +${row.lines_added} -${row.lines_deleted}; ${buckets.join(', ') || 'no lines'}`);
    out.push(
      `    op ${fmt(row.op_weighted)} → ×work type ${fmt(row.worktype_weighted)} → ×bulk ${fmt(row.bulk_weighted)} → ×complexity ec_base ${fmt(row.ec_base, 3)}; ec_merged ${fmt(row.ec_merged, 3)}`,
    );
    if (churned.length > 0) {
      for (const e of churned) out.push(`    churn: ${e.lines} lines (ec ${fmt(e.ec, 3)}) changed by ${e.churnCommitSha.slice(0, 12)} after ${fmt(e.days, 1)} days`);
    } else {
      out.push(`    churn: none within ${settings.durability.windowDays} days`);
    }
    const s = storedByPath.get(row.file_path);
    if (s) {
      const mismatch = Math.abs(s.ecBase - row.ec_base) > 1e-6 || s.churnedLines !== churnedLines || Math.abs(s.churnedEc - churnedEc) > 1e-6;
      out.push(
        `    warehouse: ${s.durability ?? 'not refreshed'}${s.releasedAt ? `, released ${s.releasedAt.toISOString().slice(0, 10)}` : ', not released'}; ` +
          `ec_merged ${fmt(s.ecMerged, 3)} ec_durable ${fmt(s.ecDurable, 3)} ec_released ${fmt(s.ecReleased, 3)}${mismatch ? '  (DIFFERS from this recomputation: run codeledger run to refresh)' : ''}`,
      );
    } else {
      out.push('    warehouse: no stored row (run codeledger run first)');
    }
  }
  out.push('');
  out.push(`commit total ec_base ${fmt(total, 3)}; ec_merged ${fmt(total * settings.phases.merged, 3)}`);
  return `${out.join('\n')}\n`;
}

function alignRows(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    if (row.length === 1) continue;
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) => (row.length === 1 ? row[0]! : row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ')));
}
