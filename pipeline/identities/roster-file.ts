import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { csvParse } from 'd3';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config/config-error.js';
import { configErrorMap, formatIssues, formatPath } from '../config/format-issues.js';
import {
  membershipProblems,
  overridesSchema,
  personSchema,
  personSlug,
  resolveOverride,
  resolvePerson,
  rosterRowSchema,
  teamSchema,
  type IdentityOverride,
  type PersonInput,
  type TeamInput,
} from '../config/roster-config.js';
import { closestMatch } from '../config/suggest.js';
import type { PersonConfig } from '../config/types.js';

/** Turns a path inside one entry (`['memberships', 1, 'fte']`) into where to look: `roster.csv:7: fte`. */
export type Locate = (inner: readonly (string | number)[]) => string;

/** A person read from a roster file, with how to name a place inside it in messages. */
export interface LocatedPerson {
  person: PersonConfig;
  locate: Locate;
}

export interface LocatedTeam {
  team: TeamInput;
  locate: Locate;
}

/** What a roster file holds, and what is wrong inside its entries (checked with the rest of the roster). */
export interface RosterFileContent {
  people: LocatedPerson[];
  teams: LocatedTeam[];
  problems: string[];
}

/** The columns a CSV roster may have; one row per membership (or identities only, without team). */
export const ROSTER_CSV_COLUMNS = ['person', 'email', 'github', 'jira', 'kind', 'team', 'role', 'fte', 'from', 'to'] as const;

/** The columns a CSV override list may have. */
export const OVERRIDE_CSV_COLUMNS = ['identity', 'person', 'separate'] as const;

function isCsv(file: string): boolean {
  return path.extname(file).toLowerCase() === '.csv';
}

async function readText(file: string, label: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ConfigError([`${label}: ${reason} (${file})`], label);
  }
}

function parseYaml(text: string, label: string): unknown {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const position = error.linePos?.[0];
        return `${label}${position ? `:${position.line}:${position.col}` : ''}: ${error.message.split('\n')[0]}`;
      }),
      label,
    );
  }
  return document.toJS() ?? {};
}

/** Header problems of a CSV file: unknown columns (with a suggestion) and missing required ones. */
function headerProblems(columns: readonly string[], allowed: readonly string[], required: readonly string[], label: string): string[] {
  const problems: string[] = [];
  for (const column of columns) {
    if (allowed.includes(column)) continue;
    const suggestion = closestMatch(column, allowed);
    problems.push(`${label}:1: unknown column "${column}"${suggestion ? `; did you mean "${suggestion}"?` : `; expected ${allowed.join(', ')}`}`);
  }
  for (const column of required) if (!columns.includes(column)) problems.push(`${label}:1: missing column "${column}"`);
  return problems;
}

/**
 * CSV records with lower-cased, trimmed column names and trimmed cells; blank rows are skipped.
 * Line numbers assume no quoted line breaks (the header is line 1).
 */
function csvRecords(text: string): { columns: string[]; rows: { line: number; cells: Record<string, string> }[] } {
  const parsed = csvParse(text.replace(/^\uFEFF/, ''));
  const columns = parsed.columns.map((column) => column.trim().toLowerCase());
  const rows = parsed.map((row, index) => {
    const cells: Record<string, string> = {};
    parsed.columns.forEach((column, i) => {
      cells[columns[i]!] = (row[column] ?? '').trim();
    });
    return { line: index + 2, cells };
  });
  return { columns, rows: rows.filter(({ cells }) => Object.values(cells).some((cell) => cell !== '')) };
}

// Cells holding several values separate them with ";", "," or spaces (none can occur inside one).
const splitList = (cell: string | undefined) => (cell ?? '').split(/[\s;,]+/).filter(Boolean);
const blankToNull = (cell: string | undefined) => (cell ? cell : null);
// A cell that is not a number stays text, so the schema reports it as such.
const numberOrText = (cell: string | undefined) => (!cell ? null : /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell) ? Number(cell) : cell);

/** The CSV column a row field came from, for messages. */
const ROW_FIELD_COLUMN: Record<string, string> = { emails: 'email' };

/**
 * Read a roster file: YAML (`people:` and `teams:` as in codeledger.yaml) or CSV (columns
 * `person,email,github,jira,kind,team,role,fte,from,to`; one row per membership, a person on as
 * many rows as they have memberships). Problems inside entries are returned, located by line
 * (CSV) or path (YAML), so they can be reported together with those of the whole roster.
 *
 * @example
 * const { people, teams, problems } = await readRosterFile('/srv/conf/roster.csv', 'roster.csv');
 * @throws ConfigError when the file is missing, is not YAML or CSV, or has unknown columns
 */
export async function readRosterFile(file: string, label: string): Promise<RosterFileContent> {
  const text = await readText(file, label);
  return isCsv(file) ? rosterFromCsv(text, label) : rosterFromYaml(text, label);
}

function rosterFromYaml(text: string, label: string): RosterFileContent {
  const schema = z.strictObject({ people: z.array(personSchema()).nullish(), teams: z.array(teamSchema()).nullish() });
  const result = schema.safeParse(parseYaml(text, label), { error: configErrorMap });
  if (!result.success) return { people: [], teams: [], problems: formatIssues(schema, result.error.issues).map((line) => `${label}: ${line}`) };
  const at = (section: string, index: number): Locate => (inner) => `${label}: ${formatPath([section, index, ...inner])}`;
  return {
    people: (result.data.people ?? []).map((input: PersonInput, index) => ({ person: resolvePerson(input), locate: at('people', index) })),
    teams: (result.data.teams ?? []).map((team, index) => ({ team, locate: at('teams', index) })),
    problems: [],
  };
}

