import type { Domain, Finding } from '../types/action.js';
import type { NamedForecast } from '../insights/cost-forecasts.js';
import type { ReportedAnomaly } from '../insights/reported-anomalies.js';
import type { HourlySpend } from '../insights/hourly-compute-spend.js';
import type { CommitmentCoverage, DailyCost, Resource } from '../types/snapshot.js';
import type { RuleContext } from './rule.js';

/**
 * What an account-level rule sees: the whole run after the per-resource rules. Savings Plans sizing needs the
 * resource findings (it sizes the commitment on spend *after* rightsizing); the performance actions built from
 * anomalies and capacity forecasts need the insights and the resources they name.
 */
export interface AccountRuleInput {
  /** Every resource of the run (to resolve the ARN an anomaly or forecast names). */
  resources: readonly Resource[];
  /** Findings of the per-resource rules and external recommendations, before prioritisation. */
  findings: readonly Finding[];
  /** On-demand compute spend per account per UTC hour (insights/hourly-compute-spend.ts): Savings Plans sizing. */
  hourlyComputeSpend: readonly HourlySpend[];
  /** Daily unblended cost by service and account (Cost Explorer). */
  costs: readonly DailyCost[];
  /** Existing Savings Plans and Reserved Instance coverage per account (Cost Explorer); absent: none known. */
  commitments?: readonly CommitmentCoverage[];
  /** Metric and cost anomalies of the run. */
  anomalies: readonly ReportedAnomaly[];
  /** Cost forecasts and capacity-exhaustion forecasts of the run. */
  forecasts: readonly NamedForecast[];
}

/** A rule over the whole run rather than one resource. Like `Rule`, it returns data and never reads the clock. */
export interface AccountRule {
  id: string;
  domain: Domain;
  /** One line for the rules table in the README and the report. */
  summary: string;
  evaluate(input: AccountRuleInput, context: RuleContext): Finding[];
}
