import { axisTop, max, scaleBand, scaleLinear, select } from 'd3';
import type { StackSummary } from '../../types.js';
import { appendTableDisclosure, renderDataTable } from '../components/data-table.js';
import { formatCompact, formatLines, formatPercent } from '../format.js';
import { renderLegend } from './legend.js';
import { COMPACT_WIDTH, drawAtContainerWidth } from './responsive.js';
import type { Tooltip } from './tooltip.js';

type StackMeasure = 'rawLines' | 'ecMerged' | 'ecReleased';

interface StackSeries {
  key: StackMeasure;
  csvKey: string;
  label: string;
  seriesClass: string;
}

/** The bars drawn for every stack, top to bottom. */
const STACK_SERIES: readonly StackSeries[] = [
  { key: 'rawLines', csvKey: 'raw_lines', label: 'Raw changed lines', seriesClass: 'series-raw' },
  { key: 'ecMerged', csvKey: 'ec_merged', label: 'Effective code merged', seriesClass: 'series-merged' },
  { key: 'ecReleased', csvKey: 'ec_released', label: 'Effective code released', seriesClass: 'series-released' },
];

const MARGIN = { top: 26, right: 12, bottom: 8 };
/** Rough width of one character of a value label, to decide whether it fits outside its bar. */
const VALUE_CHAR_WIDTH = 6.8;

/** A readable name for a stack id (`frontend` → `Front end`). */
const STACK_NAMES: Readonly<Record<string, string>> = {
  frontend: 'Front end',
  backend: 'Back end',
  mobile: 'Mobile',
  data: 'Data',
  infra: 'Infrastructure',
  other: 'Other',
};

/**
 * The display name of a stack.
 *
 * @example
 * stackName('frontend') // 'Front end'
 */
