import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseSnapshot, readSnapshotFile, renderJson } from '../../lambdas/cli/commands/analyze.js';
import { CliError } from '../../lambdas/cli/errors.js';
import { ActionSchema } from '../../lambdas/engine/types/action.js';
import { DAY_MS, NOW, resource, series } from '../engine/rules/fixtures.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/headroom.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'headroom-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small account: an idle-looking m5.2xlarge (CPU only, so rightsizing), a gp2 volume, an orphaned volume. */
function sampleSnapshot(): unknown {
  const instance = resource('ec2:instance', 'web-1', { instanceType: 'm5.2xlarge', state: 'running' });
  const gp2 = resource('ebs:volume', 'data-1', { volumeType: 'gp2', sizeGiB: 1000, state: 'in-use', attachedInstanceId: 'i-1' });
  const orphan = resource('ebs:volume', 'old-1', { volumeType: 'gp3', sizeGiB: 300, state: 'available', createTime: new Date(NOW - 60 * DAY_MS).toISOString() });
  return {
    version: 1,
    collectedAt: new Date(NOW).toISOString(),
    accounts: ['123456789012'],
    regions: ['us-east-1'],
    resources: [instance, gp2, orphan],
    series: [series(instance.arn, 'CPUUtilization', 'Average', (i) => (i % 288 < 4 ? 25 : 6), { unit: 'Percent' })],
    costs: [],
  };
}

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('analyze', () => {
  it('ranks the actions of a snapshot, deterministically', () => {
    const snapshot = readSnapshotFile(writeJson('ok.json', sampleSnapshot()));
    const result = analyseSnapshot(snapshot);
    // The instance runs every hour: what rightsizing leaves of its on-demand spend is worth a Savings Plan.
    expect(result.actions.map((a) => a.ruleId).sort()).toEqual(['account/savings-plans', 'ebs/gp2-to-gp3', 'ebs/unattached-volume', 'ec2/rightsize-instance']);
    for (const action of result.actions) ActionSchema.parse(action);
    const priorities = result.actions.map((a) => a.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    expect(renderJson(analyseSnapshot(snapshot))).toBe(renderJson(result));
    expect(JSON.parse(renderJson(result))).toMatchObject({ forecasts: [], anomalies: [] });
  });

  it('names the first invalid path of a bad snapshot in one sentence', () => {
    const bad = sampleSnapshot() as { resources: Array<{ account: string }> };
    bad.resources[1].account = 'nope';
    expect(() => readSnapshotFile(writeJson('bad.json', bad))).toThrow(CliError);
    expect(() => readSnapshotFile(writeJson('bad.json', bad))).toThrow(/is not a valid snapshot: at resources\.1\.account, account must be a 12-digit/);
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    expect(() => readSnapshotFile(join(dir, 'broken.json'))).toThrow(/is not valid JSON/);
  });

  it('names the resource whose config does not match its type', () => {
    const bad = sampleSnapshot() as { resources: Array<{ config: Record<string, unknown> }> };
    bad.resources[0].config.state = 'sleeping';
    expect(() => readSnapshotFile(writeJson('bad-config.json', bad))).toThrow(/at resources\.0\.config\.state, ec2:instance configuration: Invalid option/);
  });

  it('runs from the command line: table by default, JSON on request, findings.json with --out, one-line errors', async () => {
    const path = writeJson('cli.json', sampleSnapshot());
    const out = join(dir, 'out');
    const table = await run(process.execPath, [BIN, 'analyze', '--snapshot', path, '--out', out]);
    expect(table.stdout).toMatch(/^rank\s+action\s+resource\s+\$\/month\s+risk\s+confidence\s+effort/);
    expect(table.stdout).toMatch(/Total: \$[\d,.]+\/month across 4 actions \(compute 2, storage 2\)\./);
    const written = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8'));
    expect(written.findings).toHaveLength(4);
    expect(written.actions).toHaveLength(4);

    const json = await run(process.execPath, [BIN, 'analyze', '--snapshot', path, '--format', 'json']);
    const document = JSON.parse(json.stdout);
    expect(Object.keys(document)).toEqual(['actions', 'forecasts', 'anomalies']);
    expect(document.actions.map((a: { id: string }) => a.id)).toEqual(written.actions.map((a: { id: string }) => a.id));

    const failure = await run(process.execPath, [BIN, 'analyze', '--snapshot', join(dir, 'missing.json')]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
    expect((failure as { stderr: string }).stderr).toMatch(/Cannot read snapshot .*missing\.json: it does not exist\./);
  }, 60_000);
});
