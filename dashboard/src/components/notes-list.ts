import { select } from 'd3';

/**
 * Renders the caveats that come with the data (incomplete week, pending durability, …).
 *
 * @example
 * renderNotesList(section, data.notes);
 */
export function renderNotesList(parent: HTMLElement, notes: readonly string[]): void {
  select(parent)
    .append('ul')
    .attr('class', 'notes')
    .selectAll('li')
    .data(notes)
    .join('li')
    .text((note) => note);
}
