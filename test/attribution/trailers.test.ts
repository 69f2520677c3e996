import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseTrailers, trailerEmail, trailerName } from '../../pipeline/attribution/index.js';

/** What git itself finds: `git interpret-trailers --parse` prints one `Key: value` per trailer. */
function gitTrailers(message: string): string[] {
  const output = execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' });
  return output.split('\n').filter((line) => line !== '');
}

const ours = (message: string) => parseTrailers(message).map((trailer) => `${trailer.key}: ${trailer.value}`);

// Messages where our parser must agree with git's.
const agreeingMessages = [
  'Add export\n\nBody text.\n\nCo-authored-by: Ann <ann@example.com>\nSigned-off-by: Bob <bob@example.com>\n',
  'Add export\n\nCo-authored-by: Ann <ann@example.com>',
  'Co-authored-by: Ann <ann@example.com>',
  'Subject\nstill subject\nCo-authored-by: Ann <ann@example.com>',
  'Add export\n\nCo-authored-by: Ann <ann@example.com>\n\nA closing paragraph of prose.',
  'Add export\n\nReviewed-by: Ann <ann@example.com>\nLink: https://example.com/a\n  continued on the next line\nAssisted-by: Claude:claude-sonnet-4',
  'Add export\n\nSome prose line\nmore prose\nand more\nSigned-off-by: Bob <bob@example.com>',
  'Add export\n\nprose one\nprose two\nprose three\nprose four\nSigned-off-by: Bob <bob@example.com>',
  'Fix crash\n\n(cherry picked from commit 4f2a9c1e5b7d)\nSigned-off-by: Bob <bob@example.com>',
  'Add export\n\n\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\n\n',
  'Only a subject',
];

describe('parseTrailers', () => {
  it.each(agreeingMessages)('agrees with git interpret-trailers on %j', (message) => {
    expect(ours(message)).toEqual(gitTrailers(message));
  });

  it('keeps keys as written and folds continuation lines', () => {
    expect(parseTrailers('Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nLink: https://a\n  /b')).toEqual([
      { key: 'Co-Authored-By', normalizedKey: 'co-authored-by', value: 'Claude <noreply@anthropic.com>' },
      { key: 'Link', normalizedKey: 'link', value: 'https://a /b' },
    ]);
  });

  it('also accepts Co-authored-by as a git-written trailer in a mixed last paragraph, as GitHub does', () => {
    // git only counts Signed-off-by and cherry-pick lines here; GitHub's squash merges put
    // Co-authored-by lines after text like this, so we treat them like git's own.
    const message = 'Add export\n\nFixes #12\nCo-authored-by: Ann <ann@example.com>';
    expect(gitTrailers(message)).toEqual([]);
    expect(ours(message)).toEqual(['Co-authored-by: Ann <ann@example.com>']);
  });

  it('handles CRLF line ends', () => {
    expect(ours('Add export\r\n\r\nCo-authored-by: Ann <ann@example.com>\r\n')).toEqual(['Co-authored-by: Ann <ann@example.com>']);
  });
});

describe('trailer values', () => {
  it('extracts the e-mail and the name', () => {
    expect(trailerEmail('Claude <NoReply@Anthropic.com>')).toBe('noreply@anthropic.com');
    expect(trailerEmail('aider (openai/gpt-4o) <noreply@aider.chat>')).toBe('noreply@aider.chat');
    expect(trailerEmail('GitHub Copilot')).toBeNull();
    expect(trailerEmail('Ann <not an address>')).toBeNull();
    expect(trailerName('aider (openai/gpt-4o) <noreply@aider.chat>')).toBe('aider (openai/gpt-4o)');
    expect(trailerName('GitHub Copilot')).toBe('GitHub Copilot');
  });
});
