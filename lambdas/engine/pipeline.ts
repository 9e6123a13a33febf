import type { Action, Finding } from './types/action.js';
import type { CommitmentCoverage, CostForecast, DailyCost, Prices, Resource, Snapshot } from './types/snapshot.js';
import type { ResourceSlice, RuleContext } from './rules/rule.js';
import { analyseResources, createRuleContext, sliceSnapshot } from './analyse.js';
import { analyseAccount } from './analyse-account.js';
import { forecastCapacity } from './insights/capacity-forecasts.js';
import { forecastDailyCosts, type NamedForecast } from './insights/cost-forecasts.js';
import { hourlyComputeSpend, type HourlySpend } from './insights/hourly-compute-spend.js';
import { costAnomalies, metricAnomalies, type ReportedAnomaly } from './insights/reported-anomalies.js';
import { prioritise } from './prioritise/prioritise.js';

/**
 * The one engine pipeline (docs/engine-pipeline.md). Every caller — the analysis workflow's steps, `headroom analyze`,
 * `headroom scan`, the demo (through the workflow) and the benchmarks — runs these three phases, so one snapshot gives
 * one answer wherever it is analysed:
 *
 *   1. batch   (per batch of resources of one account and region, priced with that region's list prices):
 *              resource rules, metric anomalies, capacity forecasts, hourly on-demand compute spend;
 *   2. cost    (once per run, on the account-wide daily costs): cost forecasts and cost anomalies;
 *   3. run     (once per run, over everything phases 1 and 2 produced): the account-level rules — Savings Plans sized
 *              on the whole run's hourly spend after rightsizing, insights as performance actions — then prioritise.
 *
 * Phase 1 is per resource, so how resources are cut into batches never changes the answer (hourly spend rows of
 * several batches are summed per account and hour by the Savings Plans rule). Phase 3 must see the whole run: sizing a
 * commitment per region and keeping one (what `scan` used to do) under-commits.
 */

/** What phase 1 produces for one batch. */
export interface BatchAnalysis {
  findings: Finding[];
  hourlyComputeSpend: HourlySpend[];
  anomalies: ReportedAnomaly[];
  capacityForecasts: NamedForecast[];
}

/** What phase 2 produces for the run. */
export interface CostAnalysis {
  forecasts: NamedForecast[];
  /** Forecasts not made, as `name: reason` (too little cost history yet). */
  skipped: string[];
  anomalies: ReportedAnomaly[];
}

/** Everything phase 3 reads: the run's resources and costs, and the outputs of phases 1 and 2, gathered. */
export interface RunAnalysisInput {
  resources: readonly Resource[];
  findings: readonly Finding[];
  hourlyComputeSpend: readonly HourlySpend[];
  costs: readonly DailyCost[];
  anomalies: readonly ReportedAnomaly[];
  forecasts: readonly NamedForecast[];
  /** Existing Savings Plans and Reserved Instance coverage per account; absent: none known. */
  commitments?: readonly CommitmentCoverage[];
}

/** What phase 3 produces. */
export interface RunAnalysis {
  accountFindings: Finding[];
  /** The ranked, de-duplicated actions of every finding (resource and account rules). */
  actions: Action[];
}

/** A whole run analysed in memory: what `analyze` and `scan` print and write. */
export interface PipelineResult {
  /** Resource findings, then account findings. */
  findings: Finding[];
  actions: Action[];
  /** Cost forecasts, then capacity forecasts in batch order. */
  forecasts: NamedForecast[];
  /** Highest score first (rankAnomalies). */
  anomalies: ReportedAnomaly[];
}

export interface PipelineSettings {
  /** Evaluation time, epoch ms. */
  now: number;
  /** Default DEFAULT_HEADROOM_PERCENT (analyse.ts). */
  headroomPercent: number;
  /** Default DEFAULT_LOOKBACK_DAYS (analyse.ts). */
  lookbackDays: number;
}

/** Phase 1 on one batch; `context` carries the batch region's prices. */
export function analyseBatchSlices(slices: ResourceSlice[], context: RuleContext): BatchAnalysis {
  const window = { now: context.now, lookbackDays: context.lookbackDays };
  return {
    findings: analyseResources(slices, context),
    hourlyComputeSpend: hourlyComputeSpend(slices, context),
    anomalies: metricAnomalies(slices, window),
    capacityForecasts: forecastCapacity(slices, window),
  };
}

/** Phase 2: daily cost forecasts (compared with Cost Explorer's own) and the recent cost anomalies. */
export function analyseCosts(costs: DailyCost[], costExplorerForecast: CostForecast | undefined, now: number): CostAnalysis {
  const { forecasts, skipped } = forecastDailyCosts(costs, costExplorerForecast);
  return { forecasts, skipped, anomalies: costAnomalies(costs, { now }) };
}

