import { format } from 'd3';
import { formatCsv, formatTable } from '../warehouse/format-result.js';
import type { CoverageGroup, TicketCoverageReport } from './ticket-coverage.js';

/*
 * The text and CSV forms of the ticket-coverage report that `codeledger links` prints.
 */

const percent = format('.1%');

const COLUMNS = ['merged_prs', 'prs_with_ticket', 'prs_without_ticket', 'share_without_ticket', 'bot_prs'];

/**
 * The report as text for a terminal: the totals, a table per repository (and per period when
 * asked), the links by evidence kind, and recent merged pull requests without a ticket.
 *
 * @example
 * process.stdout.write(formatTicketCoverage(await ticketCoverage(db)));
 */
export function formatTicketCoverage(report: TicketCoverageReport): string {
  const { total } = report;
  const lines: string[] = [];
  if (total.merged === 0 && total.bots === 0) {
    lines.push('No merged pull requests in the warehouse (collect a GitHub source, then run `codeledger run`).');
  } else {
    lines.push(
      `Merged pull requests: ${total.merged}${total.bots > 0 ? ` (and ${total.bots} by bots, not counted)` : ''}`,
      `  with a ticket:    ${total.withTicket}`,
      `  without a ticket: ${total.withoutTicket}${total.shareWithout === null ? '' : ` (${percent(total.shareWithout)})`}`,
      '',
      'By repository',
      formatTable({ columns: ['repository', ...COLUMNS], rows: report.byRepository.map((group) => [group.repository, ...figures(group)]) }),
    );
    if (report.period) {
      const label = report.period === 'month' ? 'month_start' : 'week_start';
      lines.push(
        `By ${report.period}`,
        formatTable({
          columns: ['repository', label, ...COLUMNS],
          rows: report.byPeriod.map((group) => [group.repository, group.period, ...figures(group)]),
        }),
      );
    }
  }
  const kinds = Object.entries(report.linksByKind);
  lines.push(`Links by evidence: ${kinds.length === 0 ? 'none' : kinds.map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  if (report.examples.length > 0) {
    lines.push('', `Recently merged without a ticket (${report.examples.length}):`);
    for (const example of report.examples) {
      const title = (example.title ?? '').replace(/\s+/g, ' ').trim();
      lines.push(`  ${example.repository}#${example.number}  ${example.mergedAt.toISOString().slice(0, 10)}  ${title}${example.author ? `  (${example.author})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The per-repository figures (or per repository and period, when the report has a period) as CSV.
 *
 * @example
 * formatTicketCoverageCsv(report).split('\n')[0]; // 'repository,merged_prs,prs_with_ticket,prs_without_ticket,share_without_ticket,bot_prs'
 */
export function formatTicketCoverageCsv(report: TicketCoverageReport): string {
  if (report.period) {
    const label = report.period === 'month' ? 'month_start' : 'week_start';
    return formatCsv({
      columns: ['repository', label, ...COLUMNS],
      rows: report.byPeriod.map((group) => [group.repository, group.period, ...figures(group)]),
    });
  }
  return formatCsv({ columns: ['repository', ...COLUMNS], rows: report.byRepository.map((group) => [group.repository, ...figures(group)]) });
}

function figures(group: CoverageGroup): unknown[] {
  return [
    group.merged,
    group.withTicket,
    group.withoutTicket,
    group.shareWithout === null ? null : Math.round(group.shareWithout * 1000) / 1000,
    group.bots,
  ];
}