export function stackName(stack: string): string {
  return STACK_NAMES[stack] ?? stack;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Renders the stack split: for each stack (front end, back end, …) its raw changed lines and the
 * effective code merged and released over the window, as grouped horizontal bars, with a table.
 *
 * @example
 * renderStackChart(section, data.stacks, tooltip);
 */
export function renderStackChart(container: HTMLElement, stacks: readonly StackSummary[], tooltip: Tooltip): void {
  renderLegend(
    container,
    STACK_SERIES.map((series) => ({ label: series.label, seriesClass: series.seriesClass, shape: 'bar' as const })),
  );
  const chart = select(container).append('div').attr('class', 'chart stack-chart').node()!;
  drawAtContainerWidth(chart, (width) => drawStackChart(chart, stacks, width, tooltip));

  const details = appendTableDisclosure(container, 'Show the stack split as a table');
  renderDataTable(details.node()!, {
    caption: 'Raw and effective code per stack',
    rows: stacks,
    csvFileName: 'codeledger-stacks.csv',
    columns: [
      { key: 'stack', label: 'Stack', value: (s) => s.stack, text: (s) => stackName(s.stack) },
      { key: 'commits', label: 'Commits touching it', value: (s) => s.commits, text: (s) => formatLines(s.commits) },
      ...STACK_SERIES.map((series) => ({
        key: series.csvKey,
        label: series.label,
        value: (s: StackSummary) => s[series.key],
        text: (s: StackSummary) => formatLines(s[series.key]),
      })),
      {
        key: 'merged_ratio',
        label: 'Merged ÷ raw',
        value: (s) => ratio(s.ecMerged, s.rawLines),
        text: (s) => formatPercent(ratio(s.ecMerged, s.rawLines)),
        numeric: true,
      },
    ],
  });
}

function drawStackChart(chart: HTMLElement, stacks: readonly StackSummary[], width: number, tooltip: Tooltip): void {
  select(chart).selectAll('svg').remove();
  if (width <= 0) return;
  // Narrow screens put the stack name above its bars instead of beside them.
  const compact = width < COMPACT_WIDTH;
  const labelWidth = compact ? 0 : 150;
  const labelBand = compact ? 16 : 0;
  const barHeight = 14;
  const groupHeight = labelBand + STACK_SERIES.length * barHeight + 18;
  const innerWidth = Math.max(1, width - labelWidth - MARGIN.right);
  const innerHeight = stacks.length * groupHeight;
  const height = MARGIN.top + innerHeight + MARGIN.bottom;

  const y = scaleBand<string>()
    .domain(stacks.map((s) => s.stack))
    .range([0, innerHeight]);
  const inner = scaleBand<StackMeasure>()
    .domain(STACK_SERIES.map((series) => series.key))
    .range([labelBand + 8, groupHeight - 10])
    .paddingInner(0.15);
  const highest = max(stacks, (s) => Math.max(s.rawLines, s.ecMerged, s.ecReleased)) ?? 0;
  const x = scaleLinear()
    .domain([0, highest > 0 ? highest : 1])
    .range([0, innerWidth])
    .nice();

  const summary = stacks
    .map((s) => `${stackName(s.stack)}: ${formatLines(s.rawLines)} raw, ${formatLines(s.ecMerged)} merged, ${formatLines(s.ecReleased)} released`)
    .join('; ');
  const svg = select(chart)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', `Raw and effective lines per stack. ${summary}.`);
  const plot = svg.append('g').attr('transform', `translate(${labelWidth},${MARGIN.top})`);

  const xTicks = Math.max(2, Math.floor(innerWidth / 90));
  plot
    .append('g')
    .attr('class', 'grid')
    .call(axisTop(x).ticks(xTicks).tickSize(-innerHeight).tickFormat(() => ''))
    .call((g) => g.select('.domain').remove());
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .call(axisTop(x).ticks(xTicks).tickFormat((v) => formatCompact(Number(v))))
    .call((g) => g.select('.domain').remove());

  const group = plot
    .append('g')
    .selectAll('g')
    .data(stacks)
    .join('g')
    .attr('class', 'stack-group')
    .attr('transform', (s) => `translate(0,${y(s.stack) ?? 0})`);
  group
    .append('text')
    .attr('class', 'row-label is-total')
    .attr('x', compact ? 0 : -8)
    .attr('y', compact ? labelBand / 2 + 2 : groupHeight / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', compact ? 'start' : 'end')
    .text((s) => stackName(s.stack));
  group
    .selectAll('rect.bar')
    .data((s) => STACK_SERIES.map((series) => ({ stack: s, series })))
    .join('rect')
    .attr('class', (d) => `bar ${d.series.seriesClass}`)
    .attr('x', 0)
    .attr('y', (d) => inner(d.series.key) ?? 0)
    .attr('height', inner.bandwidth())
    .attr('width', (d) => Math.max(1, x(d.stack[d.series.key])));
  group
    .selectAll('text.value-label')
    .data((s) => STACK_SERIES.map((series) => ({ stack: s, series })))
    .join('text')
    .attr('y', (d) => (inner(d.series.key) ?? 0) + inner.bandwidth() / 2)
    .attr('dy', '0.35em')
    .each(function (d) {
      const label = formatLines(d.stack[d.series.key]);
      const end = x(d.stack[d.series.key]);
      // Outside the bar when there is room, else inside its end.
      const outside = end + 4 + label.length * VALUE_CHAR_WIDTH <= innerWidth;
      select(this)
        .attr('class', outside ? 'value-label' : `value-label is-inside${d.series.key === 'rawLines' ? ' on-light' : ''}`)
        .attr('x', outside ? end + 4 : end - 4)
        .attr('text-anchor', outside ? 'start' : 'end')
        .text(label);
    });
  group
    .append('rect')
    .attr('class', 'hover-target')
    .attr('x', -labelWidth)
    .attr('width', labelWidth + innerWidth)
    .attr('height', groupHeight)
    .on('pointerenter', (event: PointerEvent, s) =>
      tooltip.show(event, stackName(s.stack), [
        ...STACK_SERIES.map((series) => ({ label: series.label, value: formatLines(s[series.key]), seriesClass: series.seriesClass })),
        { label: 'Merged ÷ raw', value: formatPercent(ratio(s.ecMerged, s.rawLines)) },
      ]),
    )
    .on('pointermove', (event: PointerEvent) => tooltip.move(event))
    .on('pointerleave', () => tooltip.hide());
}
