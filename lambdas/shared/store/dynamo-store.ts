import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RetryOptions } from './dynamo-io.js';
import { DynamoTable } from './dynamo-table.js';
import { TableStore, type StoreOptions } from './table-store.js';

/**
 * HeadroomStore on one DynamoDB table: PK `pk` (S), SK `sk` (S), TTL attribute `expiresAt` (epoch s).
 *
 * Single-table key design (builders in keys.ts, logic in table-store.ts):
 *
 * | entity                        | pk                        | sk                                                   | TTL        |
 * |-------------------------------|---------------------------|------------------------------------------------------|------------|
 * | resource, listed by scope     | INV#<account>#<region>    | RES#<arn>                                            | retention  |
 * | resource, fetched by ARN      | ARN#<arn>                 | RESOURCE                                             | retention  |
 * | metric series chunk           | ARN#<arn>                 | SERIES#<namespace>#<metric>#<stat>#<period>#<chunk4> | retention  |
 * | external recommendation       | ARN#<arn>                 | REC#<source>  (one per source: newest replaces)      | retention  |
 * | scope registry (what exists)  | SCOPES                    | INV#<account>#<region> · COST#<account>              | retention  |
 * | daily cost                    | COST#<account>            | <yyyy-mm-dd>#<service>                               | retention  |
 * | Cost Explorer's forecast      | COSTFORECAST              | LATEST                                               | retention  |
 * | existing SP/RI coverage       | COMMITMENTS               | <account>                                            | retention  |
 * | prices of a region            | PRICES                    | <region>                                             | retention  |
 * | cached API answer             | CACHE#<namespace>         | <sha256 of the request's canonical JSON>             | per entry  |
 * | a run's AWS API call counts   | RUN#<runId>               | APICALLS                                             | retention  |
 * | collection issue              | ISSUES                    | <source>#<account>#<region>#<code>#<message hash8>   | 7 days     |
 * | run summary                   | RUN#<runId>               | META                                                 | retention  |
 * | batch of a run                | RUN#<runId>               | BATCH#<batchId>                                      | retention  |
 * | finding                       | RUN#<runId>               | FINDING#<batchId>#<findingId>                        | retention  |
 * | ranked action                 | RUN#<runId>               | ACTION#<rank, 6 digits>                              | retention  |
 * | action id → rank              | RUN#<runId>               | ACTIONID#<actionId>                                  | retention  |
 * | forecast                      | RUN#<runId>               | FORECAST#<scope>#<name>   (scope: 'cost' or batchId) | retention  |
 * | anomaly                       | RUN#<runId>               | ANOMALY#<scope>#<rank by score, 6 digits>            | retention  |
 * | run index (latestRun)         | RUNS                      | <startedAt ISO>#<runId>                              | retention  |
 * | decision on an action         | ACTION#<actionId>         | DECISION  (conditional put: attribute_not_exists)    | snooze end |
 * | audit record                  | ACTION#<actionId>         | AUDIT#<at ISO>#<seq>                                 | never      |
 * | approvals index               | APPROVALS                 | <actionId>  (written with an 'approved' decision)    | retention  |
 * | realised savings (latest)     | REALISED                  | <actionId>                                           | never      |
 *
 * Why this shape:
 * - Everything about one resource shares pk ARN#<arn>, so the analyse step reads a resource's series and
 *   recommendations with one Query each; the INV# copy lets plan list an account/region with one Query
 *   (resources are written twice — cheap next to their series).
 * - A run is one partition: batches, findings, actions, forecasts and anomalies are all Query-able by prefix,
 *   and the whole run expires together. Only keys ride in Step Functions payloads.
 * - Inventory is replaced per (account, region, type) after a complete listing: resources AWS no longer
 *   lists are deleted with their whole ARN# partition. A batch's findings and a scope's forecasts and anomalies
 *   are replaced like the action list. Forecasts and anomalies are scoped because two kinds of step write them:
 *   the forecast step (scope 'cost': cost forecasts, cost anomalies) and every batch of the Map (scope batchId:
 *   capacity forecasts, metric anomalies); each replaces only its own. Re-planning a runId clears its batches,
 *   findings, actions, forecasts and anomalies.
 * - SCOPES lists which INV#/COST# partitions exist, so listing never needs a Scan.
 * - Documents are one JSON string attribute `data` (item-codec.ts); series are packed Float64 in Binary
 *   attributes (series-codec.ts): 4,032 points of 5-minute data for 14 days take 32 KB, one item.
 * - Decisions are never deleted: a snooze stops holding at snoozedUntil, a spent approval is marked `reopened`, and a
 *   new decision is a conditional put on the previous `version`, which therefore only grows (it binds an apply
 *   execution to the approval that started it). Audit records have their own partition so IAM can keep every
 *   function but the auditing ones away from them (dynamodb:LeadingKeys, lib/table-access.ts).
 * - No transactions (dynalite lacks TransactWriteItems): decisions use a conditional put; replacing the
 *   action list writes new items then deletes leftovers. Batch writes go in chunks of 25 with bounded,
 *   backed-off retries of UnprocessedItems; every Query follows LastEvaluatedKey.
 * - TTL is configured by the CDK stack; DynamoDB deletes lazily, so reads also ignore expired items.
 * - Every item read back is validated with the engine's or the store's zod schemas; a bad item raises
 *   StoreItemInvalidError naming its pk/sk.
 */
export class DynamoStore extends TableStore {
  constructor(doc: DynamoDBDocumentClient, tableName: string, options: StoreOptions & { retry?: RetryOptions } = {}) {
    super(new DynamoTable(doc, tableName, options.retry), options);
  }
}
