import { z } from 'zod';
import { EXECUTOR_IDS } from './executor-permissions.js';

/**
 * Deploy configuration (SPEC §9), validated at synth. Every field has a default so a plain `npx cdk synth`
 * works. Sources, later ones win field by field:
 *   1. context key `headroom`: a JSON object (or a JSON string, as `-c headroom='{...}'` passes it);
 *   2. individual context keys `headroom.<field>` or `headroom.<group>.<field>`, e.g. `-c headroom.bakeMinutes=30`
 *      (string values are JSON-parsed when they parse, so `30`, `true` and `["a"]` work; lists also accept `a,b`).
 */

/** CloudWatch Logs retention values the service accepts, in days. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Accepts a list, or a comma-separated string as a CLI `-c key=a,b` gives it. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : value),
    z.array(item),
  );
}

/** `accounts` value that makes the collectors list the organization's accounts instead of a fixed list. */
export const ORGANIZATIONS = 'organizations';

const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id (or accounts: organizations)');
const regionName = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'expected an AWS region name such as eu-west-1');
const email = z.email('expected an email address');
/** User ids start with U or W, user-group ids with S (what usergroups.users.list resolves); G… ids are channels. */
const slackId = z.string().regex(/^[UWS][A-Z0-9]{2,}$/, 'expected a Slack user or user-group id such as U012AB3CD or S0614TZR7');
const hours = (fallback: number) =>
  z.number('expected a number of hours').int('expected a whole number of hours').min(1, 'expected a number ≥ 1').max(168, 'expected a number ≤ 168').default(fallback);

