import { describe, expect, it } from 'vitest';
import { createFileClassifier, type FileKind, type PerFileClassifyOptions, type Stack } from '../../pipeline/classify/index.js';

/** One real-world path and what the classifier must say about it. */
interface PathCase {
  path: string;
  kind: FileKind;
  language: string | null;
  stack: Stack;
  /** A fragment the kind's reason must contain, where the rule that decides matters. */
  reason?: string;
  perFile?: PerFileClassifyOptions;
}

/** Shorthand: [path, kind, language, stack, reason fragment?, per-file facts?]. */
type Row = [string, FileKind, string | null, Stack, string?, PerFileClassifyOptions?];

// Paths taken from well-known open-source repositories (React, Kubernetes, Rails, Django,
// Spring, Flutter, VS Code, Linux, LLVM …) and common application layouts.
const ROWS: Row[] = [
  // ── code, front end ────────────────────────────────────────────────────────────────
  ['packages/react-dom/src/client/ReactDOMComponent.js', 'code', 'JavaScript', 'frontend', 'programming language'],
  ['src/components/Header/Header.tsx', 'code', 'TSX', 'frontend'],
  ['apps/web/src/lib/api.ts', 'code', 'TypeScript', 'frontend'],
  ['src/vs/editor/browser/widget/codeEditorWidget.ts', 'code', 'TypeScript', 'frontend'],
  ['src/App.vue', 'code', 'Vue', 'frontend'],
  ['src/routes/+page.svelte', 'code', 'Svelte', 'frontend'],
  ['styles/globals.css', 'code', 'CSS', 'frontend'],
  ['src/styles/_variables.scss', 'code', 'SCSS', 'frontend'],
  ['public/index.html', 'code', 'HTML', 'frontend'],
  ['app/views/layouts/application.html.erb', 'code', 'HTML+ERB', 'frontend'],
  ['resources/views/welcome.blade.php', 'code', 'Blade', 'frontend'],
  ['src/app/hero-list/hero-list.component.ts', 'code', 'TypeScript', 'frontend'],
  ['frontend/src/api/client.ts', 'code', 'TypeScript', 'frontend'],
  ['src/components/Modal.jsx', 'code', 'JavaScript', 'frontend'],
  // ── code, back end ─────────────────────────────────────────────────────────────────
  ['apps/api/src/users/users.controller.ts', 'code', 'TypeScript', 'backend'],
  ['server/routes/index.js', 'code', 'JavaScript', 'backend'],
  ['backend/src/components/user.ts', 'code', 'TypeScript', 'backend'],
  ['src/index.ts', 'code', 'TypeScript', 'backend'],
  ['pages/api/auth/[...nextauth].ts', 'code', 'TypeScript', 'backend'],
  ['lib/rails/application.rb', 'code', 'Ruby', 'backend'],
  ['app/controllers/users_controller.rb', 'code', 'Ruby', 'backend'],
  ['django/db/models/query.py', 'code', 'Python', 'backend'],
  ['cmd/kubectl/kubectl.go', 'code', 'Go', 'backend'],
  ['pkg/scheduler/framework/runtime/framework.go', 'code', 'Go', 'backend'],
  ['web/web.go', 'code', 'Go', 'backend'],
  ['src/main/java/org/springframework/boot/SpringApplication.java', 'code', 'Java', 'backend'],
  ['server/src/main/kotlin/com/example/Application.kt', 'code', 'Kotlin', 'backend'],
  ['src/main/kotlin/com/example/billing/Invoice.kt', 'code', 'Kotlin', 'backend'],
  ['compiler/rustc_driver/src/lib.rs', 'code', 'Rust', 'backend'],
  ['src/Compiler/Checking/CheckExpressions.fs', 'code', 'F#', 'backend'],
  ['src/Mvc/Mvc.Core/src/ControllerBase.cs', 'code', 'C#', 'backend'],
  ['src/core/ngx_palloc.c', 'code', 'C', 'backend'],
  ['include/linux/sched.h', 'code', 'C', 'backend'],
  ['llvm/lib/IR/Function.cpp', 'code', 'C++', 'backend'],
  ['lib/phoenix/router.ex', 'code', 'Elixir', 'backend'],
  ['src/Illuminate/Routing/Router.php', 'code', 'PHP', 'backend'],
  ['proto/acme/v1/user.proto', 'code', 'Protocol Buffer', 'backend', 'query or schema language'],
  ['schema.graphql', 'code', 'GraphQL', 'backend'],
  ['prisma/schema.prisma', 'code', 'Prisma', 'backend'],
  ['src/types/global.d.ts', 'code', 'TypeScript', 'backend'],
  // ── code, mobile ───────────────────────────────────────────────────────────────────
  ['app/src/main/java/com/example/app/MainActivity.kt', 'code', 'Kotlin', 'mobile'],
  ['android/app/src/main/java/com/rnapp/MainApplication.java', 'code', 'Java', 'mobile'],
  ['ios/Runner/AppDelegate.swift', 'code', 'Swift', 'mobile'],
  ['Sources/Alamofire/Core/Session.swift', 'code', 'Swift', 'mobile'],
  ['lib/src/widgets/framework.dart', 'code', 'Dart', 'mobile'],
  ['mobile/src/screens/HomeScreen.tsx', 'code', 'TSX', 'mobile'],
  ['Classes/AFNetworking/AFHTTPSessionManager.m', 'code', 'Objective-C', 'mobile'],
  ['android/app/src/main/res/layout/activity_main.xml', 'code', 'XML', 'mobile', 'Android UI resource'],
  // ── code, data and infra ───────────────────────────────────────────────────────────
  ['notebooks/01-exploration.ipynb', 'code', 'Jupyter Notebook', 'data'],
  ['R/geom-point.R', 'code', 'R', 'data'],
  ['dags/daily_sales_etl.py', 'code', 'Python', 'data'],
  ['models/staging/stg_orders.sql', 'code', 'SQL', 'data'],
  ['analytics/queries/weekly_revenue.sql', 'code', 'SQL', 'data'],
  ['src/ml/train.py', 'code', 'Python', 'data'],
  ['db/migrate/20240101000000_create_users.rb', 'code', 'Ruby', 'backend'],
  ['migrations/0001_initial.sql', 'code', 'SQL', 'backend'],
  ['server/db/queries/users.sql', 'code', 'SQL', 'backend'],
  ['terraform/modules/vpc/main.tf', 'code', 'HCL', 'infra'],
  ['Dockerfile', 'code', 'Dockerfile', 'infra'],
  ['services/web/Dockerfile', 'code', 'Dockerfile', 'infra'],
  ['Makefile', 'code', 'Makefile', 'infra'],
  ['CMakeLists.txt', 'code', 'CMake', 'infra'],
  ['scripts/release.sh', 'code', 'Shell', 'infra'],
  ['tools/build.ps1', 'code', 'PowerShell', 'infra'],
  ['charts/app/templates/_helpers.tpl', 'code', 'Go Template', 'infra'],
  ['BUILD.bazel', 'code', 'Starlark', 'infra'],
  // ── tests ──────────────────────────────────────────────────────────────────────────
  ['src/utils/date.test.ts', 'test', 'TypeScript', 'backend', 'test file name'],
  ['src/components/Button/Button.spec.tsx', 'test', 'TSX', 'frontend'],
  ['pkg/kubelet/kubelet_test.go', 'test', 'Go', 'backend'],
  ['tests/test_views.py', 'test', 'Python', 'backend'],
  ['django/contrib/auth/tests.py', 'test', 'Python', 'backend', 'pytest file name'],
  ['conftest.py', 'test', 'Python', 'backend'],
  ['spec/models/user_spec.rb', 'test', 'Ruby', 'backend'],
  ['src/test/java/com/acme/OrderServiceTest.java', 'test', 'Java', 'backend'],
  ['core/src/commonTest/kotlin/com/acme/ParserTests.kt', 'test', 'Kotlin', 'backend', 'xUnit test class name'],
  ['src/integration/java/com/acme/CheckoutIT.java', 'test', 'Java', 'backend', 'xUnit test class name'],
  ['Tests/AlamofireTests/SessionTests.swift', 'test', 'Swift', 'mobile'],
  ['app/src/androidTest/java/com/acme/ExampleInstrumentedTest.kt', 'test', 'Kotlin', 'mobile'],
  ['__tests__/App.test.js', 'test', 'JavaScript', 'backend'],
  ['cypress/e2e/checkout.cy.ts', 'test', 'TypeScript', 'frontend'],
  ['e2e/login.spec.ts', 'test', 'TypeScript', 'backend'],
  ['test/unit/math_test.exs', 'test', 'Elixir', 'backend'],
  ['features/login.feature', 'test', 'Gherkin', 'other', 'Gherkin'],
  ['src/setupTests.js', 'test', 'JavaScript', 'backend', 'setup file'],
  ['src/components/Button.stories.tsx', 'test', 'TSX', 'frontend', 'Storybook'],
  ['t/basic.t', 'test', 'Perl', 'backend'],
  ['src/__mocks__/axios.js', 'test', 'JavaScript', 'backend'],
  ['packages/babel-parser/test/fixtures/es2015/arrow/input.js', 'test', 'JavaScript', 'backend', 'test directory'],
  // ── config ─────────────────────────────────────────────────────────────────────────
  ['package.json', 'config', 'JSON', 'other', 'manifest'],
  ['apps/web/package.json', 'config', 'JSON', 'frontend'],
  ['tsconfig.json', 'config', 'JSON with Comments', 'other'],
  ['tsconfig.build.json', 'config', 'JSON', 'other'],
  ['.eslintrc.cjs', 'config', 'JavaScript', 'backend', 'dotfile settings'],
  ['vite.config.ts', 'config', 'TypeScript', 'backend', 'tool configuration'],
  ['webpack.prod.js', 'config', 'JavaScript', 'backend'],
  ['.github/workflows/ci.yml', 'config', 'YAML', 'infra', 'GitHub Actions'],
  ['.gitlab-ci.yml', 'config', 'YAML', 'infra', 'CI pipeline'],
  ['Jenkinsfile', 'config', 'Groovy', 'infra', 'CI pipeline'],
  ['docker-compose.yml', 'config', 'YAML', 'infra'],
  ['infra/k8s/deployment.yaml', 'config', 'YAML', 'infra', 'config language: YAML'],
  ['deploy/ansible/site.yml', 'config', 'YAML', 'infra'],
  ['pyproject.toml', 'config', 'TOML', 'other'],
  ['requirements-dev.txt', 'config', 'Pip Requirements', 'other'],
  ['Cargo.toml', 'config', 'TOML', 'other'],
  ['go.mod', 'config', 'Go Module', 'other'],
  ['pom.xml', 'config', 'Maven POM', 'other'],
  ['app/build.gradle.kts', 'config', 'Gradle Kotlin DSL', 'other', 'JVM build'],
  ['src/MyApp/MyApp.csproj', 'config', 'XML', 'other'],
  ['.env.example', 'config', 'Dotenv', 'other'],
  ['.editorconfig', 'config', 'EditorConfig', 'other'],
  ['.gitignore', 'config', 'Ignore List', 'other'],
  ['config/database.yml', 'config', 'YAML', 'other'],
  ['src/main/resources/application.properties', 'config', 'Java Properties', 'other'],
  ['.vscode/settings.json', 'config', 'JSON', 'other', 'editor'],
  ['Gemfile', 'config', 'Ruby', 'backend'],
  ['environments/prod.tfvars', 'config', 'HCL', 'infra'],
  // ── lock files ─────────────────────────────────────────────────────────────────────
  ['yarn.lock', 'lockfile', 'YAML', 'other', 'lockfile: yarn.lock'],
  ['packages/app/pnpm-lock.yaml', 'lockfile', 'YAML', 'other'],
  ['web/package-lock.json', 'lockfile', 'JSON', 'frontend'],
  ['Gemfile.lock', 'lockfile', 'Gemfile.lock', 'other'],
  ['poetry.lock', 'lockfile', 'TOML', 'other'],
  ['go.sum', 'lockfile', 'Go Checksums', 'other'],
  ['ios/Podfile.lock', 'lockfile', null, 'mobile'],
  ['.terraform.lock.hcl', 'lockfile', 'HCL', 'infra'],
  ['composer.lock', 'lockfile', 'JSON', 'other'],
  ['gradle/dependency-locks/compileClasspath.lockfile', 'lockfile', null, 'other', 'Gradle dependency lock'],
  // ── vendored ───────────────────────────────────────────────────────────────────────
  ['node_modules/lodash/lodash.js', 'vendored', 'JavaScript', 'backend', 'linguist vendor rule: node_modules/'],
  ['web/node_modules/@babel/core/lib/config/files/configuration.js', 'vendored', 'JavaScript', 'frontend', 'node_modules/'],
  ['vendor/github.com/stretchr/testify/assert/assertions.go', 'vendored', 'Go', 'backend', 'vendor/'],
  ['vendor/bundle/ruby/3.2.0/gems/rack-3.0.8/lib/rack.rb', 'vendored', 'Ruby', 'backend'],
  ['third_party/protobuf/src/google/protobuf/message.cc', 'vendored', 'C++', 'backend', 'third_party/'],
  ['Pods/Alamofire/Source/Session.swift', 'vendored', 'Swift', 'mobile'],
  ['Carthage/Checkouts/Quick/Sources/Quick/QuickSpec.swift', 'vendored', 'Swift', 'mobile'],
  ['public/js/jquery-3.6.0.js', 'vendored', 'JavaScript', 'frontend', 'jQuery'],
  ['static/css/bootstrap.css', 'vendored', 'CSS', 'frontend', 'Bootstrap'],
  ['bower_components/angular/angular.js', 'vendored', 'JavaScript', 'backend'],
  ['gradlew', 'vendored', 'Shell', 'infra', 'Gradle wrapper'],
  ['.yarn/releases/yarn-3.6.1.cjs', 'vendored', 'JavaScript', 'backend'],
  ['.venv/lib/python3.11/site-packages/requests/api.py', 'vendored', 'Python', 'backend', 'virtual environment'],
  ['extern/imgui/imgui.cpp', 'vendored', 'C++', 'backend', 'external/'],
  // ── generated ──────────────────────────────────────────────────────────────────────
  ['dist/index.js', 'generated', 'JavaScript', 'backend', 'dist/'],
  ['static/js/main.min.js', 'generated', 'JavaScript', 'frontend', 'minified file name'],
  ['assets/app.css.map', 'generated', null, 'frontend', 'source map'],
  ['api/v1/user.pb.go', 'generated', 'Go', 'backend', 'protocol buffer'],
  ['gen/python/user_pb2.py', 'generated', 'Python', 'backend'],
  ['lib/models/user.g.dart', 'generated', 'Dart', 'mobile'],
  ['lib/models/user.freezed.dart', 'generated', 'Dart', 'mobile'],
  ['Properties/Resources.Designer.cs', 'generated', 'C#', 'backend', '.NET designer'],
  ['src/__generated__/AppQuery.graphql.ts', 'generated', 'TypeScript', 'backend', '__generated__/'],
  ['staging/src/k8s.io/api/core/v1/zz_generated.deepcopy.go', 'generated', 'Go', 'backend', 'zz_generated'],
  ['MyApp.xcodeproj/project.pbxproj', 'generated', null, 'mobile', 'Xcode'],
  ['.idea/workspace.xml', 'generated', 'XML', 'other', '.idea/'],
  ['configure', 'generated', null, 'other', 'autotools'],
  ['db/schema.rb', 'generated', 'Ruby', 'backend', 'Rails schema dump'],
  ['.next/static/chunks/main.js', 'generated', 'JavaScript', 'frontend', 'framework build output'],
  // ── documentation ──────────────────────────────────────────────────────────────────
  ['README.md', 'docs', 'Markdown', 'other', 'well-known documentation file'],
  ['docs/getting-started.md', 'docs', 'Markdown', 'other', 'docs/ directory'],
  ['docs/source/conf.py', 'docs', 'Python', 'other', 'docs/ directory'],
  ['CHANGELOG.md', 'docs', 'Markdown', 'other'],
  ['LICENSE', 'docs', 'Text', 'other'],
  ['CONTRIBUTING.md', 'docs', 'Markdown', 'other'],
  ['examples/todo-app/src/App.js', 'docs', 'JavaScript', 'other', 'examples'],
  ['packages/router/examples/basic/main.ts', 'docs', 'TypeScript', 'other', 'examples'],
  ['man/git-log.1', 'docs', 'Roff Manpage', 'other'],
  ['Documentation/filesystems/ext4.rst', 'docs', 'reStructuredText', 'other'],
  ['src/guide.rst', 'docs', 'reStructuredText', 'other', 'documentation language'],
  ['website/blog/2024-01-01-release.mdx', 'docs', 'MDX', 'other'],
  ['.github/ISSUE_TEMPLATE/bug_report.md', 'docs', 'Markdown', 'other'],
  // ── data ───────────────────────────────────────────────────────────────────────────
  ['src/__snapshots__/Button.test.tsx.snap', 'data', 'Jest Snapshot', 'other', 'snapshot'],
  ['test/fixtures/response.json', 'data', 'JSON', 'other', 'fixture'],
  ['testdata/golden/output.txt', 'data', 'Text', 'other', 'fixture'],
  ['test/fixtures/markdown/headings.md', 'data', 'Markdown', 'other', 'fixture'],
  ['data/countries.csv', 'data', 'CSV', 'other'],
  ['locales/fr/messages.json', 'data', 'JSON', 'other', 'message catalog'],
  ['config/locales/en.yml', 'data', 'YAML', 'other'],
  ['app/src/main/res/values/strings.xml', 'data', 'XML', 'mobile', 'Android string resources'],
  ['po/de.po', 'data', 'Gettext Catalog', 'other', 'translation catalog'],
  ['src/assets/icons/logo.svg', 'data', 'SVG', 'frontend'],
  ['src/mocks/users.json', 'data', 'JSON', 'other'],
  ['logs/app.log', 'data', null, 'other'],
  ['bin/unknown-tool', 'data', null, 'other', 'no known language'],
  // ── binary ─────────────────────────────────────────────────────────────────────────
  ['assets/images/logo.png', 'binary', null, 'frontend', 'binary extension .png'],
  ['public/fonts/Inter.woff2', 'binary', null, 'frontend'],
  ['docs/whitepaper.pdf', 'binary', null, 'other'],
  ['lib/native/libfoo.so', 'binary', null, 'other'],
  ['build/app.wasm', 'binary', null, 'other'],
  ['models/resnet50.onnx', 'binary', null, 'other'],
  ['gradle/wrapper/gradle-wrapper.jar', 'binary', null, 'other', 'binary extension .jar'],
  ['src/__pycache__/utils.cpython-311.pyc', 'binary', null, 'other'],
  ['app/src/main/assets/sound.mp3', 'binary', null, 'mobile'],
];

