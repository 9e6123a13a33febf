import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterError } from '@aws-lambda-powertools/parameters';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
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

/**
 * Powertools Parameters providers, one per SDK client (so tests and callers keep control of the client). The
 * provider caches the secret string for SLACK_SECRET_TTL_MS (its `maxAge`) and does not cache failed reads.
 */
const providers = new Map<SecretsManagerClient, SecretsProvider>();
/** Secrets to read afresh on their next use (Slack rejected the token, or a signature did not match). */
const stale = new Set<string>();

function providerFor(client: SecretsManagerClient): SecretsProvider {
  let provider = providers.get(client);
  if (provider === undefined) {
    provider = new SecretsProvider({ awsSdkV3Client: client });
    providers.set(client, provider);
  }
  return provider;
}

/** Unwraps Powertools' GetParameterError so callers see the SDK's own error (AccessDenied, throttling, ...). */
function sdkError(error: unknown): unknown {
  return error instanceof GetParameterError && error.cause !== undefined ? error.cause : error;
}

/**
 * The Slack bot token and signing secret, read from Secrets Manager with Powertools Parameters and reused for
 * SLACK_SECRET_TTL_MS, so a rotation is picked up within that time.
 */
export async function getSlackSecret(client: SecretsManagerClient, secretArn: string): Promise<SlackSecret> {
  const forceFetch = stale.delete(secretArn);
  let value: string | Uint8Array | undefined;
  try {
    value = await providerFor(client).get(secretArn, { maxAge: SLACK_SECRET_TTL_MS / 1000, forceFetch });
  } catch (error) {
    throw sdkError(error);
  }
  if (typeof value !== 'string') {
    throw new SlackSecretError(`secret ${secretArn} has no string value; set it to {"botToken": "...", "signingSecret": "..."}`);
  }
  return parseSlackSecret(value, secretArn);
}

/** Forgets one secret, so the next getSlackSecret reads it again (Slack rejected the token or a signature). */
export function invalidateSlackSecret(secretArn: string): void {
  stale.add(secretArn);
}

/** Forgets every cached secret (tests). */
export function clearSlackSecretCache(): void {
  for (const provider of providers.values()) provider.clearCache();
  providers.clear();
  stale.clear();
}
