import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { z } from 'zod';
import { isAwsServiceError } from '../../collectors/aws-errors.js';
import { isNetworkError, networkFailure, noteEndpoint } from '../../collectors/network-error.js';
import { CliError } from '../errors.js';

/** Resolved credentials, as the default provider chain returns them. */
export type ResolvedCredentials = Awaited<ReturnType<ReturnType<typeof fromNodeProviderChain>>>;

const CallerIdentitySchema = z.object({ Account: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id') });

/**
 * The account the caller's credentials belong to, from STS GetCallerIdentity (needs no permission and is free).
 * Asking STS also proves the credentials work before any collector runs: expired or revoked keys become one
 * sentence here instead of an issue per region and service. An endpoint that does not answer is a network failure
 * naming the endpoint, not a rejection of the credentials.
 */
export async function callerAccount(credentials: ResolvedCredentials, region: string, clientConfig: Record<string, unknown> = {}): Promise<string> {
  const sts = new STSClient({ region, credentials, ...clientConfig });
  noteEndpoint(sts as unknown as Parameters<typeof noteEndpoint>[0]);
  try {
    const parsed = CallerIdentitySchema.safeParse(await sts.send(new GetCallerIdentityCommand({})));
    if (!parsed.success) throw new CliError('STS GetCallerIdentity did not return a 12-digit account id for these credentials.');
    return parsed.data.Account;
  } catch (error) {
    if (isNetworkError(error)) {
      throw new CliError(`AWS STS did not answer: ${networkFailure(error)}; check the network connection, any proxy, and AWS_ENDPOINT_URL if it is set.`);
    }
    if (!isAwsServiceError(error)) throw error;
    throw new CliError(`AWS rejected these credentials (${error.name}: ${error.message.replace(/\.$/, '')}); refresh them (e.g. \`aws sso login\`) or pick another profile with --profile.`);
  } finally {
    sts.destroy();
  }
}