/** True for names the platform's time zone database knows (EventBridge Scheduler uses the IANA names). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}

export const deployConfigSchema = z.strictObject({
  /**
   * Accounts to analyse: a list of account ids (empty means the deployment account only), or `organizations` for
   * every ACTIVE account of the organization, listed by the collectors at run time (organizations:ListAccounts, which
   * answers only in the management account or a delegated administrator account).
   */
  accounts: z.union([z.literal(ORGANIZATIONS), listOf(accountId)]).default([]),
  /** Regions to analyse; empty means the deployment region only. */
  regions: listOf(regionName).default([]),
  /**
   * The organization's management (payer) account, when Headroom is not deployed there: Cost Explorer shows linked
   * accounts' costs only from it, so the Cost Explorer collector reads through its member role. Unset: the deployment
   * account.
   */
  payerAccount: accountId.optional(),
  /** Read-only role the member stack creates in each member account; unset means no cross-account access. */
  memberRoleName: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM role name (1–64 characters of letters, digits and +=,.@_-)')
    .optional(),
  /**
   * The `sts:ExternalId` the member role's trust policy requires (the member stack's ExternalId parameter); the
   * collectors pass it when assuming the role. Required with memberRoleName.
   */
  memberExternalId: z
    .string()
    .regex(/^[\w+=,.@:/-]{2,1224}$/, 'expected an external id (2–1224 characters of letters, digits and +=,.@:/_-)')
    .optional(),
  schedules: z
    .strictObject({
      /** GetMetricData bills per metric requested and each collection rewrites the series: the cost table (lambdas/collectors/README.md) assumes daily. */
      cloudwatchEveryHours: hours(24),
      /** Cost Explorer charges $0.01 per call and its data refreshes about daily. */
      costExplorerEveryHours: hours(24),
      computeOptimizerEveryHours: hours(24),
      inventoryEveryHours: hours(6),
      /** List prices change a few times a year and the Price List collector caches each answer for 7 days: weekly. */
      pricingEveryHours: hours(168),
      /** Time of day the analysis runs, `HH:MM` in `timeZone`. */
      analysisAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:MM')
        .default('06:00'),
      timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris').default('UTC'),
    })
    .prefault({}),
  slack: z
    .strictObject({
      channel: z.string().min(1, 'expected a Slack channel name or id').default('#headroom'),
      /** Resource tag whose value names the owning team; `teamChannels` maps those values to channels. */
      ownerTag: z.string().min(1, 'expected a tag key').max(128, 'expected a tag key of at most 128 characters').default('team'),
      /** Owner tag value -> channel, for per-team digests. */
      teamChannels: z.record(z.string(), z.string().min(1, 'expected a Slack channel name or id')).default({}),
      /** Slack user or group ids allowed to approve actions of performance risk 0–2; empty means nobody. */
      approverIds: listOf(slackId).default([]),
      /** Slack user or group ids allowed to approve any action, including performance risk 3–4. */
      highRiskApproverIds: listOf(slackId).default([]),
      /** Existing Secrets Manager secret name holding {botToken, signingSecret}; unset creates one. */
      secretName: z.string().min(1, 'expected a secret name').optional(),
    })
    .prefault({}),
  email: z
    .strictObject({
      /** Verified SES identity to send from; unset disables email delivery. */
      sender: email.optional(),
      recipients: listOf(email).default([]),
      /** Resource tag holding an owner's email address; owners also get a digest of their own actions. */
      ownerTag: z.string().min(1, 'expected a tag key').max(128, 'expected a tag key of at most 128 characters').default('owner'),
    })
    .prefault({})
    .refine((value) => value.recipients.length === 0 || value.sender !== undefined, {
      message: 'expected email.sender when email.recipients is set',
      path: ['sender'],
    }),
  /** Headroom kept above the observed high percentile when rightsizing. */
  headroomPercent: z.number('expected a number').min(0, 'expected a number ≥ 0').max(100, 'expected a number ≤ 100').default(20),
  lookbackDays: z
    .number('expected a number of days')
    .int('expected a whole number of days')
    .min(1, 'expected a number ≥ 1')
    .max(400, 'expected a number ≤ 400')
    .default(14),
  /** Resources per Map iteration of the analysis. */
  batchSize: z.number('expected a number').int('expected a whole number').min(1, 'expected a number ≥ 1').max(1000, 'expected a number ≤ 1000').default(100),
  /** Wait between applying a change and validating it against its baseline. */
  bakeMinutes: z
    .number('expected a number of minutes')
    .int('expected a whole number of minutes')
    .min(5, 'expected number ≥ 5')
    .max(10080, 'expected number ≤ 10080 (7 days)')
    .default(60),
  /**
   * Days after a change is applied before the analysis measures its realised savings (usage before vs after, in
   * equal windows): must be shorter than lookbackDays, since both windows come from the stored series.
   */
  realisedSavingsAfterDays: z.number('expected a number of days').int('expected a whole number of days').min(1, 'expected a number ≥ 1').max(90, 'expected a number ≤ 90').default(7),
  /** Executors allowed to change resources; all off by default, and approval is always required. */
  enabledExecutors: listOf(z.enum(EXECUTOR_IDS, `expected one of ${EXECUTOR_IDS.join(', ')}`)).default([]),
  /**
   * Weekly UTC window in which ec2-instance-type may stop and restart instances, e.g.
   * `{ days: ['sat','sun'], startUtc: '02:00', durationHours: 4 }`; unset means never (precheck refuses). Passed to
   * the apply functions as MAINTENANCE_WINDOW (JSON); lambdas/actions/executors/maintenance-window.ts reads it.
   */
  maintenanceWindow: z
    .strictObject({
      days: z
        .array(z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], 'expected days among sun, mon, tue, wed, thu, fri, sat'))
        .min(1, 'expected at least one day'),
      startUtc: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a UTC time of day as HH:MM'),
      durationHours: z.number('expected a number of hours').positive('expected a number of hours > 0').max(24, 'expected at most 24 hours'),
    })
    .optional(),
  /**
   * `key=value`: executors only touch resources carrying this tag (IAM condition aws:ResourceTag/key, and every
   * precheck). Required when any executor is enabled: without it they could change any resource of their kinds.
   */
  tagScope: z
    .string()
    .regex(/^[^=\s][^=]{0,127}=[^=]{0,256}$/, 'expected key=value, e.g. headroom:managed=true')
    .optional(),
  /**
   * Lambda concurrency reserved for (and capping) the public Slack endpoint: a flood of requests runs at most this many
   * instances. 0 reserves none — needed only in an account whose concurrency limit is still 10 (new accounts), where
   * AWS lets nothing be reserved.
   */
  interactionsReservedConcurrency: z.number('expected a number').int('expected a whole number').min(0, 'expected a number ≥ 0').max(100, 'expected a number ≤ 100').default(5),
  /** The full report of each run, stored in a private S3 bucket and linked from Slack and email with a presigned URL. */
  report: z
    .strictObject({
      /** Reports are deleted from the bucket this many days after they were written (lifecycle rule). */
      retentionDays: z.number('expected a number of days').int('expected a whole number of days').min(1, 'expected a number ≥ 1').max(3650, 'expected a number ≤ 3650').default(30),
      /** How long a report link works; SigV4 presigned URLs last at most 7 days. */
      linkDays: z.number('expected a number of days').int('expected a whole number of days').min(1, 'expected a number ≥ 1').max(7, 'expected a number ≤ 7').default(7),
    })
    .prefault({}),
  /** Link to the full report in Slack and email instead of the stored report; `{runId}` is replaced by the run id. */
  reportUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  logRetentionDays: z
    .number('expected a number of days')
    .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
      message: `expected one of ${LOG_RETENTION_DAYS.join(', ')}`,
    })
    .default(30),
  table: z
    .strictObject({
      deletionProtection: z.boolean('expected true or false').default(true),
      pointInTimeRecovery: z.boolean('expected true or false').default(true),
      /** `retain` keeps the table when the stack is deleted. */
      removalPolicy: z.enum(['retain', 'destroy'], 'expected retain or destroy').default('retain'),
    })
    // CloudFormation cannot delete a protected table, so 'destroy' with protection on would fail stack deletion.
    .refine((table) => !(table.removalPolicy === 'destroy' && table.deletionProtection), {
      path: ['removalPolicy'],
      message: 'expected deletionProtection false when removalPolicy is destroy',
    })
    .prefault({}),
})
  // Cross-account settings go together: the member role's trust policy demands the external id, and other accounts
  // of an organization can only be read through the member role.
  .superRefine((config, context) => {
    if (config.memberRoleName !== undefined && config.memberExternalId === undefined) {
      context.addIssue({ code: 'custom', path: ['memberExternalId'], message: 'expected memberExternalId when memberRoleName is set' });
    }
    if (config.accounts === ORGANIZATIONS && config.memberRoleName === undefined) {
      context.addIssue({ code: 'custom', path: ['memberRoleName'], message: 'expected memberRoleName when accounts is organizations' });
    }
    if (config.payerAccount !== undefined && config.memberRoleName === undefined) {
      context.addIssue({ code: 'custom', path: ['memberRoleName'], message: 'expected memberRoleName when payerAccount is set' });
    }
    if (config.enabledExecutors.length > 0 && config.tagScope === undefined) {
      context.addIssue({ code: 'custom', path: ['tagScope'], message: 'expected a tag scope (key=value, e.g. headroom:managed=true) when enabledExecutors is set, so executors change only resources carrying it' });
    }
    if (config.realisedSavingsAfterDays >= config.lookbackDays) {
      context.addIssue({ code: 'custom', path: ['realisedSavingsAfterDays'], message: `expected fewer days than lookbackDays (${config.lookbackDays})` });
    }
  });

