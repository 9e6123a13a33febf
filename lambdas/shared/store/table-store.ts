import { randomBytes } from 'node:crypto';
import { ActionSchema, FindingSchema, type Action, type Finding } from '../../engine/types/action.js';
import {
  CollectionIssueSchema,
  CommitmentCoverageSchema,
  CostForecastSchema,
  DailyCostSchema,
  ExternalRecommendationSchema,
  PricesSchema,
  ResourceSchema,
  type CollectionIssue,
  type CommitmentCoverage,
  type CostForecast,
  type DailyCost,
  type ExternalRecommendation,
  type MetricSeries,
  type Prices,
  type Resource,
} from '../../engine/types/snapshot.js';
import { z } from 'zod';
import { StoreInputError } from './errors.js';
import { documentItem, readDocument } from './item-codec.js';
import { keys } from './keys.js';
import { computeSpendKeys, packComputeSpend, PackedComputeSpendSchema, unpackComputeSpend } from './compute-spend-codec.js';
import type { HourlySpend } from '../../engine/insights/hourly-compute-spend.js';
import {
  ActionStateSchema,
  ApiCallCountsSchema,
  ApprovalRefSchema,
  RealisedSavingsRecordSchema,
  AuditRecordSchema,
  BatchSchema,
  RunSummarySchema,
  StoredAnomalySchema,
  StoredForecastSchema,
} from './schemas.js';
import { readSeriesItems, seriesItems } from './series-items.js';
import type {
  ActionState,
  ApiCallCounts,
  ApprovalRef,
  AuditRecord,
  Batch,
  HeadroomStore,
  InventoryScope,
  NewDecision,
  RealisedSavingsRecord,
  RunSummary,
  StoredAnomaly,
  StoredForecast,
} from './store.js';
import { COST_SCOPE } from './store.js';
import type { Table, TableItem } from './table.js';

export interface StoreOptions {
  /** Days before run data, series, inventory and costs expire (TTL attribute `expiresAt`). Default 90. */
  retentionDays?: number;
  /** Days a collection issue is reported after it was last seen. Default 7. */
  issueRetentionDays?: number;
  /** Clock, epoch ms (tests fix it). */
  now?: () => number;
}

const DAY_SEC = 86_400;
const RankSchema = z.object({ rank: z.number().int().nonnegative() });
const RunRefSchema = z.object({ runId: z.string() });

let auditSeq = 0;

/** A scope is one sort-key segment: with a '#' its prefix would also match another scope's items. */
function checkScope(method: string, scope: string): void {
  if (scope === '' || scope.includes('#')) throw new StoreInputError(`${method} was given the scope "${scope}", which must be non-empty and contain no '#'`);
}

/**
 * HeadroomStore over any `Table`: the key design (documented in dynamo-store.ts) lives here once, so the
 * DynamoDB store and the in-memory store behave the same. Expired items (DynamoDB deletes TTL'd items
 * lazily, dynalite never) are treated as absent on every read.
 */
export class TableStore implements HeadroomStore {
  private readonly retentionSec: number;
  private readonly issueRetentionSec: number;
  private readonly now: () => number;

  constructor(
    protected readonly table: Table,
    options: StoreOptions = {},
  ) {
    this.retentionSec = (options.retentionDays ?? 90) * DAY_SEC;
    this.issueRetentionSec = (options.issueRetentionDays ?? 7) * DAY_SEC;
    this.now = options.now ?? Date.now;
  }

  // ---- inventory -------------------------------------------------------------------------------------------

  async putResources(resources: Resource[]): Promise<void> {
    const expiresAt = this.expiry();
    const items = resources.flatMap((r) => [
      documentItem(keys.inventory(r.account, r.region), keys.inventoryResource(r.arn), 'resource', r, expiresAt),
      documentItem(keys.byArn(r.arn), keys.resource, 'resource', r, expiresAt),
    ]);
    const scopes = new Set(resources.map((r) => keys.inventoryScope(r.account, r.region)));
    items.push(...[...scopes].map((sk) => documentItem(keys.scopes, sk, 'scope', {}, expiresAt)));
    await this.table.putItems(items);
  }

