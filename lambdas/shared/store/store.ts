import type { NamedForecast } from '../../engine/insights/cost-forecasts.js';
import type { ReportedAnomaly } from '../../engine/insights/reported-anomalies.js';
import type { HourlySpend } from '../../engine/insights/hourly-compute-spend.js';
import type { RealisedSavings } from '../../engine/realised/realised-savings.js';
import type { Action, Finding } from '../../engine/types/action.js';
import type {
  CollectionIssue,
  CommitmentCoverage,
  CostForecast,
  DailyCost,
  ExternalRecommendation,
  MetricSeries,
  Prices,
  Resource,
  ResourceType,
} from '../../engine/types/snapshot.js';
import type { z } from 'zod';

/** Calls, attempts and throttled attempts of one AWS operation, e.g. `ce:GetCostAndUsage`. */
export interface ApiCallCount {
  calls: number;
  attempts: number;
  throttled: number;
}

/** A run's own AWS API usage, keyed `<IAM service prefix>:<Operation>` (the IAM action each call needs). */
export type ApiCallCounts = Record<string, ApiCallCount>;

/** Where a run stands; written by the persist step. */
export interface RunSummary {
  runId: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  batches: number;
  failedBatches: { batchId: string; error: string }[];
  actionCount: number;
  totalMonthlySavingsUsd: number;
}

/** A slice of the inventory handed to one Map iteration. Stored, so only its key rides in the state machine. */
export interface Batch {
  runId: string;
  batchId: string;
  account: string;
  region: string;
  resourceArns: string[];
}

/** One inventory listing: a resource type in one account and region. */
export interface InventoryScope {
  account: string;
  region: string;
  type: ResourceType;
}

/** A named forecast: daily cost (the forecast step) or capacity exhaustion (analyse-batch). */
export type StoredForecast = NamedForecast;

/** A detector alert on a metric (analyse-batch) or on daily cost (the forecast step), stored with the run. */
export type StoredAnomaly = ReportedAnomaly;

/** The forecast step's scope for putForecasts (its cost forecasts); batches use their batch id. */
export const COST_SCOPE = 'cost';

export type ActionDecision = 'approved' | 'snoozed' | 'dismissed';

/** Where the apply workflow of an approval stands (written by the workflow, bound to the decision's version). */
export type ApplyStatus = 'started' | 'applied' | 'skipped' | 'failed' | 'rolled-back' | 'rollback-failed';

/**
 * The decision on an action. Decisions never expire (no TTL): a dismissal or an applied approval holds for good;
 * a snooze stops holding at `snoozedUntil`, and an approval whose apply changed nothing is `reopened`. Either way
 * the record stays, so `version` only ever grows: it names one decision, and the apply execution carries it
 * (with the action id, nothing else) so every step can check it still acts on that decision.
 */
export interface ActionState {
  actionId: string;
  decision: ActionDecision;
  decidedBy: string;
  decidedAt: string;
  /** 1 for the first decision on the action, +1 for each later one (store-assigned). */
  version: number;
  snoozedUntil?: string;
  executionArn?: string;
  /** The run whose action was decided (approvals: the run the apply workflow reads the action from). */
  runId?: string;
  /** Where an approval was clicked; the apply workflow posts its outcome in that message's thread. */
  slack?: { channelId: string; messageTs: string };
  /** Step Functions execution name of an approval, fixed when the decision is written so retries start the same one. */
  executionName?: string;
  /** Why a dismissal was made (a DISMISS_REASONS key chosen in Slack); dismissals only. */
  reason?: string;
  /** Approvals: the apply workflow's progress, written by it. */
  apply?: { status: ApplyStatus; at: string; /** Set by the Precheck that claimed this approval; only its execution may settle it. */ claim?: string };
  /** The decision no longer holds (an approval spent without effect): a new one may be recorded. */
  reopened?: boolean;
}

/** A decision as the interactions endpoint records it; the store assigns its version. */
export type NewDecision = Omit<ActionState, 'version' | 'apply' | 'reopened'>;

