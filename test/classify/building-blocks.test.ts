import { describe, expect, it } from 'vitest';
import { averageLineLengthOf } from '../../pipeline/classify/generated-content.js';
import { compileGlobOverrides } from '../../pipeline/classify/glob-overrides.js';
import {
  createLanguageCatalog,
  DEFAULT_EXTENSION_PREFERENCES,
  defaultLanguageCatalog,
} from '../../pipeline/classify/language-catalog.js';
import { describePath } from '../../pipeline/classify/path-facts.js';
import { CONFIG_LANGUAGES } from '../../pipeline/classify/rules/config-rules.js';
import { DATA_CONTENT_LANGUAGES } from '../../pipeline/classify/rules/data-rules.js';
import { DOCUMENTATION_MARKUP_LANGUAGES } from '../../pipeline/classify/rules/documentation-rules.js';
import { GENERATED_HEADER_KEYWORD, GENERATED_HEADER_RULES } from '../../pipeline/classify/rules/generated-header-rules.js';
import { compileRules, rule } from '../../pipeline/classify/rules/rule-table.js';
import { CODE_LIKE_DATA_LANGUAGES } from '../../pipeline/classify/rules/source-languages.js';
import {
  FALLBACK_STACK_RULES,
  GENERAL_PURPOSE_LANGUAGES,
  STACK_RULES_AFTER_HINTS,
  STACK_RULES_BEFORE_HINTS,
} from '../../pipeline/classify/rules/stack-rules.js';

describe('describePath', () => {
  it('splits compound extensions from longest to shortest', () => {
    expect(describePath('src/app.test.ts')).toEqual({
      path: 'src/app.test.ts',
      basename: 'app.test.ts',
      lowerBasename: 'app.test.ts',
      suffixes: ['.test.ts', '.ts'],
      extension: '.ts',
    });
  });

  it('does not read a dotfile name as an extension', () => {
    expect(describePath('.bashrc').suffixes).toEqual([]);
    expect(describePath('config/.eslintrc.json').suffixes).toEqual(['.json']);
    expect(describePath('Makefile').extension).toBe('');
  });

  it('drops a leading ./ and lower-cases the extension', () => {
    expect(describePath('./Docs/README.MD')).toMatchObject({ path: 'Docs/README.MD', extension: '.md' });
  });
});

describe('compileRules', () => {
  it('returns the first matching rule in table order across flag groups', () => {
    const table = compileRules([
      rule(/(?:^|\/)vendor\//i, 'vendor, any case'),
      rule(/(?:^|\/)Vendor\/lib\//, 'Vendor/lib, exact case'),
    ]);
    expect(table.firstMatch('Vendor/lib/a.c')?.label).toBe('vendor, any case');
    expect(table.firstMatch('src/a.c')).toBeNull();
  });

  it('finds a later rule when earlier ones do not match', () => {
    const table = compileRules([rule(/\.min\.js$/, 'minified'), rule(/(?:^|\/)dist\//, 'dist')]);
    expect(table.firstMatch('dist/a.js')?.label).toBe('dist');
  });

  it('rejects stateful regexes', () => {
    expect(() => compileRules([rule(/a/g, 'global')])).toThrow(/must not use the g or y flag/);
  });
});

describe('compileGlobOverrides', () => {
  it('matches whole paths for globs with a slash and file names for globs without', () => {
    const match = compileGlobOverrides([
      { glob: 'legacy/**', value: 'a' },
      { glob: '*.pb.ts', value: 'b' },
      { glob: '.github/**', value: 'c' },
    ]);
    expect(match('legacy/x/y.js')).toEqual({ glob: 'legacy/**', value: 'a' });
    expect(match('src/deep/user.pb.ts')?.value).toBe('b');
    expect(match('.github/workflows/ci.yml')?.value).toBe('c');
    expect(match('src/legacy/x.js')).toBeNull();
  });
});

describe('language catalog', () => {
  const catalog = defaultLanguageCatalog();

  it('resolves file names before extensions', () => {
    expect(catalog.fromPath(describePath('Dockerfile'))?.name).toBe('Dockerfile');
    expect(catalog.fromPath(describePath('CMakeLists.txt'))?.name).toBe('CMake');
    expect(catalog.fromPath(describePath('notes.txt'))?.name).toBe('Text');
  });

  it('applies the preferences for ambiguous extensions', () => {
    for (const [extension, language] of Object.entries(DEFAULT_EXTENSION_PREFERENCES)) {
      expect(catalog.fromPath(describePath(`file${extension}`))?.name, extension).toBe(language);
    }
  });

  it('can be built with other preferences', () => {
    const cppHeaders = createLanguageCatalog({ ...DEFAULT_EXTENSION_PREFERENCES, '.h': 'C++' });
    expect(cppHeaders.fromPath(describePath('a.h'))?.name).toBe('C++');
  });

  it('finds languages by alias and interpreters with a version', () => {
    expect(catalog.fromName('golang')?.name).toBe('Go');
    expect(catalog.fromName('C++')).toEqual({ name: 'C++', type: 'programming' });
    expect(catalog.fromInterpreter('python3.12')?.name).toBe('Python');
    expect(catalog.fromInterpreter('bash')?.name).toBe('Shell');
    expect(catalog.fromInterpreter('no-such-interpreter')).toBeNull();
  });

  it('knows every language the rule tables name (guards against typos)', () => {
    const named = new Set<string>([
      ...CONFIG_LANGUAGES,
      ...DATA_CONTENT_LANGUAGES,
      ...DOCUMENTATION_MARKUP_LANGUAGES,
      ...CODE_LIKE_DATA_LANGUAGES,
      ...GENERAL_PURPOSE_LANGUAGES,
      ...[...STACK_RULES_BEFORE_HINTS, ...STACK_RULES_AFTER_HINTS, ...FALLBACK_STACK_RULES].flatMap((stackRule) => [
        ...(stackRule.languages ?? []),
      ]),
    ]);
    const unknown = [...named].filter((name) => catalog.fromName(name)?.name !== name);
    expect(unknown).toEqual([]);
  });
});

describe('generated header rules', () => {
  it('all contain the keyword the detector scans for first', () => {
    for (const headerRule of GENERATED_HEADER_RULES) {
      expect(GENERATED_HEADER_KEYWORD.test(headerRule.pattern.source), headerRule.label).toBe(true);
    }
  });
});

describe('averageLineLengthOf', () => {
  it('averages complete lines without their terminators', () => {
    expect(averageLineLengthOf('abcd\nef\n')).toBe(3);
    expect(averageLineLengthOf('abcd\nef')).toBe(3);
    expect(averageLineLengthOf('x'.repeat(500))).toBe(500);
    expect(averageLineLengthOf('')).toBe(0);
  });
});
