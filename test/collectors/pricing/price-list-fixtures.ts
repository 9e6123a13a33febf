/**
 * Price List entries shaped like GetProducts' `PriceList` strings (Price List API reference, GetProducts response
 * syntax and example): `product` with productFamily, attributes and sku, `serviceCode`, and OnDemand terms whose price
 * dimensions carry unit, beginRange/endRange and pricePerUnit.USD as a decimal string.
 */
export interface Tier {
  unit: string;
  usd: string;
  begin?: string;
  end?: string;
}

let skuCounter = 0;

export function priceListEntry(serviceCode: string, productFamily: string | undefined, attributes: Record<string, string>, tiers: Tier[]): string {
  skuCounter += 1;
  const sku = `SKU${String(skuCounter).padStart(12, '0')}`;
  const priceDimensions = Object.fromEntries(
    tiers.map((tier, index) => [
      `${sku}.JRTCKXETXF.${index}`,
      { unit: tier.unit, beginRange: tier.begin ?? '0', endRange: tier.end ?? 'Inf', description: `${tier.usd} per ${tier.unit}`, appliesTo: [], pricePerUnit: { USD: tier.usd } },
    ]),
  );
  return JSON.stringify({
    product: { ...(productFamily === undefined ? {} : { productFamily }), attributes: { servicecode: serviceCode, ...attributes }, sku },
    serviceCode,
    terms: { OnDemand: { [`${sku}.JRTCKXETXF`]: { priceDimensions, sku, effectiveDate: '2026-11-01T00:00:00Z', offerTermCode: 'JRTCKXETXF', termAttributes: {} } } },
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
  });
}

type Filters = { Field?: string; Value?: string }[] | undefined;
const value = (filters: Filters, field: string) => filters?.find((f) => f.Field === field)?.Value;

/**
 * A fake GetProducts over the eu-west-2 (London, usagetype prefix EUW2) list prices of every service the collector
 * reads, answering only the products a real query's TERM_MATCH filters select.
 */
