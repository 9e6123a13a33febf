import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { LambdaConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';

/**
 * A Lambda function from ListFunctions as an engine Resource. The ARN is the unqualified function
 * ARN (any `:version` or `:alias` suffix removed) so that metrics, recommendations and findings all
 * key on the same string. Container-image functions have no Runtime; they are recorded as 'image'.
 */
export function normaliseFunction(fn: FunctionConfiguration, tags: Record<string, string>, where: Placement): Resource {
  const name = fn.FunctionName;
  if (name === undefined || name === '') throw new MalformedItemError('the Lambda API returned a function without FunctionName');
  const config = LambdaConfigSchema.parse({
    memoryMb: fn.MemorySize,
    timeoutSec: fn.Timeout,
    architecture: fn.Architectures?.[0] ?? 'x86_64',
    runtime: fn.Runtime ?? (fn.PackageType === 'Image' ? 'image' : 'unknown'),
  });
  return {
    arn: unqualifiedFunctionArn(fn.FunctionArn) ?? `arn:${partitionOf(where.region)}:lambda:${where.region}:${where.account}:function:${name}`,
    type: 'lambda:function',
    account: where.account,
    region: where.region,
    name,
    tags,
    config,
  };
}

/** arn:aws:lambda:r:a:function:name[:qualifier] -> arn:aws:lambda:r:a:function:name */
export function unqualifiedFunctionArn(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const parts = arn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : arn;
}
