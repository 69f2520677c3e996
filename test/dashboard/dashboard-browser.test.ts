import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDashboardData, DEFAULT_DASHBOARD_WINDOW } from '../../dashboard/assemble.js';
import { writeDashboard } from '../../dashboard/build.js';
import type { DashboardData } from '../../dashboard/types.js';
import { fixtureDashboardData } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const skipBrowser = process.env.CODELEDGER_SKIP_BROWSER === '1';
if (skipBrowser) {
  console.warn('dashboard browser tests skipped: CODELEDGER_SKIP_BROWSER=1');
}

const lines = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** What a page did that a static, offline page must not: errors and requests off disk. */
interface PageWatch {
  errors: string[];
  offDiskRequests: string[];
  /** Every file:// request, to prove the listener sees requests at all. */
  fileRequests: string[];
}

async function openPage(browser: Browser, indexPath: string, width = 1280): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const watch: PageWatch = { errors: [], offDiskRequests: [], fileRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => watch.errors.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    // blob: is the CSV download, made in memory by the page itself.
    if (request.url().startsWith('file:')) watch.fileRequests.push(request.url());
    else if (!request.url().startsWith('blob:')) watch.offDiskRequests.push(request.url());
  });
  await page.goto(pathToFileURL(indexPath).href);
  return { page, watch };
}

