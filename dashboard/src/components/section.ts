import { select } from 'd3';

/** Options of {@link appendSection}. */
export interface SectionOptions {
  /** Anchor id: tiles and the page's own links point at it. */
  id: string;
  title: string;
  /** A sentence under the heading: what the reader is looking at, and over which weeks. */
  lead?: string;
  /** Extra class for layout (e.g. a grid cell). */
  className?: string;
}

/**
 * Appends a titled section (a card) and returns it, for a chart or table to render into.
 *
 * @example
 * const section = appendSection(main, { id: 'waterfall', title: 'From raw lines to effective code' });
 */
export function appendSection(parent: HTMLElement, options: SectionOptions): HTMLElement {
  const headingId = `${options.id}-heading`;
  const section = select(parent)
    .append('section')
    .attr('id', options.id)
    .attr('class', `card${options.className ? ` ${options.className}` : ''}`)
    .attr('aria-labelledby', headingId);
  section.append('h2').attr('id', headingId).text(options.title);
  if (options.lead) section.append('p').attr('class', 'lead').text(options.lead);
  return section.node()!;
}
