import { rule, type Rule } from './rule-table.js';

/**
 * Files written by tools, recognised by path. Facts from GitHub Linguist's generated-file checks
 * plus the output names of common code generators.
 *
 * Decisions of ours:
 * - `dist/` is build output, so generated (Linguist lists it among vendored paths); `build/` is
 *   not matched: committed `build/` directories usually hold hand-written build scripts, since
 *   real build output is normally ignored by git.
 * - A `generated/` directory is generated: projects use the name for code-generator output.
 * - Hand-written TypeScript declarations (`.d.ts`) are code; only a generated header makes them
 *   generated (see the header rules).
 */
export const GENERATED_PATH_RULES: readonly Rule[] = [
  // Minified bundles and source maps
  rule(/[.-]min\.(?:js|mjs|cjs|css)$/i, 'minified file name (.min.js, .min.css)', 'linguist'),
  rule(/\.(?:js|mjs|cjs|css)\.map$/i, 'source map (.js.map, .css.map)', 'linguist'),
  rule(/\.d\.ts\.map$/i, 'declaration map (.d.ts.map)'),
  // Build output
  rule(/(?:^|\/)dist\//, 'build output directory dist/'),
  rule(/(?:^|\/)docs?\/_?build\//, 'Sphinx build output', 'linguist'),
  rule(/(?:^|\/)(?:\.next|\.nuxt|\.svelte-kit|\.docusaurus|\.vercel|\.output|\.angular|\.turbo|\.expo)\//, 'framework build output'),
  rule(/(?:^|\/)(?:htmlcov|coverage\/lcov-report)\//, 'coverage report', 'linguist'),
  // Code generators, by output name
  rule(/(?:^|\/)__generated__\//, 'GraphQL Relay __generated__/', 'linguist'),
  rule(/(?:^|\/)generated\//, 'generated/ directory'),
  rule(
    /(?:\.pb(?:\.gw|\.validate)?\.go|\.pb\.(?:cc|h|swift|dart)|\.pb(?:grpc|enum|json|server)\.dart|_pb2(?:_grpc)?\.pyi?|_pb\.(?:js|d\.ts|ts|rb)|\.grpc\.swift)$/,
    'protocol buffer / gRPC output',
  ),
  rule(/\.(?:g|freezed|gr|mocks|chopper|gen)\.dart$/, 'Dart build_runner output'),
  rule(/(?:^|\/)zz_generated[^/]*$/, 'Kubernetes zz_generated file'),
  rule(/\.(?:generated|gen|g|g\.i)\.[a-z0-9]+$/i, 'name marked generated (.generated.*, .gen.*, .g.*)'),
  rule(/\.designer\.(?:cs|vb)$/i, '.NET designer file', 'linguist'),
  rule(/\.feature\.cs$/i, 'SpecFlow feature code-behind', 'linguist'),
  rule(/.\.zep\.(?:c|h|php)$/, 'Zephir output', 'linguist'),
  rule(/_tlb\.pas$/i, 'Delphi type library import', 'linguist'),
  rule(/(?:^|\/)\.sqlx\/query-[a-f\d]{64}\.json$/, 'SQLx offline query', 'linguist'),
  rule(/(?:^|\/)Cargo\.toml\.orig$/, 'Cargo.toml.orig', 'linguist'),
  rule(/(?:^|\/)\.pnp\.(?:c?js|loader\.mjs|data\.json)$/, "Yarn Plug'n'Play map", 'linguist'),
  rule(/(?:^|\/)db\/(?:schema\.rb|structure\.sql)$/, 'Rails schema dump'),
  // Autotools output
  rule(
    /(?:^|\/)(?:configure|config\.guess|config\.sub|aclocal\.m4|libtool\.m4|ltoptions\.m4|ltsugar\.m4|ltversion\.m4|lt~obsolete\.m4|ltmain\.sh)$/,
    'autotools output',
    'linguist',
  ),
  rule(/(?:^|\/)Makefile\.in$/, 'automake output (Makefile.in)'),
  // IDE project state
  rule(/(?:^|\/)\.idea\//, 'IntelliJ .idea/', 'linguist'),
  rule(/\.(?:nib|xcworkspacedata|xcuserstate)$/, 'Xcode state file', 'linguist'),
  rule(/\.xcodeproj\/|\.pbxproj$/, 'Xcode project file'),
];
