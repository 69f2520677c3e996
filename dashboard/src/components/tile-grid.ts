import { select } from 'd3';
import type { Tile } from '../../types.js';
import { formatLines, formatPercent } from '../format.js';

function formatTileValue(tile: Tile, value: number | null): string {
  return tile.format === 'ratio' ? formatPercent(value) : formatLines(value);
}

/**
 * Renders the headline tiles. Each tile is a link to the table with the numbers behind it (a
 * number a reader cannot trace is a number they cannot trust).
 *
 * @param windowWeeks - length of the window the tiles' second figure covers
 * @example
 * renderTileGrid(section, data.tiles, 12);
 */
export function renderTileGrid(parent: HTMLElement, tiles: readonly Tile[], windowWeeks: number): void {
  const tile = select(parent)
    .append('div')
    .attr('class', 'tiles')
    .selectAll('a')
    .data(tiles)
    .join('a')
    .attr('class', 'tile')
    .attr('href', (t) => t.href)
    .attr('data-tile', (t) => t.key)
    .attr('title', (t) => t.definition);
  tile.append('span').attr('class', 'tile-label').text((t) => t.label);
  tile.append('span').attr('class', 'tile-value').text((t) => formatTileValue(t, t.lastWeek));
  tile.append('span').attr('class', 'tile-caption').text('last complete week');
  const secondary = tile.append('span').attr('class', 'tile-secondary');
  secondary.append('span').attr('class', 'tile-window').text((t) => formatTileValue(t, t.window));
  secondary.append('span').text(` over ${windowWeeks} weeks`);
}
