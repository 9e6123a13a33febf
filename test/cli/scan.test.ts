import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ComputeOptimizerClient, GetEBSVolumeRecommendationsCommand, OptInRequiredException } from '@aws-sdk/client-compute-optimizer';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand, GetSavingsPlansUtilizationCommand } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeSecurityGroupsCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { RDSClient } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { Command } from 'commander';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { formatApiCalls, registerScan } from '../../lambdas/cli/commands/scan.js';
import { CliError } from '../../lambdas/cli/errors.js';
import { NO_CREDENTIALS_MESSAGE, resolveCredentials } from '../../lambdas/cli/io/resolve-credentials.js';
import { runScan } from '../../lambdas/cli/io/run-scan.js';
import { SnapshotSchema } from '../../lambdas/engine/types/snapshot.js';
import '../collectors/helpers/empty-containers-db.js';
import { emptyStorageDataServices } from '../collectors/helpers/storage-data-mocks.js';

const ACCOUNT = '111122223333';
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'headroom-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ec2 = mockClient(EC2Client);
const ce = mockClient(CostExplorerClient);
const co = mockClient(ComputeOptimizerClient);
const pricing = mockClient(PricingClient);
const sts = mockClient(STSClient);
const others = [LambdaClient, RDSClient, DynamoDBClient, CloudWatchLogsClient, CloudWatchClient, ElasticLoadBalancingV2Client, APIGatewayClient, ApiGatewayV2Client].map((client) => mockClient(client as typeof EC2Client));
/** Every client the collectors build, mocked at `send`. */
const mocks = [ec2, ce, co, pricing, sts, ...others] as { onAnyCommand(): { resolves(value: object): unknown }; reset(): void }[];

/** A Price List entry as GetProducts returns it: a JSON document in a string. */
function ebsPrice(volumeApiName: string, usd: string): string {
  return JSON.stringify({
    product: { productFamily: 'Storage', attributes: { volumeApiName, usagetype: `EU-EBS:VolumeUsage.${volumeApiName}`, regionCode: 'eu-west-1' }, sku: `SKU${volumeApiName}` },
    serviceCode: 'AmazonEC2',
    terms: { OnDemand: { [`SKU${volumeApiName}.JRTCKXETXF`]: { priceDimensions: { [`SKU${volumeApiName}.JRTCKXETXF.6YS6EN2CT7`]: { unit: 'GB-Mo', beginRange: '0', endRange: 'Inf', pricePerUnit: { USD: usd } } } } } },
  });
}

beforeEach(() => {
  emptyStorageDataServices();
  // Every API answers an empty page unless a test says otherwise.
  for (const mock of mocks) mock.onAnyCommand().resolves({});
  // GetCallerIdentity's response (STS API reference, example).
  sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AIDASAMPLEUSERID', Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/DevAdmin` });
  ec2.on(DescribeVolumesCommand).resolves({
    Volumes: [
      { VolumeId: 'vol-0a1', VolumeType: 'gp2', Size: 1000, State: 'in-use', Iops: 3000, AvailabilityZone: 'eu-west-1a', CreateTime: new Date(NOW - 90 * 86_400_000), Attachments: [{ InstanceId: 'i-0b2', State: 'attached' }], Tags: [{ Key: 'team', Value: 'data' }] },
    ],
  });
  ce.on(GetCostAndUsageCommand).resolves({
    ResultsByTime: [{ TimePeriod: { Start: '2026-11-27', End: '2026-11-28' }, Groups: [{ Keys: ['Amazon Elastic Compute Cloud - Compute', ACCOUNT], Metrics: { UnblendedCost: { Amount: '12.5', Unit: 'USD' }, AmortizedCost: { Amount: '10', Unit: 'USD' } } }] }],
  });
  ce.on(GetCostForecastCommand).resolves({ Total: { Amount: '400', Unit: 'USD' }, ForecastResultsByTime: [] });
  // An account without Savings Plans: Total is required in GetSavingsPlansUtilization's response (API reference).
  ce.on(GetSavingsPlansUtilizationCommand).resolves({ Total: { Utilization: { TotalCommitment: '0', UsedCommitment: '0', UnusedCommitment: '0', UtilizationPercentage: '0' } } });
  co.on(GetEBSVolumeRecommendationsCommand).rejects(new OptInRequiredException({ message: 'The account is not opted in.', $metadata: { httpStatusCode: 400 } }));
  pricing.on(GetProductsCommand).callsFake(async (input: { Filters?: { Field?: string; Value?: string }[] }) => {
    const storage = input.Filters?.some((f) => f.Field === 'productFamily' && f.Value === 'Storage');
    return { FormatVersion: 'aws_v1', PriceList: storage ? [ebsPrice('gp2', '0.1100000000'), ebsPrice('gp3', '0.0880000000')] : [] };
  });
});
afterEach(() => {
  for (const mock of mocks) mock.reset();
});

