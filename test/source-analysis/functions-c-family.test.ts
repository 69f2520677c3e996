import { describe, expect, it } from 'vitest';
import { lines, spans } from './helpers.js';

describe('C', () => {
  it('finds functions, ignores macros and struct bodies, and counts decisions', () => {
    const code = lines(
      '#include <stdio.h>', //                                  1
      '#define MAX(a, b) ((a) > (b) ? (a) : (b))', //           2 directive: ignored
      'static struct node *make_node(int value) {', //          3
      '    struct node *n = malloc(sizeof *n);', //             4
      '    if (!n) return NULL;', //                             5 if
      '    n->value = value > 0 ? value : -value;', //          6 ?
      '    return n;', //                                        7
      '}', //                                                    8
      'int main(int argc, char **argv) {', //                    9
      '    for (int i = 0; i < argc; i++) {', //                10 for
      '        switch (argv[i][0]) {', //                       11
      "        case '-': break;", //                             12 case
      "        case '{': break;", //                             13 case
      '        default: break;', //                              14
      '        }', //                                            15
      '    }', //                                                16
      '    do { argc--; } while (argc > 0 && argv);', //         17 while, &&
      '    return 0;', //                                        18
      '}', //                                                    19
      'struct point { int x, y; };', //                          20
    );
    expect(spans('C', code)).toEqual([
      ['make_node', 3, 8, 3],
      ['main', 9, 19, 6],
    ]);
  });
});

describe('C++', () => {
  it('does not count rvalue references as `&&` decisions', () => {
    const code = lines(
      'template <typename... Args>',
      'void emit(Args&&... args) {',
      '    auto&& first = get();',
      '    for (auto&& item : items) { sink(std::forward<Args&&>(args)...); }',
      '    if (first && ready) {}',
      '}',
    );
    // for, if and the one logical `&&`.
    expect(spans('C++', code)).toEqual([['emit', 2, 6, 4]]);
  });

  it('finds qualified methods, constructors with initialiser lists, lambdas, templates and operators', () => {
    const code = lines(
      'namespace geo {', //                                                   1
      'class Shape {', //                                                     2
      'public:', //                                                           3
      '    virtual ~Shape() = default;', //                                   4
      '    virtual double area() const = 0;', //                              5
      '};', //                                                                6
      'Circle::Circle(double r) : radius_(r), name_{"circle"} {', //          7
      '    if (r < 0) throw std::invalid_argument("r");', //                  8 if
      '}', //                                                                 9
      'double Circle::area() const noexcept {', //                            10
      '    auto square = [](double x) { return x * x; };', //                 11
      '    return radius_ > 0 ? 3.14 * square(radius_) : 0.0;', //            12 ?
      '}', //                                                                 13
      'template <typename T>', //                                             14
      'void apply(T&& fn, std::vector<int>& values) {', //                    15 `T&&` is a reference
      '    for (auto& v : values) { if (v && fn(v)) v = 0; }', //             16 for, if, &&
      '}', //                                                                 17
      'bool operator==(const Circle& a, const Circle& b) { return a.r == b.r; }', // 18
      'auto raw = R"(not } a brace)";', //                                    19
      '}', //                                                                 20
    );
    expect(spans('C++', code)).toEqual([
      ['Circle::Circle', 7, 9, 2],
      ['Circle::area', 10, 13, 2],
      ['(anonymous)', 11, 11, 1],
      ['apply', 15, 17, 4],
      ['operator==', 18, 18, 1],
    ]);
  });
});

describe('Objective-C', () => {
  it('finds methods and blocks', () => {
    const code = lines(
      '@implementation Greeter', //                              1
      '- (void)viewDidLoad {', //                                 2
      '    [super viewDidLoad];', //                              3
      '    dispatch_async(queue, ^{ if (self.ready) { go(); } });', // 4 block with an if
      '}', //                                                     5
      '- (int)add:(int)a to:(int)b { return a > b ? a : b; }', // 6 ?
      '@end', //                                                  7
    );
    expect(spans('Objective-C', code)).toEqual([
      ['viewDidLoad', 2, 5, 1],
      ['(anonymous)', 4, 4, 2],
      ['add', 6, 6, 2],
    ]);
  });
});

describe('Java', () => {
  it('finds methods, lambdas with bodies and methods of nested types', () => {
    const code = lines(
      'package a;', //                                                              1
      'public class Service {', //                                                  2
      '    private final Map<String, List<? extends Number>> cache = new HashMap<>();', // 3 wildcard `?`
      '    @Override', //                                                             4
      '    public synchronized String describe(int n) throws IOException {', //     5
      '        if (n > 0 && cache.isEmpty()) {', //                                   6 if, &&
      '            return "positive";', //                                            7
      '        }', //                                                                 8
      '        for (int i = 0; i < n; i++) {', //                                     9 for
      '            while (i < 3) i++;', //                                            10 while
      '        }', //                                                                 11
      '        Runnable r = () -> {', //                                              12
      '            try { run(); } catch (IllegalStateException | RuntimeException e) { log(e); }', // 13 catch
      '        };', //                                                                14
      '        switch (n) {', //                                                      15
      '            case 1 -> { return "one"; }', //                                   16 case
      '            case 2 -> { return "two"; }', //                                   17 case
      '            default -> { return n % 2 == 0 ? "even" : "odd"; }', //            18 ?
      '        }', //                                                                 19
      '    }', //                                                                     20
      '    static <T extends Comparable<T>> T max(List<T> xs) {', //                  21
      '        return xs.stream().reduce((a, b) -> a.compareTo(b) > 0 ? a : b).orElse(null);', // 22 ?
      '    }', //                                                                     23
      '    record Point(int x, int y) { }', //                                        24
      '    enum Color { RED, GREEN; boolean warm() { return this == RED; } }', //     25
      '    Object anon = new Object() { public String toString() { return "x"; } };', // 26
      '}', //                                                                         27
    );
    expect(spans('Java', code)).toEqual([
      ['describe', 5, 20, 8],
      ['r', 12, 14, 2],
      ['max', 21, 23, 2],
      ['warm', 25, 25, 1],
      ['toString', 26, 26, 1],
    ]);
  });
});

describe('C#', () => {
  it('finds accessors, constructors, methods and lambdas; counts switch-expression arms', () => {
    const code = lines(
      'namespace Shop {', //                                                              1
      '  public class Cart<T> where T : class {', //                                       2
      '    public int Count { get { return items.Count > 0 ? items.Count : 0; } }', //     3 ?
      '    public Cart(int capacity) : base() {', //                                       4
      '      foreach (var i in Enumerable.Range(0, capacity)) { }', //                     5 foreach
      '    }', //                                                                          6
      '    public string Label(int? n) {', //                                              7 `int?` is nullable
      '      var kind = n switch { 0 => "none", 1 => "one", _ => "many" };', //            8 two arms
      '      Func<int, bool> even = x => { return x % 2 == 0; };', //                      9
      '      return kind ?? "x";', //                                                      10
      '    }', //                                                                          11
      '    public string Verbatim() { return @"C:\\path\\"; }', //                         12
      '  }', //                                                                            13
      '}', //                                                                              14
    );
    expect(spans('C#', code)).toEqual([
      ['get', 3, 3, 2],
      ['Cart', 4, 6, 2],
      ['Label', 7, 11, 3],
      ['even', 9, 9, 1],
      ['Verbatim', 12, 12, 1],
    ]);
  });
});
