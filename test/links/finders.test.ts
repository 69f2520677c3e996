import { describe, expect, it } from 'vitest';
import { closingKeywordBefore, isClosingKeyword } from '../../pipeline/links/closing-keywords.js';
import { clip, evidenceAround, MAX_EVIDENCE_LENGTH } from '../../pipeline/links/evidence.js';
import {
  findBodyReferences,
  findBranchReferences,
  findMessageReferences,
  findTextReferences,
} from '../../pipeline/links/find-references.js';
import { findGithubReferences } from '../../pipeline/links/github-references.js';
import { findJiraKeys, jiraProject } from '../../pipeline/links/jira-keys.js';
import { maskNonProse } from '../../pipeline/links/markdown-prose.js';

const projects = new Set(['ABC', 'WEB_APP']);
const context = { jiraProjects: projects };
const keys = (text: string, anyCase = false) =>
  findJiraKeys(text, projects, { anyCase }).map((match) => (match.target.kind === 'jira' ? match.target.key : null));
const github = (text: string) =>
  findGithubReferences(text).map((match) =>
    match.target.kind === 'github' ? `${match.target.repo ?? ''}#${match.target.number}` : null,
  );

describe('Jira keys', () => {
  it('finds keys of known projects with their positions', () => {
    const matches = findJiraKeys('ABC-42: login, see also ABC-7 and WEB_APP-3.', projects);
    expect(matches.map((m) => m.target)).toEqual([
      { kind: 'jira', key: 'ABC-42' },
      { kind: 'jira', key: 'ABC-7' },
      { kind: 'jira', key: 'WEB_APP-3' },
    ]);
    expect(matches[0]).toMatchObject({ start: 0, end: 6 });
  });

  it('never links look-alikes of unknown projects', () => {
    expect(keys('Use UTF-8, SHA-256 and ISO-8601 over TLS-1 per RFC-2119')).toEqual([]);
    expect(findJiraKeys('UTF-8', new Set(['UTF']))).toHaveLength(1);
    expect(findJiraKeys('ABC-1', new Set())).toEqual([]);
  });

  it('needs upper case and whole tokens in prose', () => {
    expect(keys('abc-42 and Abc-43')).toEqual([]);
    expect(keys('XABC-1 ABC-1x foo_ABC-2 ABC-01 ABC-0')).toEqual([]);
    expect(keys('(ABC-5) [ABC-6] ABC-7, https://acme.atlassian.net/browse/ABC-8')).toEqual(['ABC-5', 'ABC-6', 'ABC-7', 'ABC-8']);
    expect(keys("Merge branch 'feature/ABC-123-login'")).toEqual(['ABC-123']);
  });

  it('accepts any case in branch names and treats _ as a separator there', () => {
    expect(keys('feature/ABC-123-login', true)).toEqual(['ABC-123']);
    expect(keys('abc-123-fix', true)).toEqual(['ABC-123']);
    expect(keys('bugfix_abc-9_typo', true)).toEqual(['ABC-9']);
    expect(keys('123-fix-typo', true)).toEqual([]);
    expect(keys('feature/abc-12x', true)).toEqual([]);
  });

  it('names the project of a key', () => {
    expect(jiraProject('abc-42')).toBe('ABC');
    expect(jiraProject('42')).toBeNull();
  });
});

describe('GitHub references', () => {
  it('finds bare, GH- and qualified references and web addresses', () => {
    expect(github('Fixes #12, GH-13, gh-14, acme/api#3 and https://github.com/acme/web/issues/99')).toEqual([
      '#12',
      '#13',
      '#14',
      'acme/api#3',
      'acme/web#99',
    ]);
    expect(github('https://ghe.example.com/Acme/Web.js/pull/7/files and (#8)')).toEqual(['Acme/Web.js#7', '#8']);
  });

  it('ignores look-alikes', () => {
    expect(github('PR#12 page#3 &#123; ##4 colour #12ab 1#2')).toEqual([]);
    expect(github('https://example.com/page#12 docs/acme/web#1 x.acme/web#2')).toEqual([]);
    expect(github('#0 #1234567890')).toEqual([]);
    expect(github('https://github.com/acme/web/pull/12#issuecomment-5')).toEqual(['acme/web#12']);
  });
});

