/**
 * Grid emission factors per AWS region, metric tons CO2e per kWh, as Cloud Carbon Footprint publishes them
 * (cloud-carbon-footprint/cloud-carbon-footprint, packages/aws/src/domain/AwsFootprintEstimationConstants.ts
 * AWS_EMISSIONS_FACTORS_METRIC_TON_PER_KWH, with the US regions' NERC factors from packages/core/src/
 * FootprintEstimationConstants.ts US_NERC_REGIONS_EMISSIONS_FACTORS; Apache-2.0). CCF's sources: EPA eGRID for the
 * US NERC regions, carbonfootprint.com's country factors elsewhere (docs/carbon.md).
 */
const NERC = { RFC: 0.000410608, SERC: 0.000379069, WECC: 0.000322167 } as const;

export const GRID_TONNES_CO2E_PER_KWH: Readonly<Record<string, number>> = {
  'us-east-1': NERC.SERC,
  'us-east-2': NERC.RFC,
  'us-west-1': NERC.WECC,
  'us-west-2': NERC.WECC,
  'us-gov-east-1': NERC.SERC,
  'us-gov-west-1': NERC.WECC,
  'af-south-1': 0.000928,
  'ap-east-1': 0.00081,
  'ap-south-1': 0.000708,
  'ap-northeast-3': 0.000506,
  'ap-northeast-2': 0.0005,
  'ap-southeast-1': 0.0004085,
  'ap-southeast-2': 0.00079,
  'ap-northeast-1': 0.000506,
  'ca-central-1': 0.00013,
  'cn-north-1': 0.000555,
  'cn-northwest-1': 0.000555,
  'eu-central-1': 0.000338,
  'eu-west-1': 0.000316,
  'eu-west-2': 0.000228,
  'eu-south-1': 0.000233,
  'eu-west-3': 0.000052,
  'eu-north-1': 0.000008,
  'me-south-1': 0.000732,
  'sa-east-1': 0.000074,
};

/** CCF's factor for a region it has no figure for: the average of its table (its `UNKNOWN` entry). */
export const UNKNOWN_REGION_TONNES_CO2E_PER_KWH = 0.00038738;

/** The grid factor of `region` (t CO2e/kWh); CCF's table average for regions the table does not list. */
export function gridTonnesCo2ePerKwh(region: string): number {
  return Object.hasOwn(GRID_TONNES_CO2E_PER_KWH, region) ? GRID_TONNES_CO2E_PER_KWH[region] : UNKNOWN_REGION_TONNES_CO2E_PER_KWH;
}
