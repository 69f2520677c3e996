import { select } from 'd3';

/**
 * Renders a "nothing to show" panel in place of a chart or page, so empty data reads as a state
 * and not as a broken chart.
 *
 * @example
 * renderEmptyState(section, 'No data yet', 'Run codeledger on a repository with merged commits.');
 */
export function renderEmptyState(parent: HTMLElement, title: string, message: string): void {
  const panel = select(parent).append('div').attr('class', 'empty-state').attr('role', 'status');
  panel.append('p').attr('class', 'empty-state-title').text(title);
  panel.append('p').text(message);
}
