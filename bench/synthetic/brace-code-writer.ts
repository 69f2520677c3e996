/**
 * Writes TypeScript, JavaScript, Java and Go: functions made of real-looking statements with
 * branches (if / for / while / switch / try and && || conditions) in varying amounts, so the
 * cyclomatic complexity of generated functions spreads from 1 to 30 and beyond.
 */

import {
  bracketsBalance,
  includeLeadingDecorations,
  isAtFirstLevel,
  type CodeWriter,
  type FileSpec,
  type LineRange,
} from './code-writer.js';
import type { Language } from './source-file.js';
import type { SeededRandom } from './seeded-random.js';
import { ADJECTIVES, NOUNS, PLURAL_NOUNS, STATES, VERBS, camelCase, capitalize, pascalCase, plural, sentence } from './vocabulary.js';

/** Decision points a function may still spend; each if/loop/case/catch/&&/|| costs one. */
interface DecisionBudget {
  left: number;
}

/** Syntax of one brace language. */
interface BraceDialect {
  language: Language;
  defaultIndent: string;
  terminator: string;
  typed: boolean;
  declare(random: SeededRandom, name: string, value: string): string;
  forEach(item: string, collection: string): string;
  forIndex(index: string, limit: string): string;
  whileHead(condition: string): string;
  ifHead(condition: string): string;
  switchHead(subject: string): string;
  caseLabel(value: string): string;
  breakAfterCase: boolean;
  tryHead: string | null;
  catchHead(random: SeededRandom): string;
  equals(left: string, literal: string): string;
  lengthOf(name: string): string;
  nothing: string;
  quote(text: string): string;
  log(random: SeededRandom, message: string, name: string): string;
  comment: string;
  receiver(random: SeededRandom): string;
  method(words: readonly string[], receiver: string): string;
  typeName(random: SeededRandom): string;
  ternary: boolean;
  errorCheck: boolean;
}

function pickLocal(random: SeededRandom): string {
  return random.chance(0.5) ? random.pick(NOUNS) : camelCase([random.pick(ADJECTIVES), random.pick(NOUNS)]);
}

function pickCollection(random: SeededRandom): string {
  return random.pick(PLURAL_NOUNS);
}

const TYPESCRIPT_TYPES = ['string', 'number', 'boolean', 'string[]', 'Record<string, number>'];

function typescriptDialect(language: 'typescript' | 'tsx' | 'javascript'): BraceDialect {
  const typed = language !== 'javascript';
  return {
    language,
    defaultIndent: '  ',
    terminator: ';',
    typed,
    declare: (random, name, value) => `${random.chance(0.8) ? 'const' : 'let'} ${name} = ${value};`,
    forEach: (item, collection) => `for (const ${item} of ${collection}) {`,
    forIndex: (index, limit) => `for (let ${index} = 0; ${index} < ${limit}; ${index}++) {`,
    whileHead: (condition) => `while (${condition}) {`,
    ifHead: (condition) => `if (${condition}) {`,
    switchHead: (subject) => `switch (${subject}) {`,
    caseLabel: (value) => `case ${value}:`,
    breakAfterCase: true,
    tryHead: 'try {',
    catchHead: () => '} catch (error) {',
    equals: (left, literal) => `${left} === ${literal}`,
    lengthOf: (name) => `${name}.length`,
    nothing: 'null',
    quote: (text) => `'${text}'`,
    log: (random, message, name) => `${random.pick(['logger.info', 'logger.debug', 'console.warn'])}('${message}', ${name});`,
    comment: '//',
    receiver: (random) => random.pick(['', '', 'api.', 'store.', 'client.', 'cache.']),
    method: (words) => camelCase(words),
    typeName: (random) => (random.chance(0.5) ? random.pick(TYPESCRIPT_TYPES) : pascalCase([random.pick(NOUNS)])),
    ternary: true,
    errorCheck: false,
  };
}

const JAVA_TYPES = ['String', 'long', 'int', 'boolean', 'BigDecimal', 'Instant'];

