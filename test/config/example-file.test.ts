import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, parseConfig } from '../../pipeline/config/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exampleText = readFileSync(path.join(repoRoot, 'codeledger.example.yaml'), 'utf8');

describe('codeledger.example.yaml', () => {
  it('is a valid configuration whose weights and thresholds are the defaults it claims to show', () => {
    const config = parseConfig(exampleText, { baseDir: '/srv/conf' });
    expect(config.weights).toEqual(DEFAULT_WEIGHTS);
    expect(config.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(config.calendar).toEqual({ timezone: 'UTC', weekStart: 'monday', fiscalYearStartMonth: 1 });
    expect(config.schedule.cron).toBe('0 2 * * *');
  });

  it('shows both ways of naming a repository', () => {
    const config = parseConfig(exampleText, { baseDir: '/srv/conf' });
    expect(config.repos.map(({ name, path: repoPath, url }) => ({ name, path: repoPath, url }))).toEqual([
      { name: 'web', path: '/srv/web', url: null },
      { name: 'api', path: null, url: 'https://github.com/acme/api.git' },
    ]);
  });
});
