import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { clientOptions, type AdapterConfig } from '../aws/client-config.js';
import type { CountingThrottleMeter } from '../aws/throttle-meter.js';
import type { OrganizationsPort } from './organizations-port.js';

/**
 * OrganizationsPort over the SDK. Organizations is a global service: the SDK's endpoint rules send any region of a
 * partition to that partition's endpoint, and AWS_ENDPOINT_URL_ORGANIZATIONS still wins. Calls are metered like
 * every collector call (organizations:ListAccounts in the run's API ledger).
 */
export function awsOrganizationsPort(config: AdapterConfig, meter: CountingThrottleMeter): OrganizationsPort {
  const client = new OrganizationsClient(clientOptions(config));
  meter.attachTo(client);
  return { listAccounts: (input) => client.send(new ListAccountsCommand(input)) };
}
