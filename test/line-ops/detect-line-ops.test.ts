import { describe, expect, it } from 'vitest';
import { CopyPasteHistory } from '../../pipeline/line-ops/copy-paste-history.js';
import { DEFAULT_OPS_THRESHOLDS } from '../../pipeline/line-ops/defaults.js';
import { detectLineOps } from '../../pipeline/line-ops/detect-line-ops.js';
import { createLineScanColumns, scanLineInto, type LineScanColumns } from '../../pipeline/line-ops/line-scan.js';
import { OPS_LINE_COMMENT, OPS_LINE_KEYWORD_ONLY, type OpsFile, type OpsLine, type OpsTextHunk } from '../../pipeline/line-ops/types.js';
import { code, comment, countOps, detect, distinctLines, file, hunk, keyword } from './helpers.js';

const LONG_LINE = 'const invoiceTotal = computeInvoiceTotal(lineItems);'; // well over 20 alphanumerics

describe('no-op', () => {
  it('marks blank and whitespace-only lines on both sides as noop', () => {
    const [result] = detect([file(hunk(['', '   '], ['\t', ' \r']))]);
    expect(result!.hunks[0]).toEqual({ removed: ['noop', 'noop'], added: ['noop', 'noop'] });
  });

  it('pairs a re-indented line inside one hunk as noop on both sides', () => {
    const [result] = detect([file(hunk(['    return a  +  b;', 'x = compute();'], ['return a + b;', '\t\tx = compute();']))]);
    expect(result!.hunks[0]).toEqual({ removed: ['noop', 'noop'], added: ['noop', 'noop'] });
  });

  it('pairs occurrences in order, one removed line with one added line', () => {
    const [result] = detect([file(hunk(['  doWork(task);'], ['doWork(task);', '    doWork(task);']))]);
    expect(result!.hunks[0]!.removed).toEqual(['noop']);
    expect(result!.hunks[0]!.added).toEqual(['noop', 'add']);
  });

  it('treats a line reordered inside one hunk as noop, not as a move', () => {
    const other = 'const customerName = lookupCustomerName(customerId);';
    const [result] = detect([file(hunk([LONG_LINE, other], [other, LONG_LINE]))]);
    expect(result!.hunks[0]).toEqual({ removed: ['noop', 'noop'], added: ['noop', 'noop'] });
  });

  it('pairs the same text in large hunks (map path) like in small ones', () => {
    const removed = distinctLines('Old', 40).map((line) => `    ${line}`);
    const added = [...distinctLines('Old', 40)].reverse();
    const [result] = detect([file(hunk(removed, added))]);
    expect(countOps([result!])).toEqual({ noop: 80 });
  });

  it('treats a re-indented comment as a no-op (whitespace-only changes come first)', () => {
    const files: OpsFile[] = [
      { hunks: [{ removed: [comment('    // explain the retry policy')], added: [comment('// explain the retry policy')] }], newContent: null, hunkNewStarts: [1] },
    ];
    expect(detect(files)[0]!.hunks[0]).toEqual({ removed: ['noop'], added: ['noop'] });
  });

  it('does not pair a comment line with the same text as code (uncommenting is work)', () => {
    const files: OpsFile[] = [
      { hunks: [{ removed: [comment('registerHandler(event);')], added: [code('registerHandler(event);')] }], newContent: null, hunkNewStarts: [1] },
    ];
    const [result] = detect(files);
    expect(result!.hunks[0]).toEqual({ removed: ['comment'], added: ['add'] });
  });
});

