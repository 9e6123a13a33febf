import { BYTES_PER_PACKED_VALUE } from '../shared/store/series-codec.js';

/**
 * What Headroom's own AWS bill is for an account of a given size (SPEC §10: ≤ $5/month for 1,000
 * resources), computed from the API calls and writes the collectors and the analysis make.
 *
 * Prices (us-east-1, checked November 2026):
 * - CloudWatch GetMetricData: $0.01 per 1,000 metrics requested — https://aws.amazon.com/cloudwatch/pricing/
 *   (billed per metric returned in each response, so a query continued on a second page counts twice).
 * - Cost Explorer API: $0.01 per paginated request — https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/
 * - Compute Optimizer recommendations: free — https://aws.amazon.com/compute-optimizer/pricing/
 * - EC2 Describe* and Lambda List* APIs: free.
 * - Lambda: $0.20 per million requests, $0.0000133334 per GB-second on arm64 — https://aws.amazon.com/lambda/pricing/
 * - Step Functions Standard: $0.025 per 1,000 state transitions — https://aws.amazon.com/step-functions/pricing/
 * - DynamoDB on-demand: $0.625 per million write request units (1 KB each), $0.125 per million read
 *   request units (4 KB, eventually consistent = ½), $0.25 per GB-month — https://aws.amazon.com/dynamodb/pricing/on-demand/
 * - EventBridge Scheduler: first 14 million invocations a month free — https://aws.amazon.com/eventbridge/pricing/
 */
export const PRICES = {
  getMetricDataPerMetric: 0.01 / 1000,
  costExplorerPerRequest: 0.01,
  lambdaPerRequest: 0.2 / 1e6,
  lambdaPerGbSecondArm: 0.0000133334,
  stepFunctionsPerTransition: 0.025 / 1000,
  dynamoPerWriteUnit: 0.625 / 1e6,
  dynamoPerReadUnit: 0.125 / 1e6,
  dynamoPerGbMonth: 0.25,
} as const;

const DAYS_PER_MONTH = 30.4375;
const GET_METRIC_DATA_MAX_DATAPOINTS = 100_800;
const GET_METRIC_DATA_MAX_QUERIES = 500;

export interface RunningCostInputs {
  /** Resources the collectors fetch metrics for (EC2, EBS, Lambda). */
  resources: number;
  /** Metric queries per resource: the catalogue asks 4 (EC2), 2 (EBS), 5 (Lambda); 3.7 is the sample account's mix. */
  queriesPerResource?: number;
  lookbackDays?: number;
  periodSec?: number;
  /** How often the CloudWatch collector runs (each run re-reads the whole lookback window). */
  metricCollectionsPerDay?: number;
  /** How often the Cost Explorer collector runs. */
  costCollectionsPerDay?: number;
  /** Daily periods per GetCostAndUsage page (undocumented by AWS; 30 assumed). */
  costDaysPerPage?: number;
  analysisRunsPerDay?: number;
  batchSize?: number;
  /** Bytes one stored metric point takes in DynamoDB; default the store's packed Float64 (series-codec.ts), 8. */
  bytesPerStoredPoint?: number;
}

export interface RunningCostBreakdown {
  getMetricDataCallsPerRun: number;
  metricsBilledPerRun: number;
  costExplorerRequestsPerRun: number;
  monthlyUsd: {
    cloudwatch: number;
    costExplorer: number;
    dynamodb: number;
    lambda: number;
    stepFunctions: number;
    total: number;
  };
}

