import { ZodError } from 'zod';
import type { Resource } from '../../engine/types/snapshot.js';
import { apiIssue } from '../api-issue.js';
import { CollectorApiError } from '../collector-api-error.js';
import type { ReportBuilder } from '../report.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';

/** What one (account, region, type) unit listed so far, and how many items it skipped as malformed. */
export interface Listing {
  report: ReportBuilder;
  resources: Resource[];
  skipped: number;
}

/** One malformed item is an issue, not a failed collection: record it with the reason and skip it. */
export function normaliseOrRecord(listing: Listing, where: Placement, id: string | undefined, normalise: () => void): void {
  try {
    normalise();
  } catch (error) {
    if (!(error instanceof ZodError) && !(error instanceof MalformedItemError)) throw error;
    const reason = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : error.message;
    listing.skipped += 1;
    listing.report.addIssue({ ...where, code: 'UnsupportedResourceShape', message: `skipped ${id ?? 'an item'}: ${reason}` });
  }
}

/**
 * Runs a secondary read (tags, target health) whose failure should not lose the resource: an AWS error is
 * recorded as an issue saying what was not read, and `fallback` is returned. Anything else propagates.
 */
export async function readOrRecord<T>(report: ReportBuilder, where: Placement, what: string, fallback: T, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof CollectorApiError)) throw error;
    const issue = apiIssue(error);
    report.addIssue({ ...where, ...issue, message: `${what}: ${issue.message}` });
    return fallback;
  }
}
