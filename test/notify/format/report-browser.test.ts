import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../lambdas/engine/types/action.js';
import { formatUsd } from '../../../lambdas/notify/format/numbers.js';
import { TABLE_PAGE_ROWS } from '../../../lambdas/notify/format/report-actions-table.js';
import { buildReportHtml, type ReportInput } from '../../../lambdas/notify/format/report-html.js';
import { embeddedCharts } from '../../fixtures/notify/report-parts.js';
import { sampleActions, sampleForecasts, sampleRun } from '../../fixtures/notify/sample-run.js';
import { costAnomaly, cpuAnomaly } from '../anomaly-fixtures.js';

/**
 * The report as a reader sees it: opened from a file in headless Chromium (the Debian package), driven by
 * playwright-core. Skipped, with the reason in its name, only when there is no Chromium binary to launch.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const title = hasChromium
  ? 'the HTML report in headless Chromium'
  : `the HTML report in headless Chromium — SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

const generatedAt = '2026-11-29T06:01:15.000Z';

interface Opened {
  page: Page;
  /** Console errors, uncaught page errors and any request that is not the report file itself. */
  problems: string[];
}

/** The few DOM shapes the in-page callbacks use: the project compiles without the DOM library. */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> } };
}
interface FigureLike {
  dataset: { chart?: string };
  querySelector(selector: 'canvas'): CanvasLike;
}
interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<FigureLike> };
  __pwned?: number;
}

interface ChartPixels {
  chart: number;
  /** Pixels of the chart's first line colour: > 0 means uPlot drew the series, not only the axes. */
  linePixels: number;
}

function report(actions: Action[], extra: Partial<ReportInput> = {}): ReportInput {
  return { run: sampleRun(actions), actions, forecasts: sampleForecasts(), anomalies: [cpuAnomaly(), costAnomaly()], generatedAt, ...extra };
}

/** Σ of a field over actions, grouped the way the totals tables group them. */
function sums(actions: readonly Action[], keyOf: (action: Action) => string): Map<string, [number, number, number]> {
  const groups = new Map<string, [number, number, number]>();
  for (const action of actions) {
    const [count, savings, carbon] = groups.get(keyOf(action)) ?? [0, 0, 0];
    groups.set(keyOf(action), [count + 1, savings + action.monthlySavingsUsd, carbon + action.carbonKgCo2eMonthly]);
  }
  return groups;
}

