import { axisTop, max, scaleLinear, select } from 'd3';
import type { WaterfallMark, WaterfallStep } from '../../types.js';
import { appendTableDisclosure, renderDataTable } from '../components/data-table.js';
import { formatCompact, formatFactor, formatLines } from '../format.js';
import { renderLegend } from './legend.js';
import { COMPACT_WIDTH, drawAtContainerWidth } from './responsive.js';
import type { Tooltip, TooltipRow } from './tooltip.js';

/** One horizontal bar of the chart: a step of the running total, or a reference mark. */
interface WaterfallBar {
  id: string;
  label: string;
  start: number;
  end: number;
  barClass: string;
  valueLabel: string;
  description: string;
  tooltipRows: TooltipRow[];
  isMark: boolean;
  /** Subtotals are drawn in bold: they are where the reader re-anchors. */
  isTotal: boolean;
}

const MARGIN = { top: 26, right: 12, bottom: 8 };
/** Vertical gap between the running total and the reference marks under it. */
const MARK_GAP = 22;
/** Rough width of one character of a value label, to decide whether it fits outside its bar. */
const CHAR_WIDTH = 6.8;

/**
 * The change a step makes, as text.
 *
 * @example
 * stepChange({ kind: 'minus', value: 120, … }) // '−120'
 */
export function stepChange(step: WaterfallStep): string {
  switch (step.kind) {
    case 'total':
      return formatLines(step.value);
    case 'minus':
      return `−${formatLines(step.value)}`;
    case 'times':
      return formatFactor(step.factor);
  }
}

function toBars(steps: readonly WaterfallStep[], marks: readonly WaterfallMark[]): WaterfallBar[] {
  const bars: WaterfallBar[] = steps.map((step) => {
    const barClass =
      step.kind === 'total'
        ? 'step step-total'
        : step.kind === 'minus'
          ? 'step step-minus'
          : step.to < step.from
            ? 'step step-times-down'
            : 'step step-times-up';
    return {
      id: step.step,
      label: step.label,
      start: Math.min(step.from, step.to),
      end: Math.max(step.from, step.to),
      barClass,
      valueLabel: step.kind === 'total' ? formatLines(step.to) : `${stepChange(step)} → ${formatLines(step.to)}`,
      description: step.description,
      tooltipRows: [
        ...(step.kind === 'total' ? [] : [{ label: 'Change', value: stepChange(step) }]),
        { label: 'Running total', value: formatLines(step.to) },
      ],
      isMark: false,
      isTotal: step.kind === 'total',
    };
  });
  for (const mark of marks) {
    bars.push({
      id: mark.key,
      label: mark.label,
      start: 0,
      end: mark.value,
      barClass: 'mark',
      valueLabel: formatLines(mark.value),
      description: mark.description,
      tooltipRows: [{ label: 'Total', value: formatLines(mark.value) }],
      isMark: true,
      isTotal: false,
    });
  }
  return bars;
}

/**
 * Renders the waterfall from raw changed lines to released effective code as horizontal bars
 * (long step names stay readable on a phone): subtotals from zero, removals and weightings as
 * floating bars joined by connectors, and the merged, durable and pending totals beneath for
 * reference. The numbers are also given as a table.
 *
 * @example
 * renderWaterfallChart(section, data.waterfall, data.waterfallMarks, tooltip);
 */
export function renderWaterfallChart(
  container: HTMLElement,
  steps: readonly WaterfallStep[],
  marks: readonly WaterfallMark[],
  tooltip: Tooltip,
): void {
  renderLegend(container, [
    { label: 'Subtotal', seriesClass: 'step-total', shape: 'bar' },
    { label: 'Lines removed', seriesClass: 'step-minus', shape: 'bar' },
    { label: 'Weight below 1', seriesClass: 'step-times-down', shape: 'bar' },
    { label: 'Weight above 1', seriesClass: 'step-times-up', shape: 'bar' },
    { label: 'Phase total, for reference', seriesClass: 'mark', shape: 'bar' },
  ]);
  const bars = toBars(steps, marks);
  const chart = select(container).append('div').attr('class', 'chart waterfall-chart').node()!;
  drawAtContainerWidth(chart, (width) => drawWaterfall(chart, bars, steps, width, tooltip));

  const details = appendTableDisclosure(container, 'Show the waterfall as a table');
  renderDataTable(details.node()!, {
    caption: 'From raw changed lines to effective code released',
    rows: steps,
    csvFileName: 'codeledger-waterfall.csv',
    columns: [
      { key: 'step', label: 'Step', value: (s) => s.step, text: (s) => s.label },
      { key: 'kind', label: 'Kind', value: (s) => s.kind },
      {
        key: 'change',
        label: 'Change',
        // The CSV gets a number: lines removed as a negative count, weightings as their factor.
        value: (s) => (s.kind === 'times' ? s.factor : s.kind === 'minus' ? -s.value : s.value),
        text: stepChange,
        numeric: true,
      },
      { key: 'running_total', label: 'Running total', value: (s) => s.to, text: (s) => formatLines(s.to) },
      { key: 'description', label: 'What it is', value: (s) => s.description },
    ],
  });
}

function describe(steps: readonly WaterfallStep[]): string {
  const first = steps[0]!;
  const last = steps.at(-1)!;
  const removed = steps.filter((s) => s.kind === 'minus');
  const largest = removed.reduce<WaterfallStep | null>((big, s) => (big === null || s.value > big.value ? s : big), null);
  return (
    `Waterfall from ${formatLines(first.value)} raw changed lines to ${formatLines(last.to)} effective lines released, ` +
    `in ${steps.length} steps.` +
    (largest && largest.value > 0 ? ` The largest removal is ${largest.label.toLowerCase()}: ${formatLines(largest.value)} lines.` : '')
  );
}

