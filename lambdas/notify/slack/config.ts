import { z } from 'zod';
import { parseEnv } from '../../shared/env.js';
import { NotifyConfigError } from '../errors.js';
import { commaList } from '../env-list.js';
import { ReportEnvSchema, reportConfigOf, type ReportConfig } from '../report-env.js';

/**
 * Environment of the Slack notify function.
 * - TABLE_NAME, SLACK_SECRET_ARN, SLACK_CHANNEL: required.
 * - REPORT_URL: optional link to the full report; `{runId}` in it is replaced by the run id.
 * - ENABLED_EXECUTORS: optional comma list; Approve buttons appear only for these executors (none when unset).
 * - SLACK_TEAM_CHANNELS: optional JSON object, owner tag value → channel, e.g. {"payments":"#payments-cost"}.
 * - SLACK_OWNER_TAG: optional resource tag naming the owning team; default "team".
 * - DIGEST_TOP_N: optional number of actions listed per message; default 10.
 * - ACCOUNT_ID: optional deployment account; Approve buttons appear only for its resources (no cross-account apply).
 * - REPORT_BUCKET, REPORT_LINK_TTL_SECONDS: see report-env.ts.
 */
const TeamChannelsSchema = z.record(z.string().min(1), z.string().min(1));

const SlackEnvSchema = ReportEnvSchema.extend({
  TABLE_NAME: z.string().min(1, 'must be set'),
  SLACK_SECRET_ARN: z.string().min(1, 'must be set'),
  SLACK_CHANNEL: z.string().min(1, 'must be set'),
  REPORT_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ENABLED_EXECUTORS: z.string().optional(),
  SLACK_TEAM_CHANNELS: z.string().optional(),
  SLACK_OWNER_TAG: z.string().min(1).optional(),
  DIGEST_TOP_N: z.coerce.number().int().min(1).max(50).optional(),
  ACCOUNT_ID: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').optional(),
});

export interface SlackNotifyConfig extends ReportConfig {
  tableName: string;
  secretArn: string;
  channel: string;
  reportUrlTemplate?: string;
  enabledExecutors: string[];
  teamChannels: Record<string, string>;
  ownerTagKey: string;
  topN?: number;
  homeAccount?: string;
}

function parseTeamChannels(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new NotifyConfigError('environment variable SLACK_TEAM_CHANNELS is not JSON; expected an object such as {"payments":"#payments-cost"}');
  }
  const result = TeamChannelsSchema.safeParse(json);
  if (!result.success) throw new NotifyConfigError('environment variable SLACK_TEAM_CHANNELS must map team names to channel names, e.g. {"payments":"#payments-cost"}');
  return result.data;
}

/** Reads and validates the Slack notify environment, naming the first bad variable. */
export function readSlackConfig(env: Record<string, string | undefined> = process.env): SlackNotifyConfig {
  const parsed = parseEnv(SlackEnvSchema, env, (message) => new NotifyConfigError(message));
  return {
    tableName: parsed.TABLE_NAME,
    secretArn: parsed.SLACK_SECRET_ARN,
    channel: parsed.SLACK_CHANNEL,
    reportUrlTemplate: parsed.REPORT_URL,
    enabledExecutors: commaList(parsed.ENABLED_EXECUTORS),
    teamChannels: parseTeamChannels(parsed.SLACK_TEAM_CHANNELS),
    ownerTagKey: parsed.SLACK_OWNER_TAG ?? 'team',
    topN: parsed.DIGEST_TOP_N,
    homeAccount: parsed.ACCOUNT_ID,
    ...reportConfigOf(parsed),
  };
}
