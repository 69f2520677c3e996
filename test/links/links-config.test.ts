import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/index.js';
import { problemsOf } from '../config/problems.js';

describe('the links section of the configuration', () => {
  it('defaults to no extra Jira projects', () => {
    expect(parseConfig('', { baseDir: '/srv' }).links).toEqual({ jiraProjects: [] });
  });

  it('upper-cases and de-duplicates Jira project keys', () => {
    expect(parseConfig('links:\n  jiraProjects: [abc, ABC, Web_2]\n', { baseDir: '/srv' }).links).toEqual({ jiraProjects: ['ABC', 'WEB_2'] });
  });

  it('reports keys that cannot be Jira projects, and unknown keys, with their paths', () => {
    expect(problemsOf('links:\n  jiraProjects: [ABC, UTF 8, 7UP, X]\n  projects: [ABC]\n')).toEqual([
      'links.jiraProjects[1]: expected a Jira project key such as ABC (a letter, then letters, digits or _)',
      'links.jiraProjects[2]: expected a Jira project key such as ABC (a letter, then letters, digits or _)',
      'links.jiraProjects[3]: expected a Jira project key such as ABC (a letter, then letters, digits or _)',
      'links.projects: unknown key; did you mean "jiraProjects"?',
    ]);
  });
});
