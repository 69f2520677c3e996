import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local HTTP server on 127.0.0.1 answering like Jira Cloud or Jira Data Center, for the
 * collector's tests: server info, the profile time zone, statuses, issue search (enhanced search
 * with nextPageToken on Cloud and 410 on the old endpoints; startAt search on Data Center),
 * truncated embedded changelogs, the Cloud bulk changelog fetch, the Data Center issue endpoint,
 * authentication, and scripted faults (status, headers, malformed bodies, slow answers).
 */

export type FakeDeployment = 'cloud' | 'datacenter';

export interface FakeUser {
  /** Cloud account id. */
  accountId: string;
  /** Data Center key and user name. */
  key: string;
  name: string;
  displayName: string;
  emailAddress?: string;
}

export interface FakeStatus {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done' | 'undefined';
}

export interface FakeChangeItem {
  field: string;
  /** Field id on Cloud (`status`, `assignee`, ...). */
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface FakeHistory {
  id: string;
  created: Date;
  author: FakeUser | null;
  items: FakeChangeItem[];
}

export interface FakeIssue {
  id: string;
  key: string;
  summary: string;
  type: { id: string; name: string; subtask?: boolean; hierarchyLevel?: number };
  status: FakeStatus;
  created: Date;
  updated: Date;
  resolution?: string | null;
  resolutionDate?: Date | null;
  priority?: string | null;
  assignee?: FakeUser | null;
  reporter?: FakeUser | null;
  parent?: { key: string; typeName: string; hierarchyLevel: number } | null;
  labels?: string[];
  components?: string[];
  fixVersions?: { name: string; released: boolean; releaseDate?: string }[];
  custom?: Record<string, unknown>;
  histories: FakeHistory[];
}

/** A scripted answer for matching requests, used `times` times (then normal answers resume). */
export interface Fault {
  method?: 'GET' | 'POST';
  path: string | RegExp;
  times: number;
  status?: number;
  headers?: Record<string, string>;
  /** Raw body text (not JSON-encoded). */
  rawBody?: string;
  body?: unknown;
  /** Wait this long before answering (the answer is then normal unless status is set). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
  authorization: string | null;
}

export interface FakeJiraOptions {
  deployment: FakeDeployment;
  /** The API user's profile zone (`/myself`); null: not shown. */
  timeZone: string | null;
  /** Data Center `serverInfo.serverTimeZone`. */
  serverTimeZone?: string | null;
  /** Cloud credential, or a Data Center personal access token. */
  credential: { email: string; apiToken: string } | { token: string };
  statuses: FakeStatus[];
  issues: FakeIssue[];
  /** Histories embedded in a search answer (the latest ones); null: all. */
  embeddedChangelogLimit: number | null;
  /** Histories per page of the Cloud bulk changelog fetch. */
  bulkChangelogPageSize?: number;
  /** Histories the Data Center issue endpoint returns (the latest ones); default all. */
  issueChangelogLimit?: number;
  /** Context path the site lives under (e.g. `/jira`); requests outside it get 404. */
  basePath?: string;
}

export class FakeJira {
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  issues: FakeIssue[];
  private server: Server | null = null;
  private baseUrl = '';

  constructor(readonly options: FakeJiraOptions) {
    this.issues = options.issues;
  }

