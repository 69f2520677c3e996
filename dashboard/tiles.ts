import type { Tile, WeekFigures } from './types.js';

/** In-page anchor of the drill-down table every tile links to. */
export const WEEKLY_TABLE_ANCHOR = '#weekly-table';

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * The headline tiles: each shows the last complete week and the window total, and links to the
 * weekly table that holds the numbers behind it.
 *
 * @param lastWeek - figures of the last complete week, or null when there is no complete week yet
 * @param window - figures summed over the window
 * @param windowWeeks - the window's length, for the definitions
 * @example
 * buildTiles(weeks.at(-1) ?? null, sumWeekFigures(weeks.slice(-12)), 12)[0].key // 'ec_released'
 */
export function buildTiles(lastWeek: WeekFigures | null, window: WeekFigures, windowWeeks: number): Tile[] {
  const span = `${windowWeeks} weeks`;
  const lines = (
    key: string,
    label: string,
    pick: (figures: WeekFigures) => number,
    definition: string,
  ): Tile => ({
    key,
    label,
    format: 'lines',
    lastWeek: lastWeek ? pick(lastWeek) : null,
    window: pick(window),
    href: WEEKLY_TABLE_ANCHOR,
    definition: `${definition} Last complete week, and the total over ${span}.`,
  });

  return [
    lines(
      'ec_released',
      'Effective code released',
      (f) => f.ecReleased,
      'Effective lines that are durable and released, with the released-phase weight.',
    ),
    lines(
      'ec_durable',
      'Effective code durable',
      (f) => f.ecDurable,
      'Effective lines that survived the durability window.',
    ),
    lines(
      'ec_merged',
      'Effective code merged',
      (f) => f.ecMerged,
      'Provisional effective lines, counted when merged with the merged-phase weight.',
    ),
    lines('raw_lines', 'Raw changed lines', (f) => f.rawLines, 'Lines added plus lines deleted.'),
    {
      key: 'effective_ratio',
      label: 'Effective ÷ raw',
      format: 'ratio',
      lastWeek: lastWeek ? ratio(lastWeek.ecMerged, lastWeek.rawLines) : null,
      window: ratio(window.ecMerged, window.rawLines),
      href: WEEKLY_TABLE_ANCHOR,
      // Why merged and not released: released code of recent weeks is still pending the
      // durability window, so a released ratio for the last week would read near zero.
      definition: `Effective code merged ÷ raw changed lines. Last complete week, and over ${span}.`,
    },
  ];
}