  /**
   * Writes the listing, then deletes what the INV# partition holds of the same type but the listing lacks:
   * the INV# copy and the whole ARN# partition (resource, series chunks, recommendations), so rules, the
   * CloudWatch collector and plan stop seeing a resource once AWS stops listing it.
   */
  async replaceResources(scope: InventoryScope, resources: Resource[]): Promise<string[]> {
    const strays = resources.filter((r) => r.account !== scope.account || r.region !== scope.region || r.type !== scope.type);
    if (strays.length > 0) {
      throw new StoreInputError(`replaceResources for ${scope.type} in ${scope.account}/${scope.region} was given ${strays[0].arn}, which is outside that scope`);
    }
    if (resources.length > 0) await this.putResources(resources);
    const listed = new Set(resources.map((r) => r.arn));
    const inventoryPk = keys.inventory(scope.account, scope.region);
    const stored = (await this.table.query(inventoryPk, { prefix: 'RES#' })).map((item) => readDocument(item, ResourceSchema));
    const gone = stored.filter((r) => r.type === scope.type && !listed.has(r.arn)).map((r) => r.arn);
    for (const arn of gone) {
      const owned = await this.table.query(keys.byArn(arn), { keysOnly: true });
      await this.table.deleteItems([...owned, { pk: inventoryPk, sk: keys.inventoryResource(arn) }]);
    }
    return gone;
  }

  async listResources(scope: { account?: string; region?: string } = {}): Promise<Resource[]> {
    let partitions: string[];
    if (scope.account !== undefined && scope.region !== undefined) {
      partitions = [keys.inventory(scope.account, scope.region)];
    } else {
      const prefix = scope.account === undefined ? 'INV#' : `INV#${scope.account}#`;
      const registered = this.live(await this.table.query(keys.scopes, { prefix }));
      partitions = registered
        .map((item) => item.sk)
        .filter((sk) => scope.region === undefined || sk.endsWith(`#${scope.region}`));
    }
    const resources: Resource[] = [];
    for (const pk of partitions) {
      const items = this.live(await this.table.query(pk, { prefix: 'RES#' }));
      resources.push(...items.map((item) => readDocument(item, ResourceSchema)));
    }
    return resources;
  }

  async getResources(arns: string[]): Promise<Resource[]> {
    const items = this.live(await this.table.getItems(arns.map((arn) => ({ pk: keys.byArn(arn), sk: keys.resource }))));
    const byArn = new Map(items.map((item) => [item.pk, readDocument(item, ResourceSchema)]));
    return arns.flatMap((arn) => byArn.get(keys.byArn(arn)) ?? []);
  }

  // ---- series ----------------------------------------------------------------------------------------------

  /** Replaces each given series (same resource, namespace, metric, stat and period) as a whole. */
  async putSeries(series: MetricSeries[]): Promise<void> {
    const expiresAt = this.expiry();
    await this.table.putItems(series.flatMap((s) => seriesItems(s, expiresAt)));
  }

  async getSeries(resourceArn: string): Promise<MetricSeries[]> {
    return readSeriesItems(this.live(await this.table.query(keys.byArn(resourceArn), { prefix: keys.seriesPrefix })));
  }

  /** One Query of the resource's partition (resource, series and recommendation items) instead of two. */
  async getResourceData(resourceArn: string): Promise<{ series: MetricSeries[]; recommendations: ExternalRecommendation[] }> {
    const items = this.live(await this.table.query(keys.byArn(resourceArn)));
    return {
      series: readSeriesItems(items.filter((item) => item.sk.startsWith(keys.seriesPrefix))),
      recommendations: items
        .filter((item) => item.sk.startsWith(keys.recommendationPrefix))
        .map((item) => readDocument(item, ExternalRecommendationSchema)),
    };
  }

  // ---- costs -----------------------------------------------------------------------------------------------

  async putCosts(costs: DailyCost[]): Promise<void> {
    const expiresAt = this.expiry();
    const items = costs.map((c) => documentItem(keys.costs(c.account), keys.cost(c.date, c.service), 'cost', c, expiresAt));
    const accounts = new Set(costs.map((c) => keys.costScope(c.account)));
    items.push(...[...accounts].map((sk) => documentItem(keys.scopes, sk, 'scope', {}, expiresAt)));
    await this.table.putItems(items);
  }

  async listCosts(): Promise<DailyCost[]> {
    const accounts = this.live(await this.table.query(keys.scopes, { prefix: 'COST#' }));
    const costs: DailyCost[] = [];
    for (const scope of accounts) {
      const account = scope.sk.slice('COST#'.length);
      const items = this.live(await this.table.query(keys.costs(account)));
      costs.push(...items.map((item) => readDocument(item, DailyCostSchema)));
    }
    return costs;
  }

