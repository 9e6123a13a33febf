import type { ExternalRecommendation } from '../../engine/types/snapshot.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { ComputeOptimizerPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import {
  normaliseFunctionRecommendation,
  normaliseInstanceRecommendation,
  normaliseVolumeRecommendation,
} from './normalise-recommendations.js';

/** Compute Optimizer's page-size maximum for these APIs. */
const PAGE_SIZE = 1000;

type Page<T> = { nextToken?: string; errors?: { identifier?: string; code?: string; message?: string }[]; items: T[] };

/**
 * Compute Optimizer recommendations for EC2 instances, EBS volumes and Lambda functions, per account ×
 * region (each API paged with `nextToken`), normalised into ExternalRecommendations. A region where
 * the account is not opted in answers OptInRequiredException: recorded as an issue, the rest carries on.
 * Per-item `errors` in a response are recorded too.
 */
export async function collectRecommendations(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('compute-optimizer');
  for (const account of context.accounts) {
    for (const region of context.regions) {
      const ports = context.portsFor(account, region);
      const port = countingPort(ports.computeOptimizer, 'compute-optimizer', report);
      const where = { account, region };
      await collectUnit(report, where, ports, async () => {
        const recommendations: ExternalRecommendation[] = [];
        const sources: [string, (token?: string) => Promise<Page<ExternalRecommendation | undefined>>][] = [
          ['ec2', (token) => ec2Page(port, account, token)],
          ['ebs', (token) => ebsPage(port, account, token)],
          ['lambda', (token) => lambdaPage(port, account, token)],
        ];
        for (const [, fetchPage] of sources) {
          let token: string | undefined;
          do {
            const page = await fetchPage(token);
            for (const item of page.items) if (item !== undefined) recommendations.push(item);
            for (const error of page.errors ?? []) {
              report.addIssue({ ...where, code: error.code ?? 'RecommendationError', message: `${error.identifier ?? ''} ${error.message ?? ''}`.trim() });
            }
            token = page.nextToken || undefined;
          } while (token !== undefined);
        }
        if (recommendations.length > 0) await context.store.putRecommendations(recommendations);
        report.countWritten('recommendations', recommendations.length);
      });
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
