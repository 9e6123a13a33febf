import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { CliError } from '../errors.js';

/** Resolved credentials, as the default provider chain returns them. */
export type ResolvedCredentials = Awaited<ReturnType<ReturnType<typeof fromNodeProviderChain>>>;

/**
 * The account the caller's credentials belong to. Most providers say (SSO, assumed roles, web identity,
 * AWS_ACCOUNT_ID, `aws_account_id` in the profile); for plain access keys it is read from the owner of the
 * region's default security group (ec2:DescribeSecurityGroups, read-only), as this package has no STS client.
 */
export async function callerAccount(credentials: ResolvedCredentials, region: string, clientConfig: Record<string, unknown> = {}): Promise<string> {
  if (credentials.accountId !== undefined && /^\d{12}$/.test(credentials.accountId)) return credentials.accountId;
  const ec2 = new EC2Client({ region, credentials, ...clientConfig });
  try {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }], MaxResults: 5 }));
    const owner = out.SecurityGroups?.find((g) => g.OwnerId !== undefined)?.OwnerId;
    if (owner !== undefined) return owner;
  } finally {
    ec2.destroy();
  }
  throw new CliError(`Cannot tell which AWS account these credentials belong to (no default security group in ${region}); set AWS_ACCOUNT_ID.`);
}
