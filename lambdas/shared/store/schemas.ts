import { z } from 'zod';
import type { ActionState, ApiCallCounts, ApprovalRef, AuditRecord, Batch, RealisedSavingsRecord, RunSummary, StoredAnomaly, StoredForecast } from './store.js';

/**
 * zod schemas for the store's own records (the engine's schemas cover resources, series, findings...).
 * Every item read back is parsed with one of these; the `satisfies` checks keep them in step with store.ts.
 */

export const RunSummarySchema = z.object({
  runId: z.string().min(1),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  status: z.enum(['running', 'succeeded', 'partial', 'failed']),
  batches: z.number().int().nonnegative(),
  failedBatches: z.array(z.object({ batchId: z.string(), error: z.string() })),
  actionCount: z.number().int().nonnegative(),
  totalMonthlySavingsUsd: z.number(),
}) satisfies z.ZodType<RunSummary>;

export const BatchSchema = z.object({
  runId: z.string().min(1),
  batchId: z.string().min(1),
  account: z.string(),
  region: z.string(),
  resourceArns: z.array(z.string()),
}) satisfies z.ZodType<Batch>;

export const StoredForecastSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['cost', 'capacity']),
  subject: z.string(),
  step: z.enum(['day', 'hour', '5min']),
  points: z.array(
    z.object({ timestamp: z.string(), forecast: z.number(), lower80: z.number(), upper80: z.number() }),
  ),
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
}) satisfies z.ZodType<StoredForecast>;

export const StoredAnomalySchema = z.object({
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('metric'), resourceArn: z.string().min(1), metric: z.string(), stat: z.string() }),
    z.object({ kind: z.literal('cost'), service: z.string() }),
  ]),
  timestamp: z.iso.datetime(),
  value: z.number(),
  score: z.number().min(0).max(1),
  resourceName: z.string().optional(),
  resourceType: z.string().optional(),
  unit: z.string().optional(),
  excerpt: z
    .object({ timestamps: z.array(z.number()), values: z.array(z.number()) })
    .refine((e) => e.timestamps.length === e.values.length, { message: 'excerpt timestamps and values must have the same length' })
    .optional(),
  cost: z
    .object({
      expectedUsd: z.number(),
      observedUsd: z.number(),
      impactUsd: z.number(),
      impactDays: z.number().int().nonnegative(),
      contributors: z.array(
        z.object({ dimension: z.enum(['service', 'account']), key: z.string(), expectedUsd: z.number(), observedUsd: z.number(), deltaUsd: z.number() }),
      ),
    })
    .optional(),
}) satisfies z.ZodType<StoredAnomaly>;

export const ActionStateSchema = z.object({
  actionId: z.string().min(1),
  decision: z.enum(['approved', 'snoozed', 'dismissed']),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
  snoozedUntil: z.iso.datetime().optional(),
  executionArn: z.string().optional(),
  runId: z.string().min(1).optional(),
  slack: z.object({ channelId: z.string().min(1), messageTs: z.string().min(1) }).optional(),
  executionName: z.string().min(1).max(80).optional(),
  reason: z.string().min(1).optional(),
  version: z.number().int().positive(),
  apply: z.object({ status: z.enum(['started', 'applied', 'skipped', 'failed', 'rolled-back', 'rollback-failed']), at: z.iso.datetime(), claim: z.string().optional() }).optional(),
  reopened: z.boolean().optional(),
}) satisfies z.ZodType<ActionState>;

export const ApprovalRefSchema = z.object({
  actionId: z.string().min(1),
  decidedAt: z.iso.datetime(),
  runId: z.string().min(1).optional(),
}) satisfies z.ZodType<ApprovalRef>;

const RealisedSubjectSchema = z.object({
  runId: z.string().min(1),
  actionId: z.string().min(1),
  ruleId: z.string(),
  resourceArn: z.string(),
  estimatedMonthlyUsd: z.number(),
  appliedAt: z.iso.datetime(),
  measuredAt: z.iso.datetime(),
});

export const RealisedSavingsRecordSchema = z.discriminatedUnion('status', [
  RealisedSubjectSchema.extend({
    status: z.literal('measured'),
    realisedMonthlyUsd: z.number(),
    method: z.string(),
    basis: z.record(z.string(), z.union([z.number(), z.string()])),
  }),
  RealisedSubjectSchema.extend({ status: z.literal('not-measurable'), reason: z.string(), final: z.boolean() }),
]) satisfies z.ZodType<RealisedSavingsRecord>;

export const AuditRecordSchema = z.object({
  actionId: z.string().min(1),
  at: z.iso.datetime(),
  actor: z.string(),
  event: z.string(),
  detail: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<AuditRecord>;

export const ApiCallCountsSchema = z.record(
  z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'API call keys must read <service>:<Operation>'),
  z.object({ calls: z.number().int().nonnegative(), attempts: z.number().int().nonnegative(), throttled: z.number().int().nonnegative() }),
) satisfies z.ZodType<ApiCallCounts>;
