import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNabEval } from '../../lambdas/cli/commands/eval.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/nab');
const out = mkdtempSync(join(tmpdir(), 'headroom-eval-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('runNabEval', () => {
  const progress: string[] = [];
  const report = runNabEval(FIXTURE, out, (line) => progress.push(line));

  it('prints per-file and per-category lines and the overall scores', () => {
    expect(report).toMatch(/synthetic\/spike\.csv\s+[\d.]+\s+[-\d.]+\s+1\s+0\s+0\s+1/); // TP 1, FN 0, FP 0, 1 window
    expect(report).toMatch(/synthetic\/quiet\.csv\s+n\/a\s+0\.00\s+0\s+0\s+0\s+0/);
    expect(report).toMatch(/^overall\s/m);
    expect(report).toMatch(/Standard score at default sensitivity: \d+\.\d/);
    expect(report).toMatch(/Standard score at best single threshold \(anomaly_score >= [\d.]+\): \d+\.\d/);
    expect(progress).toContain('detect synthetic/spike.csv (400 rows)');
    expect(report).toMatch(/Missed windows \(no alert inside\):\nFalse positives/); // none of either here
  });

  it('finds the hand-made spike inside its window', () => {
    const score = Number(/Standard score at default sensitivity: ([\d.]+)/.exec(report)?.[1]);
    expect(score).toBeGreaterThan(90); // the spike is the window's centre: σ(−0.5)/σ(−1) ≈ 0.86 → 93
  });

  it('writes NAB-format result files with the ground-truth label column', () => {
    const lines = readFileSync(join(out, 'headroom/synthetic/headroom_spike.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('timestamp,value,anomaly_score,label,alert');
    expect(lines).toHaveLength(401);
    expect(lines[290].split(',')[3]).toBe('0');
    expect(lines[291].split(',')[3]).toBe('1'); // row 290 opens the window
    expect(lines[311].split(',')[3]).toBe('1');
    expect(lines[312].split(',')[3]).toBe('0');
  });

  it('fails with one sentence when a window limit matches no row', () => {
    const broken = mkdtempSync(join(tmpdir(), 'headroom-nab-broken-'));
    try {
      cpSync(join(FIXTURE, 'data'), join(broken, 'data'), { recursive: true });
      mkdirSync(join(broken, 'labels'));
      const labels = { 'synthetic/spike.csv': [['2024-01-02 00:07:00.000000', '2024-01-02 01:00:00.000000']], 'synthetic/quiet.csv': [] };
      writeFileSync(join(broken, 'labels/combined_windows.json'), JSON.stringify(labels));
      expect(() => runNabEval(broken, out)).toThrow(/window limit 2024-01-02T00:07:00.000Z matches no row/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('fails with one sentence when the folder is not NAB-shaped', () => {
    expect(() => runNabEval(join(FIXTURE, 'labels'), out)).toThrow(/is not a NAB-layout folder/);
  });
});