/** Phase 3: the account-level rules over the whole run, then prioritisation of every finding. */
export function analyseRun(input: RunAnalysisInput, context: RuleContext): RunAnalysis {
  const accountFindings = analyseAccount(input, context);
  return { accountFindings, actions: prioritise([...input.findings, ...accountFindings]) };
}

/**
 * The one region all resources are in, whose prices the run-level phase uses; undefined when they span several (or
 * none), and the run-level phase then prices with the bundled catalogue. Only performance actions' protected spend
 * and the price sources named in evidence depend on it: savings are priced per batch, in the batch's region.
 */
export function runRegion(resources: readonly Resource[]): string | undefined {
  const regions = new Set(resources.map((r) => r.region));
  return regions.size === 1 ? [...regions][0] : undefined;
}

/**
 * The prices a snapshot gives a region's resources: its `regionPrices` entry for the region, else `prices`, else
 * undefined (the bundled catalogue). Every in-memory caller prices with this, so a snapshot file gives the answer the
 * scan that wrote it gave.
 */
export function snapshotPricesFor(snapshot: Pick<Snapshot, 'prices' | 'regionPrices'>): (region: string) => Prices | undefined {
  return (region) => snapshot.regionPrices?.find((p) => p.region === region) ?? snapshot.prices;
}

/** Anomalies in the order every output shows them: highest score first, then latest first. */
export function rankAnomalies(anomalies: readonly ReportedAnomaly[]): ReportedAnomaly[] {
  return [...anomalies].sort((a, b) => b.score - a.score || b.timestamp.localeCompare(a.timestamp));
}

/** The phases of analyseSnapshotPipeline, as its `observe` option names them. */
export type PipelinePhase = 'slice' | 'batch' | 'cost' | 'run';

export interface SnapshotPipelineOptions extends Partial<PipelineSettings> {
  /** The list prices of a region's resources (undefined: the bundled catalogue); default snapshotPricesFor(snapshot). */
  pricesFor?: (region: string) => Prices | undefined;
  /** Runs each phase (each batch once); the benchmarks time them with it. Default: runs it. */
  observe?: <T>(phase: PipelinePhase, work: () => T) => T;
}

/**
 * The three phases over a snapshot held in memory: one batch per account and region (each priced with
 * `pricesFor(region)`), the cost phase, then the run phase. The evaluation time defaults to the snapshot's collectedAt.
 */
export function analyseSnapshotPipeline(snapshot: Snapshot, options: SnapshotPipelineOptions = {}): PipelineResult {
  const pricesFor = options.pricesFor ?? snapshotPricesFor(snapshot);
  const observe = options.observe ?? ((_phase, work) => work());
  const now = options.now ?? Date.parse(snapshot.collectedAt);
  const contextFor = (region: string | undefined) =>
    createRuleContext({ now, headroomPercent: options.headroomPercent, lookbackDays: options.lookbackDays, prices: region === undefined ? undefined : pricesFor(region) });
  const groups = observe('slice', () => groupByAccountAndRegion(sliceSnapshot(snapshot)));
  const batches = groups.map(({ region, slices }) => observe('batch', () => analyseBatchSlices(slices, contextFor(region))));
  const cost = observe('cost', () => analyseCosts(snapshot.costs, snapshot.costForecast, now));
  const findings = batches.flatMap((b) => b.findings);
  const forecasts = [...cost.forecasts, ...batches.flatMap((b) => b.capacityForecasts)];
  const anomalies = rankAnomalies([...batches.flatMap((b) => b.anomalies), ...cost.anomalies]);
  const hourly = batches.flatMap((b) => b.hourlyComputeSpend);
  const run = observe('run', () =>
    analyseRun({ resources: snapshot.resources, findings, hourlyComputeSpend: hourly, costs: snapshot.costs, anomalies, forecasts, commitments: snapshot.commitments }, contextFor(runRegion(snapshot.resources))),
  );
  return { findings: [...findings, ...run.accountFindings], actions: run.actions, forecasts, anomalies };
}

/** Slices grouped by account and region, in order of first appearance. */
function groupByAccountAndRegion(slices: ResourceSlice[]): { region: string; slices: ResourceSlice[] }[] {
  const groups = new Map<string, { region: string; slices: ResourceSlice[] }>();
  for (const slice of slices) {
    const key = `${slice.resource.account}#${slice.resource.region}`;
    const group = groups.get(key);
    if (group) group.slices.push(slice);
    else groups.set(key, { region: slice.resource.region, slices: [slice] });
  }
  return [...groups.values()];
}
