import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectPrices } from '../../../lambdas/collectors/pricing/collect-prices.js';
import { paidTierUsd, parsePriceListItem, PriceListShapeError, usageTypeOf } from '../../../lambdas/collectors/pricing/price-list-item.js';
import { ebsVolumeQuery } from '../../../lambdas/collectors/pricing/price-queries.js';
import { testContext } from '../helpers/context.js';
import { londonPriceList, priceListEntry } from './price-list-fixtures.js';

const pricing = mockClient(PricingClient);
afterEach(() => pricing.reset());

/** An EC2 instance product as the Price List API returns it (PriceList entries are JSON strings). */
function instance(instanceType: string, usd: string): string {
  const sku = `SKU${instanceType.replace('.', '')}`;
  return JSON.stringify({
    product: {
      productFamily: 'Compute Instance',
      attributes: { instanceType, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', regionCode: 'us-east-1', servicecode: 'AmazonEC2' },
      sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: 'Hrs', endRange: 'Inf', description: `$${usd} per On Demand Linux ${instanceType} Instance Hour`, appliesTo: [], beginRange: '0', pricePerUnit: { USD: usd } } },
          sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
    },
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
  });
}

/** The EBS entry of the Price List API reference's GetProducts example (an older one: no volumeApiName). */
const officialEbsExample =
  '{"product":{"productFamily":"Storage","attributes":{"storageMedia":"SSD-backed","maxThroughputvolume":"320 MB/sec","volumeType":"Provisioned IOPS","maxIopsvolume":"20000","servicecode":"AmazonEC2","usagetype":"APS1-EBS:VolumeUsage.piops","locationType":"AWS Region","location":"Asia Pacific (Singapore)","servicename":"Amazon Elastic Compute Cloud","maxVolumeSize":"16 TiB","operation":""},"sku":"3MKHN58N7RDDVGKJ"},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"3MKHN58N7RDDVGKJ.JRTCKXETXF":{"priceDimensions":{"3MKHN58N7RDDVGKJ.JRTCKXETXF.6YS6EN2CT7":{"unit":"GB-Mo","endRange":"Inf","description":"$0.138 per GB-month of Provisioned IOPS SSD (io1)  provisioned storage - Asia Pacific (Singapore)","appliesTo":[],"rateCode":"3MKHN58N7RDDVGKJ.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{"USD":"0.1380000000"}}},"sku":"3MKHN58N7RDDVGKJ","effectiveDate":"2018-08-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20180808005701","publicationDate":"2018-08-08T00:57:01Z"}';

type ProductsInput = { ServiceCode?: string; NextToken?: string; Filters?: { Field?: string; Value?: string }[] };
const familyOf = (input: ProductsInput) => input.Filters?.find((f) => f.Field === 'productFamily')?.Value;
/** How many GetProducts queries one region costs when nothing is cached (one page each). */
const QUERIES_PER_REGION = 14;

