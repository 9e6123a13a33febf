import { z } from 'zod';
import { ResourceRefSchema } from './snapshot.js';

/** SPEC §5. Rules return `Finding`s; prioritisation turns them into ranked `Action`s. */

export const DomainSchema = z.enum(['compute', 'storage', 'database', 'serverless', 'network', 'data', 'web']);
export type Domain = z.infer<typeof DomainSchema>;

export const EffortSchema = z.enum(['low', 'medium', 'high']);
export type Effort = z.infer<typeof EffortSchema>;

/** A short excerpt of a metric series that justifies an action (downsampled; epoch ms timestamps). */
export const SeriesExcerptSchema = z.object({
  metric: z.string(),
  stat: z.string(),
  unit: z.string().optional(),
  timestamps: z.array(z.number()),
  values: z.array(z.number()),
});
export type SeriesExcerpt = z.infer<typeof SeriesExcerptSchema>;

export const EvidenceSchema = z.object({
  /** Named statistics, e.g. { p99_5CpuPercent: 12.4, daysObserved: 14 }. Units are in the key names. */
  statistics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  /** Quantiles of the deciding metric, keyed 'p50', 'p95', 'p99.5'... */
  quantiles: z.record(z.string(), z.number()).default({}),
  series: z.array(SeriesExcerptSchema).default([]),
  /** Where the numbers came from: 'cloudwatch', 'price-catalogue', 'compute-optimizer', ... */
  sources: z.array(z.string()).default([]),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AutomationSchema = z.object({
  /** Executor id that can apply it (see lambdas/actions/executors), or null when only a human can. */
  executor: z.string().nullable(),
});

export const FindingSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  domain: DomainSchema,
  resource: ResourceRefSchema,
  current: z.record(z.string(), z.unknown()),
  proposed: z.record(z.string(), z.unknown()),
  monthlySavingsUsd: z.number(),
  performanceRisk: z.number().min(0).max(4),
  confidence: z.number().min(0).max(1),
  effort: EffortSchema,
  restartRequired: z.boolean(),
  reversible: z.boolean(),
  evidence: EvidenceSchema,
  automation: AutomationSchema,
  carbonKgCo2eMonthly: z.number(),
  /**
   * Performance actions only: how soon or how badly performance suffers if nothing is done, 0 (not at all) to 4 (within
   * days, or users already see failures). Unlike performanceRisk, which is the risk of making the change.
   */
  urgency: z.number().min(0).max(4).optional(),
  /** Performance actions only: monthly USD of the resource whose performance the action protects (see priority.ts). */
  protectedMonthlyUsd: z.number().nonnegative().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ActionSchema = FindingSchema.extend({
  /** See lambdas/engine/prioritise/priority.ts for the formula. */
  priority: z.number(),
  /** Ids of findings this action absorbed during de-duplication (their savings are not counted twice). */
  supersedes: z.array(z.string()).default([]),
});
export type Action = z.infer<typeof ActionSchema>;
