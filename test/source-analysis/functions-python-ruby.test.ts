import { describe, expect, it } from 'vitest';
import { commentLines, lines, spans } from './helpers.js';

describe('Python', () => {
  const code = lines(
    'import os', //                                                      1
    '', //                                                               2
    '', //                                                               3
    'class Loader:', //                                                  4
    '    """Loads things."""', //                                        5
    '', //                                                               6
    '    def __init__(self, path):', //                                  7
    '        self.path = path', //                                       8
    '', //                                                               9
    '    @property', //                                                  10
    '    def ready(self):', //                                           11
    '        return self.path is not None and os.path.exists(self.path)', // 12 and
    '', //                                                               13
    '    async def load(self, retries=3):', //                           14
    '        for attempt in range(retries):', //                         15 for
    '            try:', //                                               16
    '                return await self._read()', //                      17
    '            except (IOError, OSError):', //                         18 except
    '                if attempt == retries - 1:', //                     19 if
    '                    raise', //                                      20
    '    # a comment at a lower indentation does not end the method', // 21
    '        def helper(x):', //                                         22
    '            return [y for y in x if y] or None', //                 23 for, if, or
    '        return helper', //                                          24
    '', //                                                               25
    '', //                                                               26
    'def top(a,', //                                                     27
    'b):', //                                                            28 continuation line
    '    match a:', //                                                   29
    '        case 1:', //                                                30 case
    '            return b', //                                           31
    '        case _:', //                                                32 catch-all
    '            return a if a else b', //                               33 if
  );

  it('finds functions by indentation, including nested and async ones', () => {
    expect(spans('Python', code)).toEqual([
      ['__init__', 7, 8, 1],
      ['ready', 11, 12, 2],
      ['load', 14, 24, 4],
      ['helper', 22, 23, 4],
      ['top', 27, 33, 3],
    ]);
  });

  it('marks the class docstring and comments', () => {
    expect(commentLines('Python', code)).toEqual([5, 21]);
  });

  it('ends a one-line function on its own line and does not count `case` used as a name', () => {
    const small = lines('def f(x): return x or 1', 'case = 3', 'def g():', '    case = 1', '    return case');
    expect(spans('Python', small)).toEqual([
      ['f', 1, 1, 2],
      ['g', 3, 5, 1],
    ]);
  });

  it('counts decisions inside f-string interpolations, also with reused quotes (Python 3.12)', () => {
    const text = lines('def f(x):', '    return f"{"a" if x else "b"}"');
    expect(spans('Python', text)).toEqual([['f', 1, 2, 2]]);
  });

  it('keeps a function open across a multi-line string at column 0', () => {
    const text = lines('def f():', '    s = """', 'at column zero', '"""', '    return s', 'x = 1');
    expect(spans('Python', text)).toEqual([['f', 1, 5, 1]]);
  });
});

describe('Ruby', () => {
  const code = lines(
    'module Billing', //                                                   1
    '  class Invoice < Base', //                                           2
    '    attr_reader :total', //                                           3
    '', //                                                                 4
    '    def initialize(items)', //                                        5
    '      @items = items', //                                             6
    '    end', //                                                          7
    '', //                                                                 8
    '    def total', //                                                    9
    '      return 0 if @items.empty?', //                                  10 if (modifier)
    '      sum = 0', //                                                    11
    '      @items.each do |item|', //                                      12
    '        sum += item.price unless item.free?', //                      13 unless
    '      end', //                                                        14
    '      sum > 100 ? sum * 0.9 : sum', //                                15 ?
    '    end', //                                                          16
    '', //                                                                 17
    '    def self.parse(text)', //                                         18
    '      case text', //                                                  19
    '      when /^\\d+$/ then text.to_i', //                               20 when
    '      when "" then nil', //                                           21 when
    '      else raise ArgumentError', //                                   22
    '      end', //                                                        23
    '    rescue ArgumentError', //                                         24 rescue
    '      nil', //                                                        25
    '    end', //                                                          26
    '', //                                                                 27
    '    def valid? = @items.any? { |i| i.price > 0 && i.qty > 0 }', //    28 endless def; block: &&
    '', //                                                                 29
    '    def loop_forever', //                                             30
    '      while true do', //                                              31 while (its `do` opens nothing)
    '        if ready then break end', //                                  32 if
    '      end', //                                                        33
    '    end', //                                                          34
    '  end', //                                                            35
    'end', //                                                              36
  );

  it('finds methods and blocks closed by `end` and braces', () => {
    expect(spans('Ruby', code)).toEqual([
      ['initialize', 5, 7, 1],
      ['total', 9, 16, 3],
      ['(anonymous)', 12, 14, 2],
      ['self.parse', 18, 26, 4],
      ['(anonymous)', 28, 28, 2],
      ['loop_forever', 30, 34, 3],
    ]);
  });
});
