import type { InventoryPort } from '../../collectors/ports.js';
import type { SampleResource } from './model.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata } from './sample-errors.js';

/**
 * One region of the sample account's API Gateway APIs, answering like the real APIs: GetRestApis (`limit` 1–500,
 * default 25, `position`; endpointConfiguration.types holds the one endpoint type) and API Gateway v2 GetApis
 * (`MaxResults` a numeric string, `NextToken`; ProtocolType HTTP or WEBSOCKET). Both carry the tags.
 */
export function createSampleWebInventory(samples: SampleResource[], cap: (n: number) => number): Pick<InventoryPort, 'getRestApis' | 'getApis'> {
  const apis = samples.filter((s) => s.resource.type === 'apigateway:api');
  const rest = apis.filter((s) => s.resource.config.protocol === 'REST');
  const v2 = apis.filter((s) => s.resource.config.protocol !== 'REST');
  const page = <T>(items: T[], input: object, tokenField: string, token: string | undefined, size: number) => {
    const key = requestKey(input, tokenField);
    const offset = decodeToken(token, key, 'BadRequestException');
    return { items: items.slice(offset, offset + size), next: offset + size < items.length ? encodeToken(offset + size, key) : undefined };
  };

  return {
    async getRestApis(input) {
      const size = cap(pageSize(input.limit, 1, 500, 25, 'GetRestApis', 'limit', 'BadRequestException'));
      const { items, next } = page(rest, input, 'position', input.position, size);
      return {
        items: items.map(({ resource: r, createdAt }) => ({
          id: String(r.config.apiId),
          name: r.name,
          createdDate: new Date(createdAt),
          endpointConfiguration: { types: [r.config.endpointType as 'REGIONAL' | 'EDGE' | 'PRIVATE'] },
          tags: { ...r.tags },
        })),
        position: next,
        $metadata: responseMetadata(),
      };
    },

    async getApis(input) {
      const requested = input.MaxResults === undefined ? undefined : Number(input.MaxResults);
      const size = cap(pageSize(requested, 1, 10_000, 10_000, 'GetApis', 'MaxResults', 'BadRequestException'));
      const { items, next } = page(v2, input, 'NextToken', input.NextToken, size);
      return {
        Items: items.map(({ resource: r, createdAt }) => ({
          ApiId: String(r.config.apiId),
          Name: r.name,
          ProtocolType: r.config.protocol as 'HTTP' | 'WEBSOCKET',
          ApiEndpoint: `https://${String(r.config.apiId)}.execute-api.${r.region}.amazonaws.com`,
          RouteSelectionExpression: '$request.method $request.path',
          CreatedDate: new Date(createdAt),
          Tags: { ...r.tags },
        })),
        NextToken: next,
        $metadata: responseMetadata(),
      };
    },
  };
}
