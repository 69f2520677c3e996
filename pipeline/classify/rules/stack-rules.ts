import type { Stack } from '../types.js';

/**
 * One piece of built-in evidence for a file's stack. A rule applies when every condition it
 * states holds: the path matches `path`, the language is in `languages`, the extension is in
 * `extensions`.
 */
export interface StackRule {
  readonly stack: Stack;
  readonly label: string;
  readonly path?: RegExp;
  readonly languages?: ReadonlySet<string>;
  readonly extensions?: ReadonlySet<string>;
}

const SHELL_LANGUAGES: ReadonlySet<string> = new Set(['Shell', 'PowerShell', 'Batchfile', 'fish', 'Tcsh']);

/** Languages that only describe infrastructure, builds or deployment. */
const INFRA_LANGUAGES: ReadonlySet<string> = new Set([
  'Dockerfile',
  'HCL',
  'Terraform Template',
  'Bicep',
  'Puppet',
  'Salt',
  'Nix',
  'Jsonnet',
  'Nginx',
  'ApacheConf',
  'HAProxy',
  'Caddyfile',
  'Makefile',
  'CMake',
  'Starlark',
  'Just',
  'Earthly',
  'Meson',
  'Ninja',
  'GN',
]);

const MOBILE_LANGUAGES: ReadonlySet<string> = new Set(['Swift', 'Objective-C', 'Objective-C++', 'Dart']);

const DATA_LANGUAGES: ReadonlySet<string> = new Set([
  'Jupyter Notebook',
  'R',
  'RMarkdown',
  'Stata',
  'SAS',
  'HiveQL',
  'PigLatin',
  'Kusto',
]);

const SQL_LANGUAGES: ReadonlySet<string> = new Set(['SQL', 'PLpgSQL', 'PLSQL', 'TSQL', 'SQLPL']);

/** Languages (and template languages) that only run in, or render for, a browser. */
const FRONTEND_LANGUAGES: ReadonlySet<string> = new Set([
  'TSX',
  'Vue',
  'Svelte',
  'Astro',
  'Marko',
  'Riot',
  'Glimmer JS',
  'Glimmer TS',
  'mdsvex',
  'Elm',
  'CSS',
  'SCSS',
  'Sass',
  'Less',
  'Stylus',
  'PostCSS',
  'SugarSS',
  'HTML',
  'HTML+ERB',
  'HTML+Razor',
  'HTML+PHP',
  'HTML+EEX',
  'HTML+ECR',
  'Haml',
  'Slim',
  'Pug',
  'EJS',
  'Handlebars',
  'Mustache',
  'Nunjucks',
  'Twig',
  'Blade',
  'Liquid',
  'Latte',
  'Edge',
  'Vento',
  'Mask',
]);

/**
 * General-purpose languages of servers and systems. A front-end directory name does not make
 * them front end (Go's `web/` package is an HTTP server), and without other evidence they are
 * back end.
 */
export const GENERAL_PURPOSE_LANGUAGES: ReadonlySet<string> = new Set([
  'Java',
  'Kotlin',
  'Scala',
  'Groovy',
  'Clojure',
  'Go',
  'Rust',
  'C',
  'C++',
  'C#',
  'F#',
  'Visual Basic .NET',
  'Python',
  'Ruby',
  'PHP',
  'Hack',
  'Perl',
  'Raku',
  'Elixir',
  'Erlang',
  'Gleam',
  'Haskell',
  'OCaml',
  'Crystal',
  'Nim',
  'Zig',
  'D',
  'Lua',
  'Julia',
  'Ballerina',
  'Apex',
  'COBOL',
  'Fortran',
  'Fortran Free Form',
  'Pascal',
  'Ada',
  'Solidity',
  ...SQL_LANGUAGES,
]);

/** Script languages that run both in browsers and on servers: only their path can tell. */
const WEB_SCRIPT_LANGUAGES: ReadonlySet<string> = new Set([
  'JavaScript',
  'TypeScript',
  'CoffeeScript',
  'LiveScript',
  'ReScript',
  'PureScript',
]);

const SCHEMA_LANGUAGES: ReadonlySet<string> = new Set(['Protocol Buffer', 'Thrift', 'GraphQL', 'Avro IDL', 'FlatBuffers', 'Prisma']);

/**
 * Evidence strong enough to beat the repository's default stack, in priority order: the first
 * rule that applies decides. Infrastructure and mobile come first because their directories
 * hold files in every language (a `Dockerfile` under `web/`, TSX under a React Native
 * `mobile/`). The front-end and back-end directory hints are weighed after these rules (see
 * {@link FRONTEND_DIRECTORY_HINT}), then {@link STACK_RULES_AFTER_HINTS}.
 */