describe('comment and trivial', () => {
  it('marks comment-only lines as comment even when they are short or long and moved', () => {
    const moved = '// Recompute every invoice total before closing the period';
    const files: OpsFile[] = [
      { hunks: [{ removed: [comment(moved)], added: [comment('//')] }], newContent: null, hunkNewStarts: [1] },
      { hunks: [{ removed: [], added: [comment(moved)] }], newContent: null, hunkNewStarts: [1] },
    ];
    const result = detect(files);
    expect(result[0]!.hunks[0]).toEqual({ removed: ['comment'], added: ['comment'] });
    expect(result[1]!.hunks[0]!.added).toEqual(['comment']);
  });

  it('gives blank precedence over the comment flag', () => {
    const files: OpsFile[] = [{ hunks: [{ removed: [], added: [comment('   ')] }], newContent: null, hunkNewStarts: [1] }];
    expect(detect(files)[0]!.hunks[0]!.added).toEqual(['noop']);
  });

  it('marks punctuation-only and keyword-only lines as trivial', () => {
    const files: OpsFile[] = [
      {
        hunks: [{ removed: [code('});')], added: [code('a+b'), keyword('} else {'), keyword('end'), code('abc')] }],
        newContent: null,
        hunkNewStarts: [1],
      },
    ];
    const [result] = detect(files);
    expect(result!.hunks[0]).toEqual({ removed: ['trivial'], added: ['trivial', 'trivial', 'trivial', 'add'] });
  });

  it('reads the trivial cut from the thresholds', () => {
    const [result] = detect([file(hunk([], ['abc', 'abcde']))], { trivialMinAlphanumeric: 5 });
    expect(result!.hunks[0]!.added).toEqual(['trivial', 'add']);
  });
});

describe('move', () => {
  it('marks a long line removed in one file and added in another as move on both sides', () => {
    const result = detect([file(hunk([LONG_LINE], [])), file(hunk([], [`    ${LONG_LINE}`]))]);
    expect(result[0]!.hunks[0]!.removed).toEqual(['move']);
    expect(result[1]!.hunks[0]!.added).toEqual(['move']);
  });

  it('re-indentation vs move: the same re-indented line is noop inside its hunk and move across hunks', () => {
    const inOneHunk = detect([file(hunk([LONG_LINE], [`\t\t${LONG_LINE}`]))]);
    expect(inOneHunk[0]!.hunks[0]).toEqual({ removed: ['noop'], added: ['noop'] });
    const acrossHunks = detect([file(hunk([LONG_LINE], []), hunk([], [`\t\t${LONG_LINE}`]))]);
    expect(acrossHunks[0]!.hunks[0]!.removed).toEqual(['move']);
    expect(acrossHunks[0]!.hunks[1]!.added).toEqual(['move']);
  });

  it('takes precedence over an update: a moved line is not paired with a similar line of its hunk', () => {
    const edited = LONG_LINE.replace('lineItems', 'lineItemsV2');
    const [result] = detect([file(hunk([LONG_LINE], [edited]), hunk([], [LONG_LINE]))]);
    expect(result!.hunks[0]).toEqual({ removed: ['move'], added: ['add'] });
    expect(result!.hunks[1]!.added).toEqual(['move']);
  });

  it('marks a long line moved between two hunks of one file as move', () => {
    const [result] = detect([file(hunk([LONG_LINE], []), hunk([], [LONG_LINE]))]);
    expect(result!.hunks[0]!.removed).toEqual(['move']);
    expect(result!.hunks[1]!.added).toEqual(['move']);
  });

  it('never moves short lines: the cut is moveMinAlphanumeric alphanumerics', () => {
    const twenty = 'abcdefghij(1234567890);'; // exactly 20 alphanumerics
    const nineteen = 'abcdefghij(123456789);';
    const result = detect([file(hunk([twenty, 'x = y + 1;'], [])), file(hunk([], ['x = y + 1;']), hunk([], [twenty]))]);
    expect(result[0]!.hunks[0]!.removed).toEqual(['move', 'delete']);
    expect(result[1]!.hunks[0]!.added).toEqual(['add']);
    expect(result[1]!.hunks[1]!.added).toEqual(['move']);

    const short = detect([file(hunk([nineteen], [])), file(hunk([], [nineteen]))]);
    expect(short[0]!.hunks[0]!.removed).toEqual(['delete']);
    expect(short[1]!.hunks[0]!.added).toEqual(['add']);
  });

  it('matches moves as a multiset: one removed line pairs with one added line', () => {
    const result = detect([file(hunk([LONG_LINE], [])), file(hunk([], [LONG_LINE])), file(hunk([], [LONG_LINE]))]);
    expect(countOps(result)).toEqual({ move: 2, add: 1 });
  });

  it('prefers move over copy/paste for a block that existed before', () => {
    const block = distinctLines('Moved', 6);
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], block))]);
    const result = detect([file(hunk(block, [])), file(hunk([], block))], {}, history);
    expect(countOps(result)).toEqual({ move: 12 });
  });
});

