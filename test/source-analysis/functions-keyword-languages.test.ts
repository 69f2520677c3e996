import { describe, expect, it } from 'vitest';
import { commentLines, lines, spans } from './helpers.js';

describe('Go', () => {
  it('finds methods with receivers, generic functions and function literals', () => {
    const code = lines(
      'package main', //                                                         1
      '', //                                                                     2
      'type Server struct{ handlers map[string]func(int) error }', //            3
      '', //                                                                     4
      'func (s *Server) Handle(code int) (string, error) {', //                  5
      '\tif err := s.check(code); err != nil && code > 0 {', //                  6 if, &&
      '\t\treturn "", err', //                                                   7
      '\t}', //                                                                  8
      '\tfor _, h := range s.handlers {', //                                     9 for
      '\t\tgo func() {', //                                                      10
      '\t\t\tselect {', //                                                       11
      '\t\t\tcase <-done:', //                                                   12 case (literal)
      '\t\t\tdefault:', //                                                       13
      '\t\t\t}', //                                                              14
      '\t\t}()', //                                                              15
      '\t\t_ = h', //                                                            16
      '\t}', //                                                                  17
      '\tswitch {', //                                                           18
      '\tcase code < 100 || code > 599:', //                                     19 case, ||
      '\t\treturn "invalid", nil', //                                            20
      '\t}', //                                                                  21
      '\treturn `ok }`, nil', //                                                 22 raw string with a brace
      '}', //                                                                    23
      'func Map[T any](xs []T, f func(T) T) []T {', //                           24
      '\tfor _, x := range xs { xs = append(xs, f(x)) }', //                     25 for
      '\treturn xs', //                                                          26
      '}', //                                                                    27
    );
    expect(spans('Go', code)).toEqual([
      ['Handle', 5, 23, 6],
      ['(anonymous)', 10, 15, 2],
      ['Map', 24, 27, 2],
    ]);
  });
});

describe('Rust', () => {
  it('finds functions in impl blocks and closures; counts match arms, `?` and guards', () => {
    const code = lines(
      'use std::fmt;', //                                                    1
      '/// Parses input.', //                                                2
      "pub struct Parser<'a> { input: &'a str }", //                         3
      "impl<'a> Parser<'a> {", //                                            4
      '    pub fn parse(&self) -> Result<Vec<u8>, Error> {', //              5
      '        let bytes = self.read()?;', //                                6 ?
      '        let label = match bytes.len() {', //                          7
      '            0 => "empty",', //                                        8 arm
      '            1 | 2 => "short",', //                                    9 arm
      '            n if n > 100 => "long",', //                              10 arm, if
      '            _ => "medium",', //                                       11 catch-all
      '        };', //                                                       12
      '        let check = |b: &u8| { *b > 0 && *b < 128 };', //             13
      '        if bytes.iter().all(check) { Ok(bytes) } else { Err(Error::new(label)) }', // 14 if
      '    }', //                                                            15
      '}', //                                                                16
      "fn main() { let s = r#\"not } a brace\"#; let c = '}'; }", //         17
    );
    expect(spans('Rust', code)).toEqual([
      ['parse', 5, 15, 7],
      ['(anonymous)', 13, 13, 2],
      ['main', 17, 17, 1],
    ]);
    expect(commentLines('Rust', code)).toEqual([2]);
  });
});

describe('Kotlin', () => {
  it('counts `when` branches (not `else`), finds lambdas and expression bodies', () => {
    const code = lines(
      'class Repo(private val db: Db) : Base() {', //                        1
      '    fun find(id: Int?): User? {', //                                  2
      '        val user = db.get(id ?: return null)', //                     3 `?:` is not a decision
      '        return when {', //                                            4
      '            user == null -> null', //                                 5 branch
      '            user.active && user.verified -> user', //                 6 branch, &&
      '            else -> throw IllegalStateException("inactive")', //      7
      '        }', //                                                        8
      '    }', //                                                            9
      '    val names: List<String> get() = users.map { it.name }', //        10
      '    fun process(items: List<Int>) {', //                              11
      '        items.forEach { item ->', //                                  12
      '            if (item > 0) println("$item ${item + 1}")', //           13 if
      '        }', //                                                        14
      '        for (i in 0 until 10) { try { run(i) } catch (e: Exception) { } }', // 15 for, catch
      '    }', //                                                            16
      '    fun kind(x: Int) = when (x) {', //                                17
      '        1, 2 -> "small"', //                                          18 branch
      '        else -> "large"', //                                          19
      '    }', //                                                            20
      '}', //                                                                21
    );
    expect(spans('Kotlin', code)).toEqual([
      ['find', 2, 9, 4],
      ['get', 10, 10, 1],
      ['process', 11, 16, 3],
      ['(anonymous)', 12, 14, 2],
      ['kind', 17, 20, 2],
    ]);
  });
});