const javaDialect: BraceDialect = {
  language: 'java',
  defaultIndent: '    ',
  terminator: ';',
  typed: true,
  declare: (random, name, value) => (random.chance(0.6) ? `var ${name} = ${value};` : `final var ${name} = ${value};`),
  forEach: (item, collection) => `for (var ${item} : ${collection}) {`,
  forIndex: (index, limit) => `for (int ${index} = 0; ${index} < ${limit}; ${index}++) {`,
  whileHead: (condition) => `while (${condition}) {`,
  ifHead: (condition) => `if (${condition}) {`,
  switchHead: (subject) => `switch (${subject}) {`,
  caseLabel: (value) => `case ${value}:`,
  breakAfterCase: true,
  tryHead: 'try {',
  catchHead: (random) => `} catch (${random.pick(['IllegalStateException', 'IOException', 'DataAccessException', 'RuntimeException'])} e) {`,
  equals: (left, literal) => (literal.startsWith('"') ? `${literal}.equals(${left})` : `${left} == ${literal}`),
  lengthOf: (name) => `${name}.size()`,
  nothing: 'null',
  quote: (text) => `"${text}"`,
  log: (random, message, name) => `log.${random.pick(['info', 'debug', 'warn'])}("${message} {}", ${name});`,
  comment: '//',
  receiver: (random) => random.pick(['', 'this.', `${random.pick(NOUNS)}Repository.`, `${random.pick(NOUNS)}Client.`]),
  method: (words) => camelCase(words),
  typeName: (random) => (random.chance(0.5) ? random.pick(JAVA_TYPES) : pascalCase([random.pick(NOUNS)])),
  ternary: true,
  errorCheck: false,
};

const GO_TYPES = ['string', 'int', 'int64', 'bool', 'float64', 'time.Time'];

const goDialect: BraceDialect = {
  language: 'go',
  defaultIndent: '\t',
  terminator: '',
  typed: true,
  declare: (_random, name, value) => `${name} := ${value}`,
  forEach: (item, collection) => `for _, ${item} := range ${collection} {`,
  forIndex: (index, limit) => `for ${index} := 0; ${index} < ${limit}; ${index}++ {`,
  whileHead: (condition) => `for ${condition} {`,
  ifHead: (condition) => `if ${condition} {`,
  switchHead: (subject) => `switch ${subject} {`,
  caseLabel: (value) => `case ${value}:`,
  breakAfterCase: false,
  tryHead: null,
  catchHead: () => '',
  equals: (left, literal) => `${left} == ${literal}`,
  lengthOf: (name) => `len(${name})`,
  nothing: 'nil',
  quote: (text) => `"${text}"`,
  log: (random, message, name) => `${random.pick(['log.Printf', 's.logger.Infof', 's.logger.Debugf'])}("${message}: %v", ${name})`,
  comment: '//',
  receiver: (random) => random.pick(['', 's.', 's.store.', 's.client.']),
  // Go exports by capital letter: package-level helpers stay lower-case, methods on s are exported.
  method: (words, receiver) => (receiver === '' ? camelCase(words) : pascalCase(words)),
  typeName: (random) => (random.chance(0.5) ? random.pick(GO_TYPES) : `*${pascalCase([random.pick(NOUNS)])}`),
  ternary: false,
  errorCheck: true,
};

/** Statement kinds and how often each is written when decisions are left. */
const NESTING_WEIGHTS = {
  declare: 30, call: 14, assign: 8, log: 4, comment: 3, earlyReturn: 5,
  if: 12, ifElse: 6, forEach: 6, forIndex: 2, while: 2, switch: 3, tryCatch: 3, ternary: 3,
} as const;

const FLAT_WEIGHTS = { declare: 40, call: 20, assign: 10, log: 6, comment: 4 } as const;

type StatementKind = keyof typeof NESTING_WEIGHTS;

/** A code writer for one brace language. */
class BraceCodeWriter implements CodeWriter {
  readonly language: Language;
  readonly defaultIndent: string;

  constructor(private readonly dialect: BraceDialect) {
    this.language = dialect.language;
    this.defaultIndent = dialect.defaultIndent;
  }

