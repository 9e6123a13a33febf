/**
 * Cloud Carbon Footprint (CCF) coefficients for AWS, from cloud-carbon-footprint/cloud-carbon-footprint
 * (packages/aws/src/domain/AwsFootprintEstimationConstants.ts; methodology at
 * https://www.cloudcarbonfootprint.org/docs/methodology), Apache-2.0.
 */

/** Average watts per vCPU at 0 % and 100 % utilisation across AWS processors (CCF MIN_WATTS_AVG / MAX_WATTS_AVG). */
export const MIN_WATTS_PER_VCPU = 0.74;
export const MAX_WATTS_PER_VCPU = 3.5;
/** kWh per GB-hour of memory (CCF MEMORY_COEFFICIENT). */
export const MEMORY_KWH_PER_GB_HOUR = 0.000392;
/** Storage: watt-hours per TB-hour (CCF SSDCOEFFICIENT / HDDCOEFFICIENT). */
export const SSD_WH_PER_TB_HOUR = 1.2;
export const HDD_WH_PER_TB_HOUR = 0.65;
/** EBS volumes are replicated twice within an AZ (CCF REPLICATION_FACTORS.EC2_EBS_VOLUME). */
export const EBS_REPLICATION_FACTOR = 2;
/** AWS power usage effectiveness (CCF PUE_AVG). */
export const AWS_PUE = 1.135;
/** Grid emissions, metric tons CO2e per kWh, us-east-1 (CCF: NERC region SERC). Used for every region for now. */
export const US_EAST_1_TONNES_CO2E_PER_KWH = 0.000379069;
