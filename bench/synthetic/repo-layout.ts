/**
 * Where things live in the synthetic repository: a TypeScript front end under web/src, Java
 * and Go services under services/, Python data pipelines under data/, SQL migrations,
 * deployment YAML and Markdown docs. Features are added as modules (a directory of related
 * files plus their tests), which is how real code bases grow.
 */

import type { Focus } from './people.js';
import type { FileRole, Language } from './source-file.js';
import { capitalize, kebabCase, pascalCase, snakeCase } from './vocabulary.js';

/** Areas of the code base; each is owned by people of one focus and has its own commit scope. */
export type AreaName = 'web' | 'orders' | 'inventory' | 'billing' | 'gateway' | 'data' | 'db' | 'infra' | 'docs' | 'third_party' | 'root';

/** An area that holds feature modules of one language. */
export interface CodeArea {
  name: AreaName;
  focus: Focus;
  /** Conventional-commit scope used for the area's commits. */
  scope: string;
  /** Share of the code base's lines this area holds. */
  weight: number;
}

/** The areas that grow by feature modules, with their share of the code. */
export const CODE_AREAS: readonly CodeArea[] = [
  { name: 'web', focus: 'frontend', scope: 'web', weight: 0.32 },
  { name: 'orders', focus: 'java', scope: 'orders', weight: 0.17 },
  { name: 'inventory', focus: 'java', scope: 'inventory', weight: 0.1 },
  { name: 'billing', focus: 'go', scope: 'billing', weight: 0.14 },
  { name: 'gateway', focus: 'go', scope: 'gateway', weight: 0.08 },
  { name: 'data', focus: 'data', scope: 'data', weight: 0.19 },
];

/** A feature module: a named group of files in one area. */
export interface FeatureModule {
  area: AreaName;
  /** Words naming the feature, e.g. `['refund', 'policy']`. */
  subject: readonly string[];
  /** Directories holding the module's files (source, and tests when they live apart). */
  dirs: readonly string[];
}

/** A file a new module (or a module extension) should contain. */
export interface PlannedFile {
  path: string;
  language: Language;
  role: Extract<FileRole, 'source' | 'test'>;
  subject: readonly string[];
  /** Java or Go package the file belongs to. */
  packageName: string;
}

const AREA_PREFIXES: ReadonlyArray<readonly [string, AreaName]> = [
  ['web/', 'web'],
  ['services/orders/', 'orders'],
  ['services/inventory/', 'inventory'],
  ['services/billing/', 'billing'],
  ['services/gateway/', 'gateway'],
  ['data/', 'data'],
  ['db/', 'db'],
  ['deploy/', 'infra'],
  ['.github/', 'infra'],
  ['config/', 'infra'],
  ['docs/', 'docs'],
  ['third_party/', 'third_party'],
];

/** The area a path belongs to. */
export function areaOf(path: string): AreaName {
  for (const [prefix, area] of AREA_PREFIXES) if (path.startsWith(prefix)) return area;
  return path.endsWith('.md') ? 'docs' : 'root';
}

function javaService(area: AreaName): string {
  return area === 'orders' ? 'orders' : 'inventory';
}

function goService(area: AreaName): string {
  return area === 'billing' ? 'billing' : 'gateway';
}

/** Directories of a new module named `subject` in `area`. */
export function moduleDirs(area: AreaName, subject: readonly string[]): string[] {
  const compact = subject.join('');
  switch (area) {
    case 'web': return [`web/src/features/${kebabCase(subject)}`];
    case 'orders':
    case 'inventory': {
      const service = javaService(area);
      return [`services/${service}/src/main/java/com/acme/${service}/${compact}`, `services/${service}/src/test/java/com/acme/${service}/${compact}`];
    }
    case 'billing':
    case 'gateway': return [`services/${goService(area)}/internal/${compact}`];
    case 'data': return [`data/pipelines/${snakeCase(subject)}`, `data/tests/${snakeCase(subject)}`];
    default: throw new Error(`area ${area} has no feature modules`);
  }
}

/**
 * Files of module `module`; `index` numbers extra files so a module can grow past its
 * template (index 0 is the template itself).
 *
 * @example
 * plannedFiles({ area: 'web', subject: ['refund'], dirs: ['web/src/features/refund'] }, 0, 'payment');
 */
export function plannedFiles(module: FeatureModule, index: number, extraNoun: string): PlannedFile[] {
  const { area, subject, dirs } = module;
  const pascal = pascalCase(subject);
  const kebab = kebabCase(subject);
  const [main, tests] = [dirs[0]!, dirs[1] ?? dirs[0]!];
  const compact = subject.join('');
  const extra = index === 0 ? '' : `${capitalize(extraNoun)}${index}`;
  const file = (path: string, language: Language, role: 'source' | 'test', packageName = compact): PlannedFile => ({ path, language, role, subject, packageName });
  switch (area) {
    case 'web':
      if (index > 0) return [file(`${main}/${pascal}${extra}.tsx`, 'tsx', 'source'), file(`${main}/${kebab}-${extraNoun}-${index}.ts`, 'typescript', 'source')];
      return [
        file(`${main}/${pascal}Page.tsx`, 'tsx', 'source'),
        file(`${main}/${pascal}List.tsx`, 'tsx', 'source'),
        file(`${main}/use${pascal}.ts`, 'typescript', 'source'),
        file(`${main}/${kebab}-api.ts`, 'typescript', 'source'),
        file(`${main}/${kebab}-format.ts`, 'typescript', 'source'),
        file(`${main}/__tests__/${pascal}List.test.tsx`, 'tsx', 'test'),
        file(`${main}/__tests__/${kebab}-format.test.ts`, 'typescript', 'test'),
      ];
    case 'orders':
    case 'inventory': {
      const pkg = `com.acme.${javaService(area)}.${compact}`;
      if (index > 0) return [file(`${main}/${pascal}${extra}Handler.java`, 'java', 'source', pkg)];
      return [
        file(`${main}/${pascal}Service.java`, 'java', 'source', pkg),
        file(`${main}/${pascal}Controller.java`, 'java', 'source', pkg),
        file(`${main}/${pascal}Repository.java`, 'java', 'source', pkg),
        file(`${main}/${pascal}Validator.java`, 'java', 'source', pkg),
        file(`${tests}/${pascal}ServiceTest.java`, 'java', 'test', pkg),
        file(`${tests}/${pascal}ValidatorTest.java`, 'java', 'test', pkg),
      ];
    }
    case 'billing':
    case 'gateway':
      if (index > 0) return [file(`${main}/${extraNoun}_${index}.go`, 'go', 'source')];
      return [
        file(`${main}/service.go`, 'go', 'source'),
        file(`${main}/handler.go`, 'go', 'source'),
        file(`${main}/store.go`, 'go', 'source'),
        file(`${main}/service_test.go`, 'go', 'test'),
      ];
    case 'data':
      if (index > 0) return [file(`${main}/${extraNoun}_rules_${index}.py`, 'python', 'source')];
      return [
        file(`${main}/extract.py`, 'python', 'source'),
        file(`${main}/transform.py`, 'python', 'source'),
        file(`${main}/load.py`, 'python', 'source'),
        file(`${tests}/test_transform.py`, 'python', 'test'),
      ];
    default:
      throw new Error(`area ${area} has no feature modules`);
  }
}