  private end(statement: string): string {
    return statement + this.dialect.terminator;
  }

  private call(random: SeededRandom): string {
    const receiver = this.dialect.receiver(random);
    const name = this.dialect.method([random.pick(VERBS), random.pick(NOUNS)], receiver);
    const argumentCount = random.int(0, 3);
    const args: string[] = [];
    for (let i = 0; i < argumentCount; i++) args.push(pickLocal(random));
    if (this.dialect.language === 'go' && receiver !== '' && random.chance(0.6)) args.unshift('ctx');
    return `${receiver}${name}(${args.join(', ')})`;
  }

  private value(random: SeededRandom): string {
    const choice = random.int(0, 9);
    if (choice < 5) return this.call(random);
    if (choice < 7) return `${pickLocal(random)}.${camelCase([random.pick(NOUNS), 'id'])}`;
    if (choice < 8) return String(random.int(0, 500));
    if (choice < 9) return this.dialect.quote(random.pick(STATES));
    return `${pickLocal(random)} ${random.pick(['+', '-', '*'])} ${random.int(1, 100)}`;
  }

  private term(random: SeededRandom): string {
    const name = pickLocal(random);
    switch (random.int(0, 5)) {
      case 0: return this.dialect.equals(`${name}.${this.dialect.language === 'java' ? 'getStatus()' : 'status'}`, this.dialect.quote(random.pick(STATES)));
      case 1: return `${this.dialect.lengthOf(pickCollection(random))} > ${random.int(0, 10)}`;
      case 2: return `${name} != ${this.dialect.nothing}`;
      case 3: return this.dialect.language === 'go' ? `!${name}.${capitalize(random.pick(ADJECTIVES))}` : `!${name}.${random.pick(ADJECTIVES)}`;
      case 4: return `${name} ${random.pick(['>', '<', '>=', '<='])} ${random.int(1, 1000)}`;
      default: return this.call(random);
    }
  }

  private condition(random: SeededRandom, budget: DecisionBudget): string {
    let condition = this.term(random);
    // Why: && and || are decision points too; chaining a few makes the complexity vary by line.
    while (budget.left > 0 && random.chance(0.3)) {
      condition += ` ${random.chance(0.6) ? '&&' : '||'} ${this.term(random)}`;
      budget.left--;
    }
    return condition;
  }

  private block(random: SeededRandom, indent: string, unit: string, depth: number, budget: DecisionBudget, out: string[]): void {
    const count = random.int(1, depth > 2 ? 2 : 4);
    for (let i = 0; i < count; i++) this.statement(random, indent, unit, depth, budget, out);
  }

