import {
  ComputeOptimizerClient,
  GetAutoScalingGroupRecommendationsCommand,
  GetEBSVolumeRecommendationsCommand,
  GetECSServiceRecommendationsCommand,
  GetEC2InstanceRecommendationsCommand,
  GetLambdaFunctionRecommendationsCommand,
  OptInRequiredException,
} from '@aws-sdk/client-compute-optimizer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectRecommendations } from '../../../lambdas/collectors/compute-optimizer/collect-recommendations.js';
import { ACCOUNT, ec2Resource, testContext } from '../helpers/context.js';

const co = mockClient(ComputeOptimizerClient);
// Tests about the other APIs see empty Auto Scaling and ECS answers unless they set their own.
beforeEach(() => {
  co.on(GetAutoScalingGroupRecommendationsCommand).resolves({ autoScalingGroupRecommendations: [] });
  co.on(GetECSServiceRecommendationsCommand).resolves({ ecsServiceRecommendations: [] });
});
afterEach(() => co.reset());

const instanceArn = (id: string, region = 'us-east-1') => `arn:aws:ec2:${region}:${ACCOUNT}:instance/${id}`;

describe('collectRecommendations', () => {
  it('pages EC2 recommendations with nextToken and normalises savings and performance risk', async () => {
    co.on(GetEC2InstanceRecommendationsCommand, { nextToken: undefined })
      .resolves({
        instanceRecommendations: [
          {
            instanceArn: instanceArn('i-1'),
            accountId: ACCOUNT,
            currentInstanceType: 'm5a.xlarge',
            finding: 'Overprovisioned',
            findingReasonCodes: ['CPUOverprovisioned'],
            recommendationOptions: [
              { instanceType: 'm6g.large', rank: 2, performanceRisk: 2, savingsOpportunity: { estimatedMonthlySavings: { currency: 'USD', value: 50.1 } } },
              { instanceType: 'r5a.large', rank: 1, performanceRisk: 1, savingsOpportunity: { estimatedMonthlySavings: { currency: 'USD', value: 43.07 } } },
            ],
          },
        ],
        nextToken: 'n2',
      })
      .on(GetEC2InstanceRecommendationsCommand, { nextToken: 'n2' })
      .resolves({ instanceRecommendations: [{ instanceArn: instanceArn('i-2'), currentInstanceType: 't3.medium', finding: 'Optimized', recommendationOptions: [] }] });
    co.on(GetEBSVolumeRecommendationsCommand).resolves({ volumeRecommendations: [] });
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({ lambdaFunctionRecommendations: [] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectRecommendations(context);

    expect(co.commandCalls(GetEC2InstanceRecommendationsCommand)).toHaveLength(2);
    expect(co.commandCalls(GetEC2InstanceRecommendationsCommand)[0].args[0].input).toMatchObject({ accountIds: [ACCOUNT] });
    expect(await context.store.getRecommendations(instanceArn('i-1'))).toEqual([
      {
        source: 'compute-optimizer',
        resourceArn: instanceArn('i-1'),
        finding: 'Overprovisioned',
        current: { instanceType: 'm5a.xlarge', findingReasonCodes: ['CPUOverprovisioned'] },
        options: [
          { proposed: { instanceType: 'r5a.large' }, monthlySavingsUsd: 43.07, performanceRisk: 1 },
          { proposed: { instanceType: 'm6g.large' }, monthlySavingsUsd: 50.1, performanceRisk: 2 },
        ],
      },
    ]);
    expect(report.itemsWritten.recommendations).toBe(2);
  });

  it('strips the version qualifier from Lambda recommendations and maps gp2 volume options', async () => {
    co.on(GetEC2InstanceRecommendationsCommand).resolves({ instanceRecommendations: [] });
    co.on(GetEBSVolumeRecommendationsCommand).resolves({
      volumeRecommendations: [
        {
          volumeArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-1`,
          finding: 'NotOptimized',
          currentConfiguration: { volumeType: 'gp2', volumeSize: 100, volumeBaselineIOPS: 300 },
          volumeRecommendationOptions: [{ configuration: { volumeType: 'gp3', volumeSize: 100, volumeBaselineIOPS: 3000 }, performanceRisk: 0, rank: 1, savingsOpportunity: { estimatedMonthlySavings: { value: 2 } } }],
        },
      ],
    });
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({
      lambdaFunctionRecommendations: [
        {
          functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize:$LATEST`,
          currentMemorySize: 1024,
          finding: 'NotOptimized',
          currentPerformanceRisk: 'Low',
          memorySizeRecommendationOptions: [{ rank: 1, memorySize: 848, savingsOpportunity: { estimatedMonthlySavings: { value: 0.0121 } } }],
        },
      ],
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectRecommendations(context);

    expect(await context.store.getRecommendations(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`)).toEqual([
      expect.objectContaining({ options: [{ proposed: { memoryMb: 848 }, monthlySavingsUsd: 0.0121, performanceRisk: 1 }] }),
    ]);
    expect(await context.store.getRecommendations(`arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-1`)).toEqual([
      expect.objectContaining({ current: expect.objectContaining({ volumeType: 'gp2', sizeGiB: 100 }), options: [expect.objectContaining({ proposed: expect.objectContaining({ volumeType: 'gp3' }) })] }),
    ]);
  });

  it('pages Auto Scaling group and ECS service recommendations and normalises them', async () => {
    const asgArn = `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:1a2b:autoScalingGroupName/web`;
    const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/prod/api`;
    co.on(GetEC2InstanceRecommendationsCommand).resolves({});
    co.on(GetEBSVolumeRecommendationsCommand).resolves({});
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({});
    co.on(GetAutoScalingGroupRecommendationsCommand, { nextToken: undefined })
      .resolves({ autoScalingGroupRecommendations: [], nextToken: 'a2' })
      .on(GetAutoScalingGroupRecommendationsCommand, { nextToken: 'a2' })
      .resolves({
        autoScalingGroupRecommendations: [
          {
            autoScalingGroupArn: asgArn,
            accountId: ACCOUNT,
            finding: 'NotOptimized',
            currentConfiguration: { instanceType: 'm5.xlarge', desiredCapacity: 4, minSize: 2, maxSize: 8 },
            recommendationOptions: [
              { configuration: { instanceType: 'm6g.large', desiredCapacity: 4, minSize: 2, maxSize: 8 }, performanceRisk: 1, rank: 1, savingsOpportunity: { estimatedMonthlySavings: { currency: 'USD', value: 210.5 } } },
            ],
          },
        ],
      });
    co.on(GetECSServiceRecommendationsCommand).resolves({
      ecsServiceRecommendations: [
        {
          serviceArn,
          accountId: ACCOUNT,
          finding: 'Overprovisioned',
          findingReasonCodes: ['CPUOverprovisioned'],
          launchType: 'Fargate',
          currentServiceConfiguration: { cpu: 1024, memory: 2048 },
          currentPerformanceRisk: 'Low',
          serviceRecommendationOptions: [{ cpu: 512, memory: 2048, savingsOpportunity: { estimatedMonthlySavings: { currency: 'USD', value: 18 } } }],
        },
      ],
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectRecommendations(context);

    expect(co.commandCalls(GetAutoScalingGroupRecommendationsCommand)).toHaveLength(2);
    expect(report.calls).toMatchObject({ 'compute-optimizer:GetAutoScalingGroupRecommendations': 2, 'compute-optimizer:GetECSServiceRecommendations': 1 });
    expect(await context.store.getRecommendations(asgArn)).toEqual([
      {
        source: 'compute-optimizer',
        resourceArn: asgArn,
        finding: 'NotOptimized',
        current: { instanceType: 'm5.xlarge', desiredCapacity: 4, minSize: 2, maxSize: 8 },
        options: [{ proposed: { instanceType: 'm6g.large', desiredCapacity: 4, minSize: 2, maxSize: 8 }, monthlySavingsUsd: 210.5, performanceRisk: 1 }],
      },
    ]);
    expect(await context.store.getRecommendations(serviceArn)).toEqual([
      {
        source: 'compute-optimizer',
        resourceArn: serviceArn,
        finding: 'Overprovisioned',
        current: { cpu: 1024, memoryMb: 2048, launchType: 'Fargate', findingReasonCodes: ['CPUOverprovisioned'] },
        options: [{ proposed: { cpu: 512, memoryMb: 2048 }, monthlySavingsUsd: 18, performanceRisk: 1 }],
      },
    ]);
    expect(report.itemsWritten.recommendations).toBe(2);
  });

  it('stores each recommended Auto Scaling group as a resource, drops one no longer recommended, and leaves ECS services to the inventory', async () => {
    const asgArn = (name: string) => `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:9f8e:autoScalingGroupName/${name}`;
    const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/prod/api`;
    const asg = (name: string) => ({
      autoScalingGroupArn: asgArn(name),
      accountId: ACCOUNT,
      finding: 'NotOptimized' as const,
      currentConfiguration: { instanceType: 'm5.xlarge', desiredCapacity: 3, minSize: 1, maxSize: 6 },
      recommendationOptions: [{ configuration: { instanceType: 'm5.large', desiredCapacity: 3, minSize: 1, maxSize: 6 }, performanceRisk: 1, rank: 1, savingsOpportunity: { estimatedMonthlySavings: { currency: 'USD' as const, value: 210.24 } } }],
    });
    co.on(GetEC2InstanceRecommendationsCommand).resolves({});
    co.on(GetEBSVolumeRecommendationsCommand).resolves({});
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({});
    co.on(GetAutoScalingGroupRecommendationsCommand).resolvesOnce({ autoScalingGroupRecommendations: [asg('web'), asg('batch')] }).resolves({ autoScalingGroupRecommendations: [asg('web')] });
    co.on(GetECSServiceRecommendationsCommand).resolves({
      ecsServiceRecommendations: [
        { serviceArn, accountId: ACCOUNT, finding: 'Overprovisioned', launchType: 'Fargate', currentServiceConfiguration: { cpu: 1024, memory: 2048 }, serviceRecommendationOptions: [{ cpu: 512, memory: 2048 }] },
      ],
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const first = await collectRecommendations(context);
    expect(first.itemsWritten.groupResources).toBe(2);
    const stored = await context.store.listResources();
    expect(stored.find((r) => r.arn === asgArn('web'))).toEqual({
      arn: asgArn('web'),
      type: 'autoscaling:group',
      account: ACCOUNT,
      region: 'us-east-1',
      name: 'web',
      tags: {},
      config: { instanceType: 'm5.xlarge', desiredCapacity: 3, minSize: 1, maxSize: 6 },
    });
    // The inventory lists ECS services (with their task definitions); the recommendation attaches to that resource.
    expect(stored.find((r) => r.arn === serviceArn)).toBeUndefined();
    expect(await context.store.getRecommendations(serviceArn)).toHaveLength(1);

    await collectRecommendations(context);
    const arns = (await context.store.listResources()).map((r) => r.arn);
    expect(arns).toContain(asgArn('web'));
    expect(arns).not.toContain(asgArn('batch'));
    expect(await context.store.getRecommendations(asgArn('batch'))).toEqual([]);
  });

  it('records OptInRequiredException for a region that is not opted in and collects the other region', async () => {
    co.on(GetEC2InstanceRecommendationsCommand).callsFake(async () => {
      const region = await co.send.thisValues.at(-1)?.config.region();
      if (region === 'eu-west-1') throw new OptInRequiredException({ message: 'The account is not opted in.', $metadata: { httpStatusCode: 400 } });
      return { instanceRecommendations: [{ instanceArn: instanceArn('i-9'), finding: 'Optimized', recommendationOptions: [] }] };
    });
    co.on(GetEBSVolumeRecommendationsCommand).resolves({});
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({});
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }), { regions: ['eu-west-1', 'us-east-1'] });

    const report = await collectRecommendations(context);

    expect(report.issues).toEqual([
      {
        source: 'compute-optimizer',
        account: ACCOUNT,
        region: 'eu-west-1',
        service: 'compute-optimizer',
        operation: 'GetEC2InstanceRecommendations',
        code: 'OptInRequiredException',
        message: expect.stringMatching(/^Account 111122223333 is not opted in to AWS Compute Optimizer in eu-west-1, .*update-enrollment-status --status Active/),
      },
    ]);
    expect(await context.store.getRecommendations(instanceArn('i-9'))).toHaveLength(1);
  });

  it('replaces a resource’s older recommendation and drops it once Compute Optimizer no longer returns one', async () => {
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([ec2Resource('i-1'), ec2Resource('i-2')]);
    co.on(GetEC2InstanceRecommendationsCommand)
      .resolvesOnce({
        instanceRecommendations: [
          { instanceArn: instanceArn('i-1'), currentInstanceType: 'm5.xlarge', finding: 'Overprovisioned', recommendationOptions: [] },
          { instanceArn: instanceArn('i-2'), currentInstanceType: 'm5.xlarge', finding: 'Overprovisioned', recommendationOptions: [] },
        ],
      })
      .resolves({ instanceRecommendations: [{ instanceArn: instanceArn('i-1'), currentInstanceType: 'm5.large', finding: 'Optimized', recommendationOptions: [] }] });
    co.on(GetEBSVolumeRecommendationsCommand).resolves({});
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({});
    await collectRecommendations(context);

    const report = await collectRecommendations(context);

    expect((await context.store.getRecommendations(instanceArn('i-1'))).map((r) => r.finding)).toEqual(['Optimized']);
    expect(await context.store.getRecommendations(instanceArn('i-2'))).toEqual([]);
    expect(report.itemsWritten['recommendations-removed']).toBe(1);
  });

  it('keeps the EC2 and Lambda recommendations, and the stored EBS ones, when only the EBS API is denied', async () => {
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    const volumeArn = `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-1`;
    await context.store.putResources([{ ...ec2Resource('vol-1'), arn: volumeArn, type: 'ebs:volume' }]);
    await context.store.putRecommendations([{ source: 'compute-optimizer', resourceArn: volumeArn, finding: 'NotOptimized', current: {}, options: [] }]);
    co.on(GetEC2InstanceRecommendationsCommand).resolves({ instanceRecommendations: [{ instanceArn: instanceArn('i-3'), finding: 'Optimized', recommendationOptions: [] }] });
    co.on(GetEBSVolumeRecommendationsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    co.on(GetLambdaFunctionRecommendationsCommand).resolves({
      lambdaFunctionRecommendations: [{ functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f:$LATEST`, finding: 'Optimized', memorySizeRecommendationOptions: [] }],
    });

    const report = await collectRecommendations(context);

    expect(report.issues).toEqual([expect.objectContaining({ code: 'AccessDeniedException' })]);
    expect(await context.store.getRecommendations(instanceArn('i-3'))).toHaveLength(1);
    expect(await context.store.getRecommendations(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`)).toHaveLength(1);
    expect(await context.store.getRecommendations(volumeArn)).toHaveLength(1);
  });
});
