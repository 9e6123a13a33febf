import { z } from 'zod';
import { getDocumentClient } from '../shared/aws/dynamodb.js';
import { parseEnv } from '../shared/env.js';
import { DynamoStore } from '../shared/store/dynamo-store.js';
import type { HeadroomStore } from '../shared/store/store.js';

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), schema.optional());

/** Environment of the analysis workflow functions (set by the CDK stack; defaults match SPEC §9). */
export const WorkflowEnvSchema = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME must name the Headroom table'),
  HEADROOM_PERCENT: optionalNumber(z.number().min(0).max(500)).default(20),
  LOOKBACK_DAYS: optionalNumber(z.number().int().min(1).max(400)).default(14),
  BATCH_SIZE: optionalNumber(z.number().int().min(1).max(1000)).default(50),
});

export interface WorkflowConfig {
  tableName: string;
  headroomPercent: number;
  lookbackDays: number;
  batchSize: number;
}

export interface WorkflowRuntime {
  store: HeadroomStore;
  config: WorkflowConfig;
}

/** The environment is wrong; names the variable, at cold start. */
export class WorkflowConfigError extends Error {
  override readonly name = 'WorkflowConfigError';
}

export function readWorkflowConfig(env: NodeJS.ProcessEnv = process.env): WorkflowConfig {
  const e = parseEnv(WorkflowEnvSchema, env, (message) => new WorkflowConfigError(message));
  return { tableName: e.TABLE_NAME, headroomPercent: e.HEADROOM_PERCENT, lookbackDays: e.LOOKBACK_DAYS, batchSize: e.BATCH_SIZE };
}

let runtime: WorkflowRuntime | undefined;

/**
 * Store and configuration, built on first use and then kept for the execution environment's life
 * (lazy, so importing a handler in a test or the local runner never throws).
 */
export function getWorkflowRuntime(): WorkflowRuntime {
  if (!runtime) {
    const config = readWorkflowConfig();
    runtime = { config, store: new DynamoStore(getDocumentClient(), config.tableName) };
  }
  return runtime;
}

/** Replaces the runtime (tests, or a local runner that wants its own store); `undefined` resets it. */
export function setWorkflowRuntime(next: WorkflowRuntime | undefined): void {
  runtime = next;
}
