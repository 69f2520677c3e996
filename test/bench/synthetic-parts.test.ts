import { describe, expect, it } from 'vitest';
import { goWriter, javaWriter, tsxWriter, typescriptWriter } from '../../bench/synthetic/brace-code-writer.js';
import { addFunction, editStatements, reindent, rewriteFunction } from '../../bench/synthetic/code-edits.js';
import { indentOf, type CodeWriter } from '../../bench/synthetic/code-writer.js';
import { renderGeneratedGo, renderMinifiedBundle } from '../../bench/synthetic/generated-content.js';
import { LineEditor } from '../../bench/synthetic/line-editor.js';
import { pngImage } from '../../bench/synthetic/png-image.js';
import { pythonWriter } from '../../bench/synthetic/python-code-writer.js';
import { declaredName, renamedPath } from '../../bench/synthetic/refactor-actions.js';
import { SeededRandom } from '../../bench/synthetic/seeded-random.js';
import { textFile } from '../../bench/synthetic/source-file.js';
import { gerund, plural } from '../../bench/synthetic/vocabulary.js';
import { HISTORY_START_SECONDS, WorkClock } from '../../bench/synthetic/work-clock.js';

const spec = { subject: ['refund', 'policy'], role: 'source' as const, targetLines: 400, packageName: 'refundpolicy' };

function braceDepthNeverNegativeAndEndsAtZero(lines: readonly string[]): boolean {
  let depth = 0;
  for (const line of lines) {
    for (const char of line) {
      if (char === '{') depth++;
      else if (char === '}') depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

function randomEdits(writer: CodeWriter, unit: string, seed: number): string[] {
  const random = new SeededRandom(seed);
  let file = textFile(writer.language, 'source', writer.newFile(random, { ...spec, indentUnit: unit }), unit);
  for (let i = 0; i < 150; i++) {
    const editor = new LineEditor(file);
    const choice = random.int(0, 9);
    if (choice < 7) editStatements(random, editor, writer, unit);
    else if (choice < 9) addFunction(random, editor, writer, unit);
    else rewriteFunction(random, editor, writer, unit);
    file = editor.toFile();
  }
  return file.lines.slice();
}

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1_000_000));
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('draws weighted keys in proportion', () => {
    const random = new SeededRandom(1);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 4000; i++) counts[random.weighted({ a: 3, b: 1, never: 0 })]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.6);
  });
});

describe('WorkClock', () => {
  it('hands out increasing times on weekdays between 09:00 and 18:00 UTC, from 2 January 2023', () => {
    const clock = new WorkClock(new SeededRandom(5));
    let previous = HISTORY_START_SECONDS;
    for (let i = 0; i < 2000; i++) {
      const time = clock.next();
      expect(time).toBeGreaterThan(previous);
      const date = new Date(time * 1000);
      expect([0, 6]).not.toContain(date.getUTCDay());
      expect(date.getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(date.getUTCHours()).toBeLessThan(18);
      previous = time;
    }
    // A few commits per working hour: 2,000 commits take months, not years or days.
    const days = (previous - HISTORY_START_SECONDS) / 86400;
    expect(days).toBeGreaterThan(60);
    expect(days).toBeLessThan(200);
  });
});

describe.each([
  ['TypeScript', typescriptWriter, '  '],
  ['TSX', tsxWriter, '  '],
  ['Java', javaWriter, '    '],
  ['Go', goWriter, '\t'],
])('%s writer', (_name, writer, unit) => {
  it('writes balanced code that stays balanced under many edits', () => {
    const random = new SeededRandom(11);
    const fresh = writer.newFile(random, { ...spec, indentUnit: unit });
    expect(fresh.length).toBeGreaterThanOrEqual(spec.targetLines);
    expect(braceDepthNeverNegativeAndEndsAtZero(fresh)).toBe(true);
    const edited = randomEdits(writer, unit, 12);
    expect(braceDepthNeverNegativeAndEndsAtZero(edited)).toBe(true);
    expect(writer.functionRanges(edited, unit).length).toBeGreaterThan(3);
  });

  it('writes functions of very different complexity', () => {
    const random = new SeededRandom(21);
    const decisions = Array.from({ length: 300 }, () => {
      const text = writer.newFunction(random, writer.language === 'java' ? unit : '', unit).join('\n');
      return (text.match(/\b(if|for|while|case|catch)\b|&&|\|\||\?/g) ?? []).length;
    });
    expect(Math.min(...decisions)).toBeLessThanOrEqual(1);
    expect(Math.max(...decisions)).toBeGreaterThanOrEqual(12);
  });
});

describe('Python writer', () => {
  it('never leaves a block without a body after many edits', () => {
    const lines = randomEdits(pythonWriter, '    ', 31);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.endsWith(':') || lines[i]!.trimStart().startsWith('#')) continue;
      let next = i + 1;
      while (next < lines.length && lines[next] === '') next++;
      expect(indentOf(lines[next] ?? '').length, `line ${i + 1}: ${lines[i]}`).toBeGreaterThan(indentOf(lines[i]!).length);
    }
  });
});

