import { rule, type Rule } from './rule-table.js';

/**
 * Tests, recognised by directory and by the naming conventions of the common test runners.
 * Linguist itself only knows a root `test/` or `tests/`; the rest are the runners' documented
 * discovery patterns (Jest, Vitest, Mocha, Go, pytest, JUnit/Maven, xUnit, RSpec, ExUnit,
 * XCTest, Cypress, Playwright, Cucumber).
 */
export const TEST_RULES: readonly Rule[] = [
  rule(
    /(?:^|\/)(?:tests?|__tests?__|specs?|e2e|e2e[-_]tests?|integration[-_]tests?|unit[-_]tests?|test[-_]?utils?|testutils?|testing|androidTest|testFixtures|cypress|playwright|__mocks__|fixtures?|__fixtures__|testdata|test[-_]data)\//i,
    'test directory',
  ),
  rule(/\.t$/, 'Perl test script (*.t)'),
  // `.test.ts`, `.spec.js`, `_test.go`, `-test.js`, `_spec.rb`, `.cy.ts`, `.e2e-spec.ts`
  rule(/[._-](?:test|tests|spec|specs|e2e|e2e-spec|cy)\.[^/.]+$/i, 'test file name (*.test.*, *_test.*, *.spec.*)'),
  rule(/(?:^|\/)(?:test_[^/]+|tests?|conftest)\.py$/, 'pytest file name (test_*.py, conftest.py)'),
  // JUnit, xUnit, XCTest, Spock, ScalaTest: FooTest.java, FooTests.cs, FooIT.java, FooSpec.scala
  rule(
    /(?:^|\/)(?:[A-Z][^/]*(?:Tests?|Specs?)|[A-Z][^/]*[a-z0-9]IT|Test[A-Z][^/]*)\.(?:java|kt|kts|scala|groovy|cs|fs|vb|swift|m|mm|php|dart|cpp|cc|cxx)$/,
    'xUnit test class name (FooTest, FooTests, FooIT, FooSpec)',
  ),
  rule(/\.feature$/, 'Gherkin feature (behaviour specification)'),
  rule(/(?:^|\/)(?:setupTests|setup-tests|test-setup|testSetup|jest\.setup|vitest\.setup)\.[^/]+$/i, 'test runner setup file'),
  // Storybook stories are a component harness: they exist to exercise and inspect UI components.
  rule(/\.(?:stories|story)\.[^/.]+$/i, 'Storybook story'),
];