  async putCostForecast(forecast: CostForecast): Promise<void> {
    await this.table.putItems([documentItem(keys.costForecast, keys.latest, 'cost-forecast', forecast, this.expiry())]);
  }

  async getCostForecast(): Promise<CostForecast | undefined> {
    return this.getDocument(keys.costForecast, keys.latest, CostForecastSchema);
  }

  async putCommitments(coverage: CommitmentCoverage[]): Promise<void> {
    const expiresAt = this.expiry();
    await this.table.putItems(coverage.map((c) => documentItem(keys.commitments, c.account, 'commitment-coverage', c, expiresAt)));
  }

  async listCommitments(): Promise<CommitmentCoverage[]> {
    const items = this.live(await this.table.query(keys.commitments));
    return items.map((item) => readDocument(item, CommitmentCoverageSchema));
  }

  // ---- external recommendations and collection issues ------------------------------------------------------

  async putRecommendations(recommendations: ExternalRecommendation[]): Promise<void> {
    const expiresAt = this.expiry();
    await this.table.putItems(
      recommendations.map((r) =>
        documentItem(keys.byArn(r.resourceArn), keys.recommendation(r.source), 'recommendation', r, expiresAt),
      ),
    );
  }

  /** Reads which of the keys exist first (cheap batch get), so only real removals are written and reported. */
  async deleteRecommendations(source: ExternalRecommendation['source'], resourceArns: string[]): Promise<string[]> {
    const wanted = [...new Set(resourceArns)].map((arn) => ({ pk: keys.byArn(arn), sk: keys.recommendation(source) }));
    const existing = await this.table.getItems(wanted);
    await this.table.deleteItems(existing.map((item) => ({ pk: item.pk, sk: item.sk })));
    const removed = new Set(existing.map((item) => item.pk));
    return resourceArns.filter((arn) => removed.has(keys.byArn(arn)));
  }

  async getRecommendations(resourceArn: string): Promise<ExternalRecommendation[]> {
    const items = this.live(await this.table.query(keys.byArn(resourceArn), { prefix: keys.recommendationPrefix }));
    return items.map((item) => readDocument(item, ExternalRecommendationSchema));
  }

  async putIssues(issues: CollectionIssue[]): Promise<void> {
    const expiresAt = Math.floor(this.now() / 1000) + this.issueRetentionSec;
    await this.table.putItems(issues.map((i) => documentItem(keys.issues, keys.issue(i), 'issue', i, expiresAt)));
  }

  async listIssues(): Promise<CollectionIssue[]> {
    const items = this.live(await this.table.query(keys.issues));
    return items.map((item) => readDocument(item, CollectionIssueSchema));
  }

  // ---- prices, cache and the runs' own API usage ------------------------------------------------------------

  async putPrices(prices: Prices): Promise<void> {
    await this.table.putItems([documentItem(keys.prices, prices.region, 'prices', prices, this.expiry())]);
  }

  getPrices(region: string): Promise<Prices | undefined> {
    return this.getDocument(keys.prices, region, PricesSchema);
  }

  /** One item per entry, expiring `ttlSec` from now: DynamoDB's TTL deletes it, reads ignore it sooner. */
  async putCached(namespace: string, key: string, value: unknown, ttlSec: number): Promise<void> {
    checkScope('putCached', namespace);
    if (!(ttlSec > 0)) throw new StoreInputError(`putCached was given a TTL of ${ttlSec} s; it must be positive`);
    await this.table.putItems([documentItem(keys.cache(namespace), key, 'cache', value, this.nowSec() + Math.ceil(ttlSec))]);
  }

  getCached<S extends z.ZodType>(namespace: string, key: string, schema: S): Promise<z.output<S> | undefined> {
    checkScope('getCached', namespace);
    return this.getDocument(keys.cache(namespace), key, schema);
  }

  async putRunApiCalls(runId: string, calls: ApiCallCounts): Promise<void> {
    await this.table.putItems([documentItem(keys.run(runId), keys.apiCalls, 'api-calls', calls, this.expiry())]);
  }

  getRunApiCalls(runId: string): Promise<ApiCallCounts | undefined> {
    return this.getDocument(keys.run(runId), keys.apiCalls, ApiCallCountsSchema);
  }

  // ---- runs ------------------------------------------------------------------------------------------------

