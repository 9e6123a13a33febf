import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../lambdas/cli/errors.js';
import { readSnapshotFile } from '../../../lambdas/cli/io/read-snapshot-file.js';
import { snapshotFromStore } from '../../../lambdas/cli/io/snapshot-from-store.js';
import { writeSnapshotFile, writeSnapshotFromStore } from '../../../lambdas/cli/io/write-snapshot-file.js';
import type { Snapshot } from '../../../lambdas/engine/types/snapshot.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { NOW, resource, series } from '../../engine/rules/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-snapshot-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LINES = { lineReaderAboveBytes: 0 };

/** Two instances with CPU and network series (one with gaps, one with values Float32 cannot hold), a recommendation. */
function sampleSnapshot(): Snapshot {
  const web = resource('ec2:instance', 'web-1', { instanceType: 'm5.large', state: 'running' });
  const db = resource('ec2:instance', 'db-1', { instanceType: 'r5.large', state: 'running' });
  return {
    version: 1,
    collectedAt: new Date(NOW).toISOString(),
    accounts: ['123456789012'],
    regions: ['us-east-1'],
    resources: [web, db],
    series: [
      series(web.arn, 'CPUUtilization', 'Average', (i) => (i % 7 === 0 ? Number.NaN : (i % 288) / 4), { days: 2, unit: 'Percent' }),
      series(web.arn, 'NetworkIn', 'Sum', (i) => 1e6 + i * 0.1, { days: 2, unit: 'Bytes' }),
      series(db.arn, 'CPUUtilization', 'Average', (i) => 20 + (i % 3), { days: 2, unit: 'Percent' }),
    ],
    costs: [{ date: '2026-11-14', account: '123456789012', service: 'Amazon EC2', amountUsd: 12.5 }],
    recommendations: [{ source: 'compute-optimizer', resourceArn: web.arn, finding: 'OVER_PROVISIONED', current: { instanceType: 'm5.large' }, options: [] }],
    issues: [],
  };
}

describe('snapshot files', () => {
  it('writes one valid JSON document, one compact series per line, that both readers return unchanged', async () => {
    const snapshot = sampleSnapshot();
    const path = join(dir, 'written.json');
    await writeSnapshotFile(path, snapshot);
    const text = readFileSync(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0].endsWith('"series":[')).toBe(true);
    expect(lines.slice(1, 4).every((line) => line.startsWith('{"resourceArn"'))).toBe(true);
    expect(lines[4].startsWith('],"recommendations":[')).toBe(true);
    const raw = JSON.parse(text) as { series: { encoding: string }[] };
    expect(raw.series.map((s) => s.encoding)).toEqual(['f32-base64', 'f64-base64', 'f32-base64']);
    expect(readSnapshotFile(path)).toEqual(snapshot);
    expect(readSnapshotFile(path, LINES)).toEqual(snapshot);
  });

  it('streams the collected snapshot from the store: the same snapshot snapshotFromStore builds, and its counts', async () => {
    const sample = sampleSnapshot();
    const store = new MemoryStore({ now: () => NOW });
    await store.putResources(sample.resources);
    await store.putSeries(sample.series);
    await store.putCosts(sample.costs);
    await store.putRecommendations(sample.recommendations);
    const scope = { accounts: sample.accounts, regions: sample.regions, collectedAt: NOW };
    const path = join(dir, 'nested', 'from-store.json');
    const summary = await writeSnapshotFromStore(path, store, scope);
    expect(summary).toEqual({ resources: 2, accounts: 1, regions: 1, metricSeries: 3, collectionIssues: 0, costHistoryDays: 1 });
    const expected = await snapshotFromStore(store, scope);
    expect(readSnapshotFile(path, LINES)).toEqual(expected);
    expect(readSnapshotFile(path)).toEqual(expected);
  });

  it('reads an empty series list in the line layout', async () => {
    const path = join(dir, 'empty.json');
    await writeSnapshotFile(path, { ...sampleSnapshot(), series: [], recommendations: [] });
    expect(readSnapshotFile(path, LINES).series).toEqual([]);
  });

  it('names the bad series field, the bad line, or the layout a large file lacks, in one sentence', async () => {
    const path = join(dir, 'bad.json');
    await writeSnapshotFile(path, sampleSnapshot());
    const lines = readFileSync(path, 'utf8').split('\n');
    const withLine = (index: number, line: string) => {
      const copy = [...lines];
      copy[index] = line;
      writeFileSync(path, copy.join('\n'));
    };
    withLine(2, lines[2].replace('"periodSec":300', '"periodSec":-1'));
    expect(() => readSnapshotFile(path, LINES)).toThrow(/is not a valid snapshot: at series\.1\.periodSec, /);
    expect(() => readSnapshotFile(path)).toThrow(/is not a valid snapshot: at series\.1\.periodSec, /);
    withLine(3, lines[3].replace(/"values":"[^"]*"/, '"values":"AAA="'));
    expect(() => readSnapshotFile(path, LINES)).toThrow(/at series\.2\.values, values do not decode to a whole number of 4-byte values\.$/);
    withLine(2, '{"resourceArn": ');
    expect(() => readSnapshotFile(path, LINES)).toThrow(/bad\.json line 3 is not valid JSON/);
    withLine(0, lines[0].replace('"account":"123456789012"', '"account":"nope"'));
    expect(() => readSnapshotFile(path, LINES)).toThrow(/is not a valid snapshot: at resources\.0\.account, account must be a 12-digit/);
    writeFileSync(path, lines.slice(0, 3).join('\n'));
    expect(() => readSnapshotFile(path, LINES)).toThrow(/ends before the line that closes its series/);
    writeFileSync(path, JSON.stringify(sampleSnapshot(), null, 2));
    // Another layout is read whole, up to the size a string can hold.
    expect(readSnapshotFile(path, LINES).series).toHaveLength(3);
    const tooLarge = { lineReaderAboveBytes: 0, wholeFileMaxBytes: 1024 };
    expect(() => readSnapshotFile(path, tooLarge)).toThrow(CliError);
    expect(() => readSnapshotFile(path, tooLarge)).toThrow(/is larger than 0 MiB, the most read whole, and not in the one-series-per-line layout Headroom writes/);
    expect(() => readSnapshotFile(join(dir, 'missing.json'))).toThrow(/Cannot read snapshot .*missing\.json: it does not exist\./);
  });
});
