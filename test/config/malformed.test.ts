import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfigProblems, parseConfig } from '../../pipeline/config/index.js';
import { problemsOf } from './problems.js';

const lines = (...text: string[]) => text.join('\n');

describe('malformed configurations', () => {
  it('reports an unknown key with the closest allowed key at that level', () => {
    expect(problemsOf('weights:\n  opz: { add: 1 }\n')).toEqual(['weights.opz: unknown key; did you mean "ops"?']);
  });

  it('suggests the camelCase key for snake_case spellings and lists the keys when nothing is close', () => {
    expect(problemsOf(lines('repos:', '  - path: .', '    release_tag_pattern: v*', '    colour: red'))).toEqual([
      'repos[0].release_tag_pattern: unknown key; did you mean "releaseTagPattern"?',
      'repos[0].colour: unknown key; expected one of name, path, url, branch, stack, team, releaseTagPattern, kinds, stacks, exclude',
    ]);
  });

  it('reports several problems in different sections at once, in file order', () => {
    expect(
      problemsOf(
        lines(
          'calendar:',
          '  timezone: Europe/Berln',
          '  fiscalYearStartMonth: 13',
          'weights:',
          '  ops: { add: -1, delete: "2" }',
          '  bulk: { threshold: 1.5, factor: 2 }',
          'thresholds: { updateSimilarity: 1.5 }',
          'privacy: { minGroupSize: 0 }',
        ),
      ),
    ).toEqual([
      'calendar.timezone: unknown time zone "Europe/Berln"; did you mean "Europe/Berlin"?',
      'calendar.fiscalYearStartMonth: must be at most 12, got 13',
      'privacy.minGroupSize: must be at least 1, got 0',
      'weights.ops.add: must be at least 0, got -1',
      'weights.ops.delete: expected a number, got "2"',
      'weights.bulk.threshold: expected a whole number, got 1.5',
      'weights.bulk.factor: must be at most 1, got 2',
      'thresholds.updateSimilarity: must be at most 1, got 1.5',
    ]);
  });

  it('names the allowed values of an enum and suggests the intended one', () => {
    expect(
      problemsOf(
        lines(
          'weights: { preset: gitclaer }',
          'calendar: { weekStart: mon }',
          'repos:',
          "  - { path: ., stack: frontnd, kinds: [{ glob: 'gen/**', kind: robot }] }",
        ),
      ),
    ).toEqual([
      'repos[0].stack: "frontnd" is not one of frontend, backend, mobile, data, infra, other; did you mean "frontend"?',
      'repos[0].kinds[0].kind: "robot" is not one of code, test, config, docs, generated, vendored, lockfile, binary, data',
      'calendar.weekStart: "mon" is not one of monday, tuesday, wednesday, thursday, friday, saturday, sunday; did you mean "monday"?',
      'weights.preset: "gitclaer" is not one of default, gitclear, raw; did you mean "gitclear"?',
    ]);
  });

  it('rejects negative weights wherever they are', () => {
    expect(
      problemsOf(
        lines(
          'weights:',
          "  workTypes: { feat: -1, 'chore(deps)': -0.5 }",
          '  testFileWeight: -0.1',
          '  phases: { released: -2 }',
          '  complexity: { factor: -0.25, cap: 0.5 }',
        ),
      ),
    ).toEqual([
      'weights.complexity.factor: must be at least 0, got -0.25',
      'weights.complexity.cap: must be at least 1, got 0.5',
      'weights.workTypes.feat: must be at least 0, got -1',
      'weights.workTypes["chore(deps)"]: must be at least 0, got -0.5',
      'weights.testFileWeight: must be at least 0, got -0.1',
      'weights.phases.released: must be at least 0, got -2',
    ]);
  });

  it('rejects a bad time zone with a hint when nothing is close', () => {
    expect(problemsOf('calendar: { timezone: Mars/Olympus_Mons }')).toEqual([
      'calendar.timezone: unknown time zone "Mars/Olympus_Mons"; expected an IANA name such as "Europe/Berlin" or "UTC"',
    ]);
  });

  it('reports YAML syntax errors with the file, line and column', () => {
    expect(problemsOf(lines('weights:', '  ops: [1, 2', 'calendar: {}'))).toEqual([
      'codeledger.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(problemsOf(lines('version: 1', 'privacy: {}', 'privacy: {}'))).toEqual([
      'codeledger.yaml:3:1: Map keys must be unique',
    ]);
  });

  it('uses the source name given for syntax errors', () => {
    try {
      parseConfig('a: b: c', { baseDir: '.', sourceName: 'conf/codeledger.yaml' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'conf/codeledger.yaml:1:4: Nested mappings are not allowed in compact mappings',
      ]);
    }
  });

  it('rejects a file whose top level is not a mapping', () => {
    expect(problemsOf('- web\n- api\n')).toEqual(['(top level): expected a mapping, got a list']);
  });

  it('checks repository entries: path or url, clonable URLs, names, unique names', () => {
    expect(
      problemsOf(
        lines(
          'repos:',
          '  - { name: web, path: ../web, url: https://github.com/acme/web.git }',
          '  - { url: "not a url" }',
          '  - { branch: main }',
          '  - { name: "web app", path: ../web-app }',
        ),
      ),
    ).toEqual([
      'repos[0]: give either path or url, not both',
      'repos[1].url: expected a URL git can clone (https://…, ssh://…, file://… or git@host:owner/repo.git); for a local clone use path',
      'repos[2]: one of path or url is required',
      'repos[3].name: use letters, digits, ".", "_", "-" or "/", starting with a letter or digit (the name is part of ids)',
    ]);
    expect(problemsOf(lines('repos:', '  - path: ../a/web', '  - url: git@github.com:acme/web.git'))).toEqual([
      'repos[1].name: duplicate repository name "web" (also repos[0]); give each repository its own name',
    ]);
    expect(problemsOf('repos: []')).toEqual([
      'repos: list at least one repository, or leave repos out to analyse the repository in the working directory',
    ]);
  });

  it('checks the roster and identity patterns', () => {
    expect(
      problemsOf(
        lines(
          'people:',
          '  - { name: Alice, emails: [alice@example.com], kind: robot }',
          '  - { name: "", emails: [] }',
          '  - { name: Bob, emails: [bob-at-example.com] }',
          'agents: { extraBots: [{}], extraAgents: [{ mail: "*@x.com" }] }',
        ),
      ),
    ).toEqual([
      'people[0].kind: "robot" is not one of human, ai_agent, bot',
      'people[1].name: must not be empty',
      'people[1].emails: must list at least 1 entry',
      'people[2].emails[0]: expected an e-mail address',
      'agents.extraBots[0]: give at least one of email, name or login',
      'agents.extraAgents[0].mail: unknown key; did you mean "email"?',
      'agents.extraAgents[0]: give at least one of email, name or login',
    ]);
    expect(
      problemsOf(lines('people:', '  - { name: Alice, emails: [alice@example.com] }', '  - { name: Al, emails: [Alice@Example.com] }')),
    ).toEqual(['people[1].emails[0]: alice@example.com is already listed for people[0] (Alice)']);
  });

  it('names required fields that are missing', () => {
    expect(problemsOf(lines('people: [{ emails: [ann@example.com] }]', 'repos: [{ path: ., kinds: [{ kind: generated }] }]'))).toEqual([
      'repos[0].kinds[0].glob: is required',
      'people[0].name: is required',
    ]);
  });

  it('validates the schedule with node-cron', () => {
    expect(problemsOf("schedule: { cron: '61 2 * * *' }")).toEqual([
      'schedule.cron: invalid cron expression "61 2 * * *": minute field "61" is out of range',
    ]);
    expect(problemsOf("schedule: { cron: 'nightly' }")).toEqual([
      'schedule.cron: invalid cron expression "nightly": expected 5 or 6 fields but got 1',
    ]);
  });

  it('rejects unsupported versions, wrong types of whole sections and unknown top-level keys', () => {
    expect(
      problemsOf(lines('version: 2', 'dashboard: true', 'repos: { path: . }', 'weigths: {}', 'schedules: {}')),
    ).toEqual([
      'version: unsupported config version; this codeledger reads version 1',
      'dashboard: expected a mapping, got true',
      'repos: expected a list, got a mapping',
      'weigths: unknown key; did you mean "weights"?',
      'schedules: unknown key; did you mean "schedule"?',
    ]);
  });

  it('summarises every problem in the error message and in describeConfigProblems', () => {
    try {
      parseConfig('weights: { opz: 1, preset: nope }', { baseDir: '.', sourceName: 'team.yaml' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const configError = error as ConfigError;
      expect(configError.name).toBe('ConfigError');
      expect(describeConfigProblems(configError)).toBe(
        [
          'weights.preset: "nope" is not one of default, gitclear, raw',
          'weights.opz: unknown key; did you mean "ops"?',
        ].join('\n'),
      );
      expect(configError.message).toBe(
        [
          'Invalid configuration in team.yaml (2 problems):',
          '  weights.preset: "nope" is not one of default, gitclear, raw',
          '  weights.opz: unknown key; did you mean "ops"?',
        ].join('\n'),
      );
    }
  });
});
