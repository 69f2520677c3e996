import { rule, type Rule } from './rule-table.js';

/** Recorded test output: data wherever it lives. */
export const SNAPSHOT_RULES: readonly Rule[] = [
  rule(/\.snap$/, 'snapshot file (*.snap)', 'linguist'),
  rule(/(?:^|\/)__snapshots__\//, '__snapshots__/ directory'),
];

/**
 * Files that hold data by their name: tables, line-delimited JSON, logs, and message catalogs.
 * Translation catalogs count as data because translators' and translation tools' commits
 * would otherwise swamp effective code with strings that carry no logic.
 */
export const DATA_FILE_RULES: readonly Rule[] = [
  rule(/\.(?:csv|tsv|psv|jsonl|ndjson|geojson|topojson|har|arff|log|dat)$/i, 'tabular or record data file'),
  rule(/\.(?:po|pot|xlf|xliff|strings|stringsdict|arb|resx|resw)$/i, 'translation catalog'),
  rule(/(?:^|\/)res\/values(?:-[^/]+)?\/(?:strings|plurals|arrays)\.xml$/, 'Android string resources'),
  rule(/(?:^|\/)[^/]+\.lproj\//, 'Apple localisation bundle (.lproj)'),
  rule(/(?:^|\/)messages(?:_[a-z]{2,3}(?:_[A-Za-z]{2,4})?)?\.properties$/, 'Java message bundle'),
];

/**
 * Directories of test inputs, data sets and message catalogs. Only files that are not source
 * code become data here (JSON, YAML, XML, text, unknown formats); code kept in a fixtures
 * directory, such as a compiler's input programs, is test code.
 */
export const DATA_DIRECTORY_RULES: readonly Rule[] = [
  rule(
    /(?:^|\/)(?:fixtures?|__fixtures__|testdata|test[-_]data|goldens?|__data__)\/|(?:^|\/)tests?\/resources\//i,
    'test fixture directory',
    'linguist',
  ),
  rule(/(?:^|\/)(?:data|datasets?|seeds?|mocks?|mock[-_]?data|__mocks__)\//i, 'data directory'),
  rule(/(?:^|\/)(?:locales?|i18n|l10n|translations?|langs?|languages)\//i, 'message catalog directory'),
];

/**
 * Linguist languages (mostly of type `data`) whose files are content rather than something
 * people program or configure: tables, images as text, CAD and font files, recordings.
 */
export const DATA_CONTENT_LANGUAGES: ReadonlySet<string> = new Set([
  '2-Dimensional Array',
  'Adobe Font Metrics',
  'Altium Designer',
  'CSV',
  'COLLADA',
  'CoNLL-U',
  'Checksums',
  'C-ObjDump',
  'Cpp-ObjDump',
  'Cue Sheet',
  'D-ObjDump',
  'Darcs Patch',
  'Diff',
  'DirectX 3D File',
  'E-mail',
  'Eagle',
  'FIGlet Font',
  'Formatted',
  'GEDCOM',
  'Gerber Image',
  'Gettext Catalog',
  'Git Revision List',
  'Glyph Bitmap Distribution Format',
  'Godot Resource',
  'Graph Modeling Language',
  'IRC log',
  'Jest Snapshot',
  'KiCad Layout',
  'KiCad Legacy Layout',
  'KiCad Schematic',
  'LTspice Symbol',
  'Linux Kernel Module',
  'M3U',
  'MiniZinc Data',
  'NL',
  'ObjDump',
  'Object Data Instance Notation',
  'Pickle',
  'Public Key',
  'Python traceback',
  'Quartus Simulation IP',
  'Raw token data',
  'STAR',
  'STL',
  'SVG',
  'Simple File Verification',
  'Spline Font Database',
  'SubRip Text',
  'Survex data',
  'TSPLIB data',
  'TSV',
  'TextGrid',
  'Unity3D Asset',
  'WebVTT',
  'Wavefront Material',
  'Wavefront Object',
  'World of Warcraft Addon Data',
  'X BitMap',
  'X PixMap',
  'iCalendar',
  'vCard',
]);
