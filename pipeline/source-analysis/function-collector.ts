/**
 * Collects function spans while a finder walks the tokens: opened at their body, closed at its
 * end, with decision points added to whichever function is innermost at the time.
 */
import type { FunctionSpan } from './types.js';

/** The name given to functions without one (lambdas, closures, blocks). */
export const ANONYMOUS = '(anonymous)';

/**
 * Accumulates spans during one file's analysis.
 *
 * @example
 * const collector = new FunctionCollector();
 * const f = collector.open('main', 3);
 * collector.addDecision(f);
 * collector.close(f, 9);
 * collector.finish(20); // [{ name: 'main', startLine: 3, endLine: 9, ccn: 2 }]
 */
export class FunctionCollector {
  private readonly names: string[] = [];
  private startLines: number[] = [];
  private endLines: number[] = [];
  private ccns: number[] = [];

  /** Opens a function and returns its index. Its end is unknown until {@link close}. */
  open(name: string, startLine: number): number {
    const index = this.names.length;
    this.names.push(name);
    this.startLines.push(startLine);
    this.endLines.push(-1);
    this.ccns.push(1);
    return index;
  }

  /** Closes function `index` at `endLine`. */
  close(index: number, endLine: number): void {
    this.endLines[index] = Math.max(endLine, this.startLines[index]!);
  }

  /** Adds one decision point to function `index`; ignored for -1 (outside any function). */
  addDecision(index: number): void {
    if (index >= 0) this.ccns[index]!++;
  }

  /**
   * The spans, sorted by start line; unclosed functions end at `lastLine`. Spans starting on the
   * same line are ordered outer first (longer first, then in the order they were opened), so
   * the innermost function containing a line is the last one in order that contains it.
   */
  finish(lastLine: number): FunctionSpan[] {
    const count = this.names.length;
    const order = Array.from({ length: count }, (_, i) => i);
    const endOf = (i: number): number => (this.endLines[i]! < 0 ? Math.max(lastLine, this.startLines[i]!) : this.endLines[i]!);
    order.sort((a, b) => this.startLines[a]! - this.startLines[b]! || endOf(b) - endOf(a) || a - b);
    return order.map((i) => ({ name: this.names[i]!, startLine: this.startLines[i]!, endLine: endOf(i), ccn: this.ccns[i]! }));
  }
}