  async putRun(summary: RunSummary): Promise<void> {
    const expiresAt = this.expiry();
    await this.table.putItems([
      documentItem(keys.run(summary.runId), keys.meta, 'run', summary, expiresAt),
      documentItem(keys.runIndex, keys.runIndexEntry(summary.startedAt, summary.runId), 'run-ref', { runId: summary.runId }, expiresAt),
    ]);
  }

  getRun(runId: string): Promise<RunSummary | undefined> {
    return this.getDocument(keys.run(runId), keys.meta, RunSummarySchema);
  }

  /** The run with the latest startedAt (whatever its status). */
  async latestRun(): Promise<RunSummary | undefined> {
    // A few entries, not one: the newest may have expired but not yet been deleted.
    const refs = this.live(await this.table.query(keys.runIndex, { reverse: true, limit: 10 }));
    const newest = refs[0];
    return newest && this.getRun(readDocument(newest, RunRefSchema).runId);
  }

  async putBatches(batches: Batch[]): Promise<void> {
    const expiresAt = this.expiry();
    await this.table.putItems(batches.map((b) => documentItem(keys.run(b.runId), keys.batch(b.batchId), 'batch', b, expiresAt)));
  }

  getBatch(runId: string, batchId: string): Promise<Batch | undefined> {
    return this.getDocument(keys.run(runId), keys.batch(batchId), BatchSchema);
  }

  /** Writes the batch's findings, then deletes its earlier ones the new list lacks (as putActions does). */
  async putFindings(runId: string, batchId: string, findings: Finding[]): Promise<void> {
    const pk = keys.run(runId);
    const expiresAt = this.expiry();
    const existing = await this.table.query(pk, { prefix: keys.batchFindingPrefix(batchId), keysOnly: true });
    const items = findings.map((f) => documentItem(pk, keys.finding(batchId, f.id), 'finding', f, expiresAt));
    await this.table.putItems(items);
    const written = new Set(items.map((item) => item.sk));
    await this.table.deleteItems(existing.filter((key) => !written.has(key.sk)));
  }

  /** Everything a run's steps produced, keeping its META summary (rewritten by plan) and index entry. */
  async clearRunResults(runId: string): Promise<void> {
    const pk = keys.run(runId);
    const prefixes = [keys.batchPrefix, keys.findingPrefix, keys.actionPrefix, keys.actionIdPrefix, keys.forecastPrefix, keys.anomalyPrefix, computeSpendKeys.prefix];
    for (const prefix of prefixes) {
      await this.table.deleteItems(await this.table.query(pk, { prefix, keysOnly: true }));
    }
  }

  async listFindings(runId: string): Promise<Finding[]> {
    const items = this.live(await this.table.query(keys.run(runId), { prefix: keys.findingPrefix }));
    return items.map((item) => readDocument(item, FindingSchema));
  }

  /**
   * Ranked items ACTION#<rank> keep the order; ACTIONID#<id> → rank pointers serve getAction. Ranks beyond the
   * new list and pointers of dropped ids are deleted after the new items are written (no transactions on
   * dynalite, so a reader racing a replace can briefly see the old tail — runs replace actions once).
   */
  async putActions(runId: string, actions: Action[]): Promise<void> {
    const pk = keys.run(runId);
    const expiresAt = this.expiry();
    const existing = [
      ...(await this.table.query(pk, { prefix: keys.actionPrefix, keysOnly: true })),
      ...(await this.table.query(pk, { prefix: keys.actionIdPrefix, keysOnly: true })),
    ];
    const items = actions.flatMap((action, rank) => [
      documentItem(pk, keys.actionRank(rank), 'action', action, expiresAt),
      documentItem(pk, keys.actionId(action.id), 'action-ref', { rank }, expiresAt),
    ]);
    await this.table.putItems(items);
    const written = new Set(items.map((item) => item.sk));
    await this.table.deleteItems(existing.filter((key) => !written.has(key.sk)));
  }

  async listActions(runId: string): Promise<Action[]> {
    const items = this.live(await this.table.query(keys.run(runId), { prefix: keys.actionPrefix }));
    return items.map((item) => readDocument(item, ActionSchema));
  }

  async getAction(runId: string, actionId: string): Promise<Action | undefined> {
    const ref = await this.getDocument(keys.run(runId), keys.actionId(actionId), RankSchema);
    if (!ref) return undefined;
    const action = await this.getDocument(keys.run(runId), keys.actionRank(ref.rank), ActionSchema);
    if (action?.id === actionId) return action;
    // The pointer raced a replace of the list: fall back to the full list.
    return (await this.listActions(runId)).find((a) => a.id === actionId);
  }

