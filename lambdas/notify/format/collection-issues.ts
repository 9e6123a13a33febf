import type { CollectionStatus } from '../../collectors/collection-status.js';
import type { CollectionIssue } from '../../engine/types/snapshot.js';

/** What a run says about its collection: how far to trust it, and each issue. */
export interface CollectionReportInput {
  status: CollectionStatus;
  issues: readonly CollectionIssue[];
}

/**
 * One issue as findings.json, the report, Slack and email show it: where (account, region), which AWS API (service,
 * operation), the error, and how many resources lost data by it when known.
 */
export interface ReportedIssue {
  account?: string;
  region?: string;
  service: string;
  operation?: string;
  code: string;
  error: string;
  resourcesAffected?: number;
}

export function reportedIssue(issue: CollectionIssue): ReportedIssue {
  return {
    ...(issue.account === undefined ? {} : { account: issue.account }),
    ...(issue.region === undefined ? {} : { region: issue.region }),
    service: issue.service ?? issue.source,
    ...(issue.operation === undefined ? {} : { operation: issue.operation }),
    code: issue.code,
    error: issue.message,
    ...(issue.resourcesAffected === undefined ? {} : { resourcesAffected: issue.resourcesAffected }),
  };
}

/** "eu-west-1 (111122223333) · cloudwatch GetMetricData · NetworkError: could not reach … · 37 resources affected". */
export function issueLine(issue: CollectionIssue): string {
  const r = reportedIssue(issue);
  const where = [r.region ?? 'global', r.account === undefined ? undefined : `(${r.account})`].filter(Boolean).join(' ');
  const api = [r.service, r.operation].filter(Boolean).join(' ');
  const affected = r.resourcesAffected === undefined ? [] : [`${r.resourcesAffected} resource(s) affected`];
  return [where, api, `${r.code}: ${r.error}`, ...affected].join(' · ');
}

/** The sentence that heads the issues: what the status means for the findings. */
export function statusSentence(collection: CollectionReportInput): string {
  const n = collection.issues.length;
  switch (collection.status) {
    case 'complete':
      return n === 0 ? 'Collection complete.' : `Collection complete; ${n} note(s) that lost no data.`;
    case 'partial':
      return `Collection partial: ${n} issue(s); findings may be missing or understated where data was lost.`;
    case 'failed':
      return `Collection failed: ${n} issue(s) and no resources collected; there was nothing to analyse.`;
  }
}

/** The issues a digest lists by name (Slack's text limits); the rest are counted. */
export const LISTED_ISSUES = 5;

/** An issue line's longest length in a digest: five of them and the status stay far inside Slack's 3,000 characters. */
const MAX_LINE = 400;

/**
 * The digest's collection lines: the status sentence, then the first LISTED_ISSUES issues by name, then how many
 * more the report lists. Empty when the run reported no issue.
 */
export function collectionLines(collection: CollectionReportInput | undefined): string[] {
  if (collection === undefined || collection.issues.length === 0) return [];
  const listed = collection.issues.slice(0, LISTED_ISSUES).map((issue) => {
    const line = issueLine(issue);
    return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
  });
  const more = collection.issues.length - listed.length;
  return [statusSentence(collection), ...listed.map((line) => `• ${line}`), ...(more > 0 ? [`• ${more} more in the report`] : [])];
}
