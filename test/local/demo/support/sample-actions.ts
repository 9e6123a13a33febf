import type { Action } from '../../../../lambdas/engine/types/action.js';
import { createSamplePortsFor, generateSampleAccount } from '../../../../lambdas/local/sample-account/index.js';

/** The sample account the executor tests act on, and one action per executor built from its own resources. */
export const NOW = new Date('2026-11-29T12:00:00Z');
export const account = generateSampleAccount({ seed: 7, now: NOW.getTime() });
export const portsFor = createSamplePortsFor(account);
const resources = account.resources.map((sample) => sample.resource);

function actionOn(executor: string, type: string, current: (config: Record<string, unknown>) => Record<string, unknown>, proposed: Record<string, unknown>, filter: (config: Record<string, unknown>) => boolean = () => true): Action | undefined {
  // Instances of an Auto Scaling group are refused by precheck (the group would replace them): not a demo case.
  const resource = resources.find((r) => r.type === type && filter(r.config as Record<string, unknown>) && !('aws:autoscaling:groupName' in r.tags));
  if (!resource) return undefined;
  return {
    id: `act-${executor}`,
    ruleId: executor,
    domain: 'compute',
    resource,
    current: current(resource.config as Record<string, unknown>),
    proposed,
    monthlySavingsUsd: 1,
    performanceRisk: 0,
    confidence: 1,
    effort: 'low',
    restartRequired: false,
    reversible: true,
    evidence: { statistics: {}, quantiles: {}, series: [], sources: [] },
    automation: { executor },
    carbonKgCo2eMonthly: 0,
    priority: 1,
    supersedes: [],
  };
}

export const cases: [string, Action | undefined][] = [
  ['lambda-memory', actionOn('lambda-memory', 'lambda:function', (c) => ({ memoryMb: c.memoryMb }), { memoryMb: 256 }, (c) => c.memoryMb !== 256)],
  ['ec2-stop', actionOn('ec2-stop', 'ec2:instance', (c) => ({ state: 'running', instanceType: c.instanceType }), { state: 'stopped' }, (c) => c.state === 'running')],
  ['ec2-instance-type', actionOn('ec2-instance-type', 'ec2:instance', (c) => ({ instanceType: c.instanceType }), { instanceType: 'm6i.large' }, (c) => c.state === 'running' && !/^[a-z]+\d+g/.test(String(c.instanceType)) && c.instanceType !== 'm6i.large' && !c.autoScalingGroup)],
  ['ebs-snapshot-delete', actionOn('ebs-snapshot-delete', 'ebs:volume', (c) => ({ state: 'available', volumeType: c.volumeType, sizeGiB: c.sizeGiB }), { state: 'deleted', snapshotFirst: true }, (c) => c.state === 'available')],
  ['ebs-gp2-to-gp3', actionOn('ebs-gp2-to-gp3', 'ebs:volume', (c) => ({ volumeType: 'gp2', sizeGiB: c.sizeGiB }), { volumeType: 'gp3' }, (c) => c.volumeType === 'gp2')],
  ['dynamodb-billing-mode', actionOn('dynamodb-billing-mode', 'dynamodb:table', () => ({ billingMode: 'PAY_PER_REQUEST' }), { billingMode: 'PROVISIONED', readCapacityUnits: 5, writeCapacityUnits: 5 }, (c) => c.billingMode === 'PAY_PER_REQUEST')],
  ['log-retention', actionOn('log-retention', 'logs:log-group', (c) => ({ retentionDays: c.retentionDays ?? null }), { retentionDays: 1 }, (c) => c.retentionDays !== 1)],
];

