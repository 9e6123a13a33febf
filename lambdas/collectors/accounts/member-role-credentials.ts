import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentials } from '../aws/client-config.js';
import type { CountingThrottleMeter } from '../aws/throttle-meter.js';
import { sharedCredentials } from './shared-credentials.js';

/** The session name member accounts see in CloudTrail for every collector read. */
export const MEMBER_SESSION_NAME = 'headroom-collector';

export interface MemberRole {
  /** ARN partition of the collector's own account (`aws`, `aws-cn`, `aws-us-gov`). */
  partition: string;
  account: string;
  roleName: string;
  /**
   * The member stack's trust policy requires `sts:ExternalId` to equal this value: without it AssumeRole is
   * denied. Undefined only for roles created without that condition.
   */
  externalId?: string;
  /** Extra STS client configuration (tests pass a fake requestHandler; the region defaults to the SDK's). */
  clientConfig?: Record<string, unknown>;
  /** Counts the AssumeRole calls (and throttled attempts) with the run's other API calls, as `sts:AssumeRole`. */
  meter?: CountingThrottleMeter;
}

/**
 * Credentials of the read-only role the member stack creates in a member account: STS AssumeRole with the
 * deployment's ExternalId, called with the function's own credentials. The provider is shared by every client
 * of the account (all services, all regions): it calls AssumeRole once and again only shortly before the
 * session expires (sharedCredentials), so one provider serves a whole (warm) execution environment.
 */
export function memberRoleCredentials(role: MemberRole): AwsCredentials {
  const assume = fromTemporaryCredentials({
    params: {
      RoleArn: `arn:${role.partition}:iam::${role.account}:role/${role.roleName}`,
      RoleSessionName: MEMBER_SESSION_NAME,
      ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }),
    },
    ...(role.clientConfig === undefined ? {} : { clientConfig: role.clientConfig }),
    ...(role.meter === undefined ? {} : { clientPlugins: [role.meter.plugin()] }),
  });
  return sharedCredentials(assume);
}
