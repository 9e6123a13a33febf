import { z } from 'zod';
import { parseEnv } from '../../shared/env.js';

const optionalInt = (schema: z.ZodNumber) => z.preprocess((v) => (v === undefined ? undefined : Number(v)), schema.optional());

/** REALISED_AFTER_DAYS (config `realisedSavingsAfterDays`): days after an apply before its savings are measured. */
export const RealisedEnvSchema = z.object({
  REALISED_AFTER_DAYS: optionalInt(z.number().int().min(1).max(90)).default(7),
});

export class RealisedConfigError extends Error {
  override readonly name = 'RealisedConfigError';
}

export function readRealisedAfterDays(env: NodeJS.ProcessEnv = process.env): number {
  return parseEnv(RealisedEnvSchema, env, (message) => new RealisedConfigError(message)).REALISED_AFTER_DAYS;
}
