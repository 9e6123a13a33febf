import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

/** The Slack secret is missing, not JSON, or lacks a field. Never carries the secret's value. */
export class SlackSecretError extends Error {
  override readonly name = 'SlackSecretError';
}

/** The Slack secret's JSON (Secrets Manager, SLACK_SECRET_ARN), shared by the notify and actions functions. */
export const SlackSecretSchema = z.object({
  botToken: z.string().min(1, 'must be a non-empty string'),
  signingSecret: z.string().min(1, 'must be a non-empty string'),
});
export type SlackSecret = z.infer<typeof SlackSecretSchema>;

/**
 * Parses the secret string. Error messages name the secret and the field, never the value: JSON.parse's own
 * message quotes the input, so it is replaced rather than passed on.
 */
export function parseSlackSecret(secretString: string, secretArn: string): SlackSecret {
  let json: unknown;
  try {
    json = JSON.parse(secretString);
  } catch {
    throw new SlackSecretError(`secret ${secretArn} is not JSON; store {"botToken": "...", "signingSecret": "..."}`);
  }
  const result = SlackSecretSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || 'value';
    throw new SlackSecretError(`secret ${secretArn} field ${field} is invalid: ${issue.code === 'invalid_type' ? 'missing or not a string' : issue.message}`);
  }
  return result.data;
}

/**
 * How long a read secret is reused. Five minutes keeps Secrets Manager calls to a few per container per hour,
 * and bounds how long a rotated bot token or a corrected signing secret goes unseen without a Lambda recycle.
 */
export const SLACK_SECRET_TTL_MS = 5 * 60_000;

/** Reads per secret ARN with the time each started; a failed read is not cached, so the next invocation retries. */
const cache = new Map<string, { readAt: number; pending: Promise<SlackSecret> }>();

async function readSlackSecret(client: SecretsManagerClient, secretArn: string): Promise<SlackSecret> {
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (response.SecretString === undefined) {
    throw new SlackSecretError(`secret ${secretArn} has no string value; set it to {"botToken": "...", "signingSecret": "..."}`);
  }
  return parseSlackSecret(response.SecretString, secretArn);
}

/**
 * The Slack bot token and signing secret, read from Secrets Manager and reused for SLACK_SECRET_TTL_MS.
 * `now` (epoch ms) is injectable for tests.
 */
export function getSlackSecret(client: SecretsManagerClient, secretArn: string, now: () => number = Date.now): Promise<SlackSecret> {
  const cached = cache.get(secretArn);
  if (cached !== undefined && now() - cached.readAt < SLACK_SECRET_TTL_MS) return cached.pending;
  const entry = { readAt: now(), pending: readSlackSecret(client, secretArn) };
  cache.set(secretArn, entry);
  entry.pending.catch(() => {
    if (cache.get(secretArn) === entry) cache.delete(secretArn);
  });
  return entry.pending;
}

/** Forgets one secret, so the next getSlackSecret reads it again (Slack rejected the token or a signature). */
export function invalidateSlackSecret(secretArn: string): void {
  cache.delete(secretArn);
}

/** Forgets every cached secret (tests). */
export function clearSlackSecretCache(): void {
  cache.clear();
}
