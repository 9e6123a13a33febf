import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from '../../lambdas/shared/env.js';

class TestConfigError extends Error {}

const schema = z.object({
  TABLE_NAME: z.string().min(1),
  REPORT_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  LOOKBACK_DAYS: z.coerce.number().int().max(400).default(14),
});
const parse = (env: Record<string, string | undefined>) => parseEnv(schema, env, (message) => new TestConfigError(message));

describe('parseEnv', () => {
  it('returns the parsed environment, taking empty values as unset', () => {
    expect(parse({ TABLE_NAME: 't', REPORT_URL: '', LOOKBACK_DAYS: '30' })).toEqual({ TABLE_NAME: 't', LOOKBACK_DAYS: 30 });
  });

  it('names the first bad variable in one sentence, in the caller’s error type', () => {
    expect(() => parse({ TABLE_NAME: '' })).toThrow(new TestConfigError('environment variable TABLE_NAME must be set'));
    expect(() => parse({ TABLE_NAME: 't', REPORT_URL: 'nope' })).toThrow('environment variable REPORT_URL must be an http(s) URL');
    expect(() => parse({ TABLE_NAME: 't', LOOKBACK_DAYS: '900' })).toThrow(/^environment variable LOOKBACK_DAYS is invalid: /);
  });
});
