import type { RestApi } from '@aws-sdk/client-api-gateway';
import type { Api } from '@aws-sdk/client-apigatewayv2';
import { ApiGatewayConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';

/**
 * A REST API from GetRestApis. ARN: arn:<partition>:apigateway:<region>::/restapis/<id> (API Gateway ARNs carry no
 * account). The name is required: REST API metrics are published under the `ApiName` dimension, not the id.
 */
export function normaliseRestApi(api: RestApi, where: Placement): Resource {
  const { id, name } = api;
  if (id === undefined || id === '' || name === undefined || name === '') throw new MalformedItemError('the API Gateway API returned a REST API without id or name');
  const config = ApiGatewayConfigSchema.parse({
    protocol: 'REST',
    apiId: id,
    // EDGE, REGIONAL or PRIVATE: an API has exactly one endpoint type.
    endpointType: api.endpointConfiguration?.types?.[0],
    createdDate: api.createdDate?.toISOString(),
  });
  return {
    arn: `arn:${partitionOf(where.region)}:apigateway:${where.region}::/restapis/${id}`,
    type: 'apigateway:api',
    account: where.account,
    region: where.region,
    name,
    tags: { ...api.tags },
    config,
  };
}

/** An HTTP or WebSocket API from GetApis (API Gateway v2). ARN: arn:<partition>:apigateway:<region>::/apis/<id>. */
export function normaliseV2Api(api: Api, where: Placement): Resource {
  const id = api.ApiId;
  if (id === undefined || id === '') throw new MalformedItemError('the API Gateway v2 API returned an API without ApiId');
  const config = ApiGatewayConfigSchema.parse({ protocol: api.ProtocolType, apiId: id, createdDate: api.CreatedDate?.toISOString() });
  return {
    arn: `arn:${partitionOf(where.region)}:apigateway:${where.region}::/apis/${id}`,
    type: 'apigateway:api',
    account: where.account,
    region: where.region,
    name: api.Name || id,
    tags: { ...api.Tags },
    config,
  };
}
