import { select } from 'd3';

/** One entry of a chart legend. */
export interface LegendItem {
  label: string;
  /** CSS class giving the series its colour (shared with the chart marks). */
  seriesClass: string;
  /** How the swatch looks: a filled box for bars, a stroke for lines. */
  shape: 'bar' | 'line';
}

/**
 * Renders a legend as an HTML list above a chart (HTML wraps on narrow screens; SVG text does not).
 *
 * @example
 * renderLegend(container, [{ label: 'Raw changed lines', seriesClass: 'series-raw', shape: 'bar' }]);
 */
export function renderLegend(container: HTMLElement, items: readonly LegendItem[]): void {
  const entry = select(container)
    .append('ul')
    .attr('class', 'legend')
    .selectAll('li')
    .data(items)
    .join('li');
  entry.append('span').attr('class', (d) => `swatch swatch-${d.shape} ${d.seriesClass}`).attr('aria-hidden', 'true');
  entry.append('span').text((d) => d.label);
}
