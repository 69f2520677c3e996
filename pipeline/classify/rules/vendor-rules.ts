import { atProjectRoot, rule, type Rule } from './rule-table.js';

/**
 * Third-party code copied into a repository. Patterns follow GitHub Linguist's vendor list,
 * anchored at a path segment (`(?:^|/)`) so that, say, `src/myvendors.ts` is not caught.
 *
 * Deliberate differences from Linguist, so hand-written code is not excluded by accident:
 * - `cache/` matches only at the repository root and for tool caches (`.cache/`,
 *   `__pycache__/` …); Linguist's `cache/` anywhere also hits application modules such as
 *   `src/cache/lru.ts`.
 * - Virtual environments are matched by their usual names (`venv/`, `.venv/`, `site-packages/`)
 *   instead of any `env/` directory, which also hits `config/env/production.js`.
 * - Library bundles are matched by exact names (`angular.js`, `react-dom.js`, `d3.v7.js`), not
 *   every file that starts with the library's name; script.aculo.us names such as `effects.js`
 *   and `controls.js` are left out as too common in application code.
 * - Build outputs (`dist/`), minified files, autoconf output and TypeScript declarations are not
 *   vendored here: the first three are generated (see the generated rules), hand-written `.d.ts`
 *   files are code.
 * - Test fixtures (`test/fixtures/`, `testdata/`) are data, not vendored.
 * - Editor settings, `.gitignore`, `Vagrantfile` and `Jenkinsfile` are configuration.
 */
