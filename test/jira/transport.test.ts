import { describe, expect, it } from 'vitest';
import { createJiraClientTransport } from '../../collectors/jira/jira-client-transport.js';

describe('the jira-client transport', () => {
  it('builds URLs with the context path and API version, encoding query values', () => {
    const transport = createJiraClientTransport({ siteUrl: 'http://jira.intranet:8080/jira/', auth: { bearer: 'x' }, timeoutMs: 1000 });
    expect(transport.urlOf({ method: 'GET', path: '/rest/api/2/serverInfo' })).toBe('http://jira.intranet:8080/jira/rest/api/2/serverInfo');
    expect(transport.urlOf({ method: 'POST', path: '/rest/api/3/search/jql' })).toBe('http://jira.intranet:8080/jira/rest/api/3/search/jql');
    expect(transport.urlOf({ method: 'GET', path: '/rest/api/2/search', query: { jql: 'summary ~ "a&b" AND key = ABC-1', startAt: 50 } })).toBe(
      'http://jira.intranet:8080/jira/rest/api/2/search?jql=summary+%7E+%22a%26b%22+AND+key+%3D+ABC-1&startAt=50',
    );
    const cloud = createJiraClientTransport({ siteUrl: 'https://acme.atlassian.net', auth: { username: 'a@b.c', password: 'x' }, timeoutMs: 1000 });
    expect(cloud.urlOf({ method: 'GET', path: '/rest/api/2/issue/ABC-1', query: { expand: 'changelog' } })).toBe(
      'https://acme.atlassian.net/rest/api/2/issue/ABC-1?expand=changelog',
    );
  });
});
