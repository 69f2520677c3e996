/**
 * Writes Python: module functions and a class with methods, made of statements with
 * if / elif / for / while / try / and-or branches, indented by blocks rather than braces.
 */

import { bracketsBalance, includeLeadingDecorations, indentOf, type CodeWriter, type FileSpec, type LineRange } from './code-writer.js';
import type { SeededRandom } from './seeded-random.js';
import { ADJECTIVES, NOUNS, PLURAL_NOUNS, STATES, VERBS, pascalCase, sentence, snakeCase } from './vocabulary.js';

interface DecisionBudget {
  left: number;
}

const NESTING_WEIGHTS = {
  assign: 34, call: 14, log: 4, comment: 3, earlyReturn: 5, if: 12, ifElse: 7, for: 8, while: 2, try: 4, comprehension: 3,
} as const;
const FLAT_WEIGHTS = { assign: 44, call: 20, log: 6, comment: 4 } as const;

function local(random: SeededRandom): string {
  return random.chance(0.5) ? random.pick(NOUNS) : snakeCase([random.pick(ADJECTIVES), random.pick(NOUNS)]);
}

function call(random: SeededRandom): string {
  const receiver = random.pick(['', '', 'self.', 'self.client.', 'db.', 'session.']);
  const args: string[] = [];
  const count = random.int(0, 3);
  for (let i = 0; i < count; i++) args.push(local(random));
  if (random.chance(0.2)) args.push(`${random.pick(['limit', 'timeout', 'retries'])}=${random.int(1, 100)}`);
  return `${receiver}${snakeCase([random.pick(VERBS), random.pick(NOUNS)])}(${args.join(', ')})`;
}

function value(random: SeededRandom): string {
  switch (random.int(0, 6)) {
    case 0: case 1: case 2: return call(random);
    case 3: return `${local(random)}.${random.pick(NOUNS)}_id`;
    case 4: return `'${random.pick(STATES)}'`;
    case 5: return `[${random.pick(NOUNS)} for ${random.pick(NOUNS)} in ${random.pick(PLURAL_NOUNS)}]`;
    default: return String(random.int(0, 1000));
  }
}

function term(random: SeededRandom): string {
  switch (random.int(0, 4)) {
    case 0: return `${local(random)}.status == '${random.pick(STATES)}'`;
    case 1: return `len(${random.pick(PLURAL_NOUNS)}) > ${random.int(0, 10)}`;
    case 2: return `${local(random)} is not None`;
    case 3: return `not ${local(random)}`;
    default: return `${local(random)} ${random.pick(['>', '<', '>=', '<='])} ${random.int(1, 1000)}`;
  }
}

/** Python writer. */
class PythonCodeWriter implements CodeWriter {
  readonly language = 'python' as const;
  readonly defaultIndent = '    ';

  private condition(random: SeededRandom, budget: DecisionBudget): string {
    let condition = term(random);
    while (budget.left > 0 && random.chance(0.3)) {
      condition += ` ${random.chance(0.6) ? 'and' : 'or'} ${term(random)}`;
      budget.left--;
    }
    return condition;
  }

  private block(random: SeededRandom, indent: string, unit: string, depth: number, budget: DecisionBudget, out: string[]): void {
    const count = random.int(1, depth > 2 ? 2 : 4);
    for (let i = 0; i < count; i++) this.statement(random, indent, unit, depth, budget, out);
  }

  private statement(random: SeededRandom, indent: string, unit: string, depth: number, budget: DecisionBudget, out: string[]): void {
    const kind = depth < 4 && budget.left > 0 ? random.weighted(NESTING_WEIGHTS) : random.weighted(FLAT_WEIGHTS);
    const inner = indent + unit;
    switch (kind) {
      case 'assign': out.push(`${indent}${local(random)} = ${value(random)}`); return;
      case 'call': out.push(indent + call(random)); return;
      case 'log': out.push(`${indent}logger.${random.pick(['info', 'debug', 'warning'])}("${sentence(random, 2, 5).toLowerCase()}: %s", ${local(random)})`); return;
      case 'comment': out.push(`${indent}# ${sentence(random, 4, 10)}`); return;
      case 'earlyReturn':
        budget.left--;
        out.push(`${indent}if ${this.condition(random, budget)}:`, `${inner}return None`);
        return;
      case 'if':
      case 'ifElse':
        budget.left--;
        out.push(`${indent}if ${this.condition(random, budget)}:`);
        this.block(random, inner, unit, depth + 1, budget, out);
        if (kind === 'ifElse') {
          if (budget.left > 0 && random.chance(0.4)) {
            budget.left--;
            out.push(`${indent}elif ${this.condition(random, budget)}:`);
            this.block(random, inner, unit, depth + 1, budget, out);
          }
          out.push(`${indent}else:`);
          this.block(random, inner, unit, depth + 1, budget, out);
        }
        return;
      case 'for':
        budget.left--;
        out.push(`${indent}for ${random.pick(NOUNS)} in ${random.pick(PLURAL_NOUNS)}:`);
        this.block(random, inner, unit, depth + 1, budget, out);
        return;
      case 'while':
        budget.left--;
        out.push(`${indent}while ${this.condition(random, budget)}:`);
        this.block(random, inner, unit, depth + 1, budget, out);
        return;
      case 'try':
        budget.left--;
        out.push(`${indent}try:`);
        this.block(random, inner, unit, depth + 1, budget, out);
        out.push(`${indent}except ${random.pick(['KeyError', 'ValueError', 'TimeoutError', 'RuntimeError'])} as exc:`);
        out.push(`${inner}logger.warning("${random.pick(VERBS)} ${random.pick(NOUNS)} failed: %s", exc)`);
        return;
      case 'comprehension':
        budget.left--;
        out.push(`${indent}${random.pick(PLURAL_NOUNS)} = [${random.pick(NOUNS)} for ${random.pick(NOUNS)} in ${random.pick(PLURAL_NOUNS)} if ${term(random)}]`);
        return;
    }
  }