describe('Swift', () => {
  it('counts `guard`, spaced ternaries and `case`; finds initialisers, computed properties and closures', () => {
    const code = lines(
      'protocol Shape { func area() -> Double }', //                         1
      'struct Circle: Shape {', //                                          2
      '    let r: Double', //                                                3
      '    func area() -> Double {', //                                      4
      '        guard r > 0 else { return 0 }', //                            5 guard
      '        return r > 1 ? r * r * 3.14 : 0', //                          6 ?
      '    }', //                                                            7
      '    init?(radius: Double) {', //                                      8
      '        if radius < 0 || radius.isNaN { return nil }', //             9 if, ||
      '        self.r = radius', //                                          10
      '    }', //                                                            11
      '    var label: String {', //                                          12
      '        switch r {', //                                               13
      '        case 0: return "point \\(r)"', //                             14 case
      '        case let x where x < 1: return "small"', //                   15 case
      '        default: return "big"', //                                    16
      '        }', //                                                        17
      '    }', //                                                            18
      '}', //                                                                19
      'let sorted = shapes.sorted { $0.area() < stride(from: 0, to: 9, by: 1).count }', // 20 labels, not keywords
      'let size = name?.count ?? 0', //                                      21 optional chaining
    );
    expect(spans('Swift', code)).toEqual([
      ['area', 4, 7, 3],
      ['init', 8, 11, 3],
      ['(anonymous)', 12, 18, 3],
      ['(anonymous)', 20, 20, 1],
    ]);
  });
});

describe('Swift conditions', () => {
  it('keeps `if let x = y {` a control block (an `=` in a condition does not end it)', () => {
    const code = lines('func lookup(key: String) -> Int {', '    if let v = cache[key] { return v }', '    while let next = it.next() { use(next) }', '    return 0', '}');
    expect(spans('Swift', code)).toEqual([['lookup', 1, 5, 3]]);
  });
});

describe('Scala', () => {
  it('treats `def … = x match {` braces as the body and skips the catch-all case', () => {
    const code = lines(
      'object Main {', //                                          1
      '  def classify(n: Int): String = n match {', //             2
      '    case 0 => "zero"', //                                   3 case
      '    case x if x < 0 => s"negative ${x}"', //                4 case, if
      '    case _ => "positive"', //                               5
      '  }', //                                                    6
      '  def total(xs: List[Int]): Int = {', //                    7
      '    var sum = 0', //                                        8
      '    for (x <- xs) { if (x > 0 && x < 100) sum += x }', //   9 for, if, &&
      '    sum', //                                                10
      '  }', //                                                    11
      '  val doubled = List(1, 2).map { x => x * 2 }', //          12
      '}', //                                                      13
    );
    expect(spans('Scala', code)).toEqual([
      ['classify', 2, 6, 4],
      ['total', 7, 11, 4],
      ['(anonymous)', 12, 12, 1],
    ]);
  });
});

describe('Dart', () => {
  it('finds constructors with initialisers, getters, async methods and closures', () => {
    const code = lines(
      'class Point {', //                                                     1
      '  final int x, y;', //                                                 2
      '  Point(this.x, this.y) : assert(x >= 0) {', //                        3
      "    if (x > 100 || y > 100) print('big');", //                         4 if, ||
      '  }', //                                                               5
      '  Point.origin() { this.x = 0; }', //                                  6 named constructor
      '  int get sum { return x + y; }', //                                   7
      '  Future<void> save() async {', //                                     8
      '    items.forEach((item) {', //                                        9
      '      if (item != null && item.valid) store(item);', //                10 if, &&
      '    });', //                                                           11
      "    final label = x > 0 ? '\${x}' : 'neg';", //                        12 ?
      "    print(label ?? 'none');", //                                       13
      '  }', //                                                               14
      '}', //                                                                 15
    );
    expect(spans('Dart', code)).toEqual([
      ['Point', 3, 5, 3],
      ['Point.origin', 6, 6, 1],
      ['sum', 7, 7, 1],
      ['save', 8, 14, 2],
      ['(anonymous)', 9, 11, 3],
    ]);
  });
});

describe('PHP', () => {
  it('finds functions and closures, counts `elseif`, `and`, `foreach` and match arms', () => {
    const code = lines(
      '<?php', //                                                                 1
      'namespace App;', //                                                        2
      '/**', //                                                                   3
      ' * Docs.', //                                                              4
      ' */', //                                                                   5
      'final class Pricing {', //                                                 6
      '    public function price(int $qty, ?float $discount = null): float {', // 7 `?float` is nullable
      '        if ($qty <= 0 || $discount === null) {', //                         8 if, ||
      '            return 0.0;', //                                                9
      '        } elseif ($qty > 100 and $discount > 0.1) {', //                    10 elseif, and
      '            return $qty * 0.8;', //                                         11
      '        }', //                                                              12
      '        $rate = match (true) {', //                                         13
      '            $qty > 50 => 0.9,', //                                          14 arm
      '            $qty > 10 => 0.95,', //                                         15 arm
      '            default => 1.0,', //                                            16
      '        };', //                                                             17
      '        $apply = function ($x) use ($rate) { return $x ? $x * $rate : 0; };', // 18 ?
      '        foreach ([1, 2] as $i) { $rate += $i; }', //                        19 foreach
      '        return $apply($qty);', //                                           20
      '    }', //                                                                  21
      '}', //                                                                      22
    );
    expect(spans('PHP', code)).toEqual([
      ['price', 7, 21, 8],
      ['$apply', 18, 18, 2],
    ]);
    expect(commentLines('PHP', code)).toEqual([3, 4, 5]);
  });
});
