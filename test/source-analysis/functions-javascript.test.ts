import { describe, expect, it } from 'vitest';
import { lines, spans } from './helpers.js';

describe('TypeScript functions', () => {
  const code = lines(
    'import x from "y";', //                                         1
    'export function classify(n: number): string {', //              2
    '  if (n < 0 && n !== -1) {', //                                  3  if, &&
    '    return "negative";', //                                      4
    '  } else if (n === 0 || n === 1) {', //                          5  if, ||
    '    return "small { not a brace";', //                           6
    '  }', //                                                         7
    '  switch (n) {', //                                              8
    '    case 2: return "two";', //                                   9  case
    '    case 3: return "three";', //                                 10 case
    '    default: break;', //                                         11
    '  }', //                                                         12
    '  try { JSON.parse(s); } catch (e) { }', //                      13 catch
    '  return n > 10 ? "big" : "medium";', //                         14 ?
    '}', //                                                           15
    'class Store {', //                                               16
    '  private items = new Map<string, number>();', //                17
    '  get size(): number { return this.items.size; }', //            18
    '  add(key: string, value?: number): void {', //                  19
    '    const v = value ?? 0;', //                                   20 `??` is not a decision
    '    this.items.forEach((n, k) => {', //                          21
    '      if (k === key) this.items.set(k, n + v);', //              22 if (in the arrow)
    '    });', //                                                     23
    '    for (const k of this.items.keys()) console.log(k?.length);', // 24 for; `?.` is not a decision
    '  }', //                                                         25
    '}', //                                                           26
    'const handler = async (event) => {', //                          27
    '  while (event.next && !event.done) await event.step();', //     28 while, &&
    '};', //                                                          29
    'const obj = { method() { return 1; }, fn: function () { return x || y; } };', // 30
    'const t = `${a ? "}" : "{"}`;', //                               31 outside any function
  );

  it('finds declarations, methods, getters, arrows and function expressions with their CCN', () => {
    expect(spans('TypeScript', code)).toEqual([
      ['classify', 2, 15, 9],
      ['size', 18, 18, 1],
      ['add', 19, 25, 2],
      ['(anonymous)', 21, 23, 2],
      ['handler', 27, 29, 3],
      ['method', 30, 30, 1],
      ['fn', 30, 30, 2],
    ]);
  });

  it('reads JavaScript the same way', () => {
    const js = code.replace(': number): string', ')').replace('(key: string, value?: number): void', '(key, value)').replace('(): number', '()');
    expect(spans('JavaScript', js).map(([name, , , ccn]) => [name, ccn])).toEqual([
      ['classify', 9],
      ['size', 1],
      ['add', 2],
      ['(anonymous)', 2],
      ['handler', 3],
      ['method', 1],
      ['fn', 2],
    ]);
  });

  it('handles generic arrow functions and JSX with apostrophes in TSX', () => {
    const tsx = lines(
      'export const List = <T,>({ items }: { items: T[] }) => {', // 1
      '  return (', //                                              2
      '    <ul title="it\'s">', //                                   3
      "      {items.length === 0 ? <li>Don't panic</li> : null}", // 4  ?
      '      {items.map((item) => {', //                             5
      '        return <li key={item}>{item && "x"}</li>;', //        6  &&
      '      })}', //                                                7
      '    </ul>', //                                                8
      '  );', //                                                     9
      '};', //                                                       10
      'function after() { return 1; }', //                           11
    );
    expect(spans('TSX', tsx)).toEqual([
      ['List', 1, 10, 2],
      ['(anonymous)', 5, 7, 2],
      ['after', 11, 11, 1],
    ]);
  });

  it('reads Flow-style generic arrows in JavaScript as code, not as unclosed JSX', () => {
    const code = lines('const id = <T>(x: T): T => { return x || y; };', 'function after() { return 1; }');
    expect(spans('JavaScript', code)).toEqual([
      ['id', 1, 1, 2],
      ['after', 2, 2, 1],
    ]);
  });

  it('does not take control blocks, object literals or class bodies for functions', () => {
    const plain = lines(
      'if (ready) { go(); }',
      'for (const x of xs) { use(x); }',
      'const config = { a: { b: 1 } };',
      'class A extends mixin(B, C) { }',
      'while (x) { x--; }',
      'label: { break label; }',
    );
    expect(spans('TypeScript', plain)).toEqual([]);
  });

  it('does not take TypeScript object types and function types for bodies', () => {
    const typed = lines(
      'interface Deps {', //                                                     1
      '  classify: (input: { path: string }) => { kind: string };', //           2 a function type
      '}', //                                                                    3
      'type Handler = (event: Event) => { handled: boolean };', //               4
      'async function load(opts: { retries: number }): Promise<{ ok: boolean }> {', // 5
      '  return opts.retries > 0 ? { ok: true } : { ok: false };', //           6 ?
      '}', //                                                                    7
      'const table = { parse: (s: string) => { return s.length > 0; } };', //   8 a real arrow
      'const typed: (n: number) => number = (n) => { return n || 1; };', //     9
    );
    expect(spans('TypeScript', typed)).toEqual([
      ['load', 5, 7, 2],
      ['parse', 8, 8, 1],
      ['typed', 9, 9, 2],
    ]);
  });

  it('does not count keywords used as property names or labels', () => {
    const code = lines('function f(o) {', '  return { if: 1, for: o.catch, case: o?.while };', '}');
    expect(spans('JavaScript', code)).toEqual([['f', 1, 3, 1]]);
  });

  it('names functions assigned to variables and properties, and anonymous callbacks', () => {
    const named = lines(
      'module.exports.run = function () {', // 1
      '};', //                                 2
      'setTimeout(function () { tick(); }, 10);', // 3
      'items.map(async x => { return x; });', //    4
      'export default function () {}', //          5
    );
    expect(spans('JavaScript', named).map(([name, start]) => [name, start])).toEqual([
      ['run', 1],
      ['(anonymous)', 3],
      ['(anonymous)', 4],
      ['(anonymous)', 5],
    ]);
  });
});

describe('Vue components', () => {
  it('finds functions in the script section with file line numbers', () => {
    const vue = lines(
      '<template>', //                                    1
      '  <button @click="go">{{ a ? b : c }}</button>', // 2 template expressions are not functions
      '</template>', //                                   3
      '<script setup lang="ts">', //                      4
      'function go(n: number) {', //                      5
      '  return n > 1 ? n : 0;', //                       6
      '}', //                                             7
      '</script>', //                                     8
    );
    expect(spans('Vue', vue)).toEqual([['go', 5, 7, 2]]);
  });
});