// Plain access keys: the provider does not say which account they belong to; STS does.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const staticChain = () => async () => credentials;

describe('headroom scan', () => {
  it('collects a real-shaped account with the same collectors, runs the engine, writes the demo outputs and counts its API calls', async () => {
    const lines: string[] = [];
    const out = join(dir, 'full');

    const result = await runScan({ regions: ['eu-west-1'], outDir: out, now: NOW, progress: (l) => lines.push(l), credentialChain: staticChain });

    expect(result.account).toBe(ACCOUNT);
    expect(result.snapshot.resources.map((r) => r.name)).toContain('vol-0a1');
    expect(result.snapshot.prices).toMatchObject({ region: 'eu-west-1', ebsGbMonthUsd: { gp2: 0.11, gp3: 0.088 } });
    expect(result.snapshot.costs).toEqual([{ date: '2026-11-27', account: ACCOUNT, service: 'Amazon Elastic Compute Cloud - Compute', amountUsd: 12.5, amortisedUsd: 10 }]);
    const gp3 = result.analysis.actions.find((a) => a.resource.name === 'vol-0a1');
    expect(gp3?.ruleId).toMatch(/gp2/);
    // Opt-in missing: an issue in the snapshot and the run, not a crash.
    expect(result.snapshot.issues).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'compute-optimizer', region: 'eu-west-1', code: 'OptInRequiredException' })]));
    // Not opted in loses no data (there are no recommendations to read): the collection is complete, the issue listed.
    expect(result.status).toBe('complete');
    expect(result.run.status).toBe('succeeded');
    // Own-cost accounting from the SDK middleware: every operation by IAM action name.
    expect(result.apiCalls['ec2:DescribeVolumes']).toEqual({ calls: 1, attempts: 1, throttled: 0 });
    expect(result.apiCalls['ce:GetCostAndUsage']?.calls).toBe(1);
    // One GetProducts query per priced service part (EC2, EBS, snapshots, RDS x5, NAT, IPv4, ELB, DynamoDB, Logs x2).
    expect(result.apiCalls['pricing:GetProducts']?.calls).toBe(14);
    expect(result.apiCalls['compute-optimizer:GetEC2InstanceRecommendations']?.calls).toBe(1);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(0);
    // The demo's deliverables: Slack and email from the notify formatters, without Approve buttons (nothing deployed).
    expect(readdirSync(out).sort()).toEqual(['api-calls.json', 'email.html', 'email.txt', 'findings.json', 'report.html', 'slack.json', 'snapshot.json']);
    const slack = JSON.parse(readFileSync(join(out, 'slack.json'), 'utf8')) as { channel: string; text: string; blocks: unknown[] };
    expect(slack.channel).toBe('#headroom');
    expect(slack.blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(slack.blocks)).not.toMatch(/"action_id":"approve/);
    expect(readFileSync(join(out, 'email.txt'), 'utf8')).toMatch(/vol-0a1/);
    expect(readFileSync(join(out, 'email.html'), 'utf8')).toMatch(/<html/i);
    expect(SnapshotSchema.safeParse(JSON.parse(readFileSync(join(out, 'snapshot.json'), 'utf8'))).success).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'api-calls.json'), 'utf8'))).toEqual(result.apiCalls);
    // Progress per region and service.
    expect(lines).toEqual(expect.arrayContaining(['  eu-west-1: inventory', '  eu-west-1: cloudwatch', '  eu-west-1: cost explorer', '  eu-west-1: compute optimizer', '  eu-west-1: pricing']));
  });

  it('prints the ranked table and the API call counts, or JSON with nothing else on stdout', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const scan = (args: string[]) => {
        const program = new Command().exitOverride();
        registerScan(program, (options) => runScan({ ...options, now: NOW, credentialChain: staticChain }));
        return program.parseAsync(['node', 'headroom', 'scan', '--regions', 'eu-west-1', '--out', join(dir, 'cli'), ...args]);
      };
      await scan([]);
      const table = stdout.mock.calls.map((c) => String(c[0])).join('');
      expect(table).toMatch(/rank\s+action/);
      expect(table).toMatch(/AWS API calls made by this scan: \d+/);
      expect(table).toMatch(/ec2:DescribeVolumes\s+1/);

      stdout.mockClear();
      await scan(['--format', 'json']);
      const json = JSON.parse(stdout.mock.calls.map((c) => String(c[0])).join('')) as { actions: unknown[]; apiCalls: Record<string, unknown> };
      expect(json.actions.length).toBeGreaterThan(0);
      expect(Object.keys(json.apiCalls)).toContain('ce:GetCostForecast');
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });

  it('rejects a malformed --regions list in one sentence', async () => {
    const program = new Command().exitOverride();
    registerScan(program, () => Promise.reject(new Error('must not run')));
    await expect(program.parseAsync(['node', 'headroom', 'scan', '--regions', 'eu west'])).rejects.toThrow(/--regions must be AWS region names/);
  });
});

