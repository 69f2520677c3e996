import { createFileClassifier } from './pipeline/classify/index.js';
const c = createFileClassifier({});
const paths = process.argv.slice(2).length ? process.argv.slice(2) : [
'src/index.ts','web/src/App.tsx','server/src/app.ts','node_modules/react/index.js','packages/a/node_modules/b/c/d.js','vendor/github.com/x/y.go',
'yarn.lock','packages/web/package-lock.json','bun.lockb','go.sum','docs/intro.md','README.md','src/foo.test.ts','src/foo.spec.tsx','pkg/x/x_test.go',
'tests/test_api.py','app/src/main/java/com/acme/MainActivity.kt','server/src/main/kotlin/com/acme/Api.kt','src/main/kotlin/Application.kt',
'db/queries.sql','migrations/001_init.sql','infra/main.tf','Dockerfile','Makefile','.github/workflows/ci.yml','package.json','tsconfig.json','tsconfig.build.json',
'assets/logo.png','public/favicon.ico','dist/bundle.js','static/js/app.min.js','src/__snapshots__/a.test.ts.snap','test/fixtures/input.json','testdata/golden.txt',
'locales/en.json','src/i18n/fr.json','ios/App/AppDelegate.swift','lib/main.dart','notebooks/eda.ipynb','analysis/model.R','dags/etl.py','src/components/Button.jsx',
'include/foo.h','src/foo.cc','scripts/deploy.sh','bin/run','setup.py','requirements.txt','Cargo.toml','src/main.rs','.gitignore','.env.example','k8s/deployment.yaml',
'charts/app/templates/_helpers.tpl','src/styles/main.scss','index.html','api/openapi.yaml','proto/user.proto','src/gen/user.pb.go','lib/foo_pb2.py',
'examples/basic/main.go','CHANGELOG.md','LICENSE','src/types.d.ts','.eslintrc.js','vite.config.ts','jest.config.js','src/setupTests.ts','cypress/e2e/login.cy.ts',
'src/Button.stories.tsx','docs/conf.py','man/foo.1','spec/models/user_spec.rb','src/test/java/com/acme/FooTest.java','Tests/AppTests/AppTests.swift',
'third_party/zlib/inflate.c','extern/imgui/imgui.cpp','Pods/Alamofire/Source/AF.swift','gradlew','gradle/wrapper/gradle-wrapper.properties','app/build.gradle',
'frontend/src/api/client.ts','backend/src/components/user.ts','web-server/main.ts','src/cache/lru.ts','config/env/production.js','.venv/lib/python3.11/site-packages/x.py',
'foo.unknownext','data/countries.csv','src/data/users.json','src/assets/icon.svg','Gemfile','Gemfile.lock','app/models/user.rb','app/views/users/index.html.erb',
'resources/views/welcome.blade.php','src/app/app.component.html','src/app/app.component.ts','mobile/src/screens/Home.tsx','android/app/src/main/res/layout/main.xml',
'android/app/src/main/res/values/strings.xml','src/main/resources/application.yml','pages/api/hello.ts','pages/index.tsx'
];
for (const p of paths) { const r = c(p); console.log(p.padEnd(55), String(r.language).padEnd(18), r.kind.padEnd(9), r.stack.padEnd(8), r.reason, ' | ', r.stackReason); }