  private statement(random: SeededRandom, indent: string, unit: string, depth: number, budget: DecisionBudget, out: string[]): void {
    const d = this.dialect;
    const canNest = depth < 4 && budget.left > 0;
    const kind: StatementKind = canNest ? random.weighted(NESTING_WEIGHTS) : random.weighted(FLAT_WEIGHTS);
    const inner = indent + unit;
    switch (kind) {
      case 'declare': {
        const name = pickLocal(random);
        if (d.errorCheck && random.chance(0.35)) {
          out.push(`${indent}${name}, err := ${this.call(random)}`);
          out.push(`${indent}if err != nil {`);
          out.push(`${inner}return nil, fmt.Errorf("${random.pick(VERBS)} ${random.pick(NOUNS)}: %w", err)`);
          out.push(`${indent}}`);
          if (budget.left > 0) budget.left--;
        } else {
          out.push(indent + d.declare(random, name, this.value(random)));
        }
        return;
      }
      case 'call': out.push(indent + this.end(this.call(random))); return;
      case 'assign': out.push(indent + this.end(`${pickLocal(random)} = ${this.value(random)}`)); return;
      case 'log': out.push(indent + d.log(random, sentence(random, 2, 5).toLowerCase(), pickLocal(random))); return;
      case 'comment': out.push(`${indent}${d.comment} ${sentence(random, 4, 10)}${random.chance(0.02) ? ' (prices in €, see café rules)' : ''}`); return;
      case 'earlyReturn':
        budget.left--;
        out.push(indent + d.ifHead(this.condition(random, budget)));
        out.push(inner + this.end(`return ${d.language === 'go' ? 'nil, nil' : d.nothing}`));
        out.push(`${indent}}`);
        return;
      case 'if':
      case 'ifElse':
        budget.left--;
        out.push(indent + d.ifHead(this.condition(random, budget)));
        this.block(random, inner, unit, depth + 1, budget, out);
        if (kind === 'ifElse') {
          if (budget.left > 0 && random.chance(0.4)) {
            budget.left--;
            out.push(`${indent}} else ${d.ifHead(this.condition(random, budget))}`);
            this.block(random, inner, unit, depth + 1, budget, out);
          }
          out.push(`${indent}} else {`);
          this.block(random, inner, unit, depth + 1, budget, out);
        }
        out.push(`${indent}}`);
        return;
      case 'forEach':
        budget.left--;
        out.push(indent + d.forEach(random.pick(NOUNS), pickCollection(random)));
        this.block(random, inner, unit, depth + 1, budget, out);
        out.push(`${indent}}`);
        return;
      case 'forIndex':
        budget.left--;
        out.push(indent + d.forIndex('i', d.lengthOf(pickCollection(random))));
        this.block(random, inner, unit, depth + 1, budget, out);
        out.push(`${indent}}`);
        return;
      case 'while':
        budget.left--;
        out.push(indent + d.whileHead(this.condition(random, budget)));
        this.block(random, inner, unit, depth + 1, budget, out);
        out.push(`${indent}}`);
        return;
      case 'switch': {
        out.push(indent + d.switchHead(`${pickLocal(random)}.${d.language === 'java' ? 'getStatus()' : 'status'}`));
        const cases = Math.max(1, Math.min(budget.left, random.int(2, 5)));
        const labels = random.sample(STATES, cases);
        for (const label of labels) {
          budget.left--;
          out.push(inner + d.caseLabel(d.quote(label)));
          this.block(random, inner + unit, unit, depth + 2, budget, out);
          if (d.breakAfterCase) out.push(`${inner}${unit}break;`);
        }
        out.push(`${inner}default:`);
        out.push(inner + unit + this.end(this.call(random)));
        if (d.breakAfterCase) out.push(`${inner}${unit}break;`);
        out.push(`${indent}}`);
        return;
      }
      case 'tryCatch':
        if (d.tryHead === null) {
          this.statement(random, indent, unit, depth, budget, out);
          return;
        }
        budget.left--;
        out.push(indent + d.tryHead);
        this.block(random, inner, unit, depth + 1, budget, out);
        out.push(indent + d.catchHead(random));
        out.push(inner + d.log(random, `${random.pick(VERBS)} ${random.pick(NOUNS)} failed`, d.language === 'java' ? 'e.getMessage()' : 'error'));
        out.push(`${indent}}`);
        return;
      case 'ternary':
        if (!d.ternary) {
          out.push(indent + d.declare(random, pickLocal(random), this.value(random)));
          return;
        }
        budget.left--;
        out.push(indent + d.declare(random, pickLocal(random), `${this.term(random)} ? ${this.value(random)} : ${this.value(random)}`));
        return;
    }
  }

  statements(random: SeededRandom, indent: string, unit: string, count: number): string[] {
    const out: string[] = [];
    const budget: DecisionBudget = { left: random.int(0, 3) };
    for (let i = 0; i < count; i++) this.statement(random, indent, unit, 1, budget, out);
    return out;
  }

