/**
 * Amazon RDS on-demand prices for us-east-1 (US East, N. Virginia), USD, Single-AZ, as published on
 * https://aws.amazon.com/rds/mysql/pricing/, https://aws.amazon.com/rds/mariadb/pricing/ and
 * https://aws.amazon.com/rds/postgresql/pricing/ (checked 2026-11-29; the same figures appear in public price tables,
 * e.g. the hashicorp/terraform-provider-aws RDS test price list of 2024-02-02).
 *
 * Within one instance family RDS prices scale with the size's normalisation factor (the factor AWS uses for Reserved
 * Instance size flexibility, RDS User Guide "Size-flexible Reserved DB instances": micro 0.5, small 1, medium 2,
 * large 4, xlarge 8, 2xlarge 16 … 32xlarge 256), so the table keeps the `large` price per family and engine and derives
 * the other sizes:
 *
 *   hourly(class) = largeHourly(family, engine) × factor(size) / factor(large)
 *
 * Published prices are rounded to 3 decimals, so derived sizes can differ from the page by < 1 % (db.m7g.xlarge MySQL:
 * 0.336 derived, 0.337 published). Multi-AZ (one standby) bills two instances: × 2 (RDS User Guide "Multi-AZ DB
 * instances"). Engines other than MySQL, MariaDB and PostgreSQL (licence-bound Oracle/SQL Server, Aurora) are not
 * bundled: undefined.
 */

/** RDS engine names as DescribeDBInstances reports them, mapped to the price column they use. */
const ENGINE_COLUMN: Readonly<Record<string, 'mysql' | 'postgres'>> = {
  mysql: 'mysql',
  mariadb: 'mysql', // MariaDB is priced like MySQL on every instance class.
  postgres: 'postgres',
};

/** USD/hour of the `large` size, Single-AZ, per family: [MySQL/MariaDB, PostgreSQL]; null where not bundled. */
const LARGE_HOURLY_USD: Readonly<Record<string, readonly [number, number | null]>> = {
  t3: [0.136, 0.145],
  t4g: [0.129, 0.129],
  m5: [0.171, 0.178],
  m6g: [0.152, 0.159],
  m6i: [0.171, 0.178],
  m7g: [0.168, 0.168],
  r5: [0.24, 0.25],
  r6g: [0.215, 0.225],
  r6i: [0.24, 0.25],
  r7g: [0.239, null],
};

/** Sizes each family is sold in (burstable families stop at 2xlarge; Graviton2/3 at 16xlarge). */
const SIZES_BY_FAMILY: Readonly<Record<string, readonly string[]>> = {
  t3: ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  t4g: ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  m5: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'],
  m6g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  m6i: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
  m7g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  r5: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'],
  r6g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  r6i: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
  r7g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
};

/** RDS normalisation factors by size. */
const NORMALISATION_FACTOR: Readonly<Record<string, number>> = {
  micro: 0.5,
  small: 1,
  medium: 2,
  large: 4,
  xlarge: 8,
  '2xlarge': 16,
  '4xlarge': 32,
  '8xlarge': 64,
  '12xlarge': 96,
  '16xlarge': 128,
  '24xlarge': 192,
  '32xlarge': 256,
};

/** USD per GB-month of General Purpose (gp2 and gp3) storage, Single-AZ; Multi-AZ stores twice: × 2. */
export const RDS_STORAGE_GB_MONTH_USD = 0.115;

/**
 * USD per GB-month of backup storage beyond the free allowance (100 % of provisioned storage, and only while the
 * instance exists): what a deleted instance's final snapshot costs (https://aws.amazon.com/rds/mysql/pricing/,
 * "Backup Storage", checked 2026-11-29).
 */
export const RDS_SNAPSHOT_GB_MONTH_USD = 0.095;

/** The engine's price column, or undefined when the engine is not bundled. */
export function rdsPriceColumn(engine: string): 'mysql' | 'postgres' | undefined {
  return ENGINE_COLUMN[engine.toLowerCase()];
}

/**
 * Bundled us-east-1 on-demand USD/hour for a DB instance class ('db.m5.large') and engine ('mysql', 'mariadb',
 * 'postgres'), Single-AZ or Multi-AZ; undefined when the class, size or engine is not in the table.
 */
export function bundledRdsHourlyUsd(instanceClass: string, engine: string, multiAz: boolean): number | undefined {
  const column = rdsPriceColumn(engine);
  const match = /^db\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass);
  if (column === undefined || !match) return undefined;
  const [, family, size] = match;
  const large = LARGE_HOURLY_USD[family]?.[column === 'mysql' ? 0 : 1];
  if (large === undefined || large === null || !SIZES_BY_FAMILY[family].includes(size)) return undefined;
  const singleAz = (large * NORMALISATION_FACTOR[size]) / NORMALISATION_FACTOR.large;
  return multiAz ? 2 * singleAz : singleAz;
}

/** Every DB instance class the bundled table prices for an engine (MySQL/MariaDB or PostgreSQL column). */
export function bundledRdsInstanceClasses(engine: string): string[] {
  const column = rdsPriceColumn(engine);
  if (column === undefined) return [];
  return Object.entries(SIZES_BY_FAMILY).flatMap(([family, sizes]) =>
    LARGE_HOURLY_USD[family][column === 'mysql' ? 0 : 1] === null ? [] : sizes.map((size) => `db.${family}.${size}`),
  );
}

/**
 * RDS storage prices beyond General Purpose gp2, us-east-1, Single-AZ (Multi-AZ stores twice: × 2), USD, from
 * https://aws.amazon.com/rds/postgresql/pricing/ and https://aws.amazon.com/rds/mysql/pricing/ (checked 2026-12-08):
 * Provisioned IOPS (io1) $0.125 per GB-month plus $0.10 per provisioned IOPS-month; gp3 $0.115 per GB-month with
 * a baseline included and $0.02 per IOPS-month above it.
 *
 * gp3 baseline for MySQL, MariaDB and PostgreSQL (RDS User Guide, "gp3 storage"): below 400 GiB allocated, 3,000
 * IOPS and 125 MiB/s, not adjustable; from 400 GiB, 12,000 IOPS and 500 MiB/s, provisionable up to 64,000 IOPS.
 */
export const RDS_IO1_GB_MONTH_USD = 0.125;
export const RDS_IO1_IOPS_MONTH_USD = 0.1;
export const RDS_GP3_GB_MONTH_USD = 0.115;
export const RDS_GP3_IOPS_MONTH_USD = 0.02;
export const RDS_GP3_LARGE_VOLUME_GIB = 400;
export const RDS_GP3_SMALL_BASELINE_IOPS = 3000;
export const RDS_GP3_LARGE_BASELINE_IOPS = 12000;
export const RDS_GP3_MAX_IOPS = 64000;