describe('closing keywords', () => {
  it('recognises every GitHub keyword in any case, with an optional colon', () => {
    for (const word of ['close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved']) {
      for (const written of [word, word.toUpperCase(), `${word[0]!.toUpperCase()}${word.slice(1)}`]) {
        const text = `${written} #1`;
        expect(closingKeywordBefore(text, text.indexOf('#'))).toEqual({ word: written, start: 0 });
        const colon = `${written}: ABC-1`;
        expect(closingKeywordBefore(colon, colon.indexOf('ABC'))?.word).toBe(written);
      }
    }
  });

  it('needs the keyword right before the reference, on the same line', () => {
    expect(closingKeywordBefore('Fixes part of #1', 14)).toBeNull();
    expect(closingKeywordBefore('Fixes\n#1', 6)).toBeNull();
    expect(closingKeywordBefore('prefixes #1', 9)).toBeNull();
    expect(closingKeywordBefore('closing #1', 8)).toBeNull();
    expect(closingKeywordBefore('hotfixes #1', 9)).toBeNull();
    const text = 'Fixes #1, #2';
    expect(closingKeywordBefore(text, text.indexOf('#2'))).toBeNull();
  });

  it('tells trailer keys that close', () => {
    expect(isClosingKeyword('Closes')).toBe(true);
    expect(isClosingKeyword('Refs')).toBe(false);
    expect(isClosingKeyword('Fixing')).toBe(false);
  });
});

describe('evidence', () => {
  it('keeps the reference and a few whole words around it on its line', () => {
    const text = 'This change Fixes ABC-42 in the login form for good';
    expect(evidenceAround(text, 12, 24)).toBe(text);
    const longer = `This rather long change, which took a while, Fixes ABC-42 in the login form for good ${'and more '.repeat(5)}`;
    const at = longer.indexOf('Fixes');
    expect(evidenceAround(longer, at, at + 12)).toBe('…which took a while, Fixes ABC-42 in the login form for…');
    expect(evidenceAround('Intro line\nFixes ABC-42\nnext', 11, 23)).toBe('Fixes ABC-42');
    const long = `${'word '.repeat(20)}ABC-1 ${'tail '.repeat(20)}`;
    const start = long.indexOf('ABC-1');
    expect(evidenceAround(long, start, start + 5)).toBe('…word word word word ABC-1 tail tail tail tail…');
  });

  it('clips to one line of bounded length', () => {
    expect(clip('Refs:   ABC-1\n')).toBe('Refs: ABC-1');
    expect(clip('x'.repeat(500))).toHaveLength(MAX_EVIDENCE_LENGTH);
  });
});

describe('Markdown masking', () => {
  it('blanks code, quotes and HTML comments but keeps offsets', () => {
    const body = [
      'Closes #1',
      '> Fixes #2 (quoted)',
      '```',
      'ABC-3 in code',
      '```',
      'Inline `#4` code and ``ABC-5 `x` `` too',
      '<!-- Link the ticket, e.g. ABC-6',
      '-->',
      '~~~~ts',
      'ABC-7',
      '~~~~',
      'After ABC-8',
    ].join('\n');
    const masked = maskNonProse(body);
    expect(masked).toHaveLength(body.length);
    expect(keys(masked)).toEqual(['ABC-8']);
    expect(github(masked)).toEqual(['#1']);
    expect(masked.indexOf('ABC-8')).toBe(body.indexOf('ABC-8'));
  });

  it('does not let an unmatched backtick hide later paragraphs', () => {
    const masked = maskNonProse("don`t worry\n\nFixes #3 and a stray ` here");
    expect(github(masked)).toEqual(['#3']);
  });
});

