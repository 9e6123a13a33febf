/**
 * Discount of a 1-year, no-upfront Compute Savings Plan against on-demand, per covered service, as a fraction.
 *
 * Source: AWS Savings Plans pricing (https://aws.amazon.com/savingsplans/compute-pricing/, checked 2026-11) — Compute
 * Savings Plans discount EC2 "up to 66 %", Fargate "up to 52 %" and Lambda "up to 17 %"; those maxima are for 3-year
 * all-upfront terms on the most discounted usage. For 1-year no-upfront the published per-instance rates on current
 * Linux families in us-east-1 are roughly 25–35 % for EC2, ~20–25 % for Fargate and 12 % for Lambda duration.
 *
 * We take the low end of each range, so the savings we report are ones the plan will almost surely deliver:
 * - EC2 0.25: the bottom of the 1-year no-upfront range (older and burstable families sit there; newer ones higher);
 * - Fargate 0.20: below the 1-year no-upfront rate for Linux vCPU/GB;
 * - Lambda 0.12: the 1-year no-upfront rate for duration (requests are not discounted at all, and are part of the
 *   'AWS Lambda' cost line, so this still overstates Lambda a little — it is the smallest share of most bills).
 * A snapshot from Cost Explorer's GetSavingsPlansPurchaseRecommendation would be more exact; this is the offline default.
 */
export const COMPUTE_SP_1YR_NO_UPFRONT_DISCOUNT: Readonly<Record<ComputeService, number>> = {
  ec2: 0.25,
  fargate: 0.2,
  lambda: 0.12,
};

/**
 * The same for a 3-year no-upfront Compute Savings Plan (same source, checked 2026-11): the published per-instance
 * rates on current Linux families in us-east-1 are roughly 45–55 % for EC2, ~40–45 % for Fargate and 17 % for Lambda
 * duration ("up to 17 %" is Lambda's only rate). Low end again: EC2 0.45, Fargate 0.40, Lambda 0.17.
 */
export const COMPUTE_SP_3YR_NO_UPFRONT_DISCOUNT: Readonly<Record<ComputeService, number>> = {
  ec2: 0.45,
  fargate: 0.4,
  lambda: 0.17,
};

/** The plan terms sized, with their bundled discounts. */
export const COMPUTE_SP_TERMS: readonly { termYears: 1 | 3; rates: Readonly<Record<ComputeService, number>> }[] = [
  { termYears: 1, rates: COMPUTE_SP_1YR_NO_UPFRONT_DISCOUNT },
  { termYears: 3, rates: COMPUTE_SP_3YR_NO_UPFRONT_DISCOUNT },
];

export type ComputeService = 'ec2' | 'fargate' | 'lambda';

/**
 * Cost Explorer service names (the SERVICE dimension) whose usage a Compute Savings Plan covers. ECS on Fargate bills
 * under 'Amazon Elastic Container Service' (EC2-backed ECS has no charge of its own, its instances bill as EC2).
 */
export const COMPUTE_SERVICES: Readonly<Record<string, ComputeService>> = {
  'Amazon Elastic Compute Cloud - Compute': 'ec2',
  'AWS Lambda': 'lambda',
  'Amazon Elastic Container Service': 'fargate',
  'AWS Fargate': 'fargate',
};

/** Which service a resource type's savings come out of (findings on these shrink the baseline). */
export const COMPUTE_RESOURCE_TYPES: Readonly<Record<string, ComputeService>> = {
  'ec2:instance': 'ec2',
  'lambda:function': 'lambda',
  'ecs:service': 'fargate',
};