export type DeployConfig = z.infer<typeof deployConfigSchema>;
export type DeployConfigInput = z.input<typeof deployConfigSchema>;

/** A deploy configuration that does not validate; the message is one line naming each bad field. */
export class DeployConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployConfigError';
  }
}

export const CONTEXT_KEY = 'headroom';

/** Validates a raw configuration object; throws DeployConfigError. */
export function parseDeployConfig(raw: unknown): DeployConfig {
  const result = deployConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [CONTEXT_KEY, ...issue.path.map(String)].join('.');
    return `${path}: ${issue.message}`;
  });
  throw new DeployConfigError(`Invalid deploy configuration: ${problems.join('; ')}`);
}

/** Reads the configuration from a CDK context map (see the top of this file) and validates it. */
export function configFromContext(context: Record<string, unknown>): DeployConfig {
  let merged: Record<string, unknown> = {};
  const whole = context[CONTEXT_KEY];
  if (whole !== undefined) {
    const parsed = typeof whole === 'string' ? parseJsonOrFail(whole, CONTEXT_KEY) : whole;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new DeployConfigError(`Invalid deploy configuration: ${CONTEXT_KEY}: expected a JSON object`);
    }
    merged = structuredClone(parsed as Record<string, unknown>);
  }
  const prefix = `${CONTEXT_KEY}.`;
  for (const [key, value] of Object.entries(context)) {
    if (!key.startsWith(prefix)) continue;
    setPath(merged, key.slice(prefix.length).split('.'), typeof value === 'string' ? jsonOrString(value) : value);
  }
  return parseDeployConfig(merged);
}

function parseJsonOrFail(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DeployConfigError(`Invalid deploy configuration: ${key}: expected a JSON object (${(error as Error).message})`);
  }
}

/** CLI context values are strings: `30` and `true` mean numbers and booleans, anything unparseable stays text. */
function jsonOrString(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: a plain string value such as a channel name or `a,b` list is expected here.
    return text;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}
