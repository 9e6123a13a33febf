import { EC2Client } from '@aws-sdk/client-ec2';
import { allAwsAdapters } from '../../collectors/aws/all-adapters.js';
import { collectionStatus, type CollectionStatus } from '../../collectors/collection-status.js';
import { createAwsPortsFor } from '../../collectors/aws/aws-ports.js';
import { CountingThrottleMeter } from '../../collectors/aws/throttle-meter.js';
import type { CollectorPorts, PortsFor } from '../../collectors/ports.js';
import { runCollectors, type CollectorsResult } from '../../collectors/run-collectors.js';
import { analyseSnapshotPipeline } from '../../engine/pipeline.js';
import { totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import type { Snapshot } from '../../engine/types/snapshot.js';
import { MemoryStore } from '../../shared/store/memory-store.js';
import { COST_SCOPE, type ApiCallCounts, type RunSummary } from '../../shared/store/store.js';
import type { AnalyzeResult } from '../commands/analyze.js';
import { CliError } from '../errors.js';
import { callerAccount, type ResolvedCredentials } from './caller-account.js';
import { resolveCredentials } from './resolve-credentials.js';
import { runDigests } from './run-digests.js';
import { snapshotFromStore } from './snapshot-from-store.js';
import { writeRunOutputs } from './write-run-outputs.js';

const LOOKBACK_DAYS = 14;

export interface ScanOptions {
  profile?: string;
  /** Regions to scan; default the profile's or AWS_REGION's one. */
  regions?: string[];
  outDir?: string;
  progress(line: string): void;
  /** Collection time, epoch ms (default now). */
  now?: number;
  /** Extra SDK client configuration (tests: a fake requestHandler). */
  clientConfig?: Record<string, unknown>;
  /** The credential chain (tests replace it); default fromNodeProviderChain. */
  credentialChain?: Parameters<typeof resolveCredentials>[1];
  /** Where the collectors read (tests: a sample account's ports); default the AWS SDK adapters. */
  portsFor?: PortsFor;
}

export interface ScanResult {
  account: string;
  regions: string[];
  run: RunSummary;
  /** How far the collection can be trusted (collection-status.ts): decides the exit code of `headroom scan`. */
  status: CollectionStatus;
  analysis: AnalyzeResult;
  snapshot: Snapshot;
  collection: CollectorsResult;
  apiCalls: ApiCallCounts;
  files: string[];
}

/**
 * `headroom scan`: a read-only scan of the caller's account from a laptop. Resolves credentials once (a missing one
 * is a one-sentence CliError), runs the same collectors as the deployed functions against AWS into an in-memory
 * store, runs the same engine pipeline (engine/pipeline.ts: each region's resources with its own list prices, the
 * Savings Plans and other account rules once over the whole scan), and writes the demo's
 * outputs. Nothing is written to AWS. Progress goes to `progress` (stderr in the CLI).
 */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const { progress } = options;
  const now = options.now ?? Date.now();
  const { provider, credentials } = await resolveCredentials(options.profile, options.credentialChain);
  const regions = options.regions ?? [await defaultRegion(options.profile, options.clientConfig)];
  const account = await callerAccount(credentials, regions[0], options.clientConfig);
  progress(`scan: account ${account}, regions ${regions.join(', ')}${options.profile ? `, profile ${options.profile}` : ''}`);

  const ledger = new CountingThrottleMeter();
  const aws = options.portsFor ?? createAwsPortsFor({ builders: allAwsAdapters, credentialsFor: () => provider, ledger, clientConfig: options.clientConfig });
  const store = new MemoryStore({ now: () => now });
  const runId = `scan-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  const startedAt = new Date(now).toISOString();
  const collection = await runCollectors({
    portsFor: announcingPorts(aws, progress),
    store,
    accounts: [account],
    regions,
    now,
    lookbackDays: LOOKBACK_DAYS,
    runId,
    apiCalls: () => ledger.apiCalls(),
    onProgress: (event) => {
      if (event.phase === 'start') return progress(`collect ${event.collector}: started`);
      const calls = Object.values(event.report.calls).reduce((sum, n) => sum + n, 0);
      const issues = event.report.issues.map((issue) => `${issue.region ?? 'global'} ${issue.code}`);
      progress(`collect ${event.collector}: ${calls} API calls${issues.length ? `; issues: ${issues.join(', ')}` : ''} (${(event.elapsedMs / 1000).toFixed(1)} s)`);
    },
  });

  progress('analysis: running the engine');
  const snapshot = await snapshotFromStore(store, { accounts: [account], regions, collectedAt: now });
  // Priced as `headroom analyze` prices the snapshot.json written below: each region with the prices collected for it.
  const analysis = analyseSnapshotPipeline(snapshot);
  const collected = { status: collectionStatus(snapshot.issues, snapshot.resources.length), issues: snapshot.issues };
  const run: RunSummary = {
    runId,
    startedAt,
    finishedAt: new Date(Math.max(now, Date.now())).toISOString(),
    status: collected.status === 'complete' ? 'succeeded' : collected.status,
    batches: regions.length,
    failedBatches: [],
    actionCount: analysis.actions.length,
    totalMonthlySavingsUsd: totalMonthlySavingsUsd(analysis.actions),
  };
  await store.putRun(run);
  await store.putActions(runId, analysis.actions);
  await store.putForecasts(runId, analysis.forecasts, COST_SCOPE);
  await store.putAnomalies(runId, COST_SCOPE, analysis.anomalies);

  const outputs = { run, actions: analysis.actions, forecasts: analysis.forecasts, anomalies: analysis.anomalies };
  const files = options.outDir
    ? await writeRunOutputs(options.outDir, {
        ...outputs,
        ...runDigests({ ...outputs, collection: collected }, { enabledExecutors: [], homeAccount: account }),
        snapshot,
        generatedAt: new Date(now).toISOString(),
        apiCalls: collection.apiCalls,
        collection: collected,
      })
    : [];
  return { account, regions, run, status: collected.status, analysis, snapshot, collection, apiCalls: collection.apiCalls, files };
}

/** The region the SDK would use for this profile (AWS_REGION, then the profile's `region`). */
async function defaultRegion(profile: string | undefined, clientConfig: Record<string, unknown> = {}): Promise<string> {
  const client = new EC2Client({ ...(profile === undefined ? {} : { profile }), ...clientConfig });
  try {
    return await client.config.region();
  } catch {
    throw new CliError('No AWS region is configured: pass --regions (e.g. --regions us-east-1,eu-west-1), set AWS_REGION, or set region in your AWS profile.');
  } finally {
    client.destroy();
  }
}

/** Ports that say on stderr when a region's service is first called: progress per region and service. */
function announcingPorts(portsFor: PortsFor, progress: (line: string) => void): PortsFor {
  const announced = new Set<string>();
  return (account, region) => {
    const ports = portsFor(account, region);
    const wrap = <T extends object>(service: string, port: T): T =>
      new Proxy(port, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const key = `${region}/${service}`;
            if (!announced.has(key)) {
              announced.add(key);
              progress(`  ${region}: ${service}`);
            }
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    const wrapped: CollectorPorts = {
      ...ports,
      inventory: wrap('inventory', ports.inventory),
      cloudwatch: wrap('cloudwatch', ports.cloudwatch),
      costExplorer: wrap('cost explorer', ports.costExplorer),
      computeOptimizer: wrap('compute optimizer', ports.computeOptimizer),
      ...(ports.pricing === undefined ? {} : { pricing: wrap('pricing', ports.pricing) }),
    };
    return wrapped;
  };
}

export type { ResolvedCredentials };