export const VENDOR_RULES: readonly Rule[] = [
  // Package manager install trees
  rule(/(?:^|\/)node_modules\//, 'node_modules/', 'linguist'),
  rule(/(?:^|\/)bower_components\//, 'bower_components/', 'linguist'),
  rule(/(?:^|\/)jspm_packages\//, 'jspm_packages/'),
  rule(/(?:^|\/)\.yarn\/(?:releases|plugins)\//, '.yarn/releases/ and .yarn/plugins/', 'linguist'),
  rule(/(?:^|\/)\.yarn\/(?:sdks|unplugged|cache)\//, '.yarn/ install state'),
  rule(/(?:^|\/)\.pnpm-store\//, '.pnpm-store/'),
  rule(/(?:^|\/)Godeps\//, 'Godeps/', 'linguist'),
  rule(/(?:^|\/)(?:Pods|Carthage)\//, 'CocoaPods / Carthage dependencies', 'linguist'),
  rule(/(?:^|\/)elm-stuff\//, 'elm-stuff/'),
  rule(/(?:^|\/)\.terraform\//, '.terraform/ provider cache'),
  rule(/^[Pp]ackages\/[^/]+\.\d+[^/]*\//, 'NuGet packages/<name>.<version>/', 'linguist'),
  rule(/(?:^|\/)\.google_apis\//, 'Android .google_apis/', 'linguist'),
  // Copied third-party sources
  rule(/(?:^|\/)(?:3rd|third)[-_]?party\//i, 'third_party/', 'linguist'),
  rule(/(?:^|\/)v+endors?\//i, 'vendor/', 'linguist'),
  rule(/(?:^|\/)extern(?:al)?\//, 'external/', 'linguist'),
  rule(atProjectRoot('(?:[Dd]ependencies|deps)/'), 'deps/ at the project root', 'linguist'),
  rule(/^debian\//, 'debian/ packaging', 'linguist'),
  rule(/^puphpet\//, 'puphpet/', 'linguist'),
  // Virtual environments and tool caches
  rule(/(?:^|\/)\.?venv\/|(?:^|\/)site-packages\/|(?:^|\/)env\/(?:lib|Lib|bin|Scripts)\//, 'Python virtual environment'),
  rule(/^cache\//, 'cache/ at the repository root', 'linguist'),
  rule(
    /(?:^|\/)(?:\.cache|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.sass-cache|\.parcel-cache|\.eslintcache|\.gradle|\.bundle)(?:\/|$)/,
    'tool cache directory',
  ),
  // Build-tool wrappers and installers copied from their projects
  rule(/(?:^|\/)gradlew(?:\.bat)?$|(?:^|\/)gradle\/wrapper\//, 'Gradle wrapper', 'linguist'),
  rule(/(?:^|\/)mvnw(?:\.cmd)?$|(?:^|\/)\.mvn\/wrapper\//, 'Maven wrapper', 'linguist'),
  rule(/(?:^|\/)dotnet-install\.(?:ps1|sh)$/, '.NET install script', 'linguist'),
  rule(/(?:^|\/)cpplint\.py$/, 'cpplint.py', 'linguist'),
  rule(/(?:^|\/)erlang\.mk$|^rebar$|^waf$/, 'bundled build tool (erlang.mk, rebar, waf)', 'linguist'),
  rule(/(?:^|\/)activator(?:\.bat)?$/, 'Typesafe Activator', 'linguist'),
  rule(/(?:^|\/)run\.n$/, 'Haxelib run.n', 'linguist'),
  // Sphinx themes and static files shipped with documentation tooling
  rule(/(?:^|\/)docs?\/_?(?:themes?|templates?|static)\//, 'Sphinx theme and static files', 'linguist'),
  // Frameworks and widgets usually copied in whole
  rule(/(?:^|\/)(?:ace-builds|MathJax|extjs|tiny_mce|bootstrap-datepicker|flow-typed)\//, 'bundled library directory', 'linguist'),
  rule(/(?:^|\/)[Cc]ode[Mm]irror\/(?:\d+\.\d+\/)?(?:lib|mode|theme|addon|keymap|demo)/, 'CodeMirror', 'linguist'),
  rule(/(?:^|\/)(?:select2\/[^/]*|font-?awesome\/.*|[Bb]ourbon\/.*)\.(?:css|less|scss|styl|js)$/, 'bundled stylesheet library', 'linguist'),
  rule(/(?:^|\/)(?:Sparkle|(?:Crashlytics|Fabric|BuddyBuildSDK|Realm|RealmSwift)\.framework)\//, 'bundled Apple framework', 'linguist'),
  rule(/\.xctemplate\//, 'Xcode template', 'linguist'),
  // Library bundles recognised by file name
  rule(/(?:^|\/)jquery(?:[-.][^/]*)?\.(?:js|css)$/, 'jQuery and its plugins', 'linguist'),
  rule(/(?:^|\/)(?:custom\.)?bootstrap(?:[-.][^/]*)?\.(?:js|css|less|scss|styl)$/, 'Bootstrap', 'linguist'),
  rule(
    /(?:^|\/)(?:font-?awesome|foundation|normalize|skeleton|animate|materialize|bulma|octicons|sprockets-octicons)\.(?:css|less|scss|sass|styl)$/,
    'CSS framework file',
    'linguist',
  ),
  rule(/(?:^|\/)fontello[^/]*\.css$/, 'Fontello', 'linguist'),
  rule(
    /(?:^|\/)(?:angular(?:-[a-z]+)*|react(?:-dom|-with-addons)?|d3(?:\.v\d+)?|dojo|MochiKit|ckeditor|Chart|html5shiv|bootbox|fuelux|pdf\.worker|shCore|shLegacy|materialize|foundation)\.js$/,
    'bundled JavaScript library',
    'linguist',
  ),
  rule(
    /(?:^|\/)(?:prototype(?:[-.]\d[^/]*)?|mootools[^/]*\d+\.\d+\.\d+[^/]*|modernizr(?:[-.][^/]*)?|knockout-\d+\.\d+\.\d+(?:\.debug)?|cordova(?:[-.][^/]*)?|yui[^./]*|yahoo-[^./]*|tiny_mce[^./]*|shBrush[^./]*)\.js$/,
    'versioned JavaScript library bundle',
    'linguist',
  ),
  rule(/(?:^|\/)[Mm]icrosoft(?:[Mm]vc)?(?:[Aa]jax|[Vv]alidation)(?:\.debug)?\.js$/, 'Microsoft Ajax', 'linguist'),
  rule(/-vsdoc\.js$|\.intellisense\.js$/, 'Visual Studio IntelliSense helper', 'linguist'),
];
