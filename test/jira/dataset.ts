import type { FakeChangeItem, FakeHistory, FakeIssue, FakeStatus, FakeUser } from './fake-jira.js';

/*
 * One small Jira project pair (ABC, OPS) with the cases the collector must handle: a story under
 * an epic with story points and a released fix version, a bug with a long changelog (truncated in
 * search answers) found in production, a duplicate bug, a task moving through German statuses
 * (one placed by its category only, one by an id override), a sub-task, an unknown issue type
 * with a historic status no longer in the workflow, and an incident in a project-specific status.
 */

export const STATUSES: Record<string, FakeStatus> = {
  todo: { id: '1', name: 'To Do', category: 'new' },
  progress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  review: { id: '10001', name: 'In Review', category: 'indeterminate' },
  qa: { id: '10002', name: 'QA', category: 'indeterminate' },
  done: { id: '10003', name: 'Done', category: 'done' },
  bearbeitung: { id: '10100', name: 'In Bearbeitung', category: 'indeterminate' },
  pruefung: { id: '10101', name: 'Prüfung', category: 'indeterminate' },
  erledigt: { id: '10102', name: 'Erledigt', category: 'done' },
  warteschlange: { id: '10200', name: 'Warteschlange', category: 'indeterminate' },
};

/** A status changelog entries still name but the workflow no longer has. */
export const LEGACY_STATUS: FakeStatus = { id: '99999', name: 'Legacy State', category: 'undefined' };

export const USERS: Record<string, FakeUser> = {
  alice: { accountId: '5b10ac8d82e05b22cc7d4ef5', key: 'JIRAUSER10100', name: 'alice', displayName: 'Alice Doe', emailAddress: 'alice@example.com' },
  bob: { accountId: '5b10a2844c20165700ede21g', key: 'JIRAUSER10101', name: 'bob', displayName: 'Bob Roe' },
  carol: { accountId: '61f0c0ffee0000000000abcd', key: 'JIRAUSER10102', name: 'carol', displayName: 'Carol Poe', emailAddress: 'carol@example.com' },
};

/** The site's status list (the legacy status is not in it). */
export function statusList(): FakeStatus[] {
  return Object.values(STATUSES);
}

export const T0 = Date.parse('2024-03-01T08:00:00.000Z');
const hour = 3_600_000;
const at = (hours: number) => new Date(T0 + hours * hour);

export function statusChange(from: FakeStatus, to: FakeStatus): FakeChangeItem {
  return { field: 'status', fieldId: 'status', fieldtype: 'jira', from: from.id, fromString: from.name, to: to.id, toString: to.name };
}

function history(id: string, hours: number, author: FakeUser | null, ...items: FakeChangeItem[]): FakeHistory {
  return { id, created: at(hours), author, items };
}

const assigneeChange: FakeChangeItem = {
  field: 'assignee',
  fieldId: 'assignee',
  fieldtype: 'jira',
  from: null,
  fromString: null,
  to: USERS.bob!.accountId,
  toString: 'Bob Roe',
};
const sprintChange: FakeChangeItem = { field: 'Sprint', fieldId: 'customfield_10020', fieldtype: 'custom', from: '', fromString: '', to: '7', toString: 'Sprint 7' };
// A custom field that happens to be called "status" must not read as a status change.
const customStatusField: FakeChangeItem = { field: 'status', fieldId: 'customfield_10999', fieldtype: 'custom', from: null, fromString: 'red', to: null, toString: 'green' };