  /** The site address, context path included. */
  get url(): string {
    return `${this.baseUrl}${this.options.basePath ?? ''}`;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(JSON.stringify({ errorMessages: [String(error)] }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests whose path matches, in order. */
  requestsTo(path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => (typeof path === 'string' ? request.path === path : path.test(request.path)));
  }

  /** The JQL of every search request, in order. */
  searchedJql(): string[] {
    return this.requests.filter((request) => /\/search(\/jql)?$/.test(request.path)).map((request) => String(request.body?.jql ?? request.query.jql));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const basePath = this.options.basePath ?? '';
    if (!url.pathname.startsWith(`${basePath}/`)) return send(response, 404, { errorMessages: ['outside the context path'] });
    url.pathname = url.pathname.slice(basePath.length);
    const text = await readBody(request);
    let body: Record<string, unknown> | null = null;
    if (text !== '') body = JSON.parse(text) as Record<string, unknown>;
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      body,
      authorization: request.headers.authorization ?? null,
    };
    this.requests.push(recorded);

    const fault = this.takeFault(recorded);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (response.destroyed) return;
    if (fault && (fault.status !== undefined || fault.rawBody !== undefined || fault.body !== undefined)) {
      const status = fault.status ?? 200;
      response.writeHead(status, { 'content-type': 'application/json', ...fault.headers });
      response.end(fault.rawBody ?? JSON.stringify(fault.body ?? { errorMessages: [`scripted ${status}`] }));
      return;
    }
    if (!this.authorised(recorded.authorization)) {
      return send(response, 401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'] });
    }
    const answer = this.route(recorded);
    send(response, answer.status, answer.body, answer.headers);
  }

  private takeFault(request: RecordedRequest): Fault | null {
    const index = this.faults.findIndex(
      (fault) =>
        fault.times > 0 &&
        (fault.method === undefined || fault.method === request.method) &&
        (typeof fault.path === 'string' ? fault.path === request.path : fault.path.test(request.path)),
    );
    if (index < 0) return null;
    const fault = this.faults[index]!;
    fault.times--;
    return fault;
  }

  private authorised(header: string | null): boolean {
    const credential = this.options.credential;
    if ('token' in credential) return header === `Bearer ${credential.token}`;
    return header === `Basic ${Buffer.from(`${credential.email}:${credential.apiToken}`).toString('base64')}`;
  }

  private route(request: RecordedRequest): { status: number; body: unknown; headers?: Record<string, string> } {
    const cloud = this.options.deployment === 'cloud';
    const { method, path } = request;
    if (method === 'GET' && (path === '/rest/api/2/serverInfo' || path === '/rest/api/3/serverInfo')) return { status: 200, body: this.serverInfo() };
    if (method === 'GET' && (path === '/rest/api/2/myself' || path === '/rest/api/3/myself')) return { status: 200, body: this.myself() };
    if (method === 'GET' && path === '/rest/api/2/status') return { status: 200, body: this.options.statuses.map((status) => this.statusJson(status)) };
    if (path === '/rest/api/2/search' || path === '/rest/api/3/search') {
      if (cloud) return { status: 410, body: { errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'] } };
      if (path === '/rest/api/2/search' && method === 'POST') return this.dataCenterSearch(request.body ?? {});
    }
    if (cloud && method === 'POST' && path === '/rest/api/3/search/jql') return this.cloudSearch(request.body ?? {});
    if (cloud && method === 'POST' && path === '/rest/api/3/changelog/bulkfetch') return this.bulkChangelog(request.body ?? {});
    const issuePath = /^\/rest\/api\/2\/issue\/([^/]+)$/.exec(path);
    if (!cloud && method === 'GET' && issuePath) return this.issueWithChangelog(decodeURIComponent(issuePath[1]!));
    return { status: 404, body: { errorMessages: ['Not found'] } };
  }

  private serverInfo(): unknown {
    const cloud = this.options.deployment === 'cloud';
    return {
      baseUrl: this.baseUrl,
      version: cloud ? '1001.0.0-SNAPSHOT' : '9.12.4',
      deploymentType: cloud ? 'Cloud' : 'Server',
      serverTitle: 'Jira',
      ...(cloud || !this.options.serverTimeZone ? {} : { serverTimeZone: { id: this.options.serverTimeZone, displayName: this.options.serverTimeZone } }),
    };
  }

  private myself(): unknown {
    const cloud = this.options.deployment === 'cloud';
    const zone = this.options.timeZone === null ? {} : { timeZone: this.options.timeZone };
    return cloud
      ? { accountId: 'api-user', displayName: 'API user', emailAddress: 'api@example.com', active: true, ...zone }
      : { key: 'JIRAUSER100', name: 'api', displayName: 'API user', emailAddress: 'api@example.com', active: true, ...zone };
  }

  private statusJson(status: FakeStatus): unknown {
    return { id: status.id, name: status.name, statusCategory: { id: 1, key: status.category, name: status.category } };
  }

  private zone(): string {
    return this.options.timeZone ?? this.options.serverTimeZone ?? 'UTC';
  }

  /** Issues matching the JQL subset the collector writes, in its ORDER BY. */
  private evaluate(jql: string): FakeIssue[] {
    const [where, orderBy = ''] = jql.split(/ ORDER BY /i);
    let issues = this.issues.slice();
    const projects = /project in \(([^)]*)\)/i.exec(where!);
    if (projects) {
      const keys = projects[1]!.split(',').map((key) => key.trim().replace(/^"|"$/g, ''));
      issues = issues.filter((issue) => keys.includes(projectOf(issue.key)));
    }
    const project = /project = "?([A-Z][A-Z0-9_]*)"?/.exec(where!);
    if (project) issues = issues.filter((issue) => projectOf(issue.key) === project[1]);
    const label = /labels = "?([\w-]+)"?/.exec(where!);
    if (label) issues = issues.filter((issue) => (issue.labels ?? []).includes(label[1]!));
    const since = /updated >= "([^"]+)"/.exec(where!);
    if (since) {
      const bound = wallClockToInstant(since[1]!, this.zone());
      issues = issues.filter((issue) => issue.updated.getTime() >= bound.getTime());
    }
    if (/updated ASC/i.test(orderBy)) issues.sort((a, b) => a.updated.getTime() - b.updated.getTime() || compareKeys(a.key, b.key));
    else issues.sort((a, b) => compareKeys(a.key, b.key));
    return issues;
  }

  private cloudSearch(body: Record<string, unknown>): { status: number; body: unknown } {
    const jql = String(body.jql);
    const max = Number(body.maxResults ?? 50);
    let offset = 0;
    if (typeof body.nextPageToken === 'string') {
      const token = JSON.parse(Buffer.from(body.nextPageToken, 'base64url').toString('utf8')) as { offset: number; jql: string };
      if (token.jql !== jql) return { status: 400, body: { errorMessages: ['The nextPageToken does not belong to this query.'] } };
      offset = token.offset;
    }
    const all = this.evaluate(jql);
    const page = all.slice(offset, offset + max);
    const more = offset + page.length < all.length;
    const fields = (body.fields as string[] | undefined) ?? ['id'];
    const changelog = String(body.expand ?? '').split(',').includes('changelog');
    return {
      status: 200,
      body: {
        issues: page.map((issue) => this.issueJson(issue, fields, changelog)),
        ...(more ? { nextPageToken: Buffer.from(JSON.stringify({ offset: offset + page.length, jql })).toString('base64url') } : {}),
        isLast: !more,
      },
    };
  }

  private dataCenterSearch(body: Record<string, unknown>): { status: number; body: unknown } {
    const jql = String(body.jql);
    const startAt = Number(body.startAt ?? 0);
    const max = Number(body.maxResults ?? 50);
    const all = this.evaluate(jql);
    const fields = (body.fields as string[] | undefined) ?? ['*navigable'];
    const changelog = Array.isArray(body.expand) ? body.expand.includes('changelog') : String(body.expand ?? '').includes('changelog');
    return {
      status: 200,
      body: {
        expand: 'names,schema',
        startAt,
        maxResults: max,
        total: all.length,
        issues: all.slice(startAt, startAt + max).map((issue) => this.issueJson(issue, fields, changelog)),
      },
    };
  }

  private bulkChangelog(body: Record<string, unknown>): { status: number; body: unknown } {
    const ids = (body.issueIdsOrKeys as string[]) ?? [];
    const pageSize = this.options.bulkChangelogPageSize ?? 1000;
    const offset = typeof body.nextPageToken === 'string' ? Number(Buffer.from(body.nextPageToken, 'base64url').toString('utf8')) : 0;
    const entries: { issueId: string; history: FakeHistory }[] = [];
    for (const id of ids) {
      const issue = this.issues.find((candidate) => candidate.id === id || candidate.key === id);
      if (issue) for (const history of issue.histories) entries.push({ issueId: issue.id, history });
    }
    const page = entries.slice(offset, offset + pageSize);
    const grouped: { issueId: string; changeHistories: unknown[] }[] = [];
    for (const entry of page) {
      let group = grouped.find((candidate) => candidate.issueId === entry.issueId);
      if (!group) grouped.push((group = { issueId: entry.issueId, changeHistories: [] }));
      group.changeHistories.push(this.historyJson(entry.history));
    }
    const more = offset + page.length < entries.length;
    return {
      status: 200,
      body: {
        issueChangeLogs: grouped,
        ...(more ? { nextPageToken: Buffer.from(String(offset + page.length)).toString('base64url') } : {}),
      },
    };
  }

  private issueWithChangelog(key: string): { status: number; body: unknown } {
    const issue = this.issues.find((candidate) => candidate.key === key);
    if (!issue) return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
    const limit = this.options.issueChangelogLimit ?? issue.histories.length;
    const histories = issue.histories.slice(Math.max(0, issue.histories.length - limit)).map((history) => this.historyJson(history));
    return {
      status: 200,
      body: {
        id: issue.id,
        key: issue.key,
        fields: { status: this.statusJson(issue.status) },
        changelog: { startAt: 0, maxResults: histories.length, total: issue.histories.length, histories },
      },
    };
  }

  private issueJson(issue: FakeIssue, fields: readonly string[], withChangelog: boolean): unknown {
    const all: Record<string, unknown> = {
      summary: issue.summary,
      project: { id: `1${projectOf(issue.key).length}`, key: projectOf(issue.key), name: projectOf(issue.key) },
      issuetype: { id: issue.type.id, name: issue.type.name, subtask: issue.type.subtask ?? false, ...this.hierarchy(issue.type.hierarchyLevel) },
      status: this.statusJson(issue.status),
      resolution: issue.resolution ? { id: '1', name: issue.resolution } : null,
      resolutiondate: issue.resolutionDate ? this.time(issue.resolutionDate) : null,
      priority: issue.priority ? { id: '3', name: issue.priority } : null,
      created: this.time(issue.created),
      updated: this.time(issue.updated),
      assignee: issue.assignee ? this.userJson(issue.assignee) : null,
      reporter: issue.reporter ? this.userJson(issue.reporter) : null,
      labels: issue.labels ?? [],
      components: (issue.components ?? []).map((name, index) => ({ id: String(100 + index), name })),
      fixVersions: (issue.fixVersions ?? []).map((version, index) => ({ id: String(200 + index), ...version })),
      ...(issue.parent
        ? {
            parent: {
              id: '9',
              key: issue.parent.key,
              fields: { summary: 'parent', issuetype: { name: issue.parent.typeName, ...this.hierarchy(issue.parent.hierarchyLevel) } },
            },
          }
        : {}),
      ...issue.custom,
    };
    const picked: Record<string, unknown> = {};
    const everything = fields.includes('*all') || fields.includes('*navigable');
    for (const [name, value] of Object.entries(all)) if (everything || fields.includes(name)) picked[name] = value;
    const json: Record<string, unknown> = { id: issue.id, key: issue.key, self: `${this.baseUrl}/rest/api/2/issue/${issue.id}`, fields: picked };
    if (withChangelog) {
      const limit = this.options.embeddedChangelogLimit;
      const shown = limit === null ? issue.histories : issue.histories.slice(Math.max(0, issue.histories.length - limit));
      json.changelog = { startAt: 0, maxResults: shown.length, total: issue.histories.length, histories: shown.map((history) => this.historyJson(history)) };
    }
    return json;
  }

  private hierarchy(level: number | undefined): Record<string, number> {
    return this.options.deployment === 'cloud' && level !== undefined ? { hierarchyLevel: level } : {};
  }

  private historyJson(history: FakeHistory): unknown {
    const cloud = this.options.deployment === 'cloud';
    return {
      id: history.id,
      ...(history.author ? { author: this.userJson(history.author) } : {}),
      created: this.time(history.created),
      items: history.items.map((item) =>
        cloud
          ? item
          : { field: item.field, fieldtype: item.fieldtype, from: item.from, fromString: item.fromString, to: item.to, toString: item.toString },
      ),
    };
  }

  private userJson(user: FakeUser): unknown {
    const email = user.emailAddress ? { emailAddress: user.emailAddress } : {};
    return this.options.deployment === 'cloud'
      ? { accountId: user.accountId, displayName: user.displayName, active: true, ...email }
      : { key: user.key, name: user.name, displayName: user.displayName, active: true, ...email };
  }

  private time(date: Date): string {
    return jiraTimestamp(date, this.zone());
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'x-arequestid': 'fake-1', 'set-cookie': 'atlassian.xsrf.token=secret-cookie', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function projectOf(key: string): string {
  return key.slice(0, key.lastIndexOf('-'));
}

function compareKeys(a: string, b: string): number {
  const project = projectOf(a).localeCompare(projectOf(b));
  return project !== 0 ? project : Number(a.slice(a.lastIndexOf('-') + 1)) - Number(b.slice(b.lastIndexOf('-') + 1));
}

/** Offset of a zone at an instant, in minutes east of UTC. */
function offsetMinutes(instant: Date, zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `2024-03-10T10:30:12.000+0100`, as Jira writes times in the user's zone. */
export function jiraTimestamp(date: Date, zone: string): string {
  const offset = offsetMinutes(date, zone);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

/** The instant of a `yyyy-MM-dd HH:mm` wall-clock time in a zone (as Jira reads JQL dates). */
export function wallClockToInstant(text: string, zone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`unreadable JQL date ${text}`);
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  let guess = asUtc - offsetMinutes(new Date(asUtc), zone) * 60_000;
  guess = asUtc - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}
