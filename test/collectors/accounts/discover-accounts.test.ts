import { ListAccountsCommand, OrganizationsClient, type Account, type AccountState } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { accountsToCollect } from '../../../lambdas/collectors/accounts/account-source.js';
import { cachedDiscovery, discoverAccounts, type AccountDiscovery } from '../../../lambdas/collectors/accounts/discover-accounts.js';
import { listActiveAccounts, OrganizationsShapeError } from '../../../lambdas/collectors/accounts/list-active-accounts.js';
import { awsOrganizationsPort } from '../../../lambdas/collectors/accounts/organizations-adapter.js';
import { CountingThrottleMeter } from '../../../lambdas/collectors/aws/throttle-meter.js';

const organizations = mockClient(OrganizationsClient);
afterEach(() => organizations.reset());

const HOME = '999988887777';

/** An Account as ListAccounts returns it (Organizations API reference, ListAccounts response). */
function account(id: string, state: AccountState): Account {
  return {
    Id: id,
    Arn: `arn:aws:organizations::${HOME}:account/o-exampleorgid/${id}`,
    Email: `aws+${id}@example.com`,
    Name: `account ${id}`,
    Status: state === 'ACTIVE' || state === 'PENDING_CLOSURE' ? state : 'SUSPENDED',
    State: state,
    JoinedMethod: 'CREATED',
    JoinedTimestamp: new Date('2024-01-02T03:04:05Z'),
  };
}

function port(meter = new CountingThrottleMeter()) {
  return awsOrganizationsPort(
    { region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 },
    meter,
  );
}

function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' as const, $metadata: { httpStatusCode: 400 } });
}

describe('listActiveAccounts', () => {
  it('pages through ListAccounts with NextToken and keeps only ACTIVE accounts, sorted', async () => {
    organizations
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves({ Accounts: [account('333333333333', 'ACTIVE'), account('222222222222', 'SUSPENDED')], NextToken: 'page-2' })
      .on(ListAccountsCommand, { NextToken: 'page-2' })
      .resolves({ Accounts: [account('111111111111', 'ACTIVE'), account('444444444444', 'PENDING_CLOSURE'), account('555555555555', 'CLOSED')] });
    expect(await listActiveAccounts(port())).toEqual(['111111111111', '333333333333']);
    const calls = organizations.commandCalls(ListAccountsCommand).map((call) => call.args[0].input);
    expect(calls).toEqual([
      { MaxResults: 20, NextToken: undefined },
      { MaxResults: 20, NextToken: 'page-2' },
    ]);
  });

  it('falls back to the older Status when an account carries no State', async () => {
    organizations.on(ListAccountsCommand).resolves({
      Accounts: [
        { Id: '111111111111', Status: 'ACTIVE' },
        { Id: '222222222222', Status: 'SUSPENDED' },
      ],
    });
    expect(await listActiveAccounts(port())).toEqual(['111111111111']);
  });

  it('rejects a page whose account id is not 12 digits, naming the page and field', async () => {
    organizations.on(ListAccountsCommand).resolves({ Accounts: [{ Id: 'not-an-id', State: 'ACTIVE' }] });
    await expect(listActiveAccounts(port())).rejects.toThrow(new OrganizationsShapeError('ListAccounts page 1 is malformed at Accounts.0.Id: expected a 12-digit account id'));
  });
});

describe('discoverAccounts', () => {
  it('puts the collector’s own account first, then the other active accounts', async () => {
    organizations.on(ListAccountsCommand).resolves({
      Accounts: [account('111111111111', 'ACTIVE'), account(HOME, 'ACTIVE'), account('555555555555', 'ACTIVE')],
    });
    expect(await discoverAccounts(port(), HOME)).toEqual({ accounts: [HOME, '111111111111', '555555555555'] });
  });

  it('carries on with the home account and an issue when Organizations denies the listing', async () => {
    organizations.on(ListAccountsCommand).rejects(serviceError('AccessDeniedException', 'You don’t have permissions to access this resource.'));
    const discovery = await discoverAccounts(port(), HOME);
    expect(discovery.accounts).toEqual([HOME]);
    expect(discovery.issue).toEqual({
      code: 'AccessDeniedException',
      message: `listing the organization's accounts failed (You don’t have permissions to access this resource.); collecting account ${HOME} only`,
    });
  });

  it('lets a programming error through instead of reporting it as an AWS issue', async () => {
    const broken = { listAccounts: () => Promise.reject(new TypeError('cannot read properties of undefined')) };
    await expect(discoverAccounts(broken, HOME)).rejects.toThrow(TypeError);
  });
});

describe('cachedDiscovery', () => {
  it('reuses a successful listing within the TTL and lists again after it', async () => {
    let clock = 0;
    let calls = 0;
    const discover = cachedDiscovery(async () => ({ accounts: [HOME, String(++calls).padStart(12, '0')] }), { ttlMs: 1000, now: () => clock });
    const first = await discover();
    clock = 999;
    expect(await discover()).toBe(first);
    clock = 1000;
    expect((await discover()).accounts[1]).toBe('000000000002');
  });

  it('does not keep a failed listing', async () => {
    const answers: AccountDiscovery[] = [{ accounts: [HOME], issue: { code: 'ThrottlingException', message: 'slow down' } }, { accounts: [HOME, '111111111111'] }];
    const discover = cachedDiscovery(async () => answers.shift()!, { now: () => 0 });
    expect((await discover()).issue?.code).toBe('ThrottlingException');
    expect((await discover()).accounts).toEqual([HOME, '111111111111']);
  });
});

describe('accountsToCollect', () => {
  it('uses the configured list without calling Organizations, or the discovery in organizations mode', async () => {
    const discover = async (): Promise<AccountDiscovery> => ({ accounts: [HOME, '111111111111'] });
    expect(await accountsToCollect('list', ['222222222222'], () => Promise.reject(new Error('must not be called')))).toEqual({ accounts: ['222222222222'] });
    expect(await accountsToCollect('organizations', [HOME], discover)).toEqual({ accounts: [HOME, '111111111111'] });
  });
});
