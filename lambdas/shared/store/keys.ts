/** Key builders for the single table; the design and its reasons are documented at the top of dynamo-store.ts. */

import { createHash } from 'node:crypto';

export const RANK_DIGITS = 6;
const CHUNK_DIGITS = 4;

export const keys = {
  scopes: 'SCOPES',
  inventoryScope: (account: string, region: string) => `INV#${account}#${region}`,
  costScope: (account: string) => `COST#${account}`,

  inventory: (account: string, region: string) => `INV#${account}#${region}`,
  inventoryResource: (arn: string) => `RES#${arn}`,
  byArn: (arn: string) => `ARN#${arn}`,
  resource: 'RESOURCE',
  seriesPrefix: 'SERIES#',
  seriesName: (s: { namespace: string; metricName: string; stat: string; periodSec: number }) =>
    `SERIES#${s.namespace}#${s.metricName}#${s.stat}#${s.periodSec}`,
  seriesChunk: (name: string, index: number) => `${name}#${String(index).padStart(CHUNK_DIGITS, '0')}`,
  recommendationPrefix: 'REC#',
  /** One recommendation per source per resource: a newer one replaces the older whatever its finding. */
  recommendation: (source: string) => `REC#${source}`,

  costs: (account: string) => `COST#${account}`,
  cost: (date: string, service: string) => `${date}#${service}`,
  costForecast: 'COSTFORECAST',
  /** Existing Savings Plans / Reserved Instance coverage, one item per account (sort key: the account). */
  commitments: 'COMMITMENTS',
  latest: 'LATEST',
  issues: 'ISSUES',
  prices: 'PRICES',
  cache: (namespace: string) => `CACHE#${namespace}`,
  apiCalls: 'APICALLS',
  /** The message's hash keeps different issues with one code (two skipped items, two denied APIs) apart. */
  issue: (i: { source: string; account?: string; region?: string; code: string; message: string }) =>
    `${i.source}#${i.account ?? '-'}#${i.region ?? '-'}#${i.code}#${shortHash(i.message)}`,

  run: (runId: string) => `RUN#${runId}`,
  meta: 'META',
  batch: (batchId: string) => `BATCH#${batchId}`,
  findingPrefix: 'FINDING#',
  batchFindingPrefix: (batchId: string) => `FINDING#${batchId}#`,
  finding: (batchId: string, id: string) => `FINDING#${batchId}#${id}`,
  batchPrefix: 'BATCH#',
  actionPrefix: 'ACTION#',
  actionRank: (rank: number) => `ACTION#${String(rank).padStart(RANK_DIGITS, '0')}`,
  actionIdPrefix: 'ACTIONID#',
  actionId: (id: string) => `ACTIONID#${id}`,
  forecastPrefix: 'FORECAST#',
  scopeForecastPrefix: (scope: string) => `FORECAST#${scope}#`,
  forecast: (scope: string, name: string) => `FORECAST#${scope}#${name}`,
  anomalyPrefix: 'ANOMALY#',
  scopeAnomalyPrefix: (scope: string) => `ANOMALY#${scope}#`,
  /** Rank by score within the scope, so a scope's anomalies list highest score first. */
  anomaly: (scope: string, rank: number) => `ANOMALY#${scope}#${String(rank).padStart(RANK_DIGITS, '0')}`,
  runIndex: 'RUNS',
  runIndexEntry: (startedAt: string, runId: string) => `${startedAt}#${runId}`,

  action: (actionId: string) => `ACTION#${actionId}`,
  decision: 'DECISION',
  /** Audit records have their own partition prefix, so IAM (dynamodb:LeadingKeys) can limit who writes them. */
  auditPartition: (actionId: string) => `AUDIT#${actionId}`,
  audit: (at: string, seq: string) => `${at}#${seq}`,
  approvals: 'APPROVALS',
  realisedSavings: 'REALISED',
} as const;

/** First 8 hex digits of SHA-256: enough to tell a handful of messages apart within one issue key. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