describe('collectPrices', () => {
  it('pages GetProducts with NextToken and writes the region’s EC2 hourly and EBS GB-month prices', async () => {
    pricing.on(GetProductsCommand).callsFake(async (input: ProductsInput) => {
      if (input.ServiceCode !== 'AmazonEC2') return { FormatVersion: 'aws_v1', PriceList: [] };
      if (familyOf(input) === 'Storage') return { FormatVersion: 'aws_v1', PriceList: [officialEbsExample] };
      if (familyOf(input) !== 'Compute Instance') return { FormatVersion: 'aws_v1', PriceList: [] };
      if (input.NextToken === undefined) return { FormatVersion: 'aws_v1', PriceList: [instance('m5.large', '0.0960000000')], NextToken: 'p2' };
      return { FormatVersion: 'aws_v1', PriceList: [instance('t3.micro', '0.0104000000')] };
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect(await context.store.getPrices('us-east-1')).toEqual({ region: 'us-east-1', ec2HourlyUsd: { 'm5.large': 0.096, 't3.micro': 0.0104 }, ebsGbMonthUsd: { io1: 0.138 } });
    expect(report.calls).toEqual({ 'pricing:GetProducts': QUERIES_PER_REGION + 1 });
    const first = pricing.commandCalls(GetProductsCommand)[0].args[0].input;
    expect(first).toMatchObject({ ServiceCode: 'AmazonEC2', FormatVersion: 'aws_v1', MaxResults: 100 });
    expect(first.Filters).toEqual(
      expect.arrayContaining([
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
        { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
        { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
        { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
        { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
      ]),
    );
  });

  it('reuses the cached answer for a week instead of asking again', async () => {
    pricing.on(GetProductsCommand).resolves({ FormatVersion: 'aws_v1', PriceList: [instance('m5.large', '0.096')] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectPrices(context);
    const second = await collectPrices(context);

    expect(pricing.commandCalls(GetProductsCommand)).toHaveLength(QUERIES_PER_REGION);
    expect(second.calls).toEqual({});
    expect(second.cacheHits).toEqual({ 'pricing:GetProducts': QUERIES_PER_REGION });
    expect((await context.store.getPrices('us-east-1'))?.ec2HourlyUsd).toEqual({ 'm5.large': 0.096 });
  });

  it('records a malformed PriceList entry as an issue and keeps the region’s other prices', async () => {
    pricing.on(GetProductsCommand).resolves({ FormatVersion: 'aws_v1', PriceList: ['{"product":', instance('c6g.large', '0.068')] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect((await context.store.getPrices('us-east-1'))?.ec2HourlyUsd).toEqual({ 'c6g.large': 0.068 });
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'pricing', region: 'us-east-1', code: 'MalformedPriceListItem', message: expect.stringMatching(/entry 0 is not valid JSON/) })]));
  });

  it('stops paging when GetProducts hands back a NextToken it already gave, keeping the prices read', async () => {
    pricing.on(GetProductsCommand).callsFake(async (input: ProductsInput) =>
      familyOf(input) === 'Compute Instance' ? { FormatVersion: 'aws_v1', PriceList: [instance(input.NextToken === undefined ? 'm5.large' : 't3.micro', '0.1')], NextToken: 'same' } : { FormatVersion: 'aws_v1', PriceList: [] },
    );
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect((await context.store.getPrices('us-east-1'))?.ec2HourlyUsd).toEqual({ 'm5.large': 0.1, 't3.micro': 0.1 });
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/EC2 instances: GetProducts repeated a NextToken after 2 pages/) })]));
  });

  it('records a denied Price List as an issue, not a failure', async () => {
    pricing.on(GetProductsCommand).rejects(Object.assign(new Error('User is not authorized to perform: pricing:GetProducts'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect(report.issues).toEqual([expect.objectContaining({ source: 'pricing', region: 'us-east-1', code: 'AccessDeniedException' })]);
    expect(await context.store.getPrices('us-east-1')).toBeUndefined();
  });
});

describe('collectPrices for the newer services', () => {
  it('fills RDS, NAT gateway, public IPv4, load balancer, DynamoDB, Logs and snapshot prices of the region', async () => {
    pricing.on(GetProductsCommand).callsFake(async (input: ProductsInput) => ({ FormatVersion: 'aws_v1', PriceList: londonPriceList(input) }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }), { regions: ['eu-west-2'] });

    const report = await collectPrices(context);

    expect(report.issues).toEqual([]);
    expect(await context.store.getPrices('eu-west-2')).toEqual({
      region: 'eu-west-2',
      ec2HourlyUsd: { 'm5.large': 0.111 },
      ebsGbMonthUsd: { gp3: 0.0928 },
      ebsSnapshotGbMonthUsd: 0.053,
      ebsSnapshotArchiveGbMonthUsd: 0.01325,
      rdsHourlyUsd: { postgres: { 'db.m5.large': 0.206 }, mysql: { 'db.t3.micro': 0.02 } },
      rdsStorageGbMonthUsd: 0.133,
      rdsSnapshotGbMonthUsd: 0.1,
      // The zonal gateway, not the regional one ($0.07).
      natGateway: { hourlyUsd: 0.05, perGbProcessedUsd: 0.05 },
      elasticIpHourlyUsd: 0.005,
      // LCU products share the families and are skipped.
      loadBalancerHourlyUsd: { application: 0.0264, network: 0.0264, gateway: 0.0147, classic: 0.028 },
      // Standard table class, paid rate after the free allowance; Standard-IA (IA-...) is not mixed in.
      dynamoDb: { wcuHourUsd: 0.00074, rcuHourUsd: 0.000148, writeRequestUnitUsd: 0.0000007065, readRequestUnitUsd: 0.0000001413, storageGbMonthUsd: 0.297 },
      logs: { ingestionGbUsd: 0.53, storageGbMonthUsd: 0.0318 },
    });
    const services = pricing.commandCalls(GetProductsCommand).map((call) => call.args[0].input.ServiceCode);
    expect(new Set(services)).toEqual(new Set(['AmazonEC2', 'AmazonRDS', 'AmazonVPC', 'AWSELB', 'AmazonDynamoDB', 'AmazonCloudWatch']));
    const ipv4 = pricing.commandCalls(GetProductsCommand).find((call) => call.args[0].input.ServiceCode === 'AmazonVPC')?.args[0].input;
    expect(ipv4?.Filters).toEqual([
      { Type: 'TERM_MATCH', Field: 'group', Value: 'VPCPublicIPv4Address' },
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-2' },
    ]);
    expect(report.itemsWritten.prices).toBe(22);
  });

  it('reports the services the Price List had no prices for and leaves them to the bundled prices', async () => {
    pricing.on(GetProductsCommand).callsFake(async (input: ProductsInput) => ({
      FormatVersion: 'aws_v1',
      PriceList: ['AmazonRDS', 'AmazonDynamoDB'].includes(input.ServiceCode ?? '') ? [] : londonPriceList(input),
    }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }), { regions: ['eu-west-2'] });

    const report = await collectPrices(context);

    expect(report.issues).toEqual([
      { source: 'pricing', region: 'eu-west-2', code: 'NoListPrices', message: 'the Price List returned no eu-west-2 prices for RDS, DynamoDB; the bundled us-east-1 prices are used for them' },
    ]);
    const prices = await context.store.getPrices('eu-west-2');
    expect(prices).not.toHaveProperty('rdsHourlyUsd');
    expect(prices).not.toHaveProperty('dynamoDb');
    expect(prices?.natGateway).toEqual({ hourlyUsd: 0.05, perGbProcessedUsd: 0.05 });
  });
});