describe('copy/paste', () => {
  const block = distinctLines('Pasted', 5);

  it('marks an added block of 5 lines already in history as copy_paste', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], block))]);
    // Re-indented, with a blank line and a brace inside: still the same block.
    const pasted = ['  ' + block[0], block[1]!, '', block[2]!, '}', block[3]!, '\t' + block[4]];
    const [result] = detect([file(hunk([], pasted))], {}, history);
    expect(result!.hunks[0]!.added).toEqual(['copy_paste', 'copy_paste', 'noop', 'copy_paste', 'trivial', 'copy_paste', 'copy_paste']);
  });

  it('does not count a 4-line block found in history', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], block))]);
    const [result] = detect([file(hunk([], [...block.slice(0, 4), 'const unrelatedThing = somethingElse();']))], {}, history);
    expect(result!.hunks[0]!.added).toEqual(['add', 'add', 'add', 'add', 'add']);
  });

  it('marks every line of a longer block covered by known windows', () => {
    const long = distinctLines('Long', 8);
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], long))]);
    const [result] = detect([file(hunk([], ['const freshLine = brandNew();', ...long, 'const another = fresh();']))], {}, history);
    expect(result!.hunks[0]!.added).toEqual(['add', ...Array(8).fill('copy_paste'), 'add']);
  });

  it('marks the later of two copies in one commit, the first counts normally', () => {
    const result = detect([file(hunk([], block)), file(hunk([], block))]);
    expect(result[0]!.hunks[0]!.added).toEqual(Array(5).fill('add'));
    expect(result[1]!.hunks[0]!.added).toEqual(Array(5).fill('copy_paste'));
  });

  it('does not treat a run of repeated lines as a copy of itself shifted by one', () => {
    const repeated = Array<string>(6).fill('registry.register(defaultHandler);');
    expect(countOps(detect([file(hunk([], repeated))]))).toEqual({ add: 6 });
    // Ten repeats hold two non-overlapping copies of the same 5-line block.
    const ten = Array<string>(10).fill('registry.register(defaultHandler);');
    expect(detect([file(hunk([], ten))])[0]!.hunks[0]!.added).toEqual([...Array(5).fill('add'), ...Array(5).fill('copy_paste')]);
  });

  it('keeps an earlier decision for lines inside a pasted block', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], block))]);
    const files: OpsFile[] = [
      { hunks: [{ removed: [], added: block.map((text, i) => (i === 2 ? comment(text) : code(text))) }], newContent: null, hunkNewStarts: [1] },
    ];
    expect(detect(files, {}, history)[0]!.hunks[0]!.added).toEqual(['copy_paste', 'copy_paste', 'comment', 'copy_paste', 'copy_paste']);
  });

  it('finds a block assembled over two commits through the recorded context', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    const first: OpsFile = { hunks: [hunk([], block.slice(0, 3))], newContent: block.slice(0, 3), hunkNewStarts: [1] };
    history.recordCommit([first]);
    const second: OpsFile = { hunks: [hunk([], block.slice(3))], newContent: block, hunkNewStarts: [4] };
    expect(countOps(detectLineOps([second], history, DEFAULT_OPS_THRESHOLDS))).toEqual({ add: 2 });
    history.recordCommit([second]);
    const paste = detectLineOps([file(hunk([], block))], history, DEFAULT_OPS_THRESHOLDS);
    expect(countOps(paste)).toEqual({ copy_paste: 5 });
  });

  it('is not found when the pieces were recorded without file contents', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], block.slice(0, 3)))]);
    history.recordCommit([file(hunk([], block.slice(3)))]);
    expect(countOps(detectLineOps([file(hunk([], block))], history, DEFAULT_OPS_THRESHOLDS))).toEqual({ add: 5 });
  });
});

