import type { Finding } from '../types/action.js';
import { priorityScore } from './priority.js';

/**
 * What a finding does to its resource, strongest first: 'remove' (stop, terminate, delete) makes any change to the
 * resource moot; 'resize' (instance type, memory, volume type) changes what it costs; 'tune' adjusts settings.
 */
export type ActionKind = 'remove' | 'resize' | 'tune';

const KIND_RANK: Readonly<Record<ActionKind, number>> = { remove: 3, resize: 2, tune: 1 };

const KIND_BY_RULE: Readonly<Record<string, ActionKind>> = {
  'ec2/idle-instance': 'remove',
  'ebs/unattached-volume': 'remove',
  'ec2/rightsize-instance': 'resize',
  'ebs/gp2-to-gp3': 'resize',
  'ebs/io1-to-gp3': 'resize',
  'lambda/memory-size': 'resize',
};

const REMOVED_STATES = new Set(['stopped', 'terminated', 'deleted']);

/** Kind of a finding: by rule id; for external findings (and unknown rules), 'remove' when the proposed state ends the resource, else 'resize'. */
export function actionKind(finding: Pick<Finding, 'ruleId' | 'proposed'>): ActionKind {
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
 * bill, so they conflict. The strongest kind wins (remove beats resize beats tune — stopping an idle instance beats
 * rightsizing it); within a kind the higher priority, then the higher savings, then our own rule over an external
 * source, then the smaller id. The losers are listed as superseded and their savings are never added.
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
    const [winner, ...losers] = [...group].sort(compareCompeting);
    result.push({ finding: winner, superseded: losers });
  }
  return result;
}
