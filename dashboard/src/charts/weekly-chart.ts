import { axisBottom, axisLeft, line, max, scaleBand, scaleLinear, select } from 'd3';
import type { WeekRow } from '../../types.js';
import { appendTableDisclosure, renderDataTable } from '../components/data-table.js';
import { formatCompact, formatDate, formatDayMonth, formatLines, formatWeek } from '../format.js';
import { renderLegend } from './legend.js';
import { COMPACT_WIDTH, drawAtContainerWidth } from './responsive.js';
import type { Tooltip } from './tooltip.js';

type EffectiveKey = 'ecMerged' | 'ecDurable' | 'ecReleased';

interface EffectiveSeries {
  key: EffectiveKey;
  csvKey: string;
  label: string;
  seriesClass: string;
}

/** The effective-code lines drawn over the raw bars, in legend order. */
const EFFECTIVE_SERIES: readonly EffectiveSeries[] = [
  { key: 'ecMerged', csvKey: 'ec_merged', label: 'Effective code merged', seriesClass: 'series-merged' },
  { key: 'ecDurable', csvKey: 'ec_durable', label: 'Effective code durable', seriesClass: 'series-durable' },
  { key: 'ecReleased', csvKey: 'ec_released', label: 'Effective code released', seriesClass: 'series-released' },
];

const RAW_LABEL = 'Raw changed lines';
const MARGIN = { top: 12, right: 12, bottom: 30, left: 52 };
/** Horizontal room one date label needs on the x axis. */
const X_LABEL_SPACING = 76;
/** Up to this many weeks, each point of the lines gets a dot (more would clutter). */
const MAX_WEEKS_WITH_DOTS = 16;

/**
 * Renders the weekly chart: raw changed lines as bars, effective code merged, durable and released
 * as lines on the same scale (the gap between them is the point), with a legend, tooltips, and
 * the numbers as a table for screen readers.
 *
 * @example
 * renderWeeklyChart(section, data.weeks, tooltip);
 */
export function renderWeeklyChart(container: HTMLElement, weeks: readonly WeekRow[], tooltip: Tooltip): void {
  renderLegend(container, [
    { label: RAW_LABEL, seriesClass: 'series-raw', shape: 'bar' },
    ...EFFECTIVE_SERIES.map((series) => ({ label: series.label, seriesClass: series.seriesClass, shape: 'line' as const })),
  ]);
  const chart = select(container).append('div').attr('class', 'chart weekly-chart').node()!;
  drawAtContainerWidth(chart, (width) => drawWeeklyChart(chart, weeks, width, tooltip));

  const details = appendTableDisclosure(container, 'Show the chart’s numbers as a table');
  renderDataTable(details.node()!, {
    caption: 'Raw changed lines and effective code per week',
    rows: weeks,
    columns: [
      { key: 'week_start', label: 'Week', value: (w) => w.weekStart, text: (w) => formatWeek(w.weekStart) },
      { key: 'raw_lines', label: RAW_LABEL, value: (w) => w.rawLines, text: (w) => formatLines(w.rawLines) },
      ...EFFECTIVE_SERIES.map((series) => ({
        key: series.csvKey,
        label: series.label,
        value: (w: WeekRow) => w[series.key],
        text: (w: WeekRow) => formatLines(w[series.key]),
      })),
    ],
  });
}

function describe(weeks: readonly WeekRow[]): string {
  const last = weeks.at(-1)!;
  return (
    `Weekly chart of raw changed lines against effective code merged, durable and released, ` +
    `${weeks.length} weeks from ${formatDate(weeks[0]!.weekStart)} to ${formatDate(last.weekStart)}. ` +
    `Last week shown: ${formatLines(last.rawLines)} raw changed lines, ${formatLines(last.ecMerged)} effective lines merged, ` +
    `${formatLines(last.ecReleased)} released.`
  );
}

/** Tick labels: day and month, with the year on the first tick and wherever the year changes. */
function tickLabels(tickWeeks: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  let previousYear = '';
  for (const week of tickWeeks) {
    const year = week.slice(0, 4);
    labels.set(week, year === previousYear ? formatDayMonth(week) : `${formatDayMonth(week)} ${year}`);
    previousYear = year;
  }
  return labels;
}

