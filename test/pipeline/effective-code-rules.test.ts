import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { analyse, commitRow, commitTotals, fileRows } from '../helpers/analyse.js';
import { openWarehouse, type Warehouse } from '../../pipeline/warehouse/open-warehouse.js';

/** Distinct, realistic code lines (each with well over 20 alphanumerics, so never trivial). */
function codeLines(count: number, tag: string, indent = '  '): string[] {
  return Array.from({ length: count }, (_, i) => `${indent}const ${tag}Value${i} = compute${tag}Amount(order.items[${i}], rates.${tag}Rate${i});`);
}

function fn(name: string, body: string[]): string {
  return [`export function ${name}(order: Order, rates: Rates): number {`, ...body, '  return 0;', '}', ''].join('\n');
}

const DAY = 86_400_000;

describe('effective-code rules on real repositories', () => {
  let warehouse: Warehouse;
  const repos: TestRepo[] = [];
  const newRepo = async (): Promise<TestRepo> => {
    const repo = await createTestRepo();
    repos.push(repo);
    return repo;
  };

  beforeAll(async () => {
    warehouse = await openWarehouse({});
  });
  afterAll(async () => {
    await warehouse.close();
    await Promise.all(repos.map((r) => r.cleanup()));
  });

  it('counts plain additions as add with weight 1 × complexity, and deletions as delete', async () => {
    const repo = await newRepo();
    await repo.write('src/orders.ts', fn('total', codeLines(4, 'Base')));
    const first = await repo.commit('feat: order totals');
    await repo.write('src/orders.ts', fn('total', [...codeLines(3, 'Base'), ...codeLines(2, 'Extra')]));
    const second = await repo.commit('feat: extra charges');
    await analyse(warehouse, [repo.path]);
    const a = await commitTotals(warehouse, first);
    expect(a.lines_added).toBe(7);
    // the signature, four body lines and "return 0;" (a keyword and a literal is not keyword-only)
    expect(a.added_lines).toBe(6);
    expect(a.trivial_lines).toBe(1); // "}"
    expect(a.trivial_lines + a.added_lines + a.noop_lines).toBe(7);
    expect(a.op_weighted).toBe(6);
    const b = await commitTotals(warehouse, second);
    // one base line replaced by two extra lines: one similar pair (an update) and one add
    expect(b.lines_added).toBe(2);
    expect(b.lines_deleted).toBe(1);
    expect(b.updated_lines + b.added_lines).toBe(2);
    expect(b.update_pair_lines + b.deleted_lines).toBe(1);
  });

  it('gives whitespace-only edits and re-indentation no weight (noop)', async () => {
    const repo = await newRepo();
    const body = codeLines(6, 'Ws');
    await repo.write('src/ws.ts', fn('ws', body));
    await repo.commit('feat: ws');
    await repo.write('src/ws.ts', fn('ws', body.map((l) => `    ${l.trimStart()}   `)).replace('{\n', '{\n\n\n'));
    const sha = await repo.commit('style: reindent');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    expect(t.lines_added + t.lines_deleted).toBeGreaterThan(10);
    expect(t.noop_lines).toBe(t.lines_added + t.lines_deleted);
    expect(t.ec_base).toBe(0);
  });

  it('gives comment-only lines no weight', async () => {
    const repo = await newRepo();
    await repo.write('src/c.ts', fn('c', codeLines(3, 'Cm')));
    await repo.commit('feat: c');
    await repo.write(
      'src/c.ts',
      ['// Computes the order charge for the customer account', '/* a block comment that explains', '   the rounding rules in detail */', fn('c', codeLines(3, 'Cm'))].join('\n'),
    );
    const sha = await repo.commit('feat: document c');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    expect(t.lines_added).toBe(3);
    expect(t.comment_lines).toBe(3);
    expect(t.ec_base).toBe(0);
  });

  it('treats a block moved between files as moved, earning nothing', async () => {
    const repo = await newRepo();
    const moved = codeLines(6, 'Mv');
    await repo.write('src/a.ts', fn('a', [...codeLines(2, 'Stay'), ...moved]));
    await repo.write('src/b.ts', fn('b', codeLines(2, 'Bee')));
    await repo.commit('feat: a and b');
    await repo.write('src/a.ts', fn('a', codeLines(2, 'Stay')));
    await repo.write('src/b.ts', fn('b', [...codeLines(2, 'Bee'), ...moved.map((l) => `  ${l}`)]));
    const sha = await repo.commit('refactor: move block');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    expect(t.moved_lines).toBe(12);
    expect(t.ec_base).toBe(0);
  });

  it('treats a block that already exists in history as copy/paste', async () => {
    const repo = await newRepo();
    const block = codeLines(6, 'Cp');
    await repo.write('src/one.ts', fn('one', block));
    await repo.commit('feat: one');
    await repo.write('src/two.ts', fn('two', [...block, ...codeLines(1, 'Own')]));
    const sha = await repo.commit('feat: two');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    expect(t.copy_paste_lines).toBeGreaterThanOrEqual(6);
    expect(t.added_lines).toBeGreaterThanOrEqual(1);
    expect(t.added_lines).toBeLessThanOrEqual(3);
  });

  it('weighs one token substitution applied to five files as find/replace (0.3)', async () => {
    const repo = await newRepo();
    for (let i = 0; i < 5; i++) {
      await repo.write(`src/f${i}.ts`, fn(`f${i}`, [`  const total${i} = computeTotalForOrder(order.items, rates.vat${i});`, ...codeLines(2, `F${i}x`)]));
    }
    await repo.commit('feat: five files');
    for (let i = 0; i < 5; i++) {
      await repo.write(`src/f${i}.ts`, fn(`f${i}`, [`  const total${i} = calculateTotalForOrder(order.items, rates.vat${i});`, ...codeLines(2, `F${i}x`)]));
    }
    const sha = await repo.commit('refactor: rename computeTotalForOrder');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    expect(t.find_replace_lines).toBe(5);
    expect(t.update_pair_lines).toBe(5);
    expect(t.op_weighted).toBeCloseTo(1.5, 6);
  });

  it('gates generated files (header and .gitattributes), vendored paths, lock files and binaries', async () => {
    const repo = await newRepo();
    await repo.write('.gitattributes', 'src/schema.ts linguist-generated=true\n');
    await repo.write('src/gen/api.ts', `// Code generated by protoc-gen-ts. DO NOT EDIT.\n${codeLines(4, 'Gen').join('\n')}\n`);
    await repo.write('src/schema.ts', `${codeLines(3, 'Schema').join('\n')}\n`);
    await repo.write('vendor/left-pad/index.js', `${codeLines(5, 'Vendored').join('\n')}\n`);
    await repo.write('package-lock.json', '{\n  "name": "x",\n  "lockfileVersion": 3\n}\n');
    await repo.write('assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    await repo.write('src/real.ts', fn('real', codeLines(2, 'Real')));
    const sha = await repo.commit('feat: mixed files');
    await analyse(warehouse, [repo.path]);
    const rows = await fileRows(warehouse, sha);
    expect(rows.get('src/gen/api.ts')).toMatchObject({ kind: 'generated', generated_lines: 5, ec_base: 0 });
    expect(rows.get('src/schema.ts')).toMatchObject({ kind: 'generated', generated_lines: 3, ec_base: 0 });
    expect(rows.get('vendor/left-pad/index.js')).toMatchObject({ kind: 'vendored', vendored_lines: 5, ec_base: 0 });
    expect(rows.get('package-lock.json')).toMatchObject({ kind: 'lockfile', lockfile_lines: 4, ec_base: 0 });
    expect(rows.get('assets/logo.png')).toMatchObject({ kind: 'binary', lines_added: 0, ec_base: 0 });
    expect(Number(rows.get('src/real.ts')!.ec_base)).toBeGreaterThan(0);
  });

  it('nets a revert and the commit it reverts to zero', async () => {
    const repo = await newRepo();
    await repo.write('src/base.ts', fn('base', codeLines(2, 'Keep')));
    await repo.commit('feat: base');
    await repo.write('src/feature.ts', fn('feature', codeLines(5, 'Feat')));
    const feature = await repo.commit('feat: risky feature');
    await repo.git('revert', '--no-edit', feature);
    const revert = await repo.head();
    await analyse(warehouse, [repo.path]);
    expect(await commitRow(warehouse, feature)).toMatchObject({ gate_reason: 'reverted', reverted_by_sha: revert });
    expect(await commitRow(warehouse, revert)).toMatchObject({ gate_reason: 'revert', revert_of_sha: feature });
    const f = await commitTotals(warehouse, feature);
    const r = await commitTotals(warehouse, revert);
    expect(f.revert_lines).toBe(f.lines_added + f.lines_deleted);
    expect(r.revert_lines).toBe(r.lines_added + r.lines_deleted);
    expect(f.ec_base + r.ec_base).toBe(0);
  });

  it('gates a cherry-picked change that already landed on the branch as a duplicate', async () => {
    const repo = await newRepo();
    await repo.write('src/limits.ts', fn('limits', codeLines(3, 'Lim')));
    await repo.commit('feat: limits');
    await repo.write('src/limits.ts', fn('limits', [...codeLines(3, 'Lim'), '  const retryBudget = computeRetryBudget(order.items, rates.retryRate);']));
    const original = await repo.commit('feat: retry budget');
    await repo.write('src/limits.ts', fn('limits', codeLines(3, 'Lim')));
    await repo.commit('refactor: drop retry budget for now');
    await repo.git('cherry-pick', original);
    const picked = await repo.head();
    await analyse(warehouse, [repo.path]);
    expect(await commitRow(warehouse, picked)).toMatchObject({ gate_reason: 'duplicate' });
    expect((await commitRow(warehouse, picked)).patch_id).toBe((await commitRow(warehouse, original)).patch_id);
    const t = await commitTotals(warehouse, picked);
    expect(t.duplicate_lines).toBe(1);
    expect(t.ec_base).toBe(0);
  });

  it('gates commits listed in .git-blame-ignore-revs', async () => {
    const repo = await newRepo();
    await repo.write('src/fmt.ts', fn('fmt', codeLines(4, 'Fmt')));
    await repo.commit('feat: fmt');
    await repo.write('src/fmt.ts', fn('fmt', codeLines(4, 'Fmt').map((l) => l.replace(/ = /g, '=').replace(/, /g, ','))));
    const reformat = await repo.commit('style: run the formatter');
    await repo.write('.git-blame-ignore-revs', `# formatter\n${reformat}\n`);
    await repo.commit('chore: ignore the formatter commit in blame');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, reformat);
    expect(t.ignored_rev_lines).toBe(8);
    expect(t.ec_base).toBe(0);
    expect(await commitRow(warehouse, reformat)).toMatchObject({ gate_reason: 'ignored_rev' });
  });

  it('counts bot commits in the automation class, not in effective code', async () => {
    const repo = await newRepo();
    await repo.write('package.json', '{\n  "dependencies": {\n    "left-pad": "1.0.0"\n  }\n}\n');
    await repo.commit('chore: init');
    await repo.write('package.json', '{\n  "dependencies": {\n    "left-pad": "1.3.0"\n  }\n}\n');
    const sha = await repo.commit('chore(deps): bump left-pad from 1.0.0 to 1.3.0', {
      author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
    });
    await analyse(warehouse, [repo.path]);
    expect(await commitRow(warehouse, sha)).toMatchObject({ ai_class: 'bot', gate_reason: 'bot' });
    const t = await commitTotals(warehouse, sha);
    expect(t.bot_lines).toBe(2);
    expect(t.ec_base).toBe(0);
  });

  it('attributes AI co-authored commits with their evidence and still counts their code', async () => {
    const repo = await newRepo();
    await repo.write('src/ai.ts', fn('ai', codeLines(3, 'Ai')));
    const sha = await repo.commit('feat: add ai helper\n\nCo-authored-by: Claude <noreply@anthropic.com>');
    await analyse(warehouse, [repo.path]);
    const row = await commitRow(warehouse, sha);
    expect(row.ai_class).toBe('ai_assisted');
    expect(String(row.ai_evidence)).toContain('noreply@anthropic.com');
    expect((await commitTotals(warehouse, sha)).ec_base).toBeGreaterThan(0);
  });

  it('books lines changed within 21 days as churn and lines that survive as durable', async () => {
    const repo = await newRepo();
    const start = new Date('2024-03-01T10:00:00Z');
    await repo.write('src/churn.ts', fn('churn', codeLines(10, 'Ch')));
    const churned = await repo.commit('feat: churn', { date: start });
    const rewritten = codeLines(10, 'Ch').map((l, i) => (i < 4 ? l.replace('compute', 'recompute').replace('order.items', 'cart.lines') : l));
    await repo.write('src/churn.ts', fn('churn', rewritten));
    await repo.commit('fix: rework', { date: new Date(start.getTime() + 5 * DAY) });
    await repo.write('src/stable.ts', fn('stable', codeLines(10, 'St')));
    const stable = await repo.commit('feat: stable', { date: new Date(start.getTime() + 6 * DAY) });
    await repo.write('src/stable.ts', fn('stable', codeLines(10, 'St').map((l, i) => (i < 4 ? l.replace('compute', 'recompute').replace('order.items', 'cart.lines') : l))));
    await repo.commit('fix: late change', { date: new Date(start.getTime() + 40 * DAY) });
    await analyse(warehouse, [repo.path], { now: new Date(start.getTime() + 100 * DAY) });
    const c = await commitTotals(warehouse, churned);
    expect(c.churned_lines).toBe(4);
    expect(c.churned_ec).toBeGreaterThan(0);
    expect(c.ec_durable).toBeCloseTo((c.ec_base - c.churned_ec) * 0.5, 6);
    const s = await commitTotals(warehouse, stable);
    expect(s.churned_lines).toBe(0);
    expect(s.ec_durable).toBeCloseTo(s.ec_base * 0.5, 6);
  });

  it('keeps lines younger than the window pending, then makes them durable on a later run', async () => {
    const repo = await newRepo();
    const start = new Date('2024-05-01T10:00:00Z');
    await repo.write('src/p.ts', fn('p', codeLines(3, 'Pend')));
    const sha = await repo.commit('feat: pending', { date: start });
    const w = await openWarehouse({});
    try {
      await analyse(w, [repo.path], { now: new Date(start.getTime() + 3 * DAY) });
      const rows = await fileRows(w, sha);
      expect(rows.get('src/p.ts')).toMatchObject({ durability: 'pending', ec_durable: 0 });
      await analyse(w, [repo.path], { now: new Date(start.getTime() + 30 * DAY) });
      const later = (await fileRows(w, sha)).get('src/p.ts')!;
      expect(later.durability).toBe('durable');
      expect(Number(later.ec_durable)).toBeCloseTo(Number(later.ec_base) * 0.5, 6);
    } finally {
      await w.close();
    }
  });

  it('damps effective added lines beyond 300 in one file of one commit', async () => {
    const repo = await newRepo();
    await repo.write('src/bulk.ts', `${codeLines(400, 'Bulk', '').join('\n')}\n`);
    const sha = await repo.commit('feat: bulk');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    expect(t.added_lines).toBe(400);
    expect(t.bulk_damped_lines).toBe(100);
    expect(t.bulk_weighted).toBeCloseTo(300 + 100 * 0.5, 6);
  });

  it('weighs work types from conventional commits (docs: 0, test: 0.5)', async () => {
    const repo = await newRepo();
    await repo.write('src/w.ts', fn('w', codeLines(2, 'Wa')));
    const docs = await repo.commit('docs: clarify w');
    await repo.write('src/w2.ts', fn('w2', codeLines(2, 'Wb')));
    const test = await repo.commit('test: cover w2');
    await analyse(warehouse, [repo.path]);
    expect(await commitRow(warehouse, docs)).toMatchObject({ work_type: 'docs' });
    expect((await commitTotals(warehouse, docs)).worktype_weighted).toBe(0);
    const t = await commitTotals(warehouse, test);
    expect(t.worktype_weighted).toBeCloseTo(t.op_weighted * 0.5, 6);
  });

  it('weighs lines by the cyclomatic complexity of their function', async () => {
    const repo = await newRepo();
    const branches = [
      'export function route(order: Order): number {',
      '  if (order.priority > 3 && order.express) { return shipExpress(order.destination); }',
      '  for (const item of order.items) { if (item.fragile || item.oversized) { flagHandling(item.identifier); } }',
      '  while (order.pendingChecks > 0) { order.pendingChecks = runNextCheck(order.checkQueue); }',
      '  return order.express ? computeExpressRate(order.weight) : computeStandardRate(order.weight);',
      '}',
      '',
    ];
    await repo.write('src/route.ts', branches.join('\n'));
    const sha = await repo.commit('feat: routing');
    await analyse(warehouse, [repo.path]);
    const t = await commitTotals(warehouse, sha);
    // CCN = 1 + if + && + for + if + || + while + ?: = 8 → 1 + 0.25 × log2 8 = 1.75
    expect(t.bulk_weighted).toBe(5);
    expect(t.ec_base).toBeCloseTo(5 * 1.75, 6);
  });

  it('releases commits reachable from a matching tag', async () => {
    const repo = await newRepo();
    await repo.write('src/r.ts', fn('r', codeLines(2, 'Rel')));
    const released = await repo.commit('feat: released', { date: new Date('2024-01-01T00:00:00Z') });
    await repo.tag('v1.0.0', { message: 'release 1.0.0', date: new Date('2024-01-02T00:00:00Z') });
    await repo.write('src/u.ts', fn('u', codeLines(2, 'Unrel')));
    const unreleased = await repo.commit('feat: not yet released', { date: new Date('2024-01-03T00:00:00Z') });
    await repo.tag('nightly-1');
    await analyse(warehouse, [], { configYaml: `repos:\n  - path: ${repo.path}\n    releaseTagPattern: 'v*'\n` });
    expect(await commitRow(warehouse, released)).toMatchObject({ release_tag: 'v1.0.0' });
    expect((await commitRow(warehouse, unreleased)).released_at).toBeNull();
    const r = await commitTotals(warehouse, released);
    expect(r.ec_released).toBeCloseTo((r.ec_base - r.churned_ec) * 1.0, 6);
    expect((await commitTotals(warehouse, unreleased)).ec_released).toBe(0);
  });
});