describe.skipIf(skipBrowser)('the static dashboard in Chromium', () => {
  let browser: Browser;
  let outDir: string;
  let data: DashboardData;
  let indexPath: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package, or set CODELEDGER_SKIP_BROWSER=1 to skip`);
    }
    outDir = await mkdtemp(join(tmpdir(), 'codeledger-dashboard-'));
    data = fixtureDashboardData();
    ({ indexPath } = await writeDashboard({ outDir: join(outDir, 'site'), data }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes index.html with its script and stylesheet beside it', async () => {
    expect(indexPath).toBe(join(outDir, 'site', 'index.html'));
    for (const asset of ['app.js', 'styles.css']) expect((await stat(join(outDir, 'site', asset))).size).toBeGreaterThan(1000);
    const script = await readFile(join(outDir, 'site', 'app.js'), 'utf8');
    // d3 is bundled, not fetched.
    expect(script).not.toMatch(/from\s*["']d3["']|require\(["']d3["']\)/);
  });

  it('renders every chart from the embedded data, offline and without errors', async () => {
    const { page, watch } = await openPage(browser, indexPath);
    try {
      await page.waitForSelector('.weekly-chart svg');

      const weekly = page.locator('.weekly-chart svg');
      await expect(weekly.getAttribute('role')).resolves.toBe('img');
      await expect(weekly.getAttribute('aria-label')).resolves.toContain(`${data.weeks.length} weeks`);
      await expect(weekly.locator('rect.bar').count()).resolves.toBe(data.weeks.length);
      await expect(weekly.locator('path.series').count()).resolves.toBe(3);
      await expect(weekly.locator('.hover-targets rect').count()).resolves.toBe(data.weeks.length);
      // Line paths go through one point per week: d3 writes a command letter per point.
      const path = await weekly.locator('path.series-released').getAttribute('d');
      expect(path?.match(/[ML]/g)).toHaveLength(data.weeks.length);

      const waterfall = page.locator('.waterfall-chart svg');
      await expect(waterfall.getAttribute('role')).resolves.toBe('img');
      await expect(waterfall.locator('rect.step').count()).resolves.toBe(data.waterfall.length);
      await expect(waterfall.locator('rect.step-minus').count()).resolves.toBe(data.waterfall.filter((s) => s.kind === 'minus').length);
      await expect(waterfall.locator('rect.mark').count()).resolves.toBe(data.waterfallMarks.length);
      const lastLabel = await waterfall.locator('.waterfall-row').nth(data.waterfall.length - 1).locator('text.value-label').textContent();
      expect(lastLabel).toContain(lines.format(data.waterfall.at(-1)!.to));

      await expect(page.locator('.stack-chart svg rect.bar').count()).resolves.toBe(data.stacks.length * 3);
      await expect(page.locator('#ai tbody tr').count()).resolves.toBe(data.ai.length);

      expect(watch.errors).toEqual([]);
      expect(watch.offDiskRequests).toEqual([]);
      expect(watch.fileRequests.map((url) => url.split('/').at(-1))).toEqual(expect.arrayContaining(['index.html', 'styles.css', 'app.js']));
    } finally {
      await page.close();
    }
  });

  it('shows the header and tiles with the right numbers, each linking to the weekly table', async () => {
    const { page, watch } = await openPage(browser, indexPath);
    try {
      await page.waitForSelector('.tile');
      await expect(page.locator('[data-meta="config"] code').textContent()).resolves.toBe('c0ffee1234abcd');
      await expect(page.locator('[data-meta="last-week"] dd').textContent()).resolves.toBe('3 Mar – 9 Mar 2025');
      await expect(page.locator('[data-meta="weeks-shown"] dd').textContent()).resolves.toContain('22 weeks from 7 Oct 2024 to 9 Mar 2025');

      const tiles = page.locator('a.tile');
      await expect(tiles.count()).resolves.toBe(data.tiles.length);
      for (const tile of data.tiles) {
        const element = page.locator(`a.tile[data-tile="${tile.key}"]`);
        const expectedLastWeek = tile.format === 'ratio' ? `${(tile.lastWeek! * 100).toFixed(1)}%` : lines.format(tile.lastWeek!);
        const expectedWindow = tile.format === 'ratio' ? `${(tile.window! * 100).toFixed(1)}%` : lines.format(tile.window!);
        await expect(element.locator('.tile-value').textContent()).resolves.toBe(expectedLastWeek);
        await expect(element.locator('.tile-window').textContent()).resolves.toBe(expectedWindow);
        await expect(element.getAttribute('href')).resolves.toBe('#weekly-table');
      }
      await expect(page.locator('a.tile[data-tile="raw_lines"] .tile-value').textContent()).resolves.toBe(
        lines.format(data.weeks.at(-1)!.rawLines),
      );

      await page.locator('a.tile[data-tile="ec_released"]').click();
      expect(new URL(page.url()).hash).toBe('#weekly-table');
      await expect(page.locator('#weekly-table').isVisible()).resolves.toBe(true);
      expect(watch.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('filters the weekly table by stack and exports the rows shown as CSV', async () => {
    const { page, watch } = await openPage(browser, indexPath);
    try {
      const rows = page.locator('#weekly-table tbody tr');
      await expect(rows.count()).resolves.toBe(data.weeks.length);
      await expect(rows.first().locator('td').nth(1).textContent()).resolves.toBe('3 Mar – 9 Mar 2025');

      const [allDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#weekly-table button.csv-export').click()]);
      expect(allDownload.suggestedFilename()).toBe('codeledger-weekly.csv');
      const allCsv = (await readFile((await allDownload.path())!, 'utf8')).trim().split('\n');
      expect(allCsv[0]).toBe(
        'stack,week_start,fiscal_year,commits,files,lines_added,lines_deleted,raw_lines,counted_lines,ec_base,churned_ec,ec_merged,ec_durable,ec_released,ec_pending,merged_ratio',
      );
      expect(allCsv).toHaveLength(data.weeks.length + 1);
      const newest = data.weeks.at(-1)!;
      expect(allCsv[1]!.split(',').slice(0, 8)).toEqual([
        'all',
        newest.weekStart,
        String(newest.fiscalYear),
        String(newest.commits),
        String(newest.files),
        String(newest.linesAdded),
        String(newest.linesDeleted),
        String(newest.rawLines),
      ]);

      await page.locator('#weekly-table select[name="stack"]').selectOption('backend');
      const backendRows = data.stackWeeks.filter((r) => r.stack === 'backend');
      await expect(rows.count()).resolves.toBe(backendRows.length);
      await expect(rows.first().locator('td').first().textContent()).resolves.toBe('Back end');
      const [backendDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#weekly-table button.csv-export').click()]);
      const backendCsv = (await readFile((await backendDownload.path())!, 'utf8')).trim().split('\n');
      expect(backendCsv).toHaveLength(backendRows.length + 1);
      expect(backendCsv[1]!.startsWith(`backend,${backendRows.at(-1)!.weekStart},`)).toBe(true);

      const [aiDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#ai button.csv-export').click()]);
      const aiCsv = (await readFile((await aiDownload.path())!, 'utf8')).trim().split('\n');
      expect(aiCsv[0]).toBe('ai_class,commits,commit_share,lines_added,lines_deleted,ec_merged,ec_merged_share,ec_durable,churned_lines,churn_rate');
      expect(aiCsv[1]!.startsWith('human,108,0.6,')).toBe(true);

      expect(watch.errors).toEqual([]);
      expect(watch.offDiskRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a tooltip with the week’s numbers on hover', async () => {
    const { page } = await openPage(browser, indexPath);
    try {
      const target = page.locator('.weekly-chart .hover-targets rect').nth(data.weeks.length - 2);
      await target.hover();
      const tooltip = page.locator('.tooltip');
      await expect(tooltip.isVisible()).resolves.toBe(true);
      const week = data.weeks.at(-2)!;
      const text = await tooltip.textContent();
      expect(text).toContain(lines.format(week.rawLines));
      expect(text).toContain(lines.format(week.ecMerged));
      await page.mouse.move(1, 1);
      await expect(tooltip.isVisible()).resolves.toBe(false);
    } finally {
      await page.close();
    }
  });

  it('fits a narrow screen: no sideways scrolling of the page, compact charts', async () => {
    const { page, watch } = await openPage(browser, indexPath, 390);
    try {
      await page.waitForSelector('.waterfall-chart svg');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const chartWidth = await page.locator('.weekly-chart svg').evaluate((svg) => svg.getBoundingClientRect().width);
      expect(chartWidth).toBeLessThan(390);
      await page.screenshot({ path: join(outDir, 'dashboard-narrow.png'), fullPage: true });
      expect(watch.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('redraws the charts when the window is resized', async () => {
    const { page } = await openPage(browser, indexPath, 1280);
    try {
      await page.waitForSelector('.weekly-chart svg');
      const wide = Number(await page.locator('.weekly-chart svg').getAttribute('width'));
      await page.setViewportSize({ width: 700, height: 900 });
      await page.waitForFunction((before) => Number(document.querySelector('.weekly-chart svg')?.getAttribute('width')) < before, wide);
      await expect(page.locator('.weekly-chart svg').count()).resolves.toBe(1);
      await expect(page.locator('.weekly-chart svg rect.bar').count()).resolves.toBe(data.weeks.length);
    } finally {
      await page.close();
    }
  });

  it('takes a full-page screenshot of the fixture for a visual check', async () => {
    const { page } = await openPage(browser, indexPath, 1280);
    try {
      await page.waitForSelector('.stack-chart svg');
      const path = join(outDir, 'dashboard-wide.png');
      await page.screenshot({ path, fullPage: true });
      expect((await stat(path)).size).toBeGreaterThan(20_000);
    } finally {
      await page.close();
    }
  });

  it('says "no data yet" instead of drawing empty charts', async () => {
    const empty = assembleDashboardData(
      { repos: [], weekStacks: [], aiWeeks: [] },
      { ...DEFAULT_DASHBOARD_WINDOW, now: new Date('2025-03-12T09:30:00Z'), configHash: 'empty' },
    );
    const { indexPath: emptyIndex } = await writeDashboard({ outDir: join(outDir, 'empty'), data: empty });
    const { page, watch } = await openPage(browser, emptyIndex);
    try {
      await page.waitForSelector('.empty-state');
      await expect(page.locator('#no-data h2').textContent()).resolves.toBe('No data yet');
      await expect(page.locator('.notes li').first().textContent()).resolves.toContain('No effective-code data yet');
      await expect(page.locator('svg').count()).resolves.toBe(0);
      await expect(page.locator('a.tile').count()).resolves.toBe(0);
      expect(watch.errors).toEqual([]);
      expect(watch.offDiskRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a readable error, not a blank page, when the embedded data is unreadable', async () => {
    const broken = { ...fixtureDashboardData(), schemaVersion: 999 };
    const { indexPath: brokenIndex } = await writeDashboard({ outDir: join(outDir, 'broken'), data: broken });
    const { page, watch } = await openPage(browser, brokenIndex);
    try {
      await page.waitForSelector('.empty-state');
      await expect(page.locator('.empty-state').textContent()).resolves.toContain('schema version 999');
      expect(watch.errors.some((e) => e.includes('schema version 999'))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