describe('LineEditor', () => {
  it('counts the patch bytes of its hunks', () => {
    const editor = new LineEditor(textFile('typescript', 'source', ['a', 'bb', 'ccc'], '  '));
    editor.splice(1, 1, ['xx', 'yyy']);
    // -bb (4) +xx (4) +yyy (5) and one hunk header.
    expect(editor.patchBytes).toBe(4 + 4 + 5 + 48);
    expect(editor.toFile().lines).toEqual(['a', 'xx', 'yyy', 'ccc']);
  });

  it('counts only the changed region of a regenerated file', () => {
    const editor = new LineEditor(textFile('go', 'generated', ['h', 'a', 'b', 't'], '\t'));
    editor.replaceChangedRegion(['h', 'a', 'B', 'c', 't']);
    expect(editor.patchBytes).toBe(3 + 3 + 3 + 48);
  });
});

describe('helpers of the refactoring actions', () => {
  it('re-indents whitespace only', () => {
    expect(reindent(['class A {', '    int a;  ', '        if (x) {'], '    ', '  ')).toEqual(['class A {', '  int a;', '    if (x) {']);
  });

  it('names renamed files in the style of the original', () => {
    expect(renamedPath('web/src/x/order-format.ts', 'rules')).toBe('web/src/x/order-format-rules.ts');
    expect(renamedPath('web/src/x/__tests__/OrderList.test.tsx', 'item')).toBe('web/src/x/__tests__/OrderListItem.test.tsx');
    expect(renamedPath('services/billing/internal/refund/store.go', 'ledger')).toBe('services/billing/internal/refund/store_ledger.go');
  });

  it('finds the declared name in function headers of every language', () => {
    expect(declaredName('export async function loadOrder(id: string): Promise<Order> {')).toBe('loadOrder');
    expect(declaredName('export const loadOrder = (id: string): Order => {')).toBe('loadOrder');
    expect(declaredName('    public Order loadOrder(String id) {')).toBe('loadOrder');
    expect(declaredName('func (s *OrderService) LoadOrder(ctx context.Context) (*Order, error) {')).toBe('LoadOrder');
    expect(declaredName('def load_order(self, order_id):')).toBe('load_order');
  });

  it('inflects English words', () => {
    expect(['order', 'tax', 'currency', 'batch', 'day'].map(plural)).toEqual(['orders', 'taxes', 'currencies', 'batches', 'days']);
    expect(['map', 'create', 'sync', 'get'].map(gerund)).toEqual(['mapping', 'creating', 'syncing', 'getting']);
  });
});

describe('generated content', () => {
  it('writes Go from a schema with the generated-code header and a getter per field', () => {
    const go = renderGeneratedGo(['syntax = "proto3";', 'message InvoiceSummary {', '  string invoice_id = 1;', '  int64 total_count = 2;', '}'], 'billing/proto/invoice.proto', 'invoicepb');
    expect(go[0]).toBe('// Code generated by protoc-gen-go. DO NOT EDIT.');
    expect(go).toContain('func (x *InvoiceSummary) GetInvoiceId() string {');
    expect(go).toContain('func (x *InvoiceSummary) GetTotalCount() int64 {');
  });

  it('writes bundles whose lines are long enough to count as minified', () => {
    const lines = renderMinifiedBundle(new SeededRandom(2), 50_000, 'app');
    const average = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
    expect(average).toBeGreaterThan(110);
  });

  it('writes valid PNG images of the requested size', () => {
    const png = Buffer.from(pngImage(new SeededRandom(3), 24, 16));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(24);
    expect(png.readUInt32BE(20)).toBe(16);
  });
});
