import type { ComputeOptimizerPort } from '../../collectors/ports.js';
import type { SampleComputeOptimizer } from './model.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

export interface SampleComputeOptimizerOptions {
  maxPageSize?: number;
}

/**
 * Compute Optimizer for one region of the sample account: recommendations filtered by accountIds and
 * ARNs (none for ECS services, which the sample account does not run), paged with nextToken (maxResults up to 1000); a region that is not opted in answers every
 * call with OptInRequiredException, as the real service does.
 */
export function createSampleComputeOptimizerPort(
  data: SampleComputeOptimizer,
  region: string,
  options: SampleComputeOptimizerOptions = {},
): ComputeOptimizerPort {
  const requireOptIn = () => {
    if (!data.optedInRegions.includes(region)) {
      throw new SampleServiceError('OptInRequiredException', `The account is not opted in to AWS Compute Optimizer in ${region}.`);
    }
  };
  const inRegion = (arn: string | undefined) => arn?.split(':')[3] === region;
  function paged<T>(items: T[], input: { nextToken?: string; maxResults?: number }, api: string): { page: T[]; nextToken?: string } {
    const key = requestKey(input, 'nextToken');
    // The documented range is 0–1000; what 0 returns is not documented, so it is served as the default page.
    const asked = pageSize(input.maxResults, 0, 1000, 100, api, 'maxResults', 'InvalidParameterValueException');
    const size = Math.min(asked === 0 ? 100 : asked, options.maxPageSize ?? 1000);
    const offset = decodeToken(input.nextToken, key, 'InvalidParameterValueException');
    return { page: items.slice(offset, offset + size), nextToken: offset + size < items.length ? encodeToken(offset + size, key) : undefined };
  }
  const accountMatches = (accountIds: string[] | undefined, account: string | undefined) => accountIds === undefined || (account !== undefined && accountIds.includes(account));

  return {
    async getEC2InstanceRecommendations(input) {
      requireOptIn();
      const items = data.ec2.filter(
        (r) => inRegion(r.instanceArn) && accountMatches(input.accountIds, r.accountId) && (input.instanceArns === undefined || input.instanceArns.includes(r.instanceArn ?? '')),
      );
      const { page, nextToken } = paged(items, input, 'GetEC2InstanceRecommendations');
      return { instanceRecommendations: page, nextToken, errors: [], $metadata: responseMetadata() };
    },
    async getEBSVolumeRecommendations(input) {
      requireOptIn();
      const items = data.ebs.filter(
        (r) => inRegion(r.volumeArn) && accountMatches(input.accountIds, r.accountId) && (input.volumeArns === undefined || input.volumeArns.includes(r.volumeArn ?? '')),
      );
      const { page, nextToken } = paged(items, input, 'GetEBSVolumeRecommendations');
      return { volumeRecommendations: page, nextToken, errors: [], $metadata: responseMetadata() };
    },
    async getLambdaFunctionRecommendations(input) {
      requireOptIn();
      const items = data.lambda.filter(
        (r) =>
          inRegion(r.functionArn) &&
          accountMatches(input.accountIds, r.accountId) &&
          (input.functionArns === undefined || input.functionArns.some((arn) => (r.functionArn ?? '').startsWith(arn))),
      );
      const { page, nextToken } = paged(items, input, 'GetLambdaFunctionRecommendations');
      return { lambdaFunctionRecommendations: page, nextToken, $metadata: responseMetadata() };
    },
    async getAutoScalingGroupRecommendations(input) {
      requireOptIn();
      const items = data.autoScalingGroups.filter(
        (r) =>
          inRegion(r.autoScalingGroupArn) &&
          accountMatches(input.accountIds, r.accountId) &&
          (input.autoScalingGroupArns === undefined || input.autoScalingGroupArns.includes(r.autoScalingGroupArn ?? '')),
      );
      const { page, nextToken } = paged(items, input, 'GetAutoScalingGroupRecommendations');
      return { autoScalingGroupRecommendations: page, nextToken, errors: [], $metadata: responseMetadata() };
    },
    // The sample account runs no ECS services: an empty page, after the same opt-in check.
    async getECSServiceRecommendations(input) {
      requireOptIn();
      const { page, nextToken } = paged([], input, 'GetECSServiceRecommendations');
      return { ecsServiceRecommendations: page, nextToken, errors: [], $metadata: responseMetadata() };
    },
  };
}
