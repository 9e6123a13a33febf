import { dynamodbBillingMode } from './dynamodb-billing-mode.js';
import { ebsGp2ToGp3 } from './ebs-gp2-to-gp3.js';
import { ebsSnapshotDelete } from './ebs-snapshot-delete.js';
import { ec2InstanceType } from './ec2-instance-type.js';
import { ec2Stop } from './ec2-stop.js';
import type { Executor } from './executor.js';
import { lambdaMemory } from './lambda-memory.js';
import { logRetention } from './log-retention.js';

/** The executors of SPEC §8, one per file; each declares its IAM actions (equal to lib/executor-permissions.ts, checked by a test). */
export const EXECUTORS: readonly Executor[] = [ebsGp2ToGp3, lambdaMemory, ec2Stop, ec2InstanceType, ebsSnapshotDelete, dynamodbBillingMode, logRetention];

export function findExecutor(id: string, executors: readonly Executor[] = EXECUTORS): Executor | undefined {
  return executors.find((executor) => executor.id === id);
}