describe('update', () => {
  it('pairs a similar removed/added line in one hunk: update on the added side, update_pair on the removed', () => {
    const [result] = detect([file(hunk(['const total = price * count;'], ['const total = price * amount;']))]);
    expect(result!.hunks[0]).toEqual({ removed: ['update_pair'], added: ['update'] });
  });

  it('includes similarity exactly at the threshold and excludes just below it', () => {
    // Bigram Dice: 'abcde' vs 'abcxy' share ab, bc of 4 + 4 → 0.5; 'abcdef' vs 'abcxyz' share 2 of 5 + 5 → 0.4.
    expect(detect([file(hunk(['abcde'], ['abcxy']))])[0]!.hunks[0]).toEqual({ removed: ['update_pair'], added: ['update'] });
    expect(detect([file(hunk(['abcdef'], ['abcxyz']))])[0]!.hunks[0]).toEqual({ removed: ['delete'], added: ['add'] });
    expect(detect([file(hunk(['abcde'], ['abcxy']))], { updateSimilarity: 0.6 })[0]!.hunks[0]).toEqual({
      removed: ['delete'],
      added: ['add'],
    });
  });

  it('never pairs across hunks', () => {
    const [result] = detect([file(hunk(['const total = price * count;'], []), hunk([], ['const total = price * amount;']))]);
    expect(result!.hunks[0]!.removed).toEqual(['delete']);
    expect(result!.hunks[1]!.added).toEqual(['add']);
  });

  it('keeps pairs in order: crossing similar lines yield one update, not two', () => {
    const a = 'const firstValue = readFirst(source);';
    const b = 'let secondResult = parseSecond(buffer, 16);';
    const [result] = detect([file(hunk([a, b], [b.replace('16', '32'), a.replace('source', 'input')]))]);
    expect(countOps([result!])).toEqual({ update: 1, update_pair: 1, add: 1, delete: 1 });
  });

  it('pairs each removed line with its best match around inserted lines', () => {
    const removed = ['const alpha = loadAlpha(config);', 'const gamma = loadGamma(config);'];
    const added = ['const alpha = loadAlpha(settings);', 'const beta = brandNewFunction();', 'const gamma = loadGamma(settings);'];
    expect(detect([file(hunk(removed, added))])[0]!.hunks[0]).toEqual({
      removed: ['update_pair', 'update_pair'],
      added: ['update', 'add', 'update'],
    });
  });
});

describe('find/replace', () => {
  const renameIn = (i: number): OpsFile => file(hunk([`const user${i} = fetchUser(id${i}, fetchUser);`], [`const user${i} = loadUser(id${i}, loadUser);`]));

  it('marks the same token substitution on 5 lines across 5 files as find_replace', () => {
    const result = detect([0, 1, 2, 3, 4].map(renameIn));
    expect(countOps(result)).toEqual({ find_replace: 5, find_replace_pair: 5 });
    expect(result[0]!.hunks[0]).toEqual({ removed: ['find_replace_pair'], added: ['find_replace'] });
  });

  it('leaves the substitution on only 4 lines as updates', () => {
    expect(countOps(detect([0, 1, 2, 3].map(renameIn)))).toEqual({ update: 4, update_pair: 4 });
  });

  it('does not count updates that change more than one token toward a substitution', () => {
    const files = [0, 1, 2, 3].map(renameIn);
    files.push(file(hunk(['const user9 = fetchUser(id9, fetchUser);'], ['const user9 = loadUser(id9, other);'])));
    expect(countOps(detect(files))).toEqual({ update: 5, update_pair: 5 });
  });

  it('reads the line count from the thresholds', () => {
    expect(countOps(detect([0, 1, 2].map(renameIn), { findReplaceMinLines: 3 }))).toEqual({ find_replace: 3, find_replace_pair: 3 });
  });
});

describe('add and delete', () => {
  it('marks everything else add or delete', () => {
    const [result] = detect([file(hunk(['removeThisEntirely(now);'], ['const unrelated = somethingElse();']))]);
    expect(result!.hunks[0]).toEqual({ removed: ['delete'], added: ['add'] });
  });
});

describe('huge hunks', () => {
  it('aligns a 10,000-line rewrite along its diagonal', () => {
    const removed = Array.from({ length: 10_000 }, (_, i) => `const field${i} = record.get('field${i}', ${i});`);
    const added = removed.map((line, i) => line.replace(`, ${i})`, `, ${i + 1})`));
    const [result] = detect([file(hunk(removed, added))]);
    expect(countOps([result!])).toEqual({ update: 10_000, update_pair: 10_000 });
  });

  it('aligns a lopsided hunk exhaustively', () => {
    const removed = ['const needle = findTheNeedle(haystack);'];
    const added = [...distinctLines('Noise', 499), 'const needle = findTheNeedle(haystackLarge);'];
    const [result] = detect([file(hunk(removed, added))]);
    expect(result!.hunks[0]!.removed).toEqual(['update_pair']);
    expect(result!.hunks[0]!.added[499]).toBe('update');
    expect(countOps([result!])).toEqual({ update: 1, update_pair: 1, add: 499 });
  });
});

