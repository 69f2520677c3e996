import { atProjectRoot, rule, type Rule } from './rule-table.js';

/**
 * Documentation recognised by directory or file name, after GitHub Linguist's documentation
 * list. Linguist anchors `doc/`, `man/`, `examples/`, `demos/` and `samples/` at the repository
 * root; we also accept them at a monorepo package root (`packages/<name>/examples/`), and
 * accept `docs/` and `documentation/` at any depth, since those names are not used for anything
 * but documentation. Code in these directories (example programs, a docs site's components)
 * is documentation too, as in Linguist.
 */
export const DOCUMENTATION_RULES: readonly Rule[] = [
  rule(/(?:^|\/)docs\//i, 'docs/ directory', 'linguist'),
  rule(/(?:^|\/)documentation\//i, 'documentation/ directory', 'linguist'),
  rule(/(?:^|\/)(?:groovydoc|javadoc)\//i, 'API reference output (javadoc/, groovydoc/)', 'linguist'),
  rule(atProjectRoot('[Dd]oc/'), 'doc/ at a project root', 'linguist'),
  rule(atProjectRoot('[Mm]an/'), 'man/ at a project root', 'linguist'),
  rule(atProjectRoot('(?:[Ee]xamples?|[Dd]emos?|[Ss]amples?)/'), 'examples, demos and samples', 'linguist'),
  rule(/(?:^|\/)inst\/doc\/|^vignettes\//, 'R package documentation', 'linguist'),
  rule(
    /(?:^|\/)(?:README|CHANGE(?:S|LOG)?|CONTRIBUTING|COPYING|INSTALL|LICEN[CS]E)(?:\.[^/]*)?$/,
    'well-known documentation file (README, LICENSE, CHANGELOG …)',
    'linguist',
  ),
  // Lower-case names only with a document extension: `license.ts` can be code about licences.
  rule(
    /(?:^|\/)(?:[Rr]eadme|[Ll]icen[cs]e)(?:\.(?:md|markdown|txt|rst|adoc|org|html?))?$/,
    'readme or licence file',
    'linguist',
  ),
  rule(/(?:^|\/)CITATION(?:\.cff|S?(?:\.(?:bib|md))?)$/, 'CITATION file', 'linguist'),
  rule(
    /(?:^|\/)(?:AUTHORS|CONTRIBUTORS|CODE_OF_CONDUCT|SECURITY|SUPPORT|NOTICE|HISTORY|NEWS|MAINTAINERS|GOVERNANCE|UPGRADING|ROADMAP)(?:\.(?:md|markdown|txt|rst|adoc|org))?$/,
    'project information file (AUTHORS, NOTICE, SECURITY …)',
  ),
  rule(/(?:^|\/)change[-_]?log(?:\.(?:md|markdown|txt|rst|adoc|org))?$/i, 'change log'),
];

/**
 * Languages whose files are documentation wherever they live (unless a data rule claimed them
 * first, as with Markdown test fixtures). Every Linguist `prose` language counts, plus these
 * markup languages used for manuals and papers.
 */
export const DOCUMENTATION_MARKUP_LANGUAGES: ReadonlySet<string> = new Set([
  'Roff',
  'Roff Manpage',
  'TeX',
  'BibTeX',
  'MDX',
  'Mermaid',
  'PlantUML',
  'API Blueprint',
  'Ecmarkup',
  'Bikeshed',
]);