describe('Price List entries', () => {
  it('strips the region prefix from usage types but keeps other leading words', () => {
    const withUsage = (usagetype: string) => parsePriceListItem(priceListEntry('AmazonDynamoDB', 'Provisioned IOPS', { usagetype }, [{ unit: 'Hrs', usd: '1' }]), 0);
    expect(usageTypeOf(withUsage('EUW2-WriteCapacityUnit-Hrs'))).toBe('WriteCapacityUnit-Hrs');
    expect(usageTypeOf(withUsage('EU-NatGateway-Bytes'))).toBe('NatGateway-Bytes');
    expect(usageTypeOf(withUsage('UGW1-PublicIPv4:IdleAddress'))).toBe('PublicIPv4:IdleAddress');
    expect(usageTypeOf(withUsage('NatGateway-Hours'))).toBe('NatGateway-Hours');
    expect(usageTypeOf(withUsage('IA-ReadCapacityUnit-Hrs'))).toBe('IA-ReadCapacityUnit-Hrs');
  });

  it('prices a tiered product at its first paid tier, or zero when every tier is free', () => {
    const tiered = parsePriceListItem(priceListEntry('AmazonDynamoDB', 'Database Storage', {}, [{ unit: 'GB-Mo', usd: '0.25', begin: '25' }, { unit: 'GB-Mo', usd: '0.00', end: '25' }]), 0);
    expect(paidTierUsd(tiered, 'GB-Mo')).toBe(0.25);
    expect(paidTierUsd(tiered, 'Hrs')).toBeUndefined();
    const free = parsePriceListItem(priceListEntry('AmazonDynamoDB', 'Database Storage', {}, [{ unit: 'GB-Mo', usd: '0.00' }]), 0);
    expect(paidTierUsd(free, undefined)).toBe(0);
  });

  it('reads the volume type from volumeApiName, or from the usagetype of older entries', () => {
    const query = ebsVolumeQuery('ap-southeast-1');
    expect(query.keyOf(parsePriceListItem(officialEbsExample, 0))).toBe('io1');
    const gp3 = JSON.parse(officialEbsExample) as { product: { attributes: Record<string, string> } };
    gp3.product.attributes.volumeApiName = 'gp3';
    expect(query.keyOf(parsePriceListItem(JSON.stringify(gp3), 1))).toBe('gp3');
  });

  it('refuses an entry without product attributes, naming the entry', () => {
    expect(() => parsePriceListItem('{"terms":{}}', 7)).toThrow(PriceListShapeError);
    expect(() => parsePriceListItem('{"terms":{}}', 7)).toThrow(/PriceList entry 7 .*product/);
  });
});