describe('contract', () => {
  it('returns ops in the shape of the input', () => {
    const files = [file(hunk(['a();'], ['b();', 'c();']), hunk([], [])), file()];
    const result = detect(files);
    expect(result).toHaveLength(2);
    expect(result[0]!.hunks.map((h) => [h.removed.length, h.added.length])).toEqual([
      [1, 2],
      [0, 0],
    ]);
    expect(result[1]!.hunks).toEqual([]);
  });

  it('accepts hunks as texts with flag bytes, with the same result as line objects', () => {
    const removed = ['  // old note', LONG_LINE, 'xy = 10;'];
    const added = ['// old note', 'xy = 20;', '} else {', 'fresh();'];
    const flags = (lines: string[]): Uint8Array =>
      Uint8Array.from(lines, (line) => (line.includes('//') ? OPS_LINE_COMMENT : 0) | (line.includes('else') ? OPS_LINE_KEYWORD_ONLY : 0));
    const asLine = (line: string): OpsLine => (line.includes('//') ? comment(line) : line.includes('else') ? keyword(line) : code(line));
    const asObjects = detect([file({ removed: removed.map(asLine), added: added.map(asLine) }), file(hunk([], [LONG_LINE]))]);
    const asTexts = detect([
      { hunks: [{ removed, added, removedFlags: flags(removed), addedFlags: flags(added) }], newContent: null, hunkNewStarts: [1] },
      file(hunk([], [LONG_LINE])),
    ]);
    expect(asTexts).toEqual(asObjects);
    expect(asObjects[0]!.hunks[0]).toEqual({ removed: ['noop', 'move', 'update_pair'], added: ['noop', 'update', 'trivial', 'add'] });
  });

  it('uses line scans computed ahead of time for text hunks, and rejects scans of the wrong size', () => {
    const removed = ['  total = compute(price);', LONG_LINE];
    const added = ['total = compute(price, tax);', '    x = 1;'];
    const scans = (lines: string[]): LineScanColumns => {
      const columns = createLineScanColumns(lines.length);
      lines.forEach((line, i) => scanLineInto(line, columns, i));
      return columns;
    };
    const zero = (lines: string[]): Uint8Array => new Uint8Array(lines.length);
    const hunkOf = (withScans: boolean): OpsFile => ({
      hunks: [
        {
          removed,
          added,
          removedFlags: zero(removed),
          addedFlags: zero(added),
          ...(withScans ? { removedScan: scans(removed), addedScan: scans(added) } : {}),
        },
      ],
      newContent: null,
      hunkNewStarts: [1],
    });
    expect(detect([hunkOf(true), file(hunk([], [LONG_LINE]))])).toEqual(detect([hunkOf(false), file(hunk([], [LONG_LINE]))]));
    // The scans are read, not recomputed: a scan claiming no alphanumerics makes the line trivial.
    const claimed = hunkOf(true);
    (claimed.hunks[0] as OpsTextHunk).addedScan!.alphanumerics[0] = 0;
    expect(detect([claimed])[0]!.hunks[0]!.added[0]).toBe('trivial');
    const wrong: OpsFile = { ...hunkOf(false), hunks: [{ removed, added, removedFlags: zero(removed), addedFlags: zero(added), addedScan: scans(['one']) }] };
    expect(() => detect([wrong])).toThrow(RangeError);
  });

  it('rejects invalid thresholds and a history built for other thresholds', () => {
    expect(() => detect([], { updateSimilarity: 0 })).toThrow(/updateSimilarity/);
    const history = new CopyPasteHistory({ copyPasteMinLines: 4, trivialMinAlphanumeric: 3 });
    expect(() => detectLineOps([], history, DEFAULT_OPS_THRESHOLDS)).toThrow(/copyPasteMinLines=4/);
  });
});