/** Rows that need per-file facts: `.gitattributes`, git's binary flag, or content. */
const ROWS_WITH_FILE_FACTS: Row[] = [
  ['vendor/acme/billing/invoice.go', 'code', 'Go', 'backend', 'programming language', { attributes: { vendored: false } }],
  ['src/parser/grammar.js', 'generated', 'JavaScript', 'backend', '.gitattributes linguist-generated', { attributes: { generated: true } }],
  ['lib/legacy/helpers.js', 'vendored', 'JavaScript', 'backend', '.gitattributes linguist-vendored', { attributes: { vendored: true } }],
  ['src/internal/notes.ts', 'docs', 'TypeScript', 'other', '.gitattributes linguist-documentation', { attributes: { documentation: true } }],
  ['assets/model.dat', 'binary', null, 'frontend', '.gitattributes binary', { attributes: { binary: true } }],
  ['src/templates/page.inc', 'code', 'PHP', 'backend', 'programming language: PHP', { attributes: { language: 'php' } }],
  ['bun.lockb', 'lockfile', null, 'other', 'lockfile: bun.lockb', { binary: true }],
  ['package-lock.json', 'lockfile', 'JSON', 'other', 'lockfile', { attributes: { binary: true } }],
  ['package-lock.json', 'config', 'JSON', 'other', 'config language: JSON', { attributes: { generated: false } }],
  ['resources/data.txt', 'binary', 'Text', 'other', 'git reported a binary diff', { binary: true }],
  [
    'internal/db/models.go',
    'generated',
    'Go',
    'backend',
    'generated header: "Code generated … DO NOT EDIT"',
    { contentHead: '// Code generated by sqlc. DO NOT EDIT.\n// versions:\n//   sqlc v1.25.0\n\npackage db\n' },
  ],
  [
    'public/app.js',
    'generated',
    'JavaScript',
    'frontend',
    'minified content: average line length 480 > 110',
    { contentHead: '!function(e){var t={};', averageLineLength: 480 },
  ],
  ['bin/deploy', 'code', 'Shell', 'infra', 'programming language: Shell', { contentHead: '#!/usr/bin/env bash\nset -euo pipefail\n' }],
];

function toCase([path, kind, language, stack, reason, perFile]: Row): PathCase {
  return { path, kind, language, stack, reason, perFile };
}

describe('createFileClassifier on real-world paths', () => {
  const classify = createFileClassifier();
  const cases = [...ROWS, ...ROWS_WITH_FILE_FACTS].map(toCase);

  it('covers at least 120 paths and every kind and stack', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.kind)).size).toBe(9);
    expect(new Set(cases.map((c) => c.stack)).size).toBe(6);
  });

  it.each(cases)('$path → $kind / $stack ($language)', ({ path, kind, language, stack, reason, perFile }) => {
    const result = classify(path, perFile);
    expect({ kind: result.kind, language: result.language, stack: result.stack }).toEqual({ kind, language, stack });
    if (reason !== undefined) expect(result.reason).toContain(reason);
    expect(result.stackReason).toBeTruthy();
  });
});
