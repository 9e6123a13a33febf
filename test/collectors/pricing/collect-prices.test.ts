import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectPrices } from '../../../lambdas/collectors/pricing/collect-prices.js';
import { parsePriceListItem, PriceListShapeError } from '../../../lambdas/collectors/pricing/price-list-item.js';
import { ebsVolumeQuery } from '../../../lambdas/collectors/pricing/price-queries.js';
import { testContext } from '../helpers/context.js';

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

const isStorage = (input: { Filters?: { Field?: string; Value?: string }[] }) => input.Filters?.some((f) => f.Field === 'productFamily' && f.Value === 'Storage') ?? false;

describe('collectPrices', () => {
  it('pages GetProducts with NextToken and writes the region’s EC2 hourly and EBS GB-month prices', async () => {
    pricing.on(GetProductsCommand).callsFake(async (input: { NextToken?: string; Filters?: { Field?: string; Value?: string }[] }) => {
      if (isStorage(input)) return { FormatVersion: 'aws_v1', PriceList: [officialEbsExample] };
      if (input.NextToken === undefined) return { FormatVersion: 'aws_v1', PriceList: [instance('m5.large', '0.0960000000')], NextToken: 'p2' };
      return { FormatVersion: 'aws_v1', PriceList: [instance('t3.micro', '0.0104000000')] };
    });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect(await context.store.getPrices('us-east-1')).toEqual({ region: 'us-east-1', ec2HourlyUsd: { 'm5.large': 0.096, 't3.micro': 0.0104 }, ebsGbMonthUsd: { io1: 0.138 } });
    expect(report.calls).toEqual({ 'pricing:GetProducts': 3 });
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

    expect(pricing.commandCalls(GetProductsCommand)).toHaveLength(2);
    expect(second.calls).toEqual({});
    expect(second.cacheHits).toEqual({ 'pricing:GetProducts': 2 });
    expect((await context.store.getPrices('us-east-1'))?.ec2HourlyUsd).toEqual({ 'm5.large': 0.096 });
  });

  it('records a malformed PriceList entry as an issue and keeps the region’s other prices', async () => {
    pricing.on(GetProductsCommand).resolves({ FormatVersion: 'aws_v1', PriceList: ['{"product":', instance('c6g.large', '0.068')] });
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect((await context.store.getPrices('us-east-1'))?.ec2HourlyUsd).toEqual({ 'c6g.large': 0.068 });
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'pricing', region: 'us-east-1', code: 'MalformedPriceListItem', message: expect.stringMatching(/entry 0 is not valid JSON/) })]));
  });

  it('records a denied Price List as an issue, not a failure', async () => {
    pricing.on(GetProductsCommand).rejects(Object.assign(new Error('User is not authorized to perform: pricing:GetProducts'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectPrices(context);

    expect(report.issues).toEqual([expect.objectContaining({ source: 'pricing', region: 'us-east-1', code: 'AccessDeniedException' })]);
    expect(await context.store.getPrices('us-east-1')).toBeUndefined();
  });
});

describe('Price List entries', () => {
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
