import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDuration, runForecast } from '../../lambdas/cli/commands/forecast.js';
import { CliError } from '../../lambdas/cli/errors.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../bin/headroom.mjs');

/** Three days of 5-minute rows in NAB's naive-UTC format with a daily cycle. */
function csvFixture(): string {
  const lines = ['timestamp,value'];
  const start = Date.UTC(2026, 2, 1);
  for (let i = 0; i < 3 * 288; i++) {
    const stamp = new Date(start + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${stamp},${(10 + 5 * Math.sin((2 * Math.PI * i) / 288) + (i % 7) / 10).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('runForecast', () => {
  const text = csvFixture();

  it('prints a header and H rows of ISO timestamps continuing the input step', () => {
    const lines = runForecast(text, { horizon: 4, format: 'csv' }).trim().split('\n');
    expect(lines[0]).toBe('timestamp,forecast,lower80,upper80');
    expect(lines).toHaveLength(5);
    expect(lines[1].split(',')[0]).toBe('2026-03-04T00:00:00.000Z');
    expect(lines[4].split(',')[0]).toBe('2026-03-04T00:15:00.000Z');
    for (const line of lines.slice(1)) {
      const [, forecast, lower, upper] = line.split(',').map(Number);
      expect(lower).toBeLessThanOrEqual(forecast);
      expect(forecast).toBeLessThanOrEqual(upper);
    }
  });

  it('prints one JSON document with the model, the step and the points', () => {
    const parsed = JSON.parse(runForecast(text, { horizon: 3, format: 'json' }));
    expect(parsed.step).toBe('PT5M');
    expect(typeof parsed.model).toBe('string');
    expect(parsed.points).toHaveLength(3);
    expect(Object.keys(parsed.points[0])).toEqual(['timestamp', 'forecast', 'lower80', 'upper80']);
  });

  it('turns a too-short series and a malformed row into one-sentence CLI errors', () => {
    expect(() => runForecast('timestamp,value\n2026-01-01 00:00:00,1\n', { horizon: 3, format: 'csv' })).toThrow(CliError);
    expect(() => runForecast('timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 25:99:00,3\n', { horizon: 3, format: 'csv' })).toThrow(/cannot forecast: line 3/);
  });
});

describe('isoDuration', () => {
  it('writes steps as ISO 8601 durations', () => {
    expect(isoDuration(300_000)).toBe('PT5M');
    expect(isoDuration(86_400_000)).toBe('P1D');
    expect(isoDuration(90_061_000)).toBe('P1DT1H1M1S');
  });
});

describe('headroom forecast (process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-forecast-'));
  const file = join(dir, 'series.csv');
  writeFileSync(file, csvFixture());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with only JSON on stdout', async () => {
    const { stdout } = await run('node', [CLI, 'forecast', '--csv', file, '--horizon', '2', '--format', 'json']);
    expect(JSON.parse(stdout).points).toHaveLength(2);
  });

  it.each([
    [['--csv', join(dir, 'missing.csv'), '--horizon', '2'], /cannot read .*missing\.csv \(ENOENT\)/],
    [['--csv', file, '--horizon', '0'], /--horizon must be at least 1/],
    [['--csv', file, '--horizon', '2', '--format', 'xml'], /--format must be csv or json/],
  ])('fails with one line on stderr and a non-zero exit for %j', async (args, message) => {
    const failure = await run('node', [CLI, 'forecast', ...args]).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).not.toBe(0);
    expect(failure!.stdout).toBe('');
    expect(failure!.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure!.stderr).toMatch(message);
  });
});