function drawWeeklyChart(chart: HTMLElement, weeks: readonly WeekRow[], width: number, tooltip: Tooltip): void {
  select(chart).selectAll('svg').remove();
  if (width <= 0) return;
  const height = width < COMPACT_WIDTH ? 240 : 320;
  const innerWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - MARGIN.top - MARGIN.bottom;

  const x = scaleBand<string>()
    .domain(weeks.map((w) => w.weekStart))
    .range([0, innerWidth])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const highest = max(weeks, (w) => Math.max(w.rawLines, w.ecMerged, w.ecDurable, w.ecReleased)) ?? 0;
  const y = scaleLinear()
    .domain([0, highest > 0 ? highest : 1])
    .range([innerHeight, 0])
    .nice();
  const centre = (w: WeekRow): number => (x(w.weekStart) ?? 0) + x.bandwidth() / 2;

  const svg = select(chart)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', describe(weeks));
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const yTicks = Math.max(3, Math.round(innerHeight / 50));
  plot
    .append('g')
    .attr('class', 'grid')
    .call(axisLeft(y).ticks(yTicks).tickSize(-innerWidth).tickFormat(() => ''))
    .call((g) => g.select('.domain').remove());
  plot
    .append('g')
    .attr('class', 'axis axis-y')
    .call(axisLeft(y).ticks(yTicks).tickFormat((v) => formatCompact(Number(v))))
    .call((g) => g.select('.domain').remove());

  // Label every n-th week, counted back from the latest so the last complete week is always labelled.
  const labelEvery = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(innerWidth / X_LABEL_SPACING))));
  const tickWeeks = weeks.filter((_, i) => (weeks.length - 1 - i) % labelEvery === 0).map((w) => w.weekStart);
  const labels = tickLabels(tickWeeks);
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(
      axisBottom(x)
        .tickValues(tickWeeks)
        .tickFormat((week) => labels.get(week) ?? '')
        .tickSizeOuter(0),
    );

  plot
    .append('g')
    .attr('class', 'bars')
    .selectAll('rect')
    .data(weeks)
    .join('rect')
    .attr('class', 'bar series-raw')
    .attr('x', (w) => x(w.weekStart) ?? 0)
    .attr('width', x.bandwidth())
    .attr('y', (w) => y(w.rawLines))
    .attr('height', (w) => innerHeight - y(w.rawLines));

  for (const series of EFFECTIVE_SERIES) {
    const path = line<WeekRow>()
      .x(centre)
      .y((w) => y(w[series.key]));
    plot.append('path').attr('class', `series ${series.seriesClass}`).attr('d', path(weeks));
    if (weeks.length <= MAX_WEEKS_WITH_DOTS) {
      plot
        .append('g')
        .attr('class', `dots ${series.seriesClass}`)
        .selectAll('circle')
        .data(weeks)
        .join('circle')
        .attr('cx', centre)
        .attr('cy', (w) => y(w[series.key]))
        .attr('r', 3);
    }
  }

  // Transparent full-height targets, one per week, so the tooltip does not need a precise aim.
  const bars = plot.selectAll<SVGRectElement, WeekRow>('rect.bar');
  plot
    .append('g')
    .attr('class', 'hover-targets')
    .selectAll('rect')
    .data(weeks)
    .join('rect')
    .attr('x', (w) => (x(w.weekStart) ?? 0) - (x.step() - x.bandwidth()) / 2)
    .attr('width', x.step())
    .attr('y', 0)
    .attr('height', innerHeight)
    .on('pointerenter', (event: PointerEvent, week) => {
      bars.classed('is-active', (w) => w === week);
      tooltip.show(event, `Week ${formatWeek(week.weekStart)}`, [
        { label: RAW_LABEL, value: formatLines(week.rawLines), seriesClass: 'series-raw' },
        ...EFFECTIVE_SERIES.map((series) => ({
          label: series.label,
          value: formatLines(week[series.key]),
          seriesClass: series.seriesClass,
        })),
        { label: 'Commits', value: formatLines(week.commits) },
      ]);
    })
    .on('pointermove', (event: PointerEvent) => tooltip.move(event))
    .on('pointerleave', () => {
      bars.classed('is-active', false);
      tooltip.hide();
    });
}
