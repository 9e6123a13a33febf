import type { Finding } from '../types/action.js';
import { priorityScore } from './priority.js';
import { combineComposable } from './combine.js';

/**
 * What a finding does to its resource, strongest first: 'remove' (stop, terminate, delete) makes any change to the
 * resource moot; 'protect' (add capacity before a forecast exhaustion, or investigate an active error, latency or
 * throttle anomaly) overrides a cost resize, which would shrink the headroom that is about to run out or change a
 * resource in the middle of an incident; 'resize' (instance type, memory, volume type, capacity mode) changes what it
 * costs; 'tune' adjusts settings (timeouts, retention).
 */
export type ActionKind = 'remove' | 'protect' | 'resize' | 'tune';

const KIND_RANK: Readonly<Record<ActionKind, number>> = { remove: 4, protect: 3, resize: 2, tune: 1 };

/** Every registered rule's kind, listed explicitly (a test checks that each rule of rules/index.ts has one). */
export const KIND_BY_RULE: Readonly<Record<string, ActionKind>> = {
  'ec2/rightsize-instance': 'resize',
  'ec2/idle-instance': 'remove',
  'ebs/gp2-to-gp3': 'resize',
  'ebs/io1-to-gp3': 'resize',
  'ebs/unattached-volume': 'remove',
  'ebs/old-snapshot': 'remove',
  'lambda/memory-size': 'resize',
  'lambda/arm64-candidate': 'resize',
  'lambda/excessive-timeout': 'tune',
  'dynamodb/capacity-mode': 'resize',
  'logs/missing-retention': 'tune',
  'rds/idle-instance': 'remove',
  'elb/idle-load-balancer': 'remove',
  'network/unassociated-elastic-ip': 'remove',
  'network/idle-nat-gateway': 'remove',
  'account/savings-plans': 'tune',
  'account/insight-actions': 'protect',
  's3/cold-data-tiering': 'tune',
  's3/missing-multipart-abort': 'tune',
  's3/noncurrent-versions': 'tune',
  'kinesis/overprovisioned-shards': 'resize',
  'sqs/short-polling': 'tune',
  'stepfunctions/express-candidate': 'tune',
  'rds/rightsize-instance': 'resize',
  'rds/multi-az-non-production': 'resize',
  'rds/idle-read-replica': 'remove',
  'rds/io1-to-gp3': 'resize',
  'ecs/fargate-task-size': 'resize',
  'ecs/fargate-spot': 'resize',
  'ecs/fargate-graviton': 'resize',
  'elasticache/idle-cluster': 'remove',
  'elasticache/rightsize-node': 'resize',
  // Stops the resource (for its off hours): it competes with idle stops on priority and savings (a dev box busy on
  // weekdays gets the schedule, not a full stop) and beats a rightsize, which is listed as superseded.
  'schedule/off-hours': 'remove',
  'apigateway/rest-to-http-api': 'resize',
};

const REMOVED_STATES = new Set(['stopped', 'terminated', 'deleted']);

/**
 * Kind of a finding: by rule id; a combined finding (rule ids joined by '+', see combine.ts) takes the strongest kind
 * of its parts; account/insight-actions is 'protect' (add capacity, investigate); external findings
 * (and unknown rules) are 'remove' when the proposed state ends the resource, else 'resize'.
 */
export function actionKind(finding: Pick<Finding, 'ruleId' | 'proposed'>): ActionKind {
  const parts = finding.ruleId.split('+');
  if (parts.length > 1) {
    return parts.map((ruleId) => actionKind({ ruleId, proposed: finding.proposed })).reduce((a, b) => (KIND_RANK[a] >= KIND_RANK[b] ? a : b));
  }
  const known = KIND_BY_RULE[finding.ruleId];
  if (known) return known;
  const state = finding.proposed.state;
  return typeof state === 'string' && REMOVED_STATES.has(state) ? 'remove' : 'resize';
}

export interface DedupedFinding {
  finding: Finding;
  /** The findings on the same resource it won against; their savings are not counted. */
  superseded: Finding[];
}

/** Orders competing findings on one resource: the winner first. */
function compareCompeting(a: Finding, b: Finding): number {
  return (
    KIND_RANK[actionKind(b)] - KIND_RANK[actionKind(a)] ||
    priorityScore(b) - priorityScore(a) ||
    b.monthlySavingsUsd - a.monthlySavingsUsd ||
    Number(a.ruleId.startsWith('external/')) - Number(b.ruleId.startsWith('external/')) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * One action per resource, the way Cost Optimization Hub de-duplicates: every finding on a resource changes the same
 * bill, so they conflict. First the composable ones are combined into one finding priced on the combined change
 * (combine.ts: Lambda memory + arm64, a Lambda timeout alongside anything, DynamoDB on-demand resolving a capacity
 * forecast). Then the strongest kind wins (remove beats protect beats resize beats tune — stopping an idle instance
 * beats rightsizing it); within a kind the higher priority, then the higher savings, then our own rule over an
 * external source, then the smaller id. The losers, and the parts of a combined winner, are listed as superseded
 * (always the original findings) and their savings are never added.
 */
export function dedupeByResource(findings: readonly Finding[]): DedupedFinding[] {
  const byResource = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byResource.get(finding.resource.arn);
    if (group) group.push(finding);
    else byResource.set(finding.resource.arn, [finding]);
  }
  const result: DedupedFinding[] = [];
  for (const group of byResource.values()) {
    const { findings: competing, absorbed } = combineComposable(group);
    const [winner, ...losers] = competing.sort(compareCompeting);
    const originals = (f: Finding): Finding[] => absorbed.get(f.id) ?? [f];
    result.push({ finding: winner, superseded: [...(absorbed.get(winner.id) ?? []), ...losers.flatMap(originals)] });
  }
  return result;
}