  /** Writes the scope's forecasts, then deletes its earlier ones the new list lacks (a forecast now skipped for want of data). */
  async putForecasts(runId: string, forecasts: StoredForecast[], scope: string = COST_SCOPE): Promise<void> {
    checkScope('putForecasts', scope);
    const pk = keys.run(runId);
    await this.replaceScope(pk, keys.scopeForecastPrefix(scope), forecasts.map((f) => documentItem(pk, keys.forecast(scope, f.name), 'forecast', f, this.expiry())));
  }

  async listForecasts(runId: string): Promise<StoredForecast[]> {
    const items = this.live(await this.table.query(keys.run(runId), { prefix: keys.forecastPrefix }));
    return items.map((item) => readDocument(item, StoredForecastSchema));
  }

  /** Writes the scope's anomalies ranked in the given order, then deletes ranks beyond the new list. */
  async putAnomalies(runId: string, scope: string, anomalies: StoredAnomaly[]): Promise<void> {
    checkScope('putAnomalies', scope);
    const pk = keys.run(runId);
    const expiresAt = this.expiry();
    await this.replaceScope(pk, keys.scopeAnomalyPrefix(scope), anomalies.map((a, rank) => documentItem(pk, keys.anomaly(scope, rank), 'anomaly', a, expiresAt)));
  }

  async listAnomalies(runId: string): Promise<StoredAnomaly[]> {
    const items = this.live(await this.table.query(keys.run(runId), { prefix: keys.anomalyPrefix }));
    return items.map((item) => readDocument(item, StoredAnomalySchema));
  }

  /** One packed item per account (compute-spend-codec.ts); accounts the batch no longer has are deleted. */
  async putComputeSpend(runId: string, batchId: string, rows: readonly HourlySpend[]): Promise<void> {
    checkScope('putComputeSpend', batchId);
    const pk = keys.run(runId);
    const expiresAt = this.expiry();
    const items = packComputeSpend(rows).map((p) => documentItem(pk, computeSpendKeys.item(batchId, p.account), 'compute-spend', p, expiresAt));
    await this.replaceScope(pk, computeSpendKeys.batchPrefix(batchId), items);
  }

  async listComputeSpend(runId: string): Promise<HourlySpend[]> {
    const items = this.live(await this.table.query(keys.run(runId), { prefix: computeSpendKeys.prefix }));
    return unpackComputeSpend(items.map((item) => readDocument(item, PackedComputeSpendSchema)));
  }

  // ---- decisions and audit ---------------------------------------------------------------------------------

  /**
   * The idempotency guard for decisions: reads the record, and writes the new decision (version + 1) only if none
   * holds, conditionally on the version read, so of two racing clicks one wins. No TTL: decisions never expire.
   */
  async recordDecision(state: NewDecision): Promise<ActionState | undefined> {
    const previous = await this.decisionRecord(state.actionId);
    if (previous && holds(previous.decision, this.now())) return undefined;
    const decision: ActionState = { ...state, version: (previous?.decision.version ?? 0) + 1 };
    // The approvals index is written first (an idempotent put) so a crash between the two writes cannot leave an
    // approval unindexed; an entry whose conditional write then loses is harmless: readers check getDecision.
    if (decision.decision === 'approved') await this.indexApproval(decision);
    return (await this.table.putIfRevision(decisionItem(decision, (previous?.revision ?? 0) + 1), previous?.revision)) ? decision : undefined;
  }

  async getDecision(actionId: string): Promise<ActionState | undefined> {
    const record = await this.decisionRecord(actionId);
    return record && holds(record.decision, this.now()) ? record.decision : undefined;
  }

  /** Conditional on the item's `revision` (bumped by every write), so of two racing changes only one lands. */
  async updateDecision(actionId: string, version: number, change: (decision: ActionState) => ActionState | undefined): Promise<boolean> {
    const record = await this.decisionRecord(actionId);
    if (!record || !holds(record.decision, this.now()) || record.decision.version !== version) return false;
    const next = change(record.decision);
    if (!next) return false;
    if (next.actionId !== actionId || next.version !== version) throw new StoreInputError(`updateDecision may not change the action id or version of decision ${actionId} v${version}`);
    return this.table.putIfRevision(decisionItem(next, record.revision + 1), record.revision);
  }

