import type { LanguageInfo } from '../language-catalog.js';
import { rule, type Rule } from './rule-table.js';

/**
 * Linguist types these languages as `data`, but people write them the way they write code:
 * schemas, queries and interface definitions whose lines carry design decisions. Their files
 * are code.
 */
export const CODE_LIKE_DATA_LANGUAGES: ReadonlySet<string> = new Set([
  'ABNF',
  'ASN.1',
  'Avro IDL',
  'EBNF',
  'FlatBuffers',
  'GraphQL',
  'Kusto',
  'Lark',
  'Prisma',
  'Protocol Buffer',
  'Protocol Buffer Text Format',
  'RBS',
  'ROS Interface',
  'Regular Expression',
  'SPARQL',
  'SQL',
  'SpiceDB Schema',
  'TMDL',
  'Type Language',
  'Vespa Schema Definition',
  'WebAssembly Interface Type',
  'YANG',
  'Zmodel',
]);

/**
 * Whether a language is source code: a programming or markup language (markup covers HTML,
 * CSS, Vue, Svelte and templates) or one of the {@link CODE_LIKE_DATA_LANGUAGES}.
 *
 * @example
 * isSourceLanguage({ name: 'SQL', type: 'data' }); // true
 * isSourceLanguage({ name: 'JSON', type: 'data' }); // false
 */
export function isSourceLanguage(language: LanguageInfo | null): boolean {
  if (language === null) return false;
  return language.type === 'programming' || language.type === 'markup' || CODE_LIKE_DATA_LANGUAGES.has(language.name);
}

/**
 * Files that are code although their language is a configuration format: Android layouts,
 * menus and navigation graphs are XML, but they are the app's user interface, written by hand.
 */
export const CODE_PATH_RULES: readonly Rule[] = [
  rule(/(?:^|\/)res\/(?:layout|menu|navigation)(?:-[^/]+)?\/[^/]+\.xml$/, 'Android UI resource (layout, menu, navigation)'),
];
