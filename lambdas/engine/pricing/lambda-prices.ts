/**
 * AWS Lambda prices for us-east-1, USD, as published on https://aws.amazon.com/lambda/pricing/ (checked 2026-11-29):
 * compute per GB-second of configured memory × billed duration (first pricing tier, up to 6 billion GB-seconds a
 * month), and a per-request charge. Arm64 (Graviton) compute is about 20 % cheaper than x86_64.
 */
export type LambdaArchitecture = 'x86_64' | 'arm64';

export const LAMBDA_GB_SECOND_USD_US_EAST_1: Readonly<Record<LambdaArchitecture, number>> = {
  x86_64: 0.0000166667,
  arm64: 0.0000133334,
};

/** USD per request ($0.20 per million). */
export const LAMBDA_REQUEST_USD = 0.2 / 1_000_000;
