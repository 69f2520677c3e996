import { select, type Selection } from 'd3';

/** One line of a tooltip: a label, its value, and the series class for its swatch. */
export interface TooltipRow {
  label: string;
  value: string;
  seriesClass?: string;
}

/** A floating box that follows the pointer over a chart. */
export interface Tooltip {
  /** Shows the box at the pointer; `note` is an optional sentence under the rows. */
  show(event: PointerEvent, title: string, rows: readonly TooltipRow[], note?: string): void;
  move(event: PointerEvent): void;
  hide(): void;
}

/** Gap between the pointer and the box, in pixels. */
const POINTER_OFFSET = 14;

/**
 * Creates the page's tooltip (one, shared by every chart). It is hidden from assistive
 * technology: every chart has a table with the same numbers.
 *
 * @example
 * const tooltip = createTooltip(document.body);
 * bar.on('pointerenter', (event) => tooltip.show(event, 'Week of 3 Mar', [{ label: 'Raw', value: '1,024' }]));
 */
export function createTooltip(host: HTMLElement): Tooltip {
  const box: Selection<HTMLDivElement, unknown, null, undefined> = select(host)
    .append('div')
    .attr('class', 'tooltip')
    .attr('aria-hidden', 'true')
    .style('display', 'none');

  const place = (event: PointerEvent): void => {
    const node = box.node()!;
    const { innerWidth, innerHeight } = window;
    const width = node.offsetWidth;
    const height = node.offsetHeight;
    // Flip to the other side of the pointer near the window's right and bottom edges.
    let left = event.clientX + POINTER_OFFSET;
    if (left + width > innerWidth - 4) left = Math.max(4, event.clientX - POINTER_OFFSET - width);
    let top = event.clientY + POINTER_OFFSET;
    if (top + height > innerHeight - 4) top = Math.max(4, event.clientY - POINTER_OFFSET - height);
    box.style('left', `${left}px`).style('top', `${top}px`);
  };

  return {
    show(event, title, rows, note) {
      box.selectAll('*').remove();
      box.append('div').attr('class', 'tooltip-title').text(title);
      const row = box
        .append('dl')
        .selectAll('div')
        .data(rows)
        .join('div')
        .attr('class', 'tooltip-row');
      row
        .append('dt')
        .call((dt) =>
          dt
            .filter((d) => d.seriesClass !== undefined)
            .append('span')
            .attr('class', (d) => `swatch ${d.seriesClass}`),
        )
        .append('span')
        .text((d) => d.label);
      row.append('dd').text((d) => d.value);
      if (note) box.append('p').attr('class', 'tooltip-note').text(note);
      box.style('display', 'block');
      place(event);
    },
    move(event) {
      if (box.style('display') !== 'none') place(event);
    },
    hide() {
      box.style('display', 'none');
    },
  };
}
