import { BYTES_PER_PACKED_VALUE } from '../shared/store/series-codec.js';

/**
 * What Headroom's own AWS bill is for an account of a given size (SPEC §10: ≤ $5/month for 1,000 resources),
 * computed from the API calls, invocations, state transitions and writes the collectors and the analysis make.
 * List prices, no free tier (the free tiers are per account and other workloads may use them).
 *
 * Prices (us-east-1, checked November 2026):
 * - CloudWatch GetMetricData: $0.01 per 1,000 metrics requested; other CloudWatch API requests (ListMetrics)
 *   $0.01 per 1,000 requests; Logs ingestion $0.50 per GB — https://aws.amazon.com/cloudwatch/pricing/
 * - Cost Explorer API: $0.01 per paginated request — https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/
 * - Compute Optimizer recommendations, EC2/ELB/RDS Describe*, Lambda/DynamoDB List*, Organizations, STS: free.
 * - Lambda: $0.20 per million requests, $0.0000133334 per GB-second on arm64 — https://aws.amazon.com/lambda/pricing/
 * - Step Functions Standard: $0.025 per 1,000 state transitions — https://aws.amazon.com/step-functions/pricing/
 * - DynamoDB on-demand: $0.625 per million write request units (1 KB each), $0.125 per million read request units
 *   (4 KB, eventually consistent = ½), $0.25 per GB-month, point-in-time recovery $0.20 per GB-month —
 *   https://aws.amazon.com/dynamodb/pricing/on-demand/
 * - EventBridge Scheduler: $1.00 per million invocations — https://aws.amazon.com/eventbridge/pricing/
 * - X-Ray: $5.00 per million traces recorded — https://aws.amazon.com/xray/pricing/
 * - Secrets Manager: $0.40 per secret per month (the Slack secret) — https://aws.amazon.com/secrets-manager/pricing/
 */
export const PRICES = {
  getMetricDataPerMetric: 0.01 / 1000,
  cloudwatchPerRequest: 0.01 / 1000,
  logsPerGbIngested: 0.5,
  costExplorerPerRequest: 0.01,
  lambdaPerRequest: 0.2 / 1e6,
  lambdaPerGbSecondArm: 0.0000133334,
  stepFunctionsPerTransition: 0.025 / 1000,
  dynamoPerWriteUnit: 0.625 / 1e6,
  dynamoPerReadUnit: 0.125 / 1e6,
  dynamoPerGbMonth: 0.25,
  dynamoPitrPerGbMonth: 0.2,
  schedulerPerInvocation: 1 / 1e6,
  xrayPerTrace: 5 / 1e6,
  secretPerMonth: 0.4,
} as const;

/**
 * State transitions of one analysis run (lib/constructs/analysis-workflow.ts), success path: Plan, the Map, per
 * batch one AnalyseBatch, Forecast + ForecastResult, Prioritise + PrioritiseResult, PersistRun + PersistRunResult,
 * the Notify Parallel with its two branch tasks, RunSucceeded. test/lib/state-transitions.test.ts counts them on
 * the synthesised definition and fails when the shape changes.
 */
export const ANALYSIS_TRANSITIONS = { fixed: 12, perBatch: 1 } as const;

/** Memory (MB, from lib/) and assumed duration of each function: `seconds = base + perResource × resources`. */
export const LAMBDA_PROFILE = {
  inventory: { memoryMb: 1024, baseSec: 5, perResourceSec: 0.025 },
  cloudwatch: { memoryMb: 1024, baseSec: 5, perResourceSec: 0.02 },
  costExplorer: { memoryMb: 512, baseSec: 10, perResourceSec: 0 },
  computeOptimizer: { memoryMb: 512, baseSec: 5, perResourceSec: 0.002 },
  /** Per run: GetProducts pages for EC2 instances and EBS volumes of each region, parsed. */
  pricing: { memoryMb: 512, baseSec: 30, perResourceSec: 0 },
  plan: { memoryMb: 512, baseSec: 2, perResourceSec: 0.002 },
  /** Per batch: reads the batch's series and runs the engine. */
  analyseBatch: { memoryMb: 1769, baseSec: 2, perResourceSec: 0.02 },
  forecast: { memoryMb: 1769, baseSec: 10, perResourceSec: 0 },
  prioritise: { memoryMb: 1024, baseSec: 2, perResourceSec: 0.001 },
  persistRun: { memoryMb: 512, baseSec: 1, perResourceSec: 0 },
  notify: { memoryMb: 512, baseSec: 2, perResourceSec: 0 },
} as const;

