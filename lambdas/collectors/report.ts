import type { CollectionIssue } from '../engine/types/snapshot.js';
import { isAwsServiceError } from './aws-errors.js';
import { CollectorApiError } from './collector-api-error.js';

/** What one collector did: API calls by name, throttles the SDK retried, issues, items written by kind. */
export interface CollectionReport {
  source: string;
  calls: Record<string, number>;
  throttles: number;
  issues: CollectionIssue[];
  itemsWritten: Record<string, number>;
  /** Units AWS bills by, beyond plain calls (e.g. `cloudwatch:metrics` = metric results GetMetricData returned). */
  billable: Record<string, number>;
  /** Answers reused from the store's cache instead of asking AWS again, by API (present only when there were some). */
  cacheHits?: Record<string, number>;
}

/** Accumulates a CollectionReport while a collector runs. */
export class ReportBuilder {
  private readonly calls: Record<string, number> = {};
  private readonly written: Record<string, number> = {};
  private readonly billed: Record<string, number> = {};
  private readonly hits: Record<string, number> = {};
  private readonly issueList: CollectionIssue[] = [];
  private throttleCount = 0;

  constructor(readonly source: string) {}

  countCall(api: string): void {
    this.calls[api] = (this.calls[api] ?? 0) + 1;
  }

  countWritten(kind: string, count: number): void {
    this.written[kind] = (this.written[kind] ?? 0) + count;
  }

  countBillable(unit: string, count: number): void {
    this.billed[unit] = (this.billed[unit] ?? 0) + count;
  }

  countCacheHit(api: string): void {
    this.hits[api] = (this.hits[api] ?? 0) + 1;
  }

  addThrottles(count: number): void {
    this.throttleCount += count;
  }

  addIssue(issue: Omit<CollectionIssue, 'source'>): void {
    this.issueList.push({ source: this.source, ...issue });
  }

  get issues(): readonly CollectionIssue[] {
    return this.issueList;
  }

  build(): CollectionReport {
    return {
      source: this.source,
      calls: { ...this.calls },
      throttles: this.throttleCount,
      issues: [...this.issueList],
      itemsWritten: { ...this.written },
      billable: { ...this.billed },
      ...(Object.keys(this.hits).length > 0 ? { cacheHits: { ...this.hits } } : {}),
    };
  }
}

/** Adds several collectors' reports into one total (calls, writes and throttles summed; issues kept). */
export function sumReports(source: string, reports: CollectionReport[]): CollectionReport {
  const calls: Record<string, number> = {};
  const itemsWritten: Record<string, number> = {};
  const billable: Record<string, number> = {};
  const cacheHits: Record<string, number> = {};
  for (const report of reports) {
    for (const [api, n] of Object.entries(report.cacheHits ?? {})) cacheHits[api] = (cacheHits[api] ?? 0) + n;
    for (const [unit, n] of Object.entries(report.billable)) billable[unit] = (billable[unit] ?? 0) + n;
    for (const [api, n] of Object.entries(report.calls)) calls[api] = (calls[api] ?? 0) + n;
    for (const [kind, n] of Object.entries(report.itemsWritten)) itemsWritten[kind] = (itemsWritten[kind] ?? 0) + n;
  }
  return {
    source,
    calls,
    throttles: reports.reduce((sum, r) => sum + r.throttles, 0),
    issues: reports.flatMap((r) => r.issues),
    itemsWritten,
    billable,
    ...(Object.keys(cacheHits).length > 0 ? { cacheHits } : {}),
  };
}

/**
 * Wraps a port so every method call is counted in the report under `<service>:<Method>` (e.g.
 * `cloudwatch:GetMetricData`), which is what the cost-of-running estimate is computed from. A call
 * rejected with an AWS service error is rethrown as a CollectorApiError (the only errors collectUnit
 * turns into issues); any other rejection propagates unchanged.
 */
export function countingPort<T extends object>(
  port: T,
  service: string | ((method: string) => string),
  report: ReportBuilder,
): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const owner = typeof service === 'string' ? service : service(property);
      const api = `${owner}:${apiName(property)}`;
      return async (...args: unknown[]) => {
        report.countCall(api);
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw isAwsServiceError(error) ? new CollectorApiError(api, error) : error;
        }
      };
    },
  });
}

/** Port methods named apart from their API because two services' APIs share a name. */
const API_OF_METHOD: Readonly<Record<string, string>> = { listLambdaTags: 'listTags', listCacheTags: 'listTagsForResource' };

/** Port method name -> AWS API name: getMetricData -> GetMetricData, listLambdaTags -> ListTags. */
function apiName(method: string): string {
  const renamed = API_OF_METHOD[method] ?? method;
  return renamed.charAt(0).toUpperCase() + renamed.slice(1);
}
