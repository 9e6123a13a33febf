/**
 * Cloud Carbon Footprint (CCF) coefficients for AWS, from cloud-carbon-footprint/cloud-carbon-footprint
 * (packages/aws/src/domain/AwsFootprintEstimationConstants.ts, packages/core/src/compute/ComputeProcessorTypes.ts; methodology at
 * https://www.cloudcarbonfootprint.org/docs/methodology), Apache-2.0.
 */

/** Average watts per vCPU at 0 % and 100 % utilisation across AWS processors (CCF MIN_WATTS_AVG / MAX_WATTS_AVG). */
export const MIN_WATTS_PER_VCPU = 0.74;
export const MAX_WATTS_PER_VCPU = 3.5;
/** AWS Graviton and Graviton2 (CCF COMPUTE_PROCESSOR_TYPES.AWS_GRAVITON_2: min_watts_avg / max_watts_avg). */
export const GRAVITON_MIN_WATTS_PER_VCPU = 0.47;
export const GRAVITON_MAX_WATTS_PER_VCPU = 1.69;
/** kWh per GB-hour of memory (CCF MEMORY_COEFFICIENT). */
export const MEMORY_KWH_PER_GB_HOUR = 0.000392;
/** Storage: watt-hours per TB-hour (CCF SSDCOEFFICIENT / HDDCOEFFICIENT). */
export const SSD_WH_PER_TB_HOUR = 1.2;
export const HDD_WH_PER_TB_HOUR = 0.65;
/** CCF REPLICATION_FACTORS: EBS volumes twice within an AZ (EC2_EBS_VOLUME), snapshots three times (EC2_EBS_SNAPSHOT). */
export const EBS_REPLICATION_FACTOR = 2;
export const EBS_SNAPSHOT_REPLICATION_FACTOR = 3;
/** CCF REPLICATION_FACTORS.DEFAULT, for storage it lists no factor for (CloudWatch Logs). */
export const DEFAULT_REPLICATION_FACTOR = 1;
/** CPU utilisation CCF assumes where none is measured (AVG_CPU_UTILIZATION_2020 = 50 %). */
export const CCF_AVERAGE_CPU_FRACTION = 0.5;
/** AWS power usage effectiveness (CCF PUE_AVG). */
export const AWS_PUE = 1.135;
/** Grid emission factors per region: grid-factors.ts. */
