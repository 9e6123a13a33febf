import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { UPLOT_CSS, UPLOT_JS, UPLOT_LICENSE, UPLOT_VERSION } from '../../../lambdas/notify/format/report-uplot-asset.js';

const require = createRequire(import.meta.url);
const packageFile = (file: string): string => readFileSync(require.resolve(`uplot/${file}`), 'utf8');

describe('the inlined uPlot asset', () => {
  it('equals the installed package files (regenerate with `npx tsx scripts/write-uplot-asset.ts` after upgrading uplot)', () => {
    expect(UPLOT_VERSION).toBe((JSON.parse(packageFile('package.json')) as { version: string }).version);
    expect(UPLOT_JS).toBe(packageFile('dist/uPlot.iife.min.js'));
    expect(UPLOT_CSS).toBe(packageFile('dist/uPlot.min.css'));
    expect(UPLOT_LICENSE).toContain('Leon Sorokin, MIT licence');
  });

  it('can be inlined in a <script> and a <style> element: neither contains its closing tag', () => {
    expect(UPLOT_JS).not.toMatch(/<\/script/i);
    expect(UPLOT_CSS).not.toMatch(/<\/style/i);
  });
});