/** An approval as the approvals index lists it (recordDecision writes one per approved action). */
export interface ApprovalRef {
  actionId: string;
  decidedAt: string;
  runId?: string;
}

/**
 * What the realised-savings step found for an applied action, stored beside its estimate (SPEC §8): the measurement,
 * or why it could not be measured. `runId` is the analysis run that measured it (the digest of that run shows it);
 * an unmeasurable one is tried again by later runs until `final`.
 */
export type RealisedSavingsRecord =
  | ({ status: 'measured'; runId: string } & RealisedSavings)
  | {
      status: 'not-measurable';
      runId: string;
      actionId: string;
      ruleId: string;
      resourceArn: string;
      estimatedMonthlyUsd: number;
      appliedAt: string;
      measuredAt: string;
      reason: string;
      /** No later run will try again (the metric lookback no longer covers the week before the change). */
      final: boolean;
    };

export interface AuditRecord {
  actionId: string;
  at: string;
  actor: string;
  event: string;
  detail: Record<string, unknown>;
}

/**
 * Persistence for Headroom. One DynamoDB single-table implementation (dynamo-store.ts, key design
 * documented there) and one in-memory implementation for unit tests. Every list method pages through
 * all results itself.
 */
export interface HeadroomStore {
  putResources(resources: Resource[]): Promise<void>;
  /**
   * Makes `resources` the complete inventory of one (account, region, type): writes them, then deletes the
   * stored resources of that scope not among them, with everything under their ARN (series,
   * recommendations). Only for a listing that completed; returns the ARNs removed.
   */
  replaceResources(scope: InventoryScope, resources: Resource[]): Promise<string[]>;
  listResources(scope?: { account?: string; region?: string }): Promise<Resource[]>;
  getResources(arns: string[]): Promise<Resource[]>;

  putSeries(series: MetricSeries[]): Promise<void>;
  getSeries(resourceArn: string): Promise<MetricSeries[]>;

  putCosts(costs: DailyCost[]): Promise<void>;
  listCosts(): Promise<DailyCost[]>;
  putCostForecast(forecast: CostForecast): Promise<void>;
  getCostForecast(): Promise<CostForecast | undefined>;
  /** Each account's existing Savings Plans and Reserved Instance coverage, replacing that account's earlier one. */
  putCommitments(coverage: CommitmentCoverage[]): Promise<void>;
  listCommitments(): Promise<CommitmentCoverage[]>;

  /** One recommendation per source per resource: a new one replaces the resource's previous one from that source. */
  putRecommendations(recommendations: ExternalRecommendation[]): Promise<void>;
  /** Deletes `source`'s recommendation of each given resource (those the source no longer recommends on); returns the ARNs that had one. */
  deleteRecommendations(source: ExternalRecommendation['source'], resourceArns: string[]): Promise<string[]>;
  getRecommendations(resourceArn: string): Promise<ExternalRecommendation[]>;
  /** getSeries + getRecommendations in one read (the resource's data shares a partition): what the analyse step needs. */
  getResourceData(resourceArn: string): Promise<{ series: MetricSeries[]; recommendations: ExternalRecommendation[] }>;

  putIssues(issues: CollectionIssue[]): Promise<void>;
  listIssues(): Promise<CollectionIssue[]>;

  /** List prices of one region (Price List API), replacing that region's earlier ones. */
  putPrices(prices: Prices): Promise<void>;
  getPrices(region: string): Promise<Prices | undefined>;

  /**
   * A cache for answers of paid or slow APIs (Cost Explorer bills $0.01 a request; the Price List changes
   * rarely): `key` is a hash of the request (cacheKey in cache-key.ts), `namespace` keeps callers apart. The
   * entry expires `ttlSec` after it is written; reads parse it with `schema` and treat an expired one as absent.
   */
  putCached(namespace: string, key: string, value: unknown, ttlSec: number): Promise<void>;
  getCached<S extends z.ZodType>(namespace: string, key: string, schema: S): Promise<z.output<S> | undefined>;