describe.skipIf(!hasChromium)(title, () => {
  let browser: Browser;
  let dir: string;
  let files = 0;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    dir = mkdtempSync(path.join(tmpdir(), 'headroom-report-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string): Promise<Opened> {
    files += 1;
    const file = path.join(dir, `report-${files}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems };
  }

  /** For every drawn chart: how many canvas pixels have its first line's colour. */
  async function drawnCharts(page: Page, colours: string[]): Promise<ChartPixels[]> {
    return page.evaluate((lineColours) => {
      const { document } = globalThis as unknown as PageGlobals;
      return Array.from(document.querySelectorAll('figure.chart[data-drawn]')).map((figure) => {
        const chart = Number(figure.dataset.chart);
        const canvas = figure.querySelector('canvas');
        const context = canvas.getContext('2d');
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const hex = parseInt(lineColours[chart].slice(1), 16);
        const [r, g, b] = [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
        let linePixels = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3] > 200 && Math.abs(pixels[i] - r) < 40 && Math.abs(pixels[i + 1] - g) < 40 && Math.abs(pixels[i + 2] - b) < 40) linePixels += 1;
        }
        return { chart, linePixels };
      });
    }, colours);
  }

  /** Each cell's data-value, or its text when it has none. */
  async function cells(page: Page, selector: string): Promise<string[]> {
    return page.$$eval(selector, (found) => found.map((cell) => cell.getAttribute('data-value') ?? cell.textContent ?? ''));
  }

  async function column(page: Page, index: number): Promise<string[]> {
    return cells(page, `#actions tbody tr td:nth-child(${index})`);
  }

  it('opens offline without console errors or requests, draws the visible charts at load and the rest when opened', async () => {
    // Prepare: 12 actions with one series each (5 panels open), one anomaly excerpt, one forecast.
    const actions = sampleActions(12);
    const html = buildReportHtml(report(actions));
    const charts = embeddedCharts(html);
    const colours = charts.map((chart) => chart.lines[0].colour);
    expect(charts).toHaveLength(14);

    // Act
    const { page, problems } = await open(html);
    const atLoad = await drawnCharts(page, colours);
    await page.getByRole('button', { name: 'Open all evidence panels' }).click();
    const afterOpening = await drawnCharts(page, colours);

    // Assess
    expect(atLoad).toHaveLength(5 + 1 + 1);
    expect(await page.locator('figure.chart canvas').count()).toBe(14);
    expect(afterOpening.map((entry) => entry.chart).sort((a, b) => a - b)).toEqual(charts.map((_, index) => index));
    for (const entry of afterOpening) expect(entry.linePixels, `chart ${entry.chart} has no line drawn`).toBeGreaterThan(50);
    expect(await page.locator('figure.chart .u-legend').first().textContent()).toContain('threshold');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts the actions table by a clicked header, reverses on a second click, and works from the keyboard', async () => {
    const actions = sampleActions(20);
    const { page, problems } = await open(buildReportHtml(report(actions)));
    const savings = page.locator('#actions th', { hasText: '$/month' });
    const byNumber = (values: string[]): number[] => values.map(Number);

    await savings.getByRole('button').click();
    const descending = byNumber(await column(page, 6));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending).not.toEqual(actions.map((action) => action.monthlySavingsUsd));
    expect(await savings.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#actions-sort-status').textContent()).toBe('Sorted by $/month, descending.');

    await savings.getByRole('button').click();
    const ascending = byNumber(await column(page, 6));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await savings.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('#actions th[aria-sort]').count()).toBe(1);

    // Effort sorts by size, not alphabetically; ties keep rank order.
    await page.locator('#actions th', { hasText: 'Effort' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    const efforts = await page.$$eval('#actions tbody tr td:nth-child(9)', (cells) => cells.map((cell) => cell.textContent));
    expect(efforts).toEqual([...actions.map((a) => a.effort).filter((e) => e === 'low'), ...actions.map((a) => a.effort).filter((e) => e === 'medium'), ...actions.map((a) => a.effort).filter((e) => e === 'high')]);
    const lowRanks = byNumber(await column(page, 1)).slice(0, efforts.filter((e) => e === 'low').length);
    expect(lowRanks).toEqual([...lowRanks].sort((a, b) => a - b));

    await page.locator('#actions th', { hasText: 'Domain' }).getByRole('button').press('Space');
    const domains = await column(page, 4);
    expect(domains).toEqual([...domains].sort());

    await page.locator('#actions th', { hasText: '#' }).getByRole('button').click();
    expect(byNumber(await column(page, 1))).toEqual(actions.map((_, index) => index + 1));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the first 500 rows of a long table in the current order, sorting all of them, and all on request', async () => {
    const actions = sampleActions(TABLE_PAGE_ROWS + 100);
    const { page, problems } = await open(buildReportHtml(report(actions, { forecasts: [], anomalies: [] })));
    expect(await page.locator('#actions tbody tr').count()).toBe(TABLE_PAGE_ROWS);

    await page.locator('#actions th', { hasText: 'Confidence' }).getByRole('button').click();
    const shown = (await column(page, 8)).map(Number);
    const best = actions.map((action) => action.confidence).sort((a, b) => b - a).slice(0, TABLE_PAGE_ROWS);
    expect(shown).toEqual(best);

    await page.getByRole('button', { name: `Show all ${TABLE_PAGE_ROWS + 100}` }).click();
    expect(await page.locator('#actions tbody tr').count()).toBe(TABLE_PAGE_ROWS + 100);
    expect(await page.locator('#actions-more').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows totals by domain and by account that add up to the actions', async () => {
    const actions = sampleActions(40);
    const { page, problems } = await open(buildReportHtml(report(actions)));

    for (const [table, keyOf] of [
      ['#totals-by-domain', (action: Action) => action.domain],
      ['#totals-by-account', (action: Action) => action.resource.account],
    ] as const) {
      const [keys, counts, savings, carbon] = await Promise.all([1, 2, 3, 4].map((index) => cells(page, `${table} tbody td:nth-child(${index})`)));
      const expected = sums(actions, keyOf);
      expect([...keys].sort()).toEqual([...expected.keys()].sort());
      for (const [row, key] of keys.entries()) {
        const [wantCount, wantSavings, wantCarbon] = expected.get(key)!;
        expect(Number(counts[row])).toBe(wantCount);
        expect(Number(savings[row])).toBeCloseTo(wantSavings, 6);
        expect(Number(carbon[row])).toBeCloseTo(wantCarbon, 6);
      }
      const net = actions.reduce((sum, action) => sum + action.monthlySavingsUsd, 0);
      expect(await page.locator(`${table} tfoot th`).nth(2).textContent()).toBe(formatUsd(net));
      expect(Number(await page.locator(`${table} tfoot th`).nth(1).getAttribute('data-value'))).toBe(40);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps hostile names as text: nothing they contain runs, and the charts still draw', async () => {
    const [action] = sampleActions(1);
    const hostile: Action = {
      ...action,
      resource: { ...action.resource, name: '<script>window.__pwned = 1</script>' },
      evidence: { ...action.evidence, series: action.evidence.series.map((series) => ({ ...series, metric: '</script><script>window.__pwned = 2</script>' })) },
    };
    const html = buildReportHtml(report([hostile]));
    const { page, problems } = await open(html);

    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned)).toBeUndefined();
    expect(await page.locator('#actions tbody td').nth(2).textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('figure.chart[data-drawn] canvas').count()).toBe(embeddedCharts(html).length);
    expect(await page.locator('figure.chart .u-legend').first().textContent()).toContain('</script><script>window.__pwned = 2</script>');
    expect(problems).toEqual([]);
    await page.close();
  });
});