  statements(random: SeededRandom, indent: string, unit: string, count: number): string[] {
    const out: string[] = [];
    const budget: DecisionBudget = { left: random.int(0, 3) };
    for (let i = 0; i < count; i++) this.statement(random, indent, unit, 1, budget, out);
    return out;
  }

  newFunction(random: SeededRandom, indent: string, unit: string, prefix = ''): string[] {
    const name = snakeCase([random.pick(VERBS), random.chance(0.4) ? random.pick(ADJECTIVES) : random.pick(NOUNS), random.pick(NOUNS)]);
    const params: string[] = indent.length > 0 ? ['self'] : [];
    const count = random.int(0, 3);
    for (let i = 0; i < count; i++) params.push(local(random));
    const out: string[] = [];
    if (random.chance(0.15)) out.push(`${indent}@${random.pick(['retry(attempts=3)', 'cached', 'timed'])}`);
    out.push(`${indent}def ${prefix}${name}(${params.join(', ')}):`);
    const body = indent + unit;
    if (random.chance(0.4)) out.push(`${body}"""${sentence(random, 5, 12)}."""`);
    const budget: DecisionBudget = { left: Math.min(45, Math.floor(random.exponential(3.5))) };
    // Complex functions are long ones: a big decision budget comes with more statements to spend it on.
    const statementCount = budget.left >= 8 || random.chance(0.05) ? random.int(10, 24) : random.int(2, 8);
    for (let i = 0; i < statementCount; i++) this.statement(random, body, unit, 1, budget, out);
    out.push(`${body}return ${local(random)}`);
    return out;
  }

  newFile(random: SeededRandom, spec: FileSpec): string[] {
    const unit = spec.indentUnit;
    const out = [`"""${sentence(random, 4, 10)}."""`, '', 'import logging'];
    for (const module of random.sample(['datetime', 'json', 'os', 'typing', 'decimal', 'collections'], 3)) out.push(`import ${module}`);
    if (spec.role === 'test') out.push('', 'import pytest');
    out.push('', 'logger = logging.getLogger(__name__)', '');
    if (spec.role === 'test') {
      while (out.length < spec.targetLines) {
        out.push('');
        const fn = this.newFunction(random, '', unit, 'test_');
        fn.push(`${unit}assert ${local(random)} == '${random.pick(STATES)}'`);
        for (const line of fn) out.push(line);
      }
      return out;
    }
    const half = Math.floor(spec.targetLines / 2);
    while (out.length < half) {
      out.push('');
      for (const line of this.newFunction(random, '', unit)) out.push(line);
    }
    out.push('', '', `class ${pascalCase(spec.subject)}:`, `${unit}"""${sentence(random, 4, 10)}."""`);
    out.push('', `${unit}def __init__(self, client, db):`, `${unit}${unit}self.client = client`, `${unit}${unit}self.db = db`);
    while (out.length < spec.targetLines) {
      out.push('');
      for (const line of this.newFunction(random, unit, unit)) out.push(line);
    }
    return out;
  }

  functionRanges(lines: readonly string[]): LineRange[] {
    const ranges: LineRange[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const trimmed = line.trimStart();
      if (!trimmed.startsWith('def ') || !line.endsWith(':')) continue;
      const headerIndent = line.length - trimmed.length;
      let end = i;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const candidate = lines[j]!;
        if (candidate.length === 0) continue;
        if (indentOf(candidate).length <= headerIndent) break;
        end = j;
      }
      ranges.push({ start: includeLeadingDecorations(lines, i), end });
      i = end;
    }
    return ranges;
  }

  isStatement(line: string): boolean {
    const trimmed = line.trimStart();
    if (trimmed.length === 0 || trimmed.length === line.length) return false;
    if (line.endsWith(':') || trimmed.startsWith('#') || trimmed.startsWith('@') || trimmed.startsWith('"""') || trimmed.startsWith('def ')) return false;
    // A block's only statement cannot go (Python has no empty blocks); callers keep a neighbour.
    return bracketsBalance(trimmed);
  }

  appendIndex(lines: readonly string[]): number {
    return lines.length;
  }
}

/** Writer for Python. */
export const pythonWriter: CodeWriter = new PythonCodeWriter();