describe('headroom scan without credentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('fails with one sentence naming the ways to provide credentials (the real default chain, nothing configured)', async () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });

    const error = await runScan({ regions: ['eu-west-1'], progress: () => {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(NO_CREDENTIALS_MESSAGE);
    expect((error as CliError).message).toMatch(/AWS_PROFILE.*--profile.*aws configure.*AWS_ACCESS_KEY_ID/);
    expect((error as CliError).message.split('. ')).toHaveLength(1);
  });

  it('says in one sentence that AWS rejected expired credentials, before any collector runs', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken', $fault: 'client', $metadata: { httpStatusCode: 403 } }));

    const error = await runScan({ regions: ['eu-west-1'], progress: () => {}, credentialChain: staticChain }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      'AWS rejected these credentials (ExpiredToken: The security token included in the request is expired); refresh them (e.g. `aws sso login`) or pick another profile with --profile.',
    );
    expect(ec2.calls()).toHaveLength(0);
  });

  it('names the profile when a named profile has no credentials', async () => {
    const chain = () => async () => {
      throw Object.assign(new Error('Could not resolve credentials using profile: [ghost]'), { name: 'CredentialsProviderError' });
    };
    await expect(resolveCredentials('ghost', chain)).rejects.toThrow(/AWS credentials were not found for profile "ghost"/);
  });
});

describe('formatApiCalls', () => {
  it('lists each operation with its calls and shows retried attempts and throttles', () => {
    expect(formatApiCalls({ 'ce:GetCostAndUsage': { calls: 2, attempts: 3, throttled: 1 }, 'ec2:DescribeVolumes': { calls: 1, attempts: 1, throttled: 0 } })).toBe(
      ['AWS API calls made by this scan: 3', '  ce:GetCostAndUsage        2  (3 attempts, 1 throttled)', '  ec2:DescribeVolumes       1'].join('\n'),
    );
  });
});