/** A fresh copy of the issues (tests change them). */
export function issues(): FakeIssue[] {
  const { todo, progress, review, qa, done, bearbeitung, pruefung, erledigt, warteschlange } = STATUSES as Required<typeof STATUSES>;
  const { alice, bob, carol } = USERS as Required<typeof USERS>;
  return [
    {
      id: '10010',
      key: 'ABC-10',
      summary: 'Checkout revamp',
      type: { id: '10000', name: 'Epic', hierarchyLevel: 1 },
      status: progress!,
      created: at(0),
      updated: at(1),
      reporter: alice,
      histories: [history('90', 1, alice, statusChange(todo!, progress!))],
    },
    {
      id: '10001',
      key: 'ABC-1',
      summary: 'Pay with a saved card',
      type: { id: '10001', name: 'Story', hierarchyLevel: 0 },
      status: review!,
      created: at(2),
      updated: at(80),
      priority: 'Medium',
      assignee: bob,
      reporter: alice,
      parent: { key: 'ABC-10', typeName: 'Epic', hierarchyLevel: 1 },
      labels: ['backend'],
      components: ['Web'],
      fixVersions: [{ name: '1.2', released: true, releaseDate: '2024-03-20' }],
      custom: { customfield_10016: 5 },
      histories: [
        history('100', 24, alice, statusChange(todo!, progress!)),
        history('101', 30, bob, assigneeChange),
        history('102', 72, bob, sprintChange, statusChange(progress!, review!)),
      ],
    },
    {
      id: '10002',
      key: 'ABC-2',
      summary: 'Card form rejects valid expiry dates',
      type: { id: '10004', name: 'Bug', hierarchyLevel: 0 },
      status: done!,
      resolution: 'Done',
      resolutionDate: at(60),
      created: at(3),
      updated: at(61),
      priority: 'High',
      assignee: carol,
      reporter: bob,
      custom: { customfield_10050: { id: '1', value: 'Production' }, customfield_10060: { id: '2', value: 'Critical' } },
      histories: [
        history('200', 10, carol, statusChange(todo!, progress!)),
        history('201', 20, carol, statusChange(progress!, review!)),
        history('202', 30, alice, statusChange(review!, qa!)),
        history('203', 40, alice, statusChange(qa!, progress!)),
        history('204', 60, carol, statusChange(progress!, done!), customStatusField),
      ],
    },
    {
      id: '10003',
      key: 'ABC-3',
      summary: 'Expiry dates rejected (again)',
      type: { id: '10004', name: 'Bug', hierarchyLevel: 0 },
      status: done!,
      resolution: 'Duplicate',
      resolutionDate: at(50),
      created: at(4),
      updated: new Date(T0 + 50 * hour + 10_000),
      reporter: carol,
      custom: { customfield_10050: { id: '1', value: 'Production' } },
      histories: [history('300', 50, bob, statusChange(todo!, done!))],
    },
    {
      id: '10004',
      key: 'ABC-4',
      summary: 'Rechnungslauf umstellen',
      type: { id: '10002', name: 'Task', hierarchyLevel: 0 },
      status: pruefung!,
      created: at(5),
      // Same minute as ABC-3: pages must stay stable when several issues share a minute.
      updated: new Date(T0 + 50 * hour + 30_000),
      assignee: alice,
      reporter: alice,
      histories: [history('400', 20, alice, statusChange(todo!, bearbeitung!)), history('401', 50, alice, statusChange(bearbeitung!, pruefung!))],
    },
    {
      id: '10005',
      key: 'ABC-5',
      summary: 'Wire the card form',
      type: { id: '10003', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
      status: todo!,
      created: at(6),
      updated: at(6),
      reporter: bob,
      parent: { key: 'ABC-1', typeName: 'Story', hierarchyLevel: 0 },
      histories: [],
    },
    {
      id: '10006',
      key: 'ABC-6',
      summary: 'Tidy the stock room',
      type: { id: '10020', name: 'Kaizen', hierarchyLevel: 0 },
      status: erledigt!,
      resolution: 'Done',
      resolutionDate: at(40),
      created: at(7),
      updated: at(40),
      reporter: carol,
      histories: [history('600', 8, carol, statusChange(LEGACY_STATUS, todo!)), history('601', 40, carol, statusChange(todo!, erledigt!))],
    },
    {
      id: '20001',
      key: 'OPS-1',
      summary: 'Checkout down in eu-west',
      type: { id: '10030', name: 'Incident', hierarchyLevel: 0 },
      status: warteschlange!,
      created: at(70),
      updated: at(71),
      priority: 'Highest',
      reporter: alice,
      histories: [history('700', 71, alice, statusChange(todo!, warteschlange!))],
    },
  ];
}

/** YAML-shaped input of the collector's config for the dataset (site address and credential added by the caller). */
export const DATASET_CONFIG = {
  projects: ['ABC', 'OPS'],
  fields: { storyPoints: 'customfield_10016', severity: 'customfield_10060', foundInEnvironment: 'customfield_10050' },
  phases: { default: { '10101': 'review' }, projects: { OPS: { Warteschlange: 'blocked' } } },
  pageSize: 3,
} as const;