describe('references per field', () => {
  it('marks closing references in titles and keeps context as evidence', () => {
    expect(findTextReferences('Fixes ABC-42 and #7', 'title', context)).toEqual([
      { target: { kind: 'jira', key: 'ABC-42' }, kind: 'title', evidence: 'Fixes ABC-42 and #7', closes: true },
      { target: { kind: 'github', repo: null, number: 7 }, kind: 'title', evidence: 'Fixes ABC-42 and #7', closes: false },
    ]);
    expect(findTextReferences(null, 'title', context)).toEqual([]);
  });

  it('reads bodies without their code or comments, cutting evidence from the original text', () => {
    const found = findBodyReferences('<!-- e.g. ABC-1 -->\nResolves: ABC-2\n`ABC-3`', context);
    expect(found).toEqual([{ target: { kind: 'jira', key: 'ABC-2' }, kind: 'body', evidence: 'Resolves: ABC-2', closes: true }]);
  });

  it('reads only ticket keys from branch names', () => {
    expect(findBranchReferences('feature/abc-123-login', context)).toEqual([
      { target: { kind: 'jira', key: 'ABC-123' }, kind: 'branch', evidence: 'feature/abc-123-login', closes: false },
    ]);
    expect(findBranchReferences('123-fix-typo', context)).toEqual([]);
    expect(findBranchReferences('gh-12-fix', context)).toEqual([]);
  });

  it('separates trailers from the message and reports each reference once', () => {
    const message = 'feat: login (#12)\n\nPart of ABC-1.\n\nRefs: ABC-2\nJira: ABC-3\nCloses: #4\nSigned-off-by: A <a@example.com>';
    expect(findMessageReferences(message, context)).toEqual([
      { target: { kind: 'github', repo: null, number: 12 }, kind: 'message', evidence: 'feat: login (#12)', closes: false },
      { target: { kind: 'jira', key: 'ABC-1' }, kind: 'message', evidence: 'Part of ABC-1.', closes: false },
      { target: { kind: 'jira', key: 'ABC-2' }, kind: 'trailer', evidence: 'Refs: ABC-2', closes: false },
      { target: { kind: 'jira', key: 'ABC-3' }, kind: 'trailer', evidence: 'Jira: ABC-3', closes: false },
      { target: { kind: 'github', repo: null, number: 4 }, kind: 'trailer', evidence: 'Closes: #4', closes: true },
    ]);
  });

  it('turns Fixes: <sha> into a commit reference and ignores the quoted subject after it', () => {
    const message = 'fix: null check\n\nFixes: 1A2B3C4D5E6F ("feat: ABC-9 login")\nTicket: ABC-10';
    expect(findMessageReferences(message, context)).toEqual([
      { target: { kind: 'sha', sha: '1a2b3c4d5e6f' }, kind: 'trailer', evidence: 'Fixes: 1A2B3C4D5E6F ("feat: ABC-9 login")', closes: true },
      { target: { kind: 'jira', key: 'ABC-10' }, kind: 'trailer', evidence: 'Ticket: ABC-10', closes: false },
    ]);
    // Too short to be a sha: read as text.
    expect(findMessageReferences('fix\n\nFixes: abc12', context)).toEqual([]);
  });

  it('reads the merged branch of merge subjects like a branch name', () => {
    const github = findMessageReferences('Merge pull request #3 from acme/abc-7-login\n\nLogin', context);
    expect(github.map((r) => [r.target, r.kind, r.evidence])).toEqual([
      [{ kind: 'github', repo: null, number: 3 }, 'message', 'Merge pull request #3 from acme/abc-7-login'],
      [{ kind: 'jira', key: 'ABC-7' }, 'branch', 'Merge pull request #3 from acme/abc-7-login'],
    ]);
    expect(findMessageReferences("Merge branch 'abc-8-x' into main", context).map((r) => [r.target, r.kind])).toEqual([
      [{ kind: 'jira', key: 'ABC-8' }, 'branch'],
    ]);
    expect(findMessageReferences('Merged in abc-9 (pull request #4)', context).map((r) => r.kind)).toEqual(['message', 'branch']);
    // Upper case in the subject: reported once, as message text.
    expect(findMessageReferences("Merge branch 'ABC-10-x'", context).map((r) => r.kind)).toEqual(['message']);
    // Only the merged branch counts, not the one merged into.
    expect(findMessageReferences("Merge branch 'main' into abc-11-x", context)).toEqual([]);
  });

  it('reads a subject-only message as message text, never as a trailer', () => {
    expect(findMessageReferences('Fixes: ABC-5', context)).toEqual([
      { target: { kind: 'jira', key: 'ABC-5' }, kind: 'message', evidence: 'Fixes: ABC-5', closes: true },
    ]);
  });
});
