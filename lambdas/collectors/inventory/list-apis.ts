import type { InventoryPort } from '../ports.js';
import { normaliseOrRecord, type Listing } from './listing.js';
import type { Placement } from './normalise-ec2.js';
import { normaliseRestApi, normaliseV2Api } from './normalise-api.js';

/** GetRestApis takes `limit` 1–500 (default 25). GetApis documents no maximum: its default page size is used. */
const REST_APIS_PAGE = 500;

/**
 * API Gateway APIs of one region: REST APIs (GetRestApis, `position`) and HTTP/WebSocket APIs (GetApis,
 * `NextToken`); both lists carry their tags, so no further call is made. Both are listed in one unit because they
 * share the resource type `apigateway:api` (a unit replaces its whole type in the store) and the IAM action
 * `apigateway:GET`: if either call fails, the unit fails and the stored APIs are kept.
 */
export async function listApis(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let position: string | undefined;
  do {
    const page = await port.getRestApis({ limit: REST_APIS_PAGE, position });
    for (const api of page.items ?? []) {
      normaliseOrRecord(listing, where, api.id, () => listing.resources.push(normaliseRestApi(api, where)));
    }
    position = page.position || undefined;
  } while (position !== undefined);

  let nextToken: string | undefined;
  do {
    const page = await port.getApis({ NextToken: nextToken });
    for (const api of page.Items ?? []) {
      normaliseOrRecord(listing, where, api.ApiId, () => listing.resources.push(normaliseV2Api(api, where)));
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
}
