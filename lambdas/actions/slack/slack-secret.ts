import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

/** The Slack secret the stack creates (value set by the operator after deploy): `{ botToken, signingSecret }`. */
export const SlackSecretSchema = z.object({ botToken: z.string().min(1), signingSecret: z.string().min(1) });
export type SlackSecret = z.infer<typeof SlackSecretSchema>;

export class SlackSecretInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackSecretInvalid';
  }
}

/** Reads and validates the Slack secret; call once per cold start and keep the promise. */
export async function loadSlackSecret(secretArn: string, client = new SecretsManagerClient({})): Promise<SlackSecret> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    throw new SlackSecretInvalid(`Secret ${secretArn} is not JSON; set it to {"botToken": "...", "signingSecret": "..."}.`);
  }
  const parsed = SlackSecretSchema.safeParse(json);
  if (!parsed.success) {
    throw new SlackSecretInvalid(`Secret ${secretArn} needs non-empty "botToken" and "signingSecret" strings.`);
  }
  return parsed.data;
}
