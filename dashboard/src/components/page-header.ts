import { select } from 'd3';
import type { DashboardData } from '../../types.js';
import { formatDate, formatInstant, formatWeek, formatWeekEnd } from '../format.js';

/** How many repository names the header lists before summarising the rest as a count. */
const MAX_LISTED_REPOS = 4;

function repositoriesText(data: DashboardData): string {
  const names = data.repos.map((repo) => repo.name);
  if (names.length === 0) return 'none yet';
  const listed = names.slice(0, MAX_LISTED_REPOS).join(', ');
  return names.length > MAX_LISTED_REPOS ? `${names.length}: ${listed} and ${names.length - MAX_LISTED_REPOS} more` : `${names.length}: ${listed}`;
}

/**
 * Renders the page header: title, the week the headline figures describe, the weeks shown, the
 * repositories, when the data was computed and under which configuration.
 *
 * @example
 * renderPageHeader(root, data);
 */
export function renderPageHeader(parent: HTMLElement, data: DashboardData): void {
  const header = select(parent).append('header').attr('class', 'page-header');
  header.append('p').attr('class', 'brand').text('codeledger');
  header.append('h1').text('Effective code');
  header
    .append('p')
    .attr('class', 'lead')
    .text('Code merged, code that lasted, code that shipped: changed lines weighted by what they are worth, not just counted.');

  const items: [string, string, string][] = [];
  const period = data.period;
  if (period) {
    items.push(['last-week', 'Last complete week', formatWeek(period.lastCompleteWeek)]);
    items.push([
      'weeks-shown',
      'Weeks shown',
      `${period.historyWeeks} ${period.historyWeeks === 1 ? 'week' : 'weeks'} from ${formatDate(period.historyStart)} to ${formatWeekEnd(period.lastCompleteWeek)}; ` +
        `totals over the last ${period.windowWeeks} weeks, from ${formatDate(period.windowStart)}`,
    ]);
  }
  items.push(['repos', 'Repositories', repositoriesText(data)]);
  items.push(['generated', 'Generated', formatInstant(data.generatedAt)]);
  items.push(['config', 'Configuration', data.configHash]);

  const item = header
    .append('dl')
    .attr('class', 'meta')
    .selectAll('div')
    .data(items)
    .join('div')
    .attr('data-meta', (d) => d[0]);
  item.append('dt').text((d) => d[1]);
  item
    .append('dd')
    .each(function (d) {
      // The configuration hash is an identifier: shown as code so it is easy to copy and compare.
      if (d[0] === 'config') select(this).append('code').text(d[2]);
      else select(this).text(d[2]);
    });
}
