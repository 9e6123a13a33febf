import type { Filter } from '@aws-sdk/client-pricing';
import type { PriceListItem } from './price-list-item.js';
import { onDemandUsd } from './price-list-item.js';

/** One Price List query: the GetProducts request's service and filters, and how to key and price each product. */
export interface PriceQuery {
  /** What the query prices, for issues and the cache key ("EC2 instances", "NAT gateway"). */
  label: string;
  serviceCode: string;
  filters: Filter[];
  /** The record key of a product (instance type, volume type), or undefined to skip it. */
  keyOf(item: PriceListItem): string | undefined;
  priceOf(item: PriceListItem): number | undefined;
}

/** A GetProducts TERM_MATCH filter (an exact attribute value). */
export const match = (Field: string, Value: string): Filter => ({ Type: 'TERM_MATCH', Field, Value });

/**
 * EC2 on-demand Linux prices per instance type in a region: shared tenancy, no pre-installed software, and
 * capacitystatus Used (the other statuses are reservation line items, not the instance price).
 */
export function ec2InstanceQuery(region: string): PriceQuery {
  return {
    label: 'EC2 instances',
    serviceCode: 'AmazonEC2',
    filters: [
      match('productFamily', 'Compute Instance'),
      match('regionCode', region),
      match('operatingSystem', 'Linux'),
      match('tenancy', 'Shared'),
      match('preInstalledSw', 'NA'),
      match('capacitystatus', 'Used'),
    ],
    keyOf: (item) => item.product.attributes.instanceType,
    priceOf: (item) => onDemandUsd(item, 'Hrs'),
  };
}

/** usagetype suffix -> EBS volume type, for entries older than the `volumeApiName` attribute. */
const VOLUME_TYPE_BY_USAGE: Record<string, string> = {
  'EBS:VolumeUsage': 'standard',
  'EBS:VolumeUsage.gp2': 'gp2',
  'EBS:VolumeUsage.gp3': 'gp3',
  'EBS:VolumeUsage.piops': 'io1',
  'EBS:VolumeUsage.io2': 'io2',
  'EBS:VolumeUsage.st1': 'st1',
  'EBS:VolumeUsage.sc1': 'sc1',
};

/** EBS storage prices per GB-month by volume type (gp2, gp3, io1, io2, st1, sc1, standard) in a region. */
export function ebsVolumeQuery(region: string): PriceQuery {
  return {
    label: 'EBS volumes',
    serviceCode: 'AmazonEC2',
    filters: [match('productFamily', 'Storage'), match('regionCode', region)],
    keyOf: (item) => {
      const attributes = item.product.attributes;
      if (attributes.volumeApiName) return attributes.volumeApiName;
      const usage = attributes.usagetype?.replace(/^[A-Z0-9]+-(?=EBS:)/, '');
      return usage === undefined ? undefined : VOLUME_TYPE_BY_USAGE[usage];
    },
    priceOf: (item) => onDemandUsd(item, 'GB-Mo'),
  };
}