/** Row geometry: labels beside the bars on wide screens, above them on narrow ones. */
interface WaterfallLayout {
  labelWidth: number;
  rowHeight: number;
  barTop: number;
  barHeight: number;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
}

const WIDE_LAYOUT: WaterfallLayout = { labelWidth: 200, rowHeight: 26, barTop: 4, barHeight: 18, labelX: -8, labelY: 13, labelAnchor: 'end' };
const COMPACT_LAYOUT: WaterfallLayout = { labelWidth: 0, rowHeight: 38, barTop: 18, barHeight: 15, labelX: 0, labelY: 9, labelAnchor: 'start' };

function drawWaterfall(
  chart: HTMLElement,
  bars: readonly WaterfallBar[],
  steps: readonly WaterfallStep[],
  width: number,
  tooltip: Tooltip,
): void {
  select(chart).selectAll('svg').remove();
  if (width <= 0) return;
  const layout = width < COMPACT_WIDTH ? COMPACT_LAYOUT : WIDE_LAYOUT;
  const { labelWidth, rowHeight, barTop, barHeight } = layout;
  const innerWidth = Math.max(1, width - labelWidth - MARGIN.right);
  const markCount = bars.filter((bar) => bar.isMark).length;
  const innerHeight = bars.length * rowHeight + (markCount > 0 ? MARK_GAP : 0);
  const height = MARGIN.top + innerHeight + MARGIN.bottom;
  const rowTop = (index: number): number => index * rowHeight + (bars[index]!.isMark ? MARK_GAP : 0);

  const highest = max(bars, (bar) => bar.end) ?? 0;
  const x = scaleLinear()
    .domain([0, highest > 0 ? highest : 1])
    .range([0, innerWidth])
    .nice();

  const svg = select(chart)
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', describe(steps));
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

  // Connectors: the running total carries from the end of one step to the next.
  const connectors: { x: number; y1: number; y2: number }[] = [];
  for (let i = 0; i + 1 < steps.length; i += 1) {
    connectors.push({ x: x(steps[i]!.to), y1: rowTop(i) + barTop + barHeight, y2: rowTop(i + 1) + barTop });
  }
  plot
    .append('g')
    .attr('class', 'connectors')
    .selectAll('line')
    .data(connectors)
    .join('line')
    .attr('x1', (c) => c.x)
    .attr('x2', (c) => c.x)
    .attr('y1', (c) => c.y1)
    .attr('y2', (c) => c.y2);

  if (markCount > 0) {
    const firstMark = bars.findIndex((bar) => bar.isMark);
    plot
      .append('line')
      .attr('class', 'mark-separator')
      .attr('x1', -labelWidth)
      .attr('x2', innerWidth)
      .attr('y1', rowTop(firstMark) - MARK_GAP / 2)
      .attr('y2', rowTop(firstMark) - MARK_GAP / 2);
  }

  const row = plot
    .append('g')
    .attr('class', 'rows')
    .selectAll('g')
    .data(bars)
    .join('g')
    .attr('class', 'waterfall-row')
    .attr('transform', (_bar, i) => `translate(0,${rowTop(i)})`);

  row
    .append('text')
    .attr('class', (bar) => `row-label${bar.isTotal ? ' is-total' : ''}`)
    .attr('x', layout.labelX)
    .attr('y', layout.labelY)
    .attr('dy', '0.35em')
    .attr('text-anchor', layout.labelAnchor)
    .text((bar) => bar.label);

  row
    .append('rect')
    .attr('class', (bar) => bar.barClass)
    .attr('x', (bar) => x(bar.start))
    .attr('y', barTop)
    .attr('height', barHeight)
    // A zero-width bar still shows as a hairline, so an empty step reads as "nothing removed".
    .attr('width', (bar) => Math.max(1, x(bar.end) - x(bar.start)));

  row
    .append('text')
    .attr('y', barTop + barHeight / 2)
    .attr('dy', '0.35em')
    .each(function (bar) {
      const placement = placeValueLabel(x(bar.start), x(bar.end), bar.valueLabel.length * CHAR_WIDTH, innerWidth);
      select(this)
        .text(bar.valueLabel)
        .attr('class', placement.inside ? 'value-label is-inside' : 'value-label')
        .attr('x', placement.x)
        .attr('text-anchor', placement.anchor);
    });

  row
    .append('rect')
    .attr('class', 'hover-target')
    .attr('x', -labelWidth)
    .attr('width', labelWidth + innerWidth)
    .attr('height', rowHeight)
    .on('pointerenter', (event: PointerEvent, bar) => tooltip.show(event, bar.label, bar.tooltipRows, bar.description))
    .on('pointermove', (event: PointerEvent) => tooltip.move(event))
    .on('pointerleave', () => tooltip.hide());
}

/** Gap between a bar and its value label, in pixels. */
const LABEL_GAP = 6;

/**
 * Where a bar's value label goes: right of the bar when it fits, else left of it (the floating
 * bars near the right edge), else inside the bar's end.
 */
function placeValueLabel(
  start: number,
  end: number,
  labelWidth: number,
  plotWidth: number,
): { x: number; anchor: 'start' | 'end'; inside: boolean } {
  if (end + LABEL_GAP + labelWidth <= plotWidth) return { x: end + LABEL_GAP, anchor: 'start', inside: false };
  if (start - LABEL_GAP - labelWidth >= 0) return { x: start - LABEL_GAP, anchor: 'end', inside: false };
  return { x: end - LABEL_GAP, anchor: 'end', inside: true };
}
