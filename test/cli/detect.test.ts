import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runDetect } from '../../lambdas/cli/commands/detect.js';
import { CliError } from '../../lambdas/cli/errors.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../bin/headroom.mjs');
const dir = mkdtempSync(join(tmpdir(), 'headroom-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** 400 rows of 5-minute data in NAB's naive-UTC format, flat with a small wobble and a spike at row 300. */
function spikeLines(): string[] {
  const start = Date.UTC(2024, 0, 1);
  const lines = ['timestamp,value'];
  for (let i = 0; i < 400; i++) {
    const stamp = new Date(start + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${stamp},${i === 300 ? '90.5' : (10 + (i % 5) / 10).toFixed(2)}`);
  }
  return lines;
}

describe('runDetect', () => {
  it('prints a header and one line per input row, echoing timestamp and value text', () => {
    const lines = runDetect(writeCsv('spike.csv', spikeLines())).trim().split('\n');
    expect(lines[0]).toBe('timestamp,value,anomaly_score,alert');
    expect(lines).toHaveLength(401);
    expect(lines[1].startsWith('2024-01-01 00:00:00,10.00,')).toBe(true);
    for (const line of lines.slice(1)) {
      const [, , score, alert] = line.split(',');
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      expect(Number(score)).toBeLessThanOrEqual(1);
      expect(['0', '1']).toContain(alert);
    }
    expect(lines[301]).toMatch(/^2024-01-02 01:00:00,90\.5,[\d.]+,1$/);
  });

  it('prints empty and non-numeric values as empty, with score 0 and no alert', () => {
    const lines = runDetect(writeCsv('gaps.csv', ['timestamp,value', '2024-01-01 00:00:00,1', '2024-01-01 00:05:00,', '2024-01-01 00:10:00,n/a', '2024-01-01 00:10:00,2']))
      .trim()
      .split('\n');
    expect(lines.slice(2, 4)).toEqual(['2024-01-01 00:05:00,,0,0', '2024-01-01 00:10:00,,0,0']);
    expect(lines).toHaveLength(5);
    expect(lines.join('\n')).not.toContain('NaN');
  });

  it('names the line of a bad timestamp', () => {
    const path = writeCsv('bad.csv', ['timestamp,value', '2024-01-01 00:00:00,1', 'yesterday,2']);
    expect(() => runDetect(path)).toThrow(CliError);
    expect(() => runDetect(path)).toThrow(/line 3: "yesterday" is not a timestamp/);
  });

  it('rejects a missing file, a sensitivity outside [0, 1] and an unknown kind with one sentence; takes a known kind', () => {
    expect(() => runDetect(join(dir, 'absent.csv'))).toThrow(/Cannot read series file .*absent\.csv: it does not exist\./);
    expect(() => runDetect(writeCsv('ok.csv', spikeLines()), '2')).toThrow(/--sensitivity must be a number between 0 and 1/);
    expect(() => runDetect(writeCsv('ok.csv', spikeLines()), undefined, 'errors')).toThrow(/--kind must be one of count, percent/);
    expect(runDetect(writeCsv('ok.csv', spikeLines()), undefined, 'latency')).toMatch(/^timestamp,value,anomaly_score,alert/);
  });
});

describe('headroom detect (process)', () => {
  it('exits non-zero with the error on stderr for a bad timestamp', async () => {
    const path = writeCsv('bad-process.csv', ['timestamp,value', 'not-a-time,1']);
    const failure = await run('node', [CLI, 'detect', '--csv', path]).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('line 2: "not-a-time" is not a timestamp');
  });

  it('documents itself in --help', async () => {
    const { stdout } = await run('node', [CLI, 'detect', '--help']);
    expect(stdout).toContain('--csv <file>');
    expect(stdout).toContain('--sensitivity');
  });
});
