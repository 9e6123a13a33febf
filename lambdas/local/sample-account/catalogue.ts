/**
 * The slice of AWS's us-east-1 on-demand price list the sample account uses (Linux, USD, from the
 * EC2 and RDS pricing pages, November 2026). Only for plausible sample costs; the engine has its own
 * bundled catalogue.
 */
export interface InstanceTypeInfo {
  vcpu: number;
  memoryGiB: number;
  hourlyUsd: number;
  architecture: 'x86_64' | 'arm64';
}

export const ec2Catalogue: Record<string, InstanceTypeInfo> = {
  't3.small': { vcpu: 2, memoryGiB: 2, hourlyUsd: 0.0208, architecture: 'x86_64' },
  't3.medium': { vcpu: 2, memoryGiB: 4, hourlyUsd: 0.0416, architecture: 'x86_64' },
  't3.large': { vcpu: 2, memoryGiB: 8, hourlyUsd: 0.0832, architecture: 'x86_64' },
  'm5.large': { vcpu: 2, memoryGiB: 8, hourlyUsd: 0.096, architecture: 'x86_64' },
  'm5.xlarge': { vcpu: 4, memoryGiB: 16, hourlyUsd: 0.192, architecture: 'x86_64' },
  'm5.2xlarge': { vcpu: 8, memoryGiB: 32, hourlyUsd: 0.384, architecture: 'x86_64' },
  'm6i.large': { vcpu: 2, memoryGiB: 8, hourlyUsd: 0.096, architecture: 'x86_64' },
  'm6i.xlarge': { vcpu: 4, memoryGiB: 16, hourlyUsd: 0.192, architecture: 'x86_64' },
  'm7g.large': { vcpu: 2, memoryGiB: 8, hourlyUsd: 0.0816, architecture: 'arm64' },
  'm7g.xlarge': { vcpu: 4, memoryGiB: 16, hourlyUsd: 0.1632, architecture: 'arm64' },
  'c5.4xlarge': { vcpu: 16, memoryGiB: 32, hourlyUsd: 0.68, architecture: 'x86_64' },
  'c6g.large': { vcpu: 2, memoryGiB: 4, hourlyUsd: 0.068, architecture: 'arm64' },
  'c6i.xlarge': { vcpu: 4, memoryGiB: 8, hourlyUsd: 0.17, architecture: 'x86_64' },
  'c6i.2xlarge': { vcpu: 8, memoryGiB: 16, hourlyUsd: 0.34, architecture: 'x86_64' },
  'c7g.xlarge': { vcpu: 4, memoryGiB: 8, hourlyUsd: 0.145, architecture: 'arm64' },
  'r5.2xlarge': { vcpu: 8, memoryGiB: 64, hourlyUsd: 0.504, architecture: 'x86_64' },
  'r6g.large': { vcpu: 2, memoryGiB: 16, hourlyUsd: 0.1008, architecture: 'arm64' },
  'r6g.xlarge': { vcpu: 4, memoryGiB: 32, hourlyUsd: 0.2016, architecture: 'arm64' },
};

/** RDS single-AZ hourly prices (MySQL/PostgreSQL, us-east-1). */
export const rdsHourlyUsd: Record<string, number> = {
  'db.t3.medium': 0.068,
  'db.m5.xlarge': 0.342,
  'db.r6g.large': 0.225,
  'db.r5.xlarge': 0.5,
};

/** EBS $/GB-month (us-east-1): gp2 0.10, gp3 0.08, io1 0.125 (+ $0.065 per provisioned IOPS), st1 0.045. */
export const ebsGbMonthUsd: Record<string, number> = { gp2: 0.1, gp3: 0.08, io1: 0.125, io2: 0.125, st1: 0.045, sc1: 0.015, standard: 0.05 };
export const IO1_IOPS_MONTH_USD = 0.065;

/** Lambda: $0.0000166667 per GB-second x86_64, $0.0000133334 arm64, $0.20 per million requests. */
export const LAMBDA_GB_SECOND_USD = { x86_64: 0.0000166667, arm64: 0.0000133334 } as const;
export const LAMBDA_REQUEST_USD = 0.2 / 1_000_000;

/** DynamoDB: provisioned $0.00065 per WCU-hour, $0.00013 per RCU-hour; on-demand $0.625 / $0.125 per million WRU / RRU. */
export const DYNAMODB_PRICES = { wcuHour: 0.00065, rcuHour: 0.00013, wruMillion: 0.625, rruMillion: 0.125 } as const;

/** S3 Standard $0.023/GB-month; CloudWatch Logs storage $0.03/GB-month, ingestion $0.50/GB; ALB $0.0225/h + $0.008/LCU-h; data transfer out $0.09/GB. */
export const MISC_PRICES = { s3GbMonth: 0.023, logsGbMonth: 0.03, logsIngestGb: 0.5, albHour: 0.0225, lcuHour: 0.008, transferOutGb: 0.09 } as const;

export const DAYS_PER_MONTH = 30.4375;
