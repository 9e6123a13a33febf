import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ReportBucketProps {
  /** Reports are deleted this many days after they were written. */
  retentionDays: number;
}

/** Prefix the notify functions write under; their grant covers it and nothing else. */
export const REPORT_PREFIX = 'reports/';

/**
 * The private bucket holding each run's full HTML report (lambdas/notify/report-link.ts). Nothing in it is public:
 * all public access is blocked, objects are encrypted at rest (SSE-S3), requests without TLS are denied, ACLs are
 * disabled, and a lifecycle rule deletes reports after `retentionDays`. Readers get a presigned GET URL from the
 * message, which is the only way in.
 */
export class ReportBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ReportBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-reports', expiration: Duration.days(props.retentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Reports are regenerated every run and expire anyway; RETAIN because CloudFormation cannot delete a
      // non-empty bucket, and a stack deletion should not fail on it (the lifecycle rule empties it).
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Reports are short-lived, regenerated every run and read only through presigned URLs; server access logs would need a second bucket for little value. Enable CloudTrail S3 data events to audit reads.',
    });
  }

  /**
   * Lets `grantee` write reports and sign GET links to them: s3:PutObject and s3:GetObject on `reports/*` of this
   * bucket only (a presigned URL carries the signer's permissions, so signing needs GetObject).
   */
  grantPublish(grantee: iam.IGrantable & { role?: iam.IRole }): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [this.bucket.arnForObjects(`${REPORT_PREFIX}*`)] }),
    );
    if (grantee.role === undefined) return;
    const logicalId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(grantee.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${REPORT_PREFIX}*]`,
      reason: 'Report objects are keyed by run id, unknown at deploy time; the grant is PutObject/GetObject under reports/ of the private report bucket only.',
    });
  }
}