const DAYS_PER_MONTH = 30.4375;
const GET_METRIC_DATA_MAX_DATAPOINTS = 100_800;
const GET_METRIC_DATA_MAX_QUERIES = 500;

/**
 * What one collection of the sample account wrote and asked for, per resource or per run, measured with
 * `npx tsx scripts/measure-running-cost.ts --resources 1000 --resources 10000` (runCollectors over the sample account,
 * every table write sized as DynamoDB sizes items). 1,000 resources: 3,711 metric queries, 3,211 series stored
 * (a query without data stores nothing), 1,960 resource items, ~900 daily-cost items, 504 recommendations,
 * 2 Cost Explorer cache items of ~60 KB (120 WRU); 10,000 resources: 3.707 queries and 3.205 series per resource.
 */
export const MEASURED = {
  queriesPerResource: 3.711,
  seriesPerResource: 3.211,
  /** The resource item under its ARN and its entry in the (account, region) inventory listing. */
  inventoryItemsPerResource: 2,
  recommendationsPerResource: 0.504,
  costItemsPerRun: 900,
  costCacheWriteUnitsPerRun: 120,
  /** Bytes of a series item beyond its packed values: keys, identity JSON, version, chunk fields, TTL (measured 321). */
  seriesItemOverheadBytes: 330,
} as const;

/**
 * The Price List collector (weekly): per region 2 queries of ~10 GetProducts pages (free), writing the region's
 * prices and 2 cache items of a few KB. Assumed, not measured (the sample account has no Price List): 40 WRU a run.
 */
const PRICING_WRITE_UNITS_PER_RUN = 40;

export interface RunningCostInputs {
  /** Resources inventoried (all types, including those without metrics such as snapshots and log groups). */
  resources: number;
  /** GetMetricData queries per resource (default MEASURED: metric-catalogue.ts plus the optional metrics found). */
  queriesPerResource?: number;
  /** Series stored per resource: queries that returned data (default MEASURED). */
  seriesPerResource?: number;
  lookbackDays?: number;
  periodSec?: number;
  /** How often the CloudWatch collector runs (each run re-reads the whole lookback window). */
  metricCollectionsPerDay?: number;
  /** ListMetrics requests per metric collection (CWAgent and LambdaInsights per region). */
  listMetricsRequestsPerRun?: number;
  costCollectionsPerDay?: number;
  /** Cost Explorer answers are cached this long, so at most 24 / costCacheHours collections a day are paid. */
  costCacheHours?: number;
  /** Daily periods per GetCostAndUsage page (undocumented by AWS; 30 assumed, as the sample account pages). */
  costDaysPerPage?: number;
  /** Accounts read (existing-commitment requests are per account); default 1. */
  accounts?: number;
  inventoryCollectionsPerDay?: number;
  computeOptimizerCollectionsPerDay?: number;
  /** Price List collections a day (weekly by default: 1/7). */
  pricingCollectionsPerDay?: number;
  analysisRunsPerDay?: number;
  /** Resources per analysis batch (deploy configuration `batchSize`, default 100). */
  batchSize?: number;
  /** Bytes one stored metric point takes in DynamoDB; default the store's packed Float32 (series-codec.ts), 4. */
  bytesPerStoredPoint?: number;
  /** Log bytes each invocation writes (Lambda's START/END/REPORT lines and our structured lines). */
  logBytesPerInvocation?: number;
}

export interface RunningCostBreakdown {
  getMetricDataCallsPerRun: number;
  metricsBilledPerRun: number;
  costExplorerRequestsPerRun: number;
  stateTransitionsPerRun: number;
  lambdaInvocationsPerDay: number;
  lambdaGbSecondsPerDay: number;
  /** The part of dynamoWriteUnitsPerDay that rewrites metric series. */
  seriesWriteUnitsPerDay: number;
  dynamoWriteUnitsPerDay: number;
  dynamoReadUnitsPerDay: number;
  storedGb: number;
  monthlyUsd: {
    cloudwatch: number;
    costExplorer: number;
    lambda: number;
    stepFunctions: number;
    dynamodb: number;
    scheduler: number;
    logs: number;
    xray: number;
    secretsManager: number;
    total: number;
  };
}

