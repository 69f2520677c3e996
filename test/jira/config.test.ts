import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/index.js';
import { DEFAULT_EXCLUDED_RESOLUTIONS, JIRA_DEFAULTS } from '../../pipeline/config/jira-config.js';
import { problemsOf } from '../config/problems.js';

const cloud = `
sources:
  jira:
    - name: acme
      url: https://acme.atlassian.net/
      emailEnv: JIRA_EMAIL
      apiTokenEnv: JIRA_API_TOKEN
      projects: [ABC, OPS, ABC]
`;

describe('sources.jira configuration', () => {
  it('resolves a Cloud site with every default filled in', () => {
    const [source] = parseConfig(cloud, { baseDir: '/srv/conf' }).sources.jira;
    expect(source).toEqual({
      name: 'acme',
      url: 'https://acme.atlassian.net',
      deployment: 'auto',
      auth: { kind: 'basic', emailEnv: 'JIRA_EMAIL', apiTokenEnv: 'JIRA_API_TOKEN' },
      projects: ['ABC', 'OPS'],
      jql: null,
      fields: { storyPoints: null, severity: null, epicLink: null, foundInEnvironment: null },
      types: { requirement: [], bug: [], incident: [], task: [], subtask: [], other: [] },
      phases: { default: {}, projects: {} },
      excludedResolutions: DEFAULT_EXCLUDED_RESOLUTIONS,
      escaped: { field: null, values: ['production', 'prod', 'live'], labels: ['production', 'found-in-production', 'escaped'], priorities: [] },
      fullRefreshDays: JIRA_DEFAULTS.fullRefreshDays,
      pageSize: JIRA_DEFAULTS.pageSize,
      timeoutSeconds: JIRA_DEFAULTS.timeoutSeconds,
    });
  });

  it('takes a Data Center token, a JQL filter, overrides, and lets the escaped field default to the found-in field', () => {
    const [source] = parseConfig(
      `
sources:
  jira:
    - name: intranet
      url: http://jira.intranet:8080/jira
      deployment: datacenter
      tokenEnv: JIRA_PAT
      jql: labels = backend
      fields: { storyPoints: customfield_10002, foundInEnvironment: customfield_10300, epicLink: customfield_10100 }
      types: { requirement: [Anforderung], bug: [Fehler] }
      phases:
        default: { Prüfung: review, "10101": test }
        projects: { OPS: { Warteschlange: blocked } }
      excludedResolutions: [Duplikat]
      fullRefreshDays: 1
      pageSize: 200
`,
      { baseDir: '/srv/conf' },
    ).sources.jira;
    expect(source).toMatchObject({
      url: 'http://jira.intranet:8080/jira',
      deployment: 'datacenter',
      auth: { kind: 'bearer', tokenEnv: 'JIRA_PAT' },
      projects: [],
      jql: 'labels = backend',
      types: { requirement: ['Anforderung'], bug: ['Fehler'], incident: [] },
      phases: { default: { Prüfung: 'review', '10101': 'test' }, projects: { OPS: { Warteschlange: 'blocked' } } },
      excludedResolutions: ['Duplikat'],
      escaped: { field: 'customfield_10300' },
      fullRefreshDays: 1,
      pageSize: 200,
    });
  });

  it('reports every problem of an entry with its path, never echoing a pasted secret', () => {
    const problems = problemsOf(`
sources:
  jira:
    - name: acme
      url: ftp://acme.example.com
      emailEnv: JIRA_EMAIL
      projects: [abc]
      jql: project = ABC ORDER BY created
      phases: { default: { Done: finished } }
      apiToken: ATATT3xFfGF0-secret
    - name: other
      url: https://user:hunter2@jira.example.com
      tokenEnv: "ATATT3xFfGF0 secret value"
    - name: third
      url: https://acme.atlassian.net
      tokenEnv: T
      projects: [ABC]
      pageSize: 5000
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'sources.jira[0].url: expected an http:// or https:// address',
        'sources.jira[0].projects[0]: expected a Jira project key such as ABC',
        expect.stringMatching(/^sources\.jira\[0\]\.phases\.default\.Done: "finished" is not one of backlog, clarify, develop/),
        expect.stringMatching(/^sources\.jira\[0\]\.apiToken: secrets must not be written in the config file/),
        'sources.jira[0].apiTokenEnv: emailEnv needs apiTokenEnv too (Cloud signs in with e-mail and API token)',
        'sources.jira[0].jql: leave ORDER BY out; the collector orders by updated and key itself',
        'sources.jira[1].url: contains credentials; remove them and name the environment variables in emailEnv/apiTokenEnv or tokenEnv',
        'sources.jira[1].tokenEnv: expected the name of an environment variable (letters, digits and _), not its value',
        'sources.jira[1].projects: list at least one project key, or give a jql filter',
        'sources.jira[2].pageSize: must be at most 1000, got 5000',
      ]),
    );
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.join('\n')).not.toContain('ATATT3xFfGF0');
  });

  it('is shown in codeledger.example.yaml as a valid entry', () => {
    const example = readFileSync(new URL('../../codeledger.example.yaml', import.meta.url), 'utf8');
    const [source] = parseConfig(example, { baseDir: '/srv/conf' }).sources.jira;
    expect(source).toMatchObject({
      name: 'acme',
      deployment: 'auto',
      auth: { kind: 'basic', emailEnv: 'JIRA_EMAIL', apiTokenEnv: 'JIRA_API_TOKEN' },
      projects: ['ABC', 'OPS'],
      excludedResolutions: DEFAULT_EXCLUDED_RESOLUTIONS,
      fullRefreshDays: JIRA_DEFAULTS.fullRefreshDays,
      pageSize: JIRA_DEFAULTS.pageSize,
    });
  });

  it('keeps source names unique (they are part of ids)', () => {
    const entry = (name: string) => `    - { name: ${name}, url: "https://a.atlassian.net", projects: [ABC], tokenEnv: T }\n`;
    expect(problemsOf(`sources:\n  jira:\n${entry('acme')}${entry('ACME')}`)).toEqual(['sources.jira[1].name: duplicate Jira source name "ACME" (also [0])']);
  });

  it('asks for a credential and refuses two kinds at once', () => {
    expect(problemsOf('sources:\n  jira:\n    - { name: a, url: "https://a.atlassian.net", projects: [ABC] }\n')).toEqual([
      'sources.jira[0].tokenEnv: name the credential: emailEnv and apiTokenEnv (Cloud) or tokenEnv (Data Center personal access token)',
    ]);
    expect(
      problemsOf('sources:\n  jira:\n    - { name: a, url: "https://a.atlassian.net", projects: [ABC], emailEnv: E, apiTokenEnv: T, tokenEnv: P }\n'),
    ).toEqual(['sources.jira[0].tokenEnv: give either emailEnv and apiTokenEnv (Cloud) or tokenEnv (Data Center), not both']);
  });
});
