/** Widths below this draw charts in their compact layout (phones, narrow windows). */
export const COMPACT_WIDTH = 560;

/**
 * Draws a chart at its container's width now, and again whenever that width changes, so charts
 * fit a 1280px window and a phone alike. Height changes are ignored: the chart sets its own.
 *
 * @example
 * drawAtContainerWidth(element, (width) => drawWeeklyChart(element, weeks, width));
 */
export function drawAtContainerWidth(container: HTMLElement, draw: (width: number) => void): void {
  let drawnWidth = Math.floor(container.clientWidth);
  draw(drawnWidth);
  if (typeof ResizeObserver === 'undefined') return;
  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    // Coalesce a burst of resize events into one redraw per frame.
    pending = requestAnimationFrame(() => {
      const width = Math.floor(container.clientWidth);
      if (width === drawnWidth) return;
      drawnWidth = width;
      draw(width);
    });
  }).observe(container);
}