  private parameters(random: SeededRandom): string {
    const count = random.int(0, 3);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = pickLocal(random);
      const type = this.dialect.typeName(random);
      if (!this.dialect.typed) parts.push(name);
      else if (this.dialect.language === 'java') parts.push(`${type} ${name}`);
      else if (this.dialect.language === 'go') parts.push(`${name} ${type}`);
      else parts.push(`${name}: ${type}`);
    }
    if (this.dialect.language === 'go' && random.chance(0.6)) parts.unshift('ctx context.Context');
    return parts.join(', ');
  }

  private header(random: SeededRandom, indent: string, name: string): { open: string; close: string } {
    const d = this.dialect;
    const params = this.parameters(random);
    if (d.language === 'java') {
      const visibility = random.pick(['public', 'public', 'private', 'protected']);
      const returns = random.chance(0.2) ? 'void' : d.typeName(random);
      return { open: `${indent}${visibility} ${returns} ${name}(${params}) {`, close: `${indent}}` };
    }
    if (d.language === 'go') {
      const returns = `(${d.typeName(random)}, error)`;
      if (random.chance(0.6)) {
        const receiverType = pascalCase([random.pick(NOUNS), 'service']);
        return { open: `func (s *${receiverType}) ${capitalize(name)}(${params}) ${returns} {`, close: '}' };
      }
      return { open: `func ${name}(${params}) ${returns} {`, close: '}' };
    }
    if (!d.typed) return { open: `function ${name}(${params}) {`, close: '}' };
    const returns = d.typeName(random);
    switch (random.int(0, 4)) {
      case 0: return { open: `export async function ${name}(${params}): Promise<${returns}> {`, close: '}' };
      case 1: return { open: `function ${name}(${params}): ${returns} {`, close: '}' };
      case 2: return { open: `export const ${name} = (${params}): ${returns} => {`, close: '};' };
      default: return { open: `export function ${name}(${params}): ${returns} {`, close: '}' };
    }
  }

  newFunction(random: SeededRandom, indent: string, unit: string): string[] {
    const d = this.dialect;
    const name = camelCase([random.pick(VERBS), random.chance(0.4) ? random.pick(ADJECTIVES) : random.pick(NOUNS), random.pick(NOUNS)]);
    const out: string[] = [];
    if (random.chance(0.3)) {
      if (d.language === 'go') out.push(`// ${capitalize(name)} ${sentence(random, 4, 12).toLowerCase()}.`);
      else out.push(`${indent}/**`, `${indent} * ${sentence(random, 5, 14)}.`, `${indent} */`);
    }
    if (d.language === 'java' && random.chance(0.2)) out.push(`${indent}@Transactional`);
    const { open, close } = this.header(random, indent, name);
    out.push(open);
    // Complexity per function is heavy-tailed: most small, a few with dozens of decisions.
    const budget: DecisionBudget = { left: Math.min(45, Math.floor(random.exponential(3.5))) };
    const body = indent + unit;
    // Complex functions are long ones: a big decision budget comes with more statements to spend it on.
    const statementCount = budget.left >= 8 || random.chance(0.05) ? random.int(10, 24) : random.int(2, 8);
    for (let i = 0; i < statementCount; i++) this.statement(random, body, unit, 1, budget, out);
    out.push(body + this.end(`return ${d.language === 'go' ? `${pickLocal(random)}, nil` : pickLocal(random)}`));
    out.push(close);
    return out;
  }

  private testFunction(random: SeededRandom, unit: string): string[] {
    const d = this.dialect;
    const subject = camelCase([random.pick(VERBS), random.pick(NOUNS)]);
    const out: string[] = [];
    let body: string;
    if (d.language === 'java') {
      out.push(`${unit}@Test`, `${unit}void ${subject}${pascalCase([random.pick(ADJECTIVES), random.pick(STATES)])}() {`);
      body = unit + unit;
    } else if (d.language === 'go') {
      out.push(`func Test${pascalCase([random.pick(VERBS), random.pick(NOUNS), random.pick(STATES)])}(t *testing.T) {`);
      body = unit;
    } else {
      out.push(`test('${plural(random.pick(VERBS))} ${random.pick(ADJECTIVES)} ${random.pick(PLURAL_NOUNS)} when ${random.pick(STATES)}', () => {`);
      body = unit;
    }
    const budget: DecisionBudget = { left: random.int(0, 2) };
    const count = random.int(2, 7);
    for (let i = 0; i < count; i++) this.statement(random, body, unit, 2, budget, out);
    const actual = pickLocal(random);
    const expected = d.quote(random.pick(STATES));
    if (d.language === 'java') out.push(`${body}assertEquals(${expected}, ${actual}.getStatus());`, `${unit}}`);
    else if (d.language === 'go') {
      out.push(`${body}if got := ${actual}.Status; got != ${expected} {`, `${body}${unit}t.Errorf("status = %q, want %q", got, ${expected})`, `${body}}`, '}');
    } else out.push(`${body}expect(${actual}.status).toBe(${expected});`, '});');
    return out;
  }

  newFile(random: SeededRandom, spec: FileSpec): string[] {
    const d = this.dialect;
    const unit = spec.indentUnit;
    const out: string[] = [];
    const typeName = pascalCase(spec.subject);
    const addFunctions = (indent: string): void => {
      while (out.length < spec.targetLines) {
        out.push('');
        const fn = spec.role === 'test' ? this.testFunction(random, unit) : this.newFunction(random, indent, unit);
        for (const line of fn) out.push(line);
      }
    };
    if (d.language === 'java') {
      out.push(`package ${spec.packageName};`, '');
      for (const imported of random.sample(['java.util.List', 'java.util.Map', 'java.util.Optional', 'java.math.BigDecimal', 'java.time.Instant', 'org.slf4j.Logger'], 4)) out.push(`import ${imported};`);
      if (spec.role === 'test') out.push('import org.junit.jupiter.api.Test;', 'import static org.junit.jupiter.api.Assertions.assertEquals;');
      out.push('');
      if (spec.role === 'test') out.push(`class ${typeName}Test {`);
      else {
        out.push('/**', ` * ${sentence(random, 6, 14)}.`, ' */', `public class ${typeName} {`);
        out.push(`${unit}private static final Logger log = LoggerFactory.getLogger(${typeName}.class);`);
        for (const noun of random.sample(NOUNS, random.int(1, 3))) out.push(`${unit}private final ${pascalCase([noun, 'repository'])} ${camelCase([noun, 'repository'])};`);
      }
      addFunctions(unit);
      out.push('}');
      return out;
    }
    if (d.language === 'go') {
      out.push(`package ${spec.packageName}`, '', 'import (');
      const imports = spec.role === 'test' ? ['"testing"'] : ['"context"', '"fmt"', '"log"', '"time"'];
      for (const imported of imports) out.push(`\t${imported}`);
      out.push(')', '');
      if (spec.role !== 'test') {
        out.push(`// ${typeName}Service ${sentence(random, 4, 10).toLowerCase()}.`, `type ${typeName}Service struct {`);
        for (const noun of random.sample(NOUNS, random.int(2, 4))) out.push(`\t${noun} ${pascalCase([noun, 'store'])}`);
        out.push('}');
      }
      addFunctions('');
      return out;
    }
    // TypeScript / JavaScript
    for (const noun of random.sample(NOUNS, random.int(1, 4))) {
      const fn = camelCase([random.pick(VERBS), noun]);
      out.push(d.typed ? `import { ${fn} } from '../${noun}/${noun}-api';` : `const { ${fn} } = require('./${noun}');`);
    }
    if (spec.role === 'test') out.push("import { describe, expect, test } from 'vitest';");
    if (d.typed && spec.role !== 'test') {
      out.push('', `export interface ${typeName} {`);
      for (const noun of random.sample(NOUNS, random.int(2, 6))) out.push(`${unit}${noun}Id: ${random.pick(['string', 'number'])};`);
      out.push('}');
    }
    if (d.language === 'tsx' && spec.role !== 'test') {
      out.push('', ...this.component(random, typeName, unit));
    }
    addFunctions('');
    return out;
  }

  /** A React function component with hooks and a JSX tree. */
  private component(random: SeededRandom, name: string, unit: string): string[] {
    const items = pickCollection(random);
    const out = [`export function ${name}View({ ${items}, onSelect }: ${name}ViewProps) {`];
    out.push(`${unit}const [selected, setSelected] = useState<string | null>(null);`);
    const budget: DecisionBudget = { left: random.int(0, 6) };
    const count = random.int(1, 5);
    for (let i = 0; i < count; i++) this.statement(random, unit, unit, 1, budget, out);
    const i2 = unit + unit;
    out.push(`${unit}return (`);
    out.push(`${i2}<section className="${random.pick(NOUNS)}-${random.pick(['list', 'panel', 'card', 'table'])}">`);
    out.push(`${i2}${unit}<h2>{${random.pick(['title', 'heading', 'label'])}}</h2>`);
    out.push(`${i2}${unit}{${items}.length === 0 && <EmptyState message="No ${items} yet" />}`);
    out.push(`${i2}${unit}<ul>`);
    out.push(`${i2}${unit}${unit}{${items}.map((item) => (`);
    out.push(`${i2}${unit}${unit}${unit}<li key={item.id} onClick={() => onSelect(item)}>`);
    out.push(`${i2}${unit}${unit}${unit}${unit}{item.${random.pick(NOUNS)}Name}`);
    out.push(`${i2}${unit}${unit}${unit}</li>`);
    out.push(`${i2}${unit}${unit}))}`);
    out.push(`${i2}${unit}</ul>`);
    out.push(`${i2}</section>`);
    out.push(`${unit});`);
    out.push('}');
    return out;
  }

  functionRanges(lines: readonly string[], unit: string): LineRange[] {
    const ranges: LineRange[] = [];
    const java = this.dialect.language === 'java';
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.endsWith('{')) continue;
      let closing: string;
      if (java) {
        if (!isAtFirstLevel(line, unit) || !line.endsWith(') {')) continue;
        closing = `${unit}}`;
      } else if (this.dialect.language === 'go') {
        if (!line.startsWith('func ')) continue;
        closing = '}';
      } else {
        if (!(line.startsWith('export ') || line.startsWith('function ') || line.startsWith('test(') || line.startsWith('async function'))) continue;
        if (line.startsWith('export interface')) continue;
        closing = '}';
      }
      let end = i + 1;
      while (end < lines.length && !(lines[end] === closing || (closing === '}' && lines[end] === '};') || (!java && lines[end] === '});'))) end++;
      if (end >= lines.length) break;
      ranges.push({ start: includeLeadingDecorations(lines, i), end });
      i = end;
    }
    return ranges;
  }

  isStatement(line: string): boolean {
    const trimmed = line.trimStart();
    if (trimmed.length === 0 || trimmed.length === line.length) return false;
    const first = trimmed.charCodeAt(0);
    // } ) ] < / * : closers, JSX and comments are never statements of their own.
    if (first === 125 || first === 41 || first === 93 || first === 60 || first === 47 || first === 42 || first === 64) return false;
    if (trimmed.startsWith('case ') || trimmed.startsWith('default:') || trimmed.startsWith('return (') || trimmed.startsWith('break')) return false;
    if (line.endsWith('{') || line.endsWith('(') || line.endsWith(':') || line.endsWith(',')) return false;
    if (this.dialect.terminator === ';' && !line.endsWith(';')) return false;
    return bracketsBalance(trimmed);
  }

  appendIndex(lines: readonly string[]): number {
    if (this.dialect.language === 'java') {
      for (let i = lines.length - 1; i >= 0; i--) if (lines[i] === '}') return i;
    }
    return lines.length;
  }
}

/** Writer for TypeScript (`.ts`). */
export const typescriptWriter: CodeWriter = new BraceCodeWriter(typescriptDialect('typescript'));
/** Writer for TypeScript with JSX (`.tsx`). */
export const tsxWriter: CodeWriter = new BraceCodeWriter(typescriptDialect('tsx'));
/** Writer for plain JavaScript (vendored libraries). */
export const javascriptWriter: CodeWriter = new BraceCodeWriter(typescriptDialect('javascript'));
/** Writer for Java. */
export const javaWriter: CodeWriter = new BraceCodeWriter(javaDialect);
/** Writer for Go. */
export const goWriter: CodeWriter = new BraceCodeWriter(goDialect);