interface CsvPersonDraft {
  name: string;
  firstLine: number;
  emails: string[];
  github: string[];
  jira: string[];
  kind: PersonConfig['kind'] | null;
  memberships: { team: string; role: string | null; fte: number | null; from: string | null; to: string | null; line: number }[];
}

function rosterFromCsv(text: string, label: string): RosterFileContent {
  const { columns, rows } = csvRecords(text);
  const problems = headerProblems(columns, ROSTER_CSV_COLUMNS, ['person'], label);
  if (problems.length > 0) throw new ConfigError(problems, label);
  const schema = rosterRowSchema();
  const drafts = new Map<string, CsvPersonDraft>();
  for (const { line, cells } of rows) {
    const candidate = {
      person: cells.person ?? '',
      emails: splitList(cells.email),
      github: splitList(cells.github),
      jira: splitList(cells.jira),
      kind: blankToNull(cells.kind),
      team: blankToNull(cells.team),
      role: blankToNull(cells.role),
      fte: numberOrText(cells.fte),
      from: blankToNull(cells.from),
      to: blankToNull(cells.to),
    };
    const result = schema.safeParse(candidate, { error: configErrorMap });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [field, ...rest] = issue.path;
        const column = ROW_FIELD_COLUMN[String(field)] ?? String(field ?? '');
        problems.push(`${label}:${line}: ${column ? `${formatPath([column, ...rest])}: ` : ''}${issue.message}`);
      }
      continue;
    }
    const row = result.data;
    const key = personSlug(row.person);
    let draft = drafts.get(key);
    if (!draft) {
      draft = { name: row.person, firstLine: line, emails: [], github: [], jira: [], kind: null, memberships: [] };
      drafts.set(key, draft);
    }
    const addAll = (into: string[], values: readonly string[]) => {
      for (const value of values) if (!into.includes(value.toLowerCase())) into.push(value.toLowerCase());
    };
    addAll(draft.emails, row.emails);
    addAll(draft.github, row.github);
    addAll(draft.jira, row.jira);
    if (row.kind) {
      if (draft.kind && draft.kind !== row.kind) problems.push(`${label}:${line}: kind: "${row.kind}" differs from "${draft.kind}" given for ${draft.name} earlier`);
      else draft.kind = row.kind;
    }
    if (row.team) draft.memberships.push({ team: row.team, role: row.role ?? null, fte: row.fte ?? null, from: row.from ?? null, to: row.to ?? null, line });
  }

  const people: LocatedPerson[] = [];
  for (const draft of drafts.values()) {
    const kind = draft.kind ?? 'human';
    const locate: Locate = (inner) => {
      if (inner.length === 0) return `${label}:${draft.firstLine}`;
      if (inner[0] === 'memberships' && typeof inner[1] === 'number') {
        return `${label}:${draft.memberships[inner[1]]!.line}: ${String(inner[2] ?? 'team')}`;
      }
      const column = ROW_FIELD_COLUMN[String(inner[0])] ?? String(inner[0] ?? 'person');
      return `${label}:${draft.firstLine}: ${column}`;
    };
    for (const problem of membershipProblems(kind, draft.memberships)) problems.push(`${locate(problem.path)}: ${problem.message}`);
    people.push({
      person: resolvePerson({
        name: draft.name,
        emails: draft.emails,
        github: draft.github,
        jira: draft.jira,
        kind,
        memberships: draft.memberships.map(({ team, role, fte, from, to }) => ({ team, role, fte, from, to })),
      }),
      locate,
    });
  }
  return { people, teams: [], problems };
}

/**
 * Read an identity override file: YAML (a list, or `overrides:` holding one, of
 * `{ identity, person }` or `{ identity, separate: true }`) or CSV (columns
 * `identity,person,separate`).
 *
 * @example
 * const overrides = await readOverridesFile('/srv/conf/identity-overrides.csv', 'identity-overrides.csv');
 * @throws ConfigError when the file is missing or invalid
 */
export async function readOverridesFile(file: string, label: string): Promise<{ override: IdentityOverride; locate: Locate }[]> {
  const text = await readText(file, label);
  const schema = overridesSchema();
  if (isCsv(file)) {
    const { columns, rows } = csvRecords(text);
    const problems = headerProblems(columns, OVERRIDE_CSV_COLUMNS, ['identity'], label);
    if (problems.length > 0) throw new ConfigError(problems, label);
    const candidates = rows.map(({ cells }) => ({
      identity: cells.identity ?? '',
      person: blankToNull(cells.person),
      separate: cells.separate ? /^(true|yes|y|1|x)$/i.test(cells.separate) : null,
    }));
    const result = schema.safeParse(candidates, { error: configErrorMap });
    if (!result.success) {
      throw new ConfigError(
        result.error.issues.map((issue) => {
          const [row, ...rest] = issue.path;
          return `${label}:${rows[Number(row)]!.line}: ${rest.length > 0 ? `${formatPath(rest)}: ` : ''}${issue.message}`;
        }),
        label,
      );
    }
    return result.data.map((input, index) => ({ override: resolveOverride(input), locate: (inner) => `${label}:${rows[index]!.line}: ${formatPath(inner)}` }));
  }
  const value = parseYaml(text, label);
  const list = value && typeof value === 'object' && !Array.isArray(value) && 'overrides' in value ? (value as { overrides: unknown }).overrides : value;
  const result = schema.safeParse(list, { error: configErrorMap });
  if (!result.success) throw new ConfigError(formatIssues(schema, result.error.issues).map((line) => `${label}: ${line}`), label);
  return result.data.map((input, index) => ({ override: resolveOverride(input), locate: (inner) => `${label}: ${formatPath([index, ...inner])}` }));
}