/**
 * Monthly cost of running Headroom (month = 30.4375 days; R resources, runs per day from the inputs).
 *
 * CloudWatch, per metric collection: Q = ⌈R × queriesPerResource⌉ queries of P = lookbackDays × 86,400 / period
 *   points; calls = ⌈Q / 500⌉; pages = Σ per call ⌈queries_in_call × P / 100,800⌉; metrics billed = Q + (pages −
 *   calls) (each page boundary splits at most one query, billed again: an upper bound); plus ListMetrics requests.
 * Cost Explorer, per paid collection: ⌈90 / costDaysPerPage⌉ GetCostAndUsage pages + 1 GetCostForecast; paid
 *   collections a day = min(costCollectionsPerDay, 24 / costCacheHours); plus the existing commitments, 2 × accounts
 *   + 1 requests a week (their window changes weekly: cost-explorer/commitment-requests.ts). Price List GetProducts: free.
 * Lambda: invocations a day = the five collectors' runs + per analysis (plan + batches + forecast + prioritise +
 *   persist + 2 notify); GB-s = Σ memory/1,024 × (base + perResource × resources it handles) (LAMBDA_PROFILE).
 * Step Functions: ANALYSIS_TRANSITIONS.fixed + perBatch × ⌈R / batchSize⌉ per analysis run.
 * DynamoDB: N = ⌈R × seriesPerResource⌉ series items of S = P × bytesPerPoint + 330 B (MEASURED overhead); each
 *   metric collection rewrites them (N × ⌈S / 1,024⌉ WRU) and each analysis reads them (N × ⌈S / 4,096⌉ / 2 RRU).
 *   Other writes (MEASURED, ≤ 1 KB items): 2 R per inventory run, 0.504 R recommendations per Compute Optimizer run,
 *   900 cost items + 120 WRU of cache per paid Cost Explorer run, 40 WRU per Price List run, ½ R findings or actions
 *   per analysis, which also reads each resource twice (plan, batch) (R RRU).
 *   Storage N × S + R × 3 KB, billed at storage + PITR prices.
 * Scheduler: one invocation per collector run and per analysis. X-Ray: one trace per invocation and per execution.
 * Logs: logBytesPerInvocation per invocation. Secrets Manager: the Slack secret.
 */
