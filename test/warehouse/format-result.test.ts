import { describe, expect, it } from 'vitest';
import { formatCsv, formatTable } from '../../pipeline/warehouse/read-only-query.js';

const result = {
  columns: ['repo', 'commits', 'note', 'week'],
  rows: [
    ['web', 12, 'a, "quoted"\nnote', '2024-01-01'],
    ['api-gateway', 3, null, '2024-01-08'],
  ],
};

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers, shows NULL empty and counts rows', () => {
    expect(formatTable(result)).toBe(
      [
        'repo        | commits | note              | week',
        '------------+---------+-------------------+-----------',
        'web         |      12 | a, "quoted"\\nnote | 2024-01-01',
        'api-gateway |       3 |                   | 2024-01-08',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });

  it('prints the header of an empty result', () => {
    expect(formatTable({ columns: ['a'], rows: [] })).toBe('a\n-\n(0 rows)\n');
  });

  it('prints dates as ISO 8601 and objects as JSON', () => {
    const text = formatTable({ columns: ['at', 'doc'], rows: [[new Date('2024-01-01T10:00:00Z'), { k: [1] }]] });
    expect(text).toContain('2024-01-01T10:00:00.000Z | {"k":[1]}');
    expect(text).toContain('(1 row)');
  });
});

describe('formatCsv', () => {
  it('quotes what needs quoting and leaves NULL empty', () => {
    expect(formatCsv(result)).toBe('repo,commits,note,week\nweb,12,"a, ""quoted""\nnote",2024-01-01\napi-gateway,3,,2024-01-08\n');
  });

  it('writes dates as ISO 8601 and JSON values as JSON text', () => {
    expect(formatCsv({ columns: ['at', 'doc'], rows: [[new Date('2024-01-01T10:00:00Z'), ['x', 1]]] })).toBe(
      'at,doc\n2024-01-01T10:00:00.000Z,"[""x"",1]"\n',
    );
  });
});