  /** The AWS API calls a run (collection + analysis) made, by service and operation: the optimizer's own cost. */
  putRunApiCalls(runId: string, calls: ApiCallCounts): Promise<void>;
  getRunApiCalls(runId: string): Promise<ApiCallCounts | undefined>;

  putRun(summary: RunSummary): Promise<void>;
  getRun(runId: string): Promise<RunSummary | undefined>;
  latestRun(): Promise<RunSummary | undefined>;
  putBatches(batches: Batch[]): Promise<void>;
  /** Deletes the run's batches, findings, actions, forecasts and anomalies (re-planning a runId starts it afresh). */
  clearRunResults(runId: string): Promise<void>;
  getBatch(runId: string, batchId: string): Promise<Batch | undefined>;
  /** Replaces the findings of one batch of the run (a retried or re-run batch leaves none of its earlier ones). */
  putFindings(runId: string, batchId: string, findings: Finding[]): Promise<void>;
  listFindings(runId: string): Promise<Finding[]>;
  /** Replaces the run's ranked actions; order is kept. */
  putActions(runId: string, actions: Action[]): Promise<void>;
  listActions(runId: string): Promise<Action[]>;
  getAction(runId: string, actionId: string): Promise<Action | undefined>;
  /**
   * Replaces the run's forecasts of one scope (a step's share of them: COST_SCOPE, the default, for the forecast
   * step's cost forecasts; a batch id for that batch's capacity forecasts), leaving other scopes' forecasts alone.
   * Scopes must not contain '#'.
   */
  putForecasts(runId: string, forecasts: StoredForecast[], scope?: string): Promise<void>;
  /** Every scope's forecasts, ordered by scope then name. */
  listForecasts(runId: string): Promise<StoredForecast[]>;
  /**
   * Replaces the run's anomalies of one scope (a batch id for its metric anomalies, COST_SCOPE for cost anomalies),
   * as putFindings replaces per batch. Scopes must not contain '#'.
   */
  putAnomalies(runId: string, scope: string, anomalies: StoredAnomaly[]): Promise<void>;
  /** Every scope's anomalies, ordered by scope, then by score within a scope (as stored). */
  listAnomalies(runId: string): Promise<StoredAnomaly[]>;
  /** Replaces a batch's hourly on-demand compute spend (compute-spend-codec.ts: one packed item per account). */
  putComputeSpend(runId: string, batchId: string, rows: readonly HourlySpend[]): Promise<void>;
  /** The run's hourly compute spend over all batches, summed by account and hour, sorted by account then hour. */
  listComputeSpend(runId: string): Promise<HourlySpend[]>;

  /**
   * Records a decision only if none holds for that action (conditional write on the previous version): returns the
   * stored decision with its version, or undefined when one already holds (a double click, a Slack retry).
   */
  recordDecision(state: NewDecision): Promise<ActionState | undefined>;
  /** The decision that holds on an action now: undefined when there is none, it was reopened or its snooze ended. */
  getDecision(actionId: string): Promise<ActionState | undefined>;
  /**
   * Changes the holding decision of `version` with `change` (which returns the new state, or undefined to leave it):
   * a conditional write on the version, so a stale caller (a late execution of an earlier approval) changes nothing.
   * Returns whether it wrote.
   */
  updateDecision(actionId: string, version: number, change: (decision: ActionState) => ActionState | undefined): Promise<boolean>;
  appendAudit(record: AuditRecord): Promise<void>;
  listAudit(actionId: string): Promise<AuditRecord[]>;
  /** Every approval recorded (indexed by recordDecision), oldest decidedAt first; check getDecision for its state now. */
  listApprovals(): Promise<ApprovalRef[]>;

  /** Stores realised-savings results, one per action: a newer one replaces the action's earlier one. Never expire. */
  putRealisedSavings(records: RealisedSavingsRecord[]): Promise<void>;
  /** The latest realised-savings result of every measured action. */
  listRealisedSavings(): Promise<RealisedSavingsRecord[]>;
}
