import type { Domain, Finding } from '../types/action.js';
import type { ExternalRecommendation, MetricSeries, Resource, ResourceType } from '../types/snapshot.js';
import type { PriceBook } from '../pricing/price-book.js';

/** Everything a rule sees about one resource. */
export interface ResourceSlice {
  resource: Resource;
  series: MetricSeries[];
  recommendations: ExternalRecommendation[];
}

/** Settings shared by all rules (deploy configuration, SPEC §9). */
export interface RuleContext {
  /** Evaluation time, epoch ms: rules never read the clock. */
  now: number;
  prices: PriceBook;
  /** Headroom kept above the observed peak when sizing, in percent (default 20). */
  headroomPercent: number;
  /** How far back metrics are considered, in days (default 14). */
  lookbackDays: number;
}

/** One rule = one file. Rules return data; formatters do the wording. */
export interface Rule {
  id: string;
  domain: Domain;
  resourceType: ResourceType;
  /** One line for the rules table in the README and the report. */
  summary: string;
  evaluate(slice: ResourceSlice, context: RuleContext): Finding[];
}
