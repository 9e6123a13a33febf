import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../../../lambdas/cli/io/read-snapshot-file.js';
import { NOW, resource, series } from '../../engine/rules/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-snapshot-validation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Read every file with the large-file (line) reader. */
const LINES = { lineReaderAboveBytes: 0 };

const web = resource('ec2:instance', 'web-1', { instanceType: 'r5.2xlarge', state: 'running' });
const cpu = series(web.arn, 'CPUUtilization', 'Average', (i) => 30 + (i % 4), { days: 1, unit: 'Percent', namespace: 'AWS/EC2' });

/** A snapshot file in the one-series-per-line layout, with the given series lines. */
function lineFile(name: string, seriesLines: unknown[], resources: unknown[] = [web]): string {
  const head = { version: 1, collectedAt: new Date(NOW).toISOString(), accounts: ['123456789012'], regions: ['us-east-1'], resources, costs: [] };
  const text = [`${JSON.stringify(head).slice(0, -1)},"series":[`, ...seriesLines.map((s, i) => `${JSON.stringify(s)}${i < seriesLines.length - 1 ? ',' : ''}`), ']}'].join('\n');
  const path = join(dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

describe('readSnapshotFile applies the snapshot rules in both readers', () => {
  it('rejects a negative value in one line, naming the path and the rule', () => {
    const bad = { ...cpu, values: cpu.values.map((v, i) => (i === 5 ? -3 : v)) };
    const path = lineFile('negative.json', [cpu, { ...bad, stat: 'Maximum' }]);
    for (const options of [LINES, {}]) {
      expect(() => readSnapshotFile(path, options)).toThrow(/is not a valid snapshot: at series\.1\.values\.5, CPUUtilization Maximum: value -3 at .* is below 0, the least a Percent metric can be\.$/);
    }
  });

  it('drops null points and counts them in the issues, reading line by line as when reading whole', () => {
    const withGap = { ...cpu, values: cpu.values.map((v, i) => (i < 3 ? null : v)) };
    const path = lineFile('gaps.json', [withGap]);
    for (const options of [LINES, {}]) {
      const snapshot = readSnapshotFile(path, options);
      expect(snapshot.series[0].values).toEqual(cpu.values.slice(3));
      expect(snapshot.issues.map((i) => [i.code, i.message])).toEqual([['MissingPointsDropped', `3 missing point(s) (null values) dropped (first: series.0, CPUUtilization Average of ${web.arn})`]]);
    }
  });

  it('rejects duplicate ARNs with conflicting configuration and duplicate series in the line layout', () => {
    const twin = { ...web, config: { instanceType: 'm5.large', state: 'running' } };
    expect(() => readSnapshotFile(lineFile('twins.json', [cpu], [web, twin]), LINES)).toThrow(/at resources\.1\.arn, .* is also resources\.0, with different contents/);
    expect(() => readSnapshotFile(lineFile('twice.json', [cpu, cpu]), LINES)).toThrow(/at series\.1, AWS\/EC2 CPUUtilization Average at 300 s of .* is also series\.0/);
  });
});