/**
 * Monthly cost of running Headroom. Per CloudWatch collection:
 *   queries Q = resources × queriesPerResource; points per query P = lookbackDays × 86,400 / period
 *   calls = ⌈Q / 500⌉; pages = Σ over calls of ⌈queries_in_call × P / 100,800⌉
 *   metrics billed = Q + (pages − calls)      (each page boundary splits at most one query)
 * Cost Explorer per collection: ⌈90 / costDaysPerPage⌉ GetCostAndUsage pages + 1 forecast (the page size is
 *   not documented; 30 daily periods per page is assumed, as the sample account pages).
 * DynamoDB: every collection rewrites each series of P × bytesPerPoint + 200 bytes (bytesPerPoint = 8, the
 *   store's packed Float64 on the period grid; 200 B of keys and metadata):
 *   writes = Q × ⌈(P × bytesPerPoint + 200) / 1,024⌉ WRU;
 *   the analysis reads each series once: Q × ⌈(P × bytesPerPoint + 200) / 4,096⌉ / 2 RRU; storage Q × that size.
 * Lambda: 4 collector + (5 + batches + 2 notify) workflow invocations per day at 1 GB for ~5 s each (arm64).
 * Step Functions: ~ 10 + 3 × batches state transitions per analysis run.
 * Month = 30.4375 days.
 */
export function estimateMonthlyRunningCost(inputs: RunningCostInputs): RunningCostBreakdown {
  const resources = inputs.resources;
  if (!(resources >= 0)) throw new RangeError(`resources must be a non-negative number; got ${resources}`);
  const qpr = inputs.queriesPerResource ?? 3.7;
  const lookbackDays = inputs.lookbackDays ?? 14;
  const periodSec = inputs.periodSec ?? 300;
  const metricRuns = inputs.metricCollectionsPerDay ?? 1;
  const costRuns = inputs.costCollectionsPerDay ?? 1;
  const costDaysPerPage = inputs.costDaysPerPage ?? 30;
  const analysisRuns = inputs.analysisRunsPerDay ?? 1;
  const batchSize = inputs.batchSize ?? 50;
  const bytesPerPoint = inputs.bytesPerStoredPoint ?? BYTES_PER_PACKED_VALUE;

  const queries = Math.ceil(resources * qpr);
  const pointsPerQuery = Math.floor((lookbackDays * 86_400) / periodSec);
  const calls = Math.ceil(queries / GET_METRIC_DATA_MAX_QUERIES);
  let pages = 0;
  for (let c = 0; c < calls; c++) {
    const inCall = Math.min(GET_METRIC_DATA_MAX_QUERIES, queries - c * GET_METRIC_DATA_MAX_QUERIES);
    pages += Math.max(1, Math.ceil((inCall * pointsPerQuery) / GET_METRIC_DATA_MAX_DATAPOINTS));
  }
  const metricsBilled = queries + (pages - calls);
  const cloudwatch = metricsBilled * PRICES.getMetricDataPerMetric * metricRuns * DAYS_PER_MONTH;

  const costExplorerRequests = Math.ceil(90 / costDaysPerPage) + 1;
  const costExplorer = costExplorerRequests * PRICES.costExplorerPerRequest * costRuns * DAYS_PER_MONTH;

  const seriesBytes = pointsPerQuery * bytesPerPoint + 200;
  const writeUnits = queries * Math.ceil(seriesBytes / 1024) * metricRuns;
  const readUnits = (queries * Math.ceil(seriesBytes / 4096) * analysisRuns) / 2;
  const storageGb = (queries * seriesBytes) / 1e9;
  const dynamodb = (writeUnits * PRICES.dynamoPerWriteUnit + readUnits * PRICES.dynamoPerReadUnit) * DAYS_PER_MONTH + storageGb * PRICES.dynamoPerGbMonth;

  const batches = Math.ceil(resources / batchSize);
  const invocationsPerDay = 4 * Math.max(metricRuns, costRuns) + analysisRuns * (5 + batches + 2);
  const lambda = invocationsPerDay * (PRICES.lambdaPerRequest + 1 * 5 * PRICES.lambdaPerGbSecondArm) * DAYS_PER_MONTH;

  const stepFunctions = analysisRuns * (10 + 3 * batches) * PRICES.stepFunctionsPerTransition * DAYS_PER_MONTH;

  const total = cloudwatch + costExplorer + dynamodb + lambda + stepFunctions;
  return {
    getMetricDataCallsPerRun: calls,
    metricsBilledPerRun: metricsBilled,
    costExplorerRequestsPerRun: costExplorerRequests,
    monthlyUsd: { cloudwatch, costExplorer, dynamodb, lambda, stepFunctions, total },
  };
}
