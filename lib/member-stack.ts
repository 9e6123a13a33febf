import { Aws, BootstraplessSynthesizer, CfnOutput, CfnParameter, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { COLLECTOR_ROLE_PATH, MEMBER_ROLE_READ_ACTIONS } from './collector-permissions.js';

export interface HeadroomMemberStackProps extends StackProps {
  /** Name of the role; the collectors build its ARN from the same configured name. */
  roleName: string;
}

/**
 * What each member account needs for Headroom to read it: one read-only role the collectors assume. A plain
 * CloudFormation template — no assets, no bootstrap version check, no lookups, no CDK metadata — so it deploys
 * as is with CloudFormation StackSets (service-managed, to an OU) or in one account.
 *
 * Trust: only roles under the collectors' IAM path (`/headroom/collector/`) in the Headroom account, and only
 * with the external id (both stack parameters). Permissions: exactly the collectors' read actions
 * (lib/collector-permissions.ts, the list the collector functions themselves are granted).
 */
export class HeadroomMemberStack extends Stack {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HeadroomMemberStackProps) {
    super(scope, id, { ...props, synthesizer: new BootstraplessSynthesizer(), analyticsReporting: false });
    const headroomAccount = new CfnParameter(this, 'HeadroomAccountId', {
      type: 'String',
      description: 'The AWS account Headroom (its collector functions) runs in',
      allowedPattern: '^\\d{12}$',
      constraintDescription: 'a 12-digit AWS account id',
    });
    const externalId = new CfnParameter(this, 'ExternalId', {
      type: 'String',
      description: 'The external id the collectors present (deploy configuration key memberExternalId)',
      minLength: 2,
      maxLength: 1224,
      allowedPattern: '^[\\w+=,.@:/-]+$',
      constraintDescription: '2–1224 characters of letters, digits and +=,.@:/_-',
    });

    const collectorRoles = `arn:${Aws.PARTITION}:iam::${headroomAccount.valueAsString}:role${COLLECTOR_ROLE_PATH}*`;
    this.role = new iam.Role(this, 'CollectorReadRole', {
      roleName: props.roleName,
      description: 'Headroom collectors: read-only access to inventory, metrics, costs and recommendations',
      assumedBy: new iam.AccountPrincipal(headroomAccount.valueAsString).withConditions({
        StringEquals: { 'sts:ExternalId': externalId.valueAsString },
        ArnLike: { 'aws:PrincipalArn': collectorRoles },
      }),
      inlinePolicies: {
        CollectorReads: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: [...MEMBER_ROLE_READ_ACTIONS], resources: ['*'] })],
        }),
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Read-only Describe/List/Get calls of the collectors, which list or describe everything in a region and support no resource-level permissions; no write action.',
    });

    new CfnOutput(this, 'RoleArn', { value: this.role.roleArn, description: 'The role Headroom collectors assume in this account' });
  }
}
