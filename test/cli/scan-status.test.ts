import { Command } from 'commander';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerScan, SCAN_EXIT } from '../../lambdas/cli/commands/scan.js';
import { CliError } from '../../lambdas/cli/errors.js';
import { runScan, type ScanOptions } from '../../lambdas/cli/io/run-scan.js';
import { ENDPOINT_ACCOUNT, startAwsLikeEndpoint, type AwsLikeEndpoint } from './support/aws-like-endpoint.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'headroom-scan-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const staticChain = () => async () => credentials;
/** Two attempts per call: the SDK retries a refused connection, and five backed-off attempts per call are slow. */
const clientConfig = { maxAttempts: 2 };

let endpoint: AwsLikeEndpoint;
const savedEnv = { ...process.env };
beforeEach(async () => {
  endpoint = await startAwsLikeEndpoint();
  process.env.AWS_ENDPOINT_URL = endpoint.url;
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await endpoint.close();
});

/** Scans through the endpoint, killing it when the collector named by `killAt` starts. */
function scan(out: string, killAt: string | undefined, extra: Partial<ScanOptions> = {}) {
  return runScan({
    regions: ['eu-west-1'],
    outDir: out,
    now: NOW,
    credentialChain: staticChain,
    clientConfig,
    ...extra,
    progress: (line) => {
      if (killAt !== undefined && line.startsWith(`collect ${killAt}: started`)) endpoint.kill();
    },
  });
}

/** Runs `headroom scan` through commander as the CLI does, returning the error it ends with (or undefined). */
async function scanCommand(out: string, killAt: string | undefined, args: string[] = []): Promise<CliError | undefined> {
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const program = new Command().exitOverride();
    registerScan(program, (options) => scan(out, killAt, { ...options }));
    await program.parseAsync(['node', 'headroom', 'scan', '--regions', 'eu-west-1', '--out', out, ...args]);
    return undefined;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  } finally {
    stdout.mockRestore();
  }
}

describe('scan status against an endpoint that goes away midway', () => {
  it('marks the scan partial, names each lost service with the endpoint it could not reach, in findings.json, report, Slack and email', async () => {
    const out = join(dir, 'partial');
    const result = await scan(out, 'cloudwatch');

    expect(result.snapshot.resources.map((r) => r.name)).toEqual(['vol-0a1']);
    expect(result.status).toBe('partial');
    expect(result.run.status).toBe('partial');
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as { status: string; issues: Record<string, unknown>[] };
    expect(findings.status).toBe('partial');
    const lostServices = new Set(findings.issues.map((i) => i.service));
    expect([...lostServices].sort()).toEqual(['ce', 'cloudwatch', 'compute-optimizer', 'pricing']);
    const metrics = findings.issues.find((i) => i.service === 'cloudwatch');
    expect(metrics).toMatchObject({ account: ENDPOINT_ACCOUNT, region: 'eu-west-1', operation: 'GetMetricData', resourcesAffected: 1, code: 'NetworkError', error: expect.stringMatching(new RegExp(`^cloudwatch:GetMetricData could not reach ${endpoint.url} \\((ECONNREFUSED|ECONNRESET)`)) });
    expect(findings.issues.every((i) => i.code === 'NetworkError')).toBe(true);
    expect(JSON.stringify(findings)).not.toMatch(/rejected these credentials/);

    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toMatch(/Collection partial: \d+ issue\(s\)/);
    expect(report).toContain(`could not reach ${endpoint.url}`);
    expect(report).toMatch(/<td>eu-west-1<\/td><td>cloudwatch<\/td><td>GetMetricData<\/td>/);
    expect(readFileSync(join(out, 'email.txt'), 'utf8')).toMatch(/Collection partial[\s\S]*eu-west-1 \(111122223333\) · cloudwatch GetMetricData · NetworkError: cloudwatch:GetMetricData could not reach/);
    expect(readFileSync(join(out, 'email.html'), 'utf8')).toContain(`could not reach ${endpoint.url}`);
    const slack = JSON.stringify(JSON.parse(readFileSync(join(out, 'slack.json'), 'utf8')));
    expect(slack).toMatch(/:warning: Collection partial/);
    expect(slack).toContain(`could not reach ${endpoint.url}`);
  });

  it('exits 2 on a partial scan after writing its outputs, 0 with --allow-partial', async () => {
    const error = await scanCommand(join(dir, 'cli-partial'), 'cloudwatch');
    expect(error?.exitCode).toBe(SCAN_EXIT.partial);
    expect(error?.message).toMatch(/^scan partial: \d+ collection issue\(s\) lost data, first eu-west-1 \(111122223333\) · cloudwatch GetMetricData · NetworkError: cloudwatch:GetMetricData could not reach http:\/\/127\.0\.0\.1:\d+ .*--allow-partial/);
    expect(JSON.parse(readFileSync(join(dir, 'cli-partial', 'findings.json'), 'utf8')).status).toBe('partial');

    await endpoint.close();
    endpoint = await startAwsLikeEndpoint();
    process.env.AWS_ENDPOINT_URL = endpoint.url;
    expect(await scanCommand(join(dir, 'cli-allowed'), 'cloudwatch', ['--allow-partial'])).toBeUndefined();
  });

  it('exits 1 when nothing could be collected, and 0 when everything was', async () => {
    const failed = await scanCommand(join(dir, 'cli-failed'), 'inventory');
    expect(failed?.exitCode).toBe(SCAN_EXIT.failed);
    expect(failed?.message).toMatch(/^scan failed: \d+ collection issue\(s\) and no resources collected, first eu-west-1 \(111122223333\) · [a-z-]+ \w+ · NetworkError: [a-z-]+:\w+ could not reach http:\/\/127\.0\.0\.1:\d+ /);
    const failedFindings = JSON.parse(readFileSync(join(dir, 'cli-failed', 'findings.json'), 'utf8')) as { status: string; issues: { service: string; code: string }[] };
    expect(failedFindings.status).toBe('failed');
    expect(failedFindings.issues).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'ec2', code: 'NetworkError' })]));

    await endpoint.close();
    endpoint = await startAwsLikeEndpoint();
    process.env.AWS_ENDPOINT_URL = endpoint.url;
    expect(await scanCommand(join(dir, 'cli-complete'), undefined)).toBeUndefined();
    // The endpoint lists no prices: a note that the bundled prices were used, which loses no data.
    const findings = JSON.parse(readFileSync(join(dir, 'cli-complete', 'findings.json'), 'utf8')) as { status: string; issues: { code: string }[] };
    expect(findings.status).toBe('complete');
    expect(findings.issues.map((i) => i.code)).toEqual(['NoListPrices']);
  });

  it('says a network failure before collection is one, naming the endpoint, not a rejection of the credentials', async () => {
    endpoint.kill();
    const error = await scan(join(dir, 'dead'), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(new RegExp(`^AWS STS did not answer: could not reach ${endpoint.url} \\(ECONNREFUSED: .*\\); check the network connection, any proxy, and AWS_ENDPOINT_URL if it is set\\.$`));
  });
});
