import type { ExternalRecommendation, ResourceType } from '../../engine/types/snapshot.js';
import type { CollectorApiError } from '../collector-api-error.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { ComputeOptimizerPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { groupResource, type GroupType } from './group-resources.js';
import {
  normaliseAutoScalingGroupRecommendation,
  normaliseEcsServiceRecommendation,
  normaliseFunctionRecommendation,
  normaliseInstanceRecommendation,
  normaliseVolumeRecommendation,
} from './normalise-recommendations.js';

/** Compute Optimizer's page-size maximum for these APIs. */
const PAGE_SIZE = 1000;

type Page<T> = { nextToken?: string; errors?: { identifier?: string; code?: string; message?: string }[]; items: T[] };

type FetchPage = (token?: string) => Promise<Page<ExternalRecommendation | undefined>>;

/**
 * Compute Optimizer recommendations for EC2 instances, EBS volumes, Lambda functions, Auto Scaling groups and
 * ECS services, per account ×
 * region (each API paged with `nextToken`), normalised into ExternalRecommendations. Each API in each
 * region is its own unit, written when it completes: a region where the account is not opted in answers
 * OptInRequiredException, a policy may deny one API only — recorded as an issue, the rest carries on.
 * Per-item `errors` in a response are recorded too.
 *
 * The store keeps one recommendation per source per resource, so a newer one replaces the older. After a
 * unit completes, the inventoried resources of its type in that account and region that it returned no
 * recommendation for (and no per-item error) lose their stored one: Compute Optimizer stopped
 * recommending on them (the resource was resized, or has too little history now), so the old advice is stale.
 *
 * Auto Scaling groups are not inventoried: their unit also makes the groups it returned the complete set of stored
 * resources of that type in the account and region (group-resources.ts, store.replaceResources), so each
 * recommendation has a resource to become one action on, and a group no longer recommended on goes with its advice.
 * ECS services are inventoried (inventory/list-containers-db.ts): their recommendations attach to those.
 */
export async function collectRecommendations(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('compute-optimizer');
  for (const account of context.accounts) {
    for (const region of context.regions) {
      const ports = context.portsFor(account, region);
      const port = countingPort(ports.computeOptimizer, 'compute-optimizer', report);
      const where = { account, region };
      const units: [ResourceType, FetchPage, GroupType?][] = [
        ['ec2:instance', (token) => ec2Page(port, account, token)],
        ['ebs:volume', (token) => ebsPage(port, account, token)],
        ['lambda:function', (token) => lambdaPage(port, account, token)],
        ['autoscaling:group', (token) => autoScalingGroupPage(port, account, token), 'autoscaling:group'],
        ['ecs:service', (token) => ecsPage(port, account, token)],
      ];
      for (const [type, fetchPage, groupType] of units) {
        const failure = await collectUnit(report, where, ports, async () => {
          const recommendations: ExternalRecommendation[] = [];
          const erroredIds: string[] = [];
          let token: string | undefined;
          do {
            const page = await fetchPage(token);
            for (const item of page.items) if (item !== undefined) recommendations.push(item);
            for (const error of page.errors ?? []) {
              if (error.identifier) erroredIds.push(error.identifier);
              report.addIssue({ ...where, code: error.code ?? 'RecommendationError', message: `${error.identifier ?? ''} ${error.message ?? ''}`.trim() });
            }
            token = page.nextToken || undefined;
          } while (token !== undefined);
          if (groupType !== undefined) {
            const groups = recommendations.flatMap((r) => groupResource(groupType, r, where) ?? []);
            await context.store.replaceResources({ ...where, type: groupType }, groups);
            report.countWritten('groupResources', groups.length);
          }
          if (recommendations.length > 0) await context.store.putRecommendations(recommendations);
          report.countWritten('recommendations', recommendations.length);

          const returned = new Set(recommendations.map((r) => r.resourceArn));
          const inScope = (await context.store.listResources(where)).filter((r) => r.type === type).map((r) => r.arn);
          const stale = inScope.filter((arn) => !returned.has(arn) && !erroredIds.some((id) => arn === id || arn.endsWith(`/${id}`) || arn.endsWith(`:${id}`)));
          if (stale.length > 0) {
            const removed = await context.store.deleteRecommendations('compute-optimizer', stale);
            if (removed.length > 0) report.countWritten('recommendations-removed', removed.length);
          }
        }, explainOptIn(where));
        // Opt-in is per account and region, not per API: the other APIs would only repeat the issue.
        if (failure?.cause.name === 'OptInRequiredException') break;
      }
    }
  }
  const issues = report.issues;
  if (issues.length > 0) await context.store.putIssues([...issues]);
  return report.build();
}

async function ec2Page(port: ComputeOptimizerPort, account: string, nextToken?: string): Promise<Page<ExternalRecommendation | undefined>> {
  const out = await port.getEC2InstanceRecommendations({ accountIds: [account], maxResults: PAGE_SIZE, nextToken });
  return { nextToken: out.nextToken, errors: out.errors, items: (out.instanceRecommendations ?? []).map(normaliseInstanceRecommendation) };
}

async function ebsPage(port: ComputeOptimizerPort, account: string, nextToken?: string): Promise<Page<ExternalRecommendation | undefined>> {
  const out = await port.getEBSVolumeRecommendations({ accountIds: [account], maxResults: PAGE_SIZE, nextToken });
  return { nextToken: out.nextToken, errors: out.errors, items: (out.volumeRecommendations ?? []).map(normaliseVolumeRecommendation) };
}

async function lambdaPage(port: ComputeOptimizerPort, account: string, nextToken?: string): Promise<Page<ExternalRecommendation | undefined>> {
  const out = await port.getLambdaFunctionRecommendations({ accountIds: [account], maxResults: PAGE_SIZE, nextToken });
  return { nextToken: out.nextToken, items: (out.lambdaFunctionRecommendations ?? []).map(normaliseFunctionRecommendation) };
}

async function autoScalingGroupPage(port: ComputeOptimizerPort, account: string, nextToken?: string): Promise<Page<ExternalRecommendation | undefined>> {
  const out = await port.getAutoScalingGroupRecommendations({ accountIds: [account], maxResults: PAGE_SIZE, nextToken });
  return { nextToken: out.nextToken, errors: out.errors, items: (out.autoScalingGroupRecommendations ?? []).map(normaliseAutoScalingGroupRecommendation) };
}

async function ecsPage(port: ComputeOptimizerPort, account: string, nextToken?: string): Promise<Page<ExternalRecommendation | undefined>> {
  const out = await port.getECSServiceRecommendations({ accountIds: [account], maxResults: PAGE_SIZE, nextToken });
  return { nextToken: out.nextToken, errors: out.errors, items: (out.ecsServiceRecommendations ?? []).map(normaliseEcsServiceRecommendation) };
}

/** The issue a region that is not opted in gets: what is missing and how to fix it, in one sentence. */
function explainOptIn(where: { account: string; region: string }) {
  return (error: CollectorApiError): string | undefined =>
    error.cause.name === 'OptInRequiredException'
      ? `Account ${where.account} is not opted in to AWS Compute Optimizer in ${where.region}, so it has no EC2, EBS, Lambda, Auto Scaling or ECS recommendations there; opt in (aws compute-optimizer update-enrollment-status --status Active) to get them.`
      : undefined;
}