export const STACK_RULES_BEFORE_HINTS: readonly StackRule[] = [
  { stack: 'infra', label: 'infrastructure language', languages: INFRA_LANGUAGES },
  {
    stack: 'infra',
    label: 'infrastructure path',
    path: /(?:^|\/)(?:\.github|\.gitlab|\.circleci|\.buildkite|\.devcontainer|\.husky|k8s|kubernetes|kube|helm|charts|deploy|deployments?|deploys|infra|infrastructure|terraform|ansible|playbooks|ops|devops|ci|\.ci|docker|puppet|chef|salt|pulumi|cdk|cloudformation|argocd|kustomize|\.ebextensions)\//i,
  },
  {
    stack: 'infra',
    label: 'infrastructure file',
    path: /(?:^|\/)(?:\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|appveyor\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml|Jenkinsfile|docker-compose[^/]*\.ya?ml|compose\.ya?ml|\.dockerignore|Procfile|Vagrantfile|Tiltfile|skaffold\.ya?ml|serverless\.ya?ml|netlify\.toml|fly\.toml|render\.yaml|app\.yaml|Chart\.yaml|kustomization\.ya?ml|[^/]*\.tfvars)$/,
  },
  {
    stack: 'infra',
    label: 'shell script in a scripts directory',
    languages: SHELL_LANGUAGES,
    path: /(?:^|\/)(?:scripts?|ci|tools|bin|hack|build)\//i,
  },
  {
    stack: 'mobile',
    label: 'mobile path',
    // `app/src/main/java|kotlin|res` is the Android Studio default module; a server module that
    // happens to be named `app` needs a stack override.
    path: /(?:^|\/)(?:android|ios|mobile|ipados|watchos|tvos|react-native|flutter|fastlane)\/|(?:^|\/)app\/src\/(?:main|debug|release|test|androidTest)\/(?:java|kotlin|res|assets|AndroidManifest\.xml)|(?:^|\/)src\/(?:main|debug|release|androidTest)\/(?:res\/|AndroidManifest\.xml$)|\.(?:xcodeproj|xcworkspace|xcassets|lproj|xcframework)\//i,
  },
  {
    stack: 'mobile',
    label: 'mobile file',
    path: /(?:^|\/)(?:Podfile|Podfile\.lock|Cartfile(?:\.resolved)?|AndroidManifest\.xml|Info\.plist|pubspec\.yaml|pubspec\.lock|[^/]+\.podspec|[^/]+\.entitlements|[^/]+\.storyboard|[^/]+\.xib|proguard-rules\.pro)$/,
  },
  { stack: 'mobile', label: 'mobile language', languages: MOBILE_LANGUAGES },
  { stack: 'data', label: 'data language', languages: DATA_LANGUAGES },
  {
    stack: 'data',
    label: 'data path',
    path: /(?:^|\/)(?:notebooks?|dags|airflow|dbt|etl|elt|ml|machine[-_]learning|data[-_]science|datascience|spark|jupyter|warehouse)\/|(?:^|\/)dbt_project\.yml$/i,
  },
  {
    stack: 'data',
    label: 'Python in a data directory',
    languages: new Set(['Python']),
    path: /(?:^|\/)(?:data|pipelines?|training|features)\//i,
  },
  {
    stack: 'backend',
    label: 'database migrations',
    path: /(?:^|\/)(?:migrations?|migrate|flyway|liquibase|alembic)\//i,
  },
  {
    stack: 'backend',
    label: 'API route of a web framework',
    path: /(?:^|\/)(?:pages|app|routes)\/api\//,
  },
  { stack: 'frontend', label: 'front-end language', languages: FRONTEND_LANGUAGES },
  { stack: 'frontend', label: 'JSX file', extensions: new Set(['.jsx']) },
  // Angular's CLI names these by role; `.service.ts` and `.module.ts` are left out (NestJS uses them too).
  { stack: 'frontend', label: 'Angular component file', path: /\.(?:component|directive|pipe)\.ts$/ },
];

/**
 * Directory names that mark front-end code. Top-level names may carry a prefix or suffix
 * (`admin-web/`, `web_client/`); names used inside a front end (`components/`, `hooks/`) must
 * match exactly.
 */
export const FRONTEND_DIRECTORY_HINT =
  /(?:^|\/)(?:(?:[\w.]+[-_])?(?:frontend|front|web|webapp|www|client|ui|spa|website|dashboard|portal|browser)(?:[-_][\w.]+)?|public|static|assets|components|pages|views|layouts|styles|stylesheets|css|scss|hooks|composables|widgets|\.storybook|storybook|cypress|playwright)\//i;

/** Directory names that mark back-end code (same prefix/suffix convention). */
export const BACKEND_DIRECTORY_HINT =
  /(?:^|\/)(?:[\w.]+[-_])?(?:backend|back|server|servers|api|apis|service|services|svc|microservices?|worker|workers|functions|lambdas?|daemon|bff|gateway)(?:[-_][\w.]+)?\//i;

/** Languages a front-end directory hint does not apply to (see {@link GENERAL_PURPOSE_LANGUAGES}). */
export const FRONTEND_HINT_EXEMPT_LANGUAGES: ReadonlySet<string> = GENERAL_PURPOSE_LANGUAGES;

/** Evidence weighed after the directory hints and still before the repository's default stack. */
export const STACK_RULES_AFTER_HINTS: readonly StackRule[] = [
  // SQL outside back-end directories and migrations: queries, views, models of the warehouse.
  { stack: 'data', label: 'SQL outside back-end paths', languages: SQL_LANGUAGES },
];

/**
 * Defaults for files with no strong evidence, used only after the repository's default stack:
 * a script language outside any front-end directory is back end (our simple, documented rule),
 * general-purpose languages and interface schemas are back end, shell scripts are infra.
 */
export const FALLBACK_STACK_RULES: readonly StackRule[] = [
  { stack: 'backend', label: 'script language outside front-end paths', languages: WEB_SCRIPT_LANGUAGES },
  { stack: 'backend', label: 'general-purpose language', languages: GENERAL_PURPOSE_LANGUAGES },
  { stack: 'backend', label: 'interface schema', languages: SCHEMA_LANGUAGES },
  { stack: 'infra', label: 'shell script', languages: SHELL_LANGUAGES },
];
