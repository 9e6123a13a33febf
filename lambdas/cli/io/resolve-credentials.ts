import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { CliError } from '../errors.js';
import type { ResolvedCredentials } from './caller-account.js';

/** The sentence `headroom scan` prints when no credentials can be found. */
export const NO_CREDENTIALS_MESSAGE =
  'AWS credentials were not found: set AWS_PROFILE or pass --profile, run `aws configure` (or `aws sso login`), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.';

/**
 * Resolves the caller's credentials with the SDK's default chain (env, SSO, shared files for `profile`, process,
 * container and instance metadata), once, before anything is collected: a missing credential is one clear sentence
 * (CliError), not a stack trace per API call. Returns a provider of the resolved (and refreshed) credentials.
 */
export async function resolveCredentials(
  profile: string | undefined,
  chain: (init: { profile?: string }) => () => Promise<ResolvedCredentials> = fromNodeProviderChain,
): Promise<{ provider: () => Promise<ResolvedCredentials>; credentials: ResolvedCredentials }> {
  const provider = chain(profile === undefined ? {} : { profile });
  try {
    return { provider, credentials: await provider() };
  } catch (error) {
    if (error instanceof Error && (error.name === 'CredentialsProviderError' || error.name === 'ProviderError')) {
      throw new CliError(profile === undefined ? NO_CREDENTIALS_MESSAGE : `AWS credentials were not found for profile "${profile}": check it in ~/.aws/config, run \`aws configure --profile ${profile}\` (or \`aws sso login --profile ${profile}\`), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
    }
    throw error;
  }
}