export function estimateMonthlyRunningCost(inputs: RunningCostInputs): RunningCostBreakdown {
  const resources = inputs.resources;
  if (!(resources >= 0)) throw new RangeError(`resources must be a non-negative number; got ${resources}`);
  const qpr = inputs.queriesPerResource ?? MEASURED.queriesPerResource;
  const spr = inputs.seriesPerResource ?? MEASURED.seriesPerResource;
  const lookbackDays = inputs.lookbackDays ?? 14;
  const periodSec = inputs.periodSec ?? 300;
  const metricRuns = inputs.metricCollectionsPerDay ?? 1;
  const costRuns = inputs.costCollectionsPerDay ?? 1;
  const paidCostRuns = Math.min(costRuns, 24 / (inputs.costCacheHours ?? 12));
  const inventoryRuns = inputs.inventoryCollectionsPerDay ?? 4;
  const optimizerRuns = inputs.computeOptimizerCollectionsPerDay ?? 1;
  const pricingRuns = inputs.pricingCollectionsPerDay ?? 1 / 7;
  const analysisRuns = inputs.analysisRunsPerDay ?? 1;
  const batchSize = inputs.batchSize ?? 100;
  const bytesPerPoint = inputs.bytesPerStoredPoint ?? BYTES_PER_PACKED_VALUE;
  const logBytes = inputs.logBytesPerInvocation ?? 2048;

  // CloudWatch
  const queries = Math.ceil(resources * qpr);
  const pointsPerQuery = Math.floor((lookbackDays * 86_400) / periodSec);
  const calls = Math.ceil(queries / GET_METRIC_DATA_MAX_QUERIES);
  let pages = 0;
  for (let c = 0; c < calls; c++) {
    const inCall = Math.min(GET_METRIC_DATA_MAX_QUERIES, queries - c * GET_METRIC_DATA_MAX_QUERIES);
    pages += Math.max(1, Math.ceil((inCall * pointsPerQuery) / GET_METRIC_DATA_MAX_DATAPOINTS));
  }
  const metricsBilled = queries + (pages - calls);
  const listMetrics = inputs.listMetricsRequestsPerRun ?? 4;
  const cloudwatch = (metricsBilled * PRICES.getMetricDataPerMetric + listMetrics * PRICES.cloudwatchPerRequest) * metricRuns * DAYS_PER_MONTH;

  // Cost Explorer
  const costExplorerRequests = Math.ceil(90 / (inputs.costDaysPerPage ?? 30)) + 1;
  const commitmentRequestsPerWeek = 2 * (inputs.accounts ?? 1) + 1;
  const costExplorer = (costExplorerRequests * paidCostRuns + commitmentRequestsPerWeek / 7) * PRICES.costExplorerPerRequest * DAYS_PER_MONTH;

  // Lambda
  const batches = Math.ceil(resources / batchSize);
  const gbSeconds = (profile: { memoryMb: number; baseSec: number; perResourceSec: number }, handled: number) =>
    (profile.memoryMb / 1024) * (profile.baseSec + profile.perResourceSec * handled);
  const p = LAMBDA_PROFILE;
  const analysisGbSeconds =
    gbSeconds(p.plan, resources) +
    batches * gbSeconds(p.analyseBatch, Math.min(batchSize, resources)) +
    gbSeconds(p.forecast, resources) +
    gbSeconds(p.prioritise, resources) +
    gbSeconds(p.persistRun, resources) +
    2 * gbSeconds(p.notify, resources);
  const gbSecondsPerDay =
    inventoryRuns * gbSeconds(p.inventory, resources) +
    metricRuns * gbSeconds(p.cloudwatch, resources) +
    costRuns * gbSeconds(p.costExplorer, resources) +
    optimizerRuns * gbSeconds(p.computeOptimizer, resources) +
    pricingRuns * gbSeconds(p.pricing, resources) +
    analysisRuns * analysisGbSeconds;
  const collectorRunsPerDay = inventoryRuns + metricRuns + costRuns + optimizerRuns + pricingRuns;
  const invocationsPerDay = collectorRunsPerDay + analysisRuns * (1 + batches + 3 + 2);
  const lambda = (invocationsPerDay * PRICES.lambdaPerRequest + gbSecondsPerDay * PRICES.lambdaPerGbSecondArm) * DAYS_PER_MONTH;

  // Step Functions
  const transitions = ANALYSIS_TRANSITIONS.fixed + ANALYSIS_TRANSITIONS.perBatch * batches;
  const stepFunctions = analysisRuns * transitions * PRICES.stepFunctionsPerTransition * DAYS_PER_MONTH;

  // DynamoDB
  const series = Math.ceil(resources * spr);
  const seriesBytes = pointsPerQuery * bytesPerPoint + MEASURED.seriesItemOverheadBytes;
  const seriesWriteUnits = series * Math.ceil(seriesBytes / 1024) * metricRuns;
  const writeUnits =
    seriesWriteUnits +
    MEASURED.inventoryItemsPerResource * resources * inventoryRuns +
    MEASURED.recommendationsPerResource * resources * optimizerRuns +
    (MEASURED.costItemsPerRun + MEASURED.costCacheWriteUnitsPerRun) * paidCostRuns +
    PRICING_WRITE_UNITS_PER_RUN * pricingRuns +
    0.5 * resources * analysisRuns;
  const readUnits = ((series * Math.ceil(seriesBytes / 4096)) / 2 + resources) * analysisRuns;
  const storedGb = (series * seriesBytes + resources * 3072) / 1e9;
  const dynamodb =
    (writeUnits * PRICES.dynamoPerWriteUnit + readUnits * PRICES.dynamoPerReadUnit) * DAYS_PER_MONTH +
    storedGb * (PRICES.dynamoPerGbMonth + PRICES.dynamoPitrPerGbMonth);

  // Scheduler, X-Ray, Logs, Secrets Manager
  const schedulerInvocationsPerDay = collectorRunsPerDay + analysisRuns;
  const scheduler = schedulerInvocationsPerDay * PRICES.schedulerPerInvocation * DAYS_PER_MONTH;
  const xray = (invocationsPerDay + analysisRuns) * PRICES.xrayPerTrace * DAYS_PER_MONTH;
  const logs = ((invocationsPerDay * logBytes) / 1e9) * PRICES.logsPerGbIngested * DAYS_PER_MONTH;
  const secretsManager = PRICES.secretPerMonth;

  const total = cloudwatch + costExplorer + lambda + stepFunctions + dynamodb + scheduler + logs + xray + secretsManager;
  return {
    getMetricDataCallsPerRun: calls,
    metricsBilledPerRun: metricsBilled,
    costExplorerRequestsPerRun: costExplorerRequests,
    stateTransitionsPerRun: transitions,
    lambdaInvocationsPerDay: invocationsPerDay,
    lambdaGbSecondsPerDay: gbSecondsPerDay,
    seriesWriteUnitsPerDay: seriesWriteUnits,
    dynamoWriteUnitsPerDay: writeUnits,
    dynamoReadUnitsPerDay: readUnits,
    storedGb,
    monthlyUsd: { cloudwatch, costExplorer, lambda, stepFunctions, dynamodb, scheduler, logs, xray, secretsManager, total },
  };
}