  private async decisionRecord(actionId: string): Promise<{ decision: ActionState; revision: number } | undefined> {
    const item = await this.table.getItem({ pk: keys.action(actionId), sk: keys.decision });
    if (!item) return undefined;
    return { decision: readDocument(item, ActionStateSchema), revision: typeof item.revision === 'number' ? item.revision : 0 };
  }

  /**
   * Audit records never expire and have their own partition (AUDIT#<actionId>), which only the auditing functions may
   * write (lib/table-access.ts). The sort key orders them by time; seq and 3 random bytes keep same-millisecond
   * records apart and make keys unguessable, so an append can never land on an existing record.
   */
  async appendAudit(record: AuditRecord): Promise<void> {
    auditSeq = (auditSeq + 1) % 1_000_000;
    const seq = `${String(auditSeq).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
    const item = documentItem(keys.auditPartition(record.actionId), keys.audit(record.at, seq), 'audit', record);
    if (!(await this.table.putIfAbsent(item, this.nowSec()))) {
      throw new Error(`audit record ${item.pk} / ${item.sk} already exists; audit entries are never overwritten`);
    }
  }

  async listAudit(actionId: string): Promise<AuditRecord[]> {
    const items = await this.table.query(keys.auditPartition(actionId));
    return items.map((item) => readDocument(item, AuditRecordSchema));
  }

  // ---- approvals index and realised savings ----------------------------------------------------------------

  /** One APPROVALS item per action (sk = actionId, a re-approval overwrites it), expiring with the run data. */
  private async indexApproval(state: ActionState): Promise<void> {
    const ref: ApprovalRef = { actionId: state.actionId, decidedAt: state.decidedAt, ...(state.runId ? { runId: state.runId } : {}) };
    await this.table.putItems([documentItem(keys.approvals, state.actionId, 'approval', ref, this.expiry())]);
  }

  async listApprovals(): Promise<ApprovalRef[]> {
    const refs = this.live(await this.table.query(keys.approvals)).map((item) => readDocument(item, ApprovalRefSchema));
    return refs.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.actionId.localeCompare(b.actionId));
  }

  /** REALISED / <actionId>: the latest result per action; no TTL, as the realised total is the product's track record. */
  async putRealisedSavings(records: RealisedSavingsRecord[]): Promise<void> {
    await this.table.putItems(records.map((r) => documentItem(keys.realisedSavings, r.actionId, 'realised-savings', r)));
  }

  async listRealisedSavings(): Promise<RealisedSavingsRecord[]> {
    const items = await this.table.query(keys.realisedSavings);
    return items.map((item) => readDocument(item, RealisedSavingsRecordSchema));
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Makes `items` the whole of one sort-key prefix of a partition: writes them, then deletes what else it held. */
  private async replaceScope(pk: string, prefix: string, items: TableItem[]): Promise<void> {
    const existing = await this.table.query(pk, { prefix, keysOnly: true });
    await this.table.putItems(items);
    const written = new Set(items.map((item) => item.sk));
    await this.table.deleteItems(existing.filter((key) => !written.has(key.sk)));
  }

  private async getDocument<S extends z.ZodType>(pk: string, sk: string, schema: S): Promise<z.output<S> | undefined> {
    const item = await this.table.getItem({ pk, sk });
    return item && this.isLive(item) ? readDocument(item, schema) : undefined;
  }

  private nowSec(): number {
    return Math.floor(this.now() / 1000);
  }

  private expiry(): number {
    return this.nowSec() + this.retentionSec;
  }

  private isLive(item: TableItem): boolean {
    return typeof item.expiresAt !== 'number' || item.expiresAt > this.nowSec();
  }

  private live(items: TableItem[]): TableItem[] {
    return items.filter((item) => this.isLive(item));
  }
}

/** Whether a decision record still holds at `nowMs`: not reopened, and not a snooze whose end has passed. */
function holds(decision: ActionState, nowMs: number): boolean {
  if (decision.reopened) return false;
  return !(decision.decision === 'snoozed' && decision.snoozedUntil !== undefined && Date.parse(decision.snoozedUntil) <= nowMs);
}

/** ACTION#<actionId> / DECISION, with `revision` (bumped by every write) as a top-level attribute for the conditional write; no TTL. */
function decisionItem(decision: ActionState, revision: number): TableItem {
  return { ...documentItem(keys.action(decision.actionId), keys.decision, 'decision', decision), revision };
}
