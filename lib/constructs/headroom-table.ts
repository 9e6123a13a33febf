import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface HeadroomTableProps {
  deletionProtection: boolean;
  pointInTimeRecovery: boolean;
  removalPolicy: 'retain' | 'destroy';
}

/** Item attribute holding the expiry time in epoch seconds; DynamoDB TTL deletes items after it. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * The single Headroom table. The table fixes only the generic key schema: a string partition key `pk`, a string
 * sort key `sk` and the TTL attribute `expiresAt`; the key design (entity prefixes and the access path behind
 * each HeadroomStore method) is owned and documented at the top of lambdas/shared/store/dynamo-store.ts.
 * No secondary index: every access path there is a key lookup or a Query on one partition.
 * On-demand billing: collection and analysis are bursty and idle most of the day.
 */
export class HeadroomTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: HeadroomTableProps) {
    super(scope, id);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The AWS-managed key (aws/dynamodb): encryption with a key visible in KMS and CloudTrail, at no key cost.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.pointInTimeRecovery },
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (!props.pointInTimeRecovery) {
      Validations.of(this.table).acknowledge({
        id: 'AwsSolutions-DDB3',
        reason: 'Point-in-time recovery was switched off explicitly in the deploy configuration (table.pointInTimeRecovery=false).',
      });
    }
  }
}