export function londonPriceList(input: { ServiceCode?: string; Filters?: Filters }): string[] {
  const family = value(input.Filters, 'productFamily');
  const region = value(input.Filters, 'regionCode');
  if (region !== 'eu-west-2') return [];
  const rows: [string, string | undefined, Record<string, string>, Tier[]][] = [
    ['AmazonEC2', 'Compute Instance', { instanceType: 'm5.large', usagetype: 'EUW2-BoxUsage:m5.large', operatingSystem: 'Linux' }, [{ unit: 'Hrs', usd: '0.1110000000' }]],
    ['AmazonEC2', 'Storage', { volumeApiName: 'gp3', usagetype: 'EUW2-EBS:VolumeUsage.gp3' }, [{ unit: 'GB-Mo', usd: '0.0928000000' }]],
    ['AmazonEC2', 'Storage Snapshot', { usagetype: 'EUW2-EBS:SnapshotUsage' }, [{ unit: 'GB-Mo', usd: '0.0530000000' }]],
    ['AmazonEC2', 'Storage Snapshot', { usagetype: 'EUW2-EBS:SnapshotArchiveStorage' }, [{ unit: 'GB-Mo', usd: '0.0132500000' }]],
    ['AmazonEC2', 'NAT Gateway', { usagetype: 'EUW2-NatGateway-Hours', operation: 'NatGateway' }, [{ unit: 'Hrs', usd: '0.0500000000' }]],
    ['AmazonEC2', 'NAT Gateway', { usagetype: 'EUW2-NatGateway-Bytes', operation: 'NatGateway' }, [{ unit: 'GB', usd: '0.0500000000' }]],
    ['AmazonEC2', 'NAT Gateway', { usagetype: 'EUW2-RegionalNatGateway-Hours', operation: 'RegionalNatGateway' }, [{ unit: 'Hrs', usd: '0.0700000000' }]],
    ['AmazonVPC', undefined, { group: 'VPCPublicIPv4Address', usagetype: 'EUW2-PublicIPv4:IdleAddress' }, [{ unit: 'Hrs', usd: '0.0050000000' }]],
    ['AmazonVPC', undefined, { group: 'VPCPublicIPv4Address', usagetype: 'EUW2-PublicIPv4:InUseAddress' }, [{ unit: 'Hrs', usd: '0.0050000000' }]],
    ['AWSELB', 'Load Balancer-Application', { usagetype: 'EUW2-LoadBalancerUsage', operation: 'LoadBalancing:Application' }, [{ unit: 'Hrs', usd: '0.0264000000' }]],
    ['AWSELB', 'Load Balancer-Application', { usagetype: 'EUW2-LCUUsage', operation: 'LoadBalancing:Application' }, [{ unit: 'LCU-Hrs', usd: '0.0080000000' }]],
    ['AWSELB', 'Load Balancer-Network', { usagetype: 'EUW2-LoadBalancerUsage', operation: 'LoadBalancing:Network' }, [{ unit: 'Hrs', usd: '0.0264000000' }]],
    ['AWSELB', 'Load Balancer-Gateway', { usagetype: 'EUW2-LoadBalancerUsage', operation: 'LoadBalancing:Gateway' }, [{ unit: 'Hrs', usd: '0.0147000000' }]],
    ['AWSELB', 'Load Balancer', { usagetype: 'EUW2-LoadBalancerUsage', operation: 'LoadBalancing' }, [{ unit: 'Hrs', usd: '0.0280000000' }]],
    // DynamoDB: a free allowance first, then the paid rate.
    ['AmazonDynamoDB', 'Provisioned IOPS', { group: 'DDB-WriteUnits', usagetype: 'EUW2-WriteCapacityUnit-Hrs' }, [{ unit: 'WriteCapacityUnit-Hrs', usd: '0.0000000000', end: '18600' }, { unit: 'WriteCapacityUnit-Hrs', usd: '0.0007400000', begin: '18600' }]],
    ['AmazonDynamoDB', 'Provisioned IOPS', { group: 'DDB-ReadUnits', usagetype: 'EUW2-ReadCapacityUnit-Hrs' }, [{ unit: 'ReadCapacityUnit-Hrs', usd: '0.0000000000', end: '18600' }, { unit: 'ReadCapacityUnit-Hrs', usd: '0.0001480000', begin: '18600' }]],
    ['AmazonDynamoDB', 'Provisioned IOPS', { group: 'DDB-WriteUnits', usagetype: 'EUW2-IA-WriteCapacityUnit-Hrs' }, [{ unit: 'WriteCapacityUnit-Hrs', usd: '0.0009200000' }]],
    ['AmazonDynamoDB', 'Amazon DynamoDB PayPerRequest Throughput', { group: 'DDB-WriteUnits', usagetype: 'EUW2-WriteRequestUnits' }, [{ unit: 'WriteRequestUnits', usd: '0.0000007065' }]],
    ['AmazonDynamoDB', 'Amazon DynamoDB PayPerRequest Throughput', { group: 'DDB-ReadUnits', usagetype: 'EUW2-ReadRequestUnits' }, [{ unit: 'ReadRequestUnits', usd: '0.0000001413' }]],
    ['AmazonDynamoDB', 'Database Storage', { usagetype: 'EUW2-TimedStorage-ByteHrs' }, [{ unit: 'GB-Mo', usd: '0.0000000000', end: '25' }, { unit: 'GB-Mo', usd: '0.2970000000', begin: '25' }]],
    ['AmazonCloudWatch', 'Data Payload', { usagetype: 'EUW2-DataProcessing-Bytes', group: 'Ingested Logs' }, [{ unit: 'GB', usd: '0.5300000000' }]],
    ['AmazonCloudWatch', 'Data Payload', { usagetype: 'EUW2-DataScanned-Bytes' }, [{ unit: 'GB', usd: '0.0063000000' }]],
    ['AmazonCloudWatch', 'Storage Snapshot', { usagetype: 'EUW2-TimedStorage-ByteHrs' }, [{ unit: 'GB-Mo', usd: '0.0318000000' }]],
    ['AmazonRDS', 'Database Instance', { databaseEngine: 'PostgreSQL', instanceType: 'db.m5.large', deploymentOption: 'Single-AZ', usagetype: 'EUW2-InstanceUsage:db.m5.large' }, [{ unit: 'Hrs', usd: '0.2060000000' }]],
    ['AmazonRDS', 'Database Instance', { databaseEngine: 'MySQL', instanceType: 'db.t3.micro', deploymentOption: 'Single-AZ', usagetype: 'EUW2-InstanceUsage:db.t3.micro' }, [{ unit: 'Hrs', usd: '0.0200000000' }]],
    ['AmazonRDS', 'Database Storage', { volumeType: 'General Purpose', deploymentOption: 'Single-AZ', usagetype: 'EUW2-RDS:GP2-Storage' }, [{ unit: 'GB-Mo', usd: '0.1330000000' }]],
    ['AmazonRDS', 'Storage Snapshot', { usagetype: 'EUW2-RDS:ChargedBackupUsage' }, [{ unit: 'GB-Mo', usd: '0.1000000000' }]],
  ];
  return rows
    .filter(([service, rowFamily, attributes]) => {
      if (service !== input.ServiceCode || (family !== undefined && rowFamily !== family)) return false;
      return (input.Filters ?? []).every((f) => f.Field === 'productFamily' || f.Field === 'regionCode' || attributes[f.Field ?? ''] === f.Value || ['tenancy', 'preInstalledSw', 'capacitystatus'].includes(f.Field ?? ''));
    })
    .map(([service, rowFamily, attributes, tiers]) => priceListEntry(service, rowFamily, { regionCode: 'eu-west-2', ...attributes }, tiers));
}
