import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../lambdas/collectors/aws/all-adapters.js';
import { CountingThrottleMeter } from '../../lambdas/collectors/aws/throttle-meter.js';
import {
  ACCOUNT_DISCOVERY_ACTIONS,
  actionsOfPorts,
  COLLECTOR_PORTS,
  COLLECTOR_READ_ACTIONS,
  COLLECTOR_ROLES,
  DEPENDENT_ACTIONS,
  iamActionOfCall,
  MEMBER_ROLE_READ_ACTIONS,
  PORT_ACTIONS,
  type CollectorPortKey,
} from '../../lib/collector-permissions.js';
import { HANDLERS } from '../../lib/handlers.js';
import { REPO_ROOT } from '../../lib/paths.js';

/** Fails every request before it leaves the process: the call meter has already counted the command by then. */
const offline = {
  metadata: { handlerProtocol: 'h1' },
  handle: () => Promise.reject(new Error('offline test: no request leaves the process')),
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
};

/**
 * Calls every method of one AWS adapter once and returns the IAM actions of the commands it sent, as the call
 * meter names them (`EC2Client` + `DescribeInstancesCommand` -> `ec2:DescribeInstances`).
 */
async function actionsSentBy(port: CollectorPortKey): Promise<{ actions: string[]; silentMethods: string[] }> {
  const meter = new CountingThrottleMeter();
  const build = allAwsAdapters[port] as unknown as (config: unknown, meter: CountingThrottleMeter) => Record<string, (input: unknown) => Promise<unknown>>;
  const adapter = build(
    { region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1, extra: { requestHandler: offline } },
    meter,
  );
  const silentMethods: string[] = [];
  for (const method of Object.keys(adapter).sort()) {
    const before = Object.keys(meter.apiCalls()).length;
    await adapter[method]({}).catch(() => undefined);
    if (Object.keys(meter.apiCalls()).length === before) silentMethods.push(method);
  }
  return { actions: [...new Set(Object.keys(meter.apiCalls()).map(iamActionOfCall))].sort(), silentMethods };
}

describe('collector permissions', () => {
  it('list exactly the IAM action of every SDK command each AWS adapter sends, nothing more', async () => {
    const ports = Object.keys(allAwsAdapters).sort() as CollectorPortKey[];
    expect(ports).toEqual((Object.keys(PORT_ACTIONS) as CollectorPortKey[]).sort());
    for (const port of ports) {
      const { actions, silentMethods } = await actionsSentBy(port);
      expect(silentMethods, `${port}: methods that sent no metered command`).toEqual([]);
      expect({ port, missing: actions.filter((action) => !PORT_ACTIONS[port].includes(action)) }).toEqual({ port, missing: [] });
      expect({ port, neverSent: PORT_ACTIONS[port].filter((action) => !actions.includes(action)) }).toEqual({ port, neverSent: [] });
    }
  });

  it('give each collector the actions of the ports its handler wires, plus their dependent actions', () => {
    for (const role of COLLECTOR_ROLES) {
      const source = readFileSync(path.join(REPO_ROOT, HANDLERS[role].entry), 'utf8');
      const wired = /getCollectorRuntime\(\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
      const keys = [...wired.matchAll(/(\w+)\s*:/g)].map((match) => match[1]).sort();
      expect({ role, keys }).toEqual({ role, keys: [...COLLECTOR_PORTS[role]].sort() });
    }
    expect(COLLECTOR_READ_ACTIONS['collect-compute-optimizer']).toContain('ec2:DescribeInstances');
    expect(COLLECTOR_READ_ACTIONS['collect-cost-explorer']).toEqual(['ce:GetCostAndUsage', 'ce:GetCostForecast', 'ce:GetReservationCoverage', 'ce:GetSavingsPlansCoverage', 'ce:GetSavingsPlansUtilization']);
  });

  it('declare dependent actions only for actions a port sends, and only read actions anywhere', () => {
    const sent = Object.values(PORT_ACTIONS).flat();
    expect(Object.keys(DEPENDENT_ACTIONS).filter((action) => !sent.includes(action))).toEqual([]);
    const all = [...MEMBER_ROLE_READ_ACTIONS, ...ACCOUNT_DISCOVERY_ACTIONS];
    // API Gateway names its read action by HTTP verb (apigateway:GET); every other read is Get*, List* or Describe*.
    expect(all.filter((action) => action !== 'apigateway:GET' && !/^[a-z0-9-]+:(Get|List|Describe)[A-Za-z0-9]+$/.test(action))).toEqual([]);
  });

  it('give the member role the union of every port, deduplicated and sorted', () => {
    expect(MEMBER_ROLE_READ_ACTIONS).toEqual(actionsOfPorts(['cloudwatch', 'costExplorer', 'computeOptimizer', 'inventory', 'pricing']));
    expect(new Set(MEMBER_ROLE_READ_ACTIONS).size).toBe(MEMBER_ROLE_READ_ACTIONS.length);
    for (const role of COLLECTOR_ROLES) expect(MEMBER_ROLE_READ_ACTIONS).toEqual(expect.arrayContaining([...COLLECTOR_READ_ACTIONS[role]]));
  });
});
