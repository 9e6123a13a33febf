import {
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListTagsCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lambdaMemory } from '../../../lambdas/actions/executors/lambda-memory.js';
import { actionFor } from './support/actions.js';
import { awsError, sdkContext } from './support/context.js';

const lambda = mockClient(LambdaClient);
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api';
const action = actionFor('lambda-memory', FUNCTION_ARN, { memoryMb: 1024, architecture: 'arm64' }, { memoryMb: 512 }, 'lambda:function');
const aliasAction = { ...action, resource: { ...action.resource, arn: `${FUNCTION_ARN}:live` } };

/** GetFunctionConfiguration, shaped like the Lambda API reference's response. */
function config(patch: Partial<FunctionConfiguration> = {}): FunctionConfiguration {
  return {
    FunctionName: 'orders-api',
    FunctionArn: FUNCTION_ARN,
    MemorySize: 1024,
    CodeSha256: 'sha-A',
    State: 'Active',
    LastUpdateStatus: 'Successful',
    RevisionId: 'rev-1',
    Version: '$LATEST',
    ...patch,
  };
}

describe('lambda-memory executor', () => {
  beforeEach(() => {
    lambda.reset();
    lambda.on(GetFunctionConfigurationCommand).resolves(config());
    lambda.on(ListTagsCommand).resolves({ Tags: { team: 'orders' } });
  });

  describe('precheck', () => {
    it('passes a function whose $LATEST has the recorded memory', async () => {
      expect(await lambdaMemory.precheck(action, sdkContext())).toEqual({ ok: true });
      expect(lambda.commandCalls(ListTagsCommand)[0].args[0].input).toEqual({ Resource: FUNCTION_ARN });
    });

    it('never changes a function whose $LATEST differs from the recorded configuration', async () => {
      lambda.on(GetFunctionConfigurationCommand).resolves(config({ MemorySize: 2048 }));
      expect(await lambdaMemory.precheck(action, sdkContext())).toEqual({ ok: false, reason: 'function orders-api now has 2048 MB, not the 1024 MB the action was computed for' });
    });

    it('refuses when the alias points at a version whose code differs from $LATEST', async () => {
      lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7' });
      lambda.on(GetFunctionConfigurationCommand, { FunctionName: 'orders-api', Qualifier: '7' }).resolves(config({ Version: '7', CodeSha256: 'sha-OLD' }));
      expect(await lambdaMemory.precheck(aliasAction, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('in CodeSha256;') });
      lambda.on(GetFunctionConfigurationCommand, { FunctionName: 'orders-api', Qualifier: '7' }).resolves(config({ Version: '7' }));
      expect(await lambdaMemory.precheck(aliasAction, sdkContext())).toEqual({ ok: true });
    });

    it('refuses when $LATEST has unpublished settings other than memory (PublishVersion would ship them)', async () => {
      lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7' });
      const latest = config({ Environment: { Variables: { MODE: 'new', REGION: 'eu' } }, Timeout: 30, Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:x:2', CodeSize: 10 }] });
      lambda.on(GetFunctionConfigurationCommand).resolves(latest);
      lambda.on(GetFunctionConfigurationCommand, { FunctionName: 'orders-api', Qualifier: '7' }).resolves(
        config({ Version: '7', Environment: { Variables: { MODE: 'old', REGION: 'eu' } }, Timeout: 3, Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:x:2', CodeSize: 99 }] }),
      );
      expect(await lambdaMemory.precheck(aliasAction, sdkContext())).toEqual({
        ok: false,
        reason: '$LATEST of orders-api differs from version 7 behind alias live in Timeout, Environment; publishing it would ship that too',
      });
      // Same settings in another key order: no difference.
      lambda.on(GetFunctionConfigurationCommand, { FunctionName: 'orders-api', Qualifier: '7' }).resolves(
        config({ Version: '7', Environment: { Variables: { REGION: 'eu', MODE: 'new' } }, Timeout: 30, Layers: latest.Layers }),
      );
      expect(await lambdaMemory.precheck(aliasAction, sdkContext())).toEqual({ ok: true });
    });

    it('refuses a weighted alias, a version ARN and a function outside the tag scope', async () => {
      lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7', RoutingConfig: { AdditionalVersionWeights: { '8': 0.1 } } });
      expect(await lambdaMemory.precheck(aliasAction, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('splits traffic') });
      const versionAction = { ...action, resource: { ...action.resource, arn: `${FUNCTION_ARN}:7` } };
      expect(await lambdaMemory.precheck(versionAction, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('immutable') });
      expect(await lambdaMemory.precheck(action, sdkContext({ tagScope: { key: 'headroom:managed', value: 'true' } }))).toMatchObject({ ok: false });
    });
  });

  it('updates $LATEST and waits for LastUpdateStatus Successful', async () => {
    lambda.on(GetFunctionConfigurationCommand)
      .resolvesOnce(config())
      .resolvesOnce(config({ MemorySize: 512, LastUpdateStatus: 'InProgress' }))
      .resolves(config({ MemorySize: 512 }));
    lambda.on(UpdateFunctionConfigurationCommand).resolves(config({ MemorySize: 512, LastUpdateStatus: 'InProgress' }));
    const after = await lambdaMemory.apply(action, { functionName: 'orders-api', memoryMb: 1024 }, sdkContext());
    expect(after).toEqual({ functionName: 'orders-api', memoryMb: 512 });
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0].args[0].input).toEqual({ FunctionName: 'orders-api', MemorySize: 512, RevisionId: 'rev-1' });
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(3);
  });

  it('fails the apply when Lambda reports the update Failed', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolvesOnce(config()).resolves(config({ MemorySize: 512, LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'boom' }));
    lambda.on(UpdateFunctionConfigurationCommand).resolves({});
    await expect(lambdaMemory.apply(action, { functionName: 'orders-api', memoryMb: 1024 }, sdkContext())).rejects.toThrow(/could not apply 512 MB to orders-api.*boom/);
  });

  it('publishes a version and moves an alias that points at a version; rollback moves it back first', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolvesOnce(config()).resolves(config({ MemorySize: 512 }));
    lambda.on(UpdateFunctionConfigurationCommand).resolves({});
    lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7' });
    lambda.on(PublishVersionCommand).resolves({ Version: '8' });
    lambda.on(UpdateAliasCommand).resolves({});
    const before = { functionName: 'orders-api', memoryMb: 1024, alias: 'live', aliasVersion: '7' };
    expect(await lambdaMemory.apply(aliasAction, before, sdkContext())).toEqual({ functionName: 'orders-api', memoryMb: 512, alias: 'live', aliasVersion: '8' });
    expect(lambda.commandCalls(PublishVersionCommand)[0].args[0].input).toMatchObject({ FunctionName: 'orders-api', CodeSha256: 'sha-A' });
    expect(lambda.commandCalls(UpdateAliasCommand)[0].args[0].input).toEqual({ FunctionName: 'orders-api', Name: 'live', FunctionVersion: '8' });

    lambda.reset();
    lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '8' });
    lambda.on(UpdateAliasCommand).resolves({});
    lambda.on(UpdateFunctionConfigurationCommand).resolves({});
    lambda.on(GetFunctionConfigurationCommand).resolvesOnce(config({ MemorySize: 512 })).resolvesOnce(config({ MemorySize: 512 })).resolves(config());
    expect(await lambdaMemory.rollback(aliasAction, before, sdkContext())).toEqual({ status: 'rolled-back', restored: before });
    expect(lambda.commandCalls(UpdateAliasCommand)[0].args[0].input).toEqual({ FunctionName: 'orders-api', Name: 'live', FunctionVersion: '7' });
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0].args[0].input).toMatchObject({ FunctionName: 'orders-api', MemorySize: 1024 });
  });

  it('reports the rollback not needed when nothing changed, and refused when the function is gone', async () => {
    expect(await lambdaMemory.rollback(action, { functionName: 'orders-api', memoryMb: 1024 }, sdkContext())).toMatchObject({ status: 'not-needed' });
    lambda.on(GetFunctionConfigurationCommand).rejects(awsError('ResourceNotFoundException', 'Function not found'));
    expect(await lambdaMemory.rollback(action, { functionName: 'orders-api', memoryMb: 1024 }, sdkContext())).toMatchObject({ status: 'refused' });
  });

  it('validates Duration p95, Errors and Throttles, on the alias when there is one', () => {
    const metrics = lambdaMemory.validation(aliasAction).metrics;
    expect(metrics.map((m) => (m.kind === 'level' ? `${m.inputs.value.metricName}/${m.inputs.value.stat}` : `${m.events.metricName}/${m.events.stat} per ${Object.keys(m.exposure?.inputs ?? {}).join('+')}`))).toEqual([
      'Duration/p95',
      'Errors/Sum per invocations',
      'Throttles/Sum per invocations+throttles',
    ]);
    const [duration] = metrics;
    if (duration.kind !== 'level') throw new Error('duration is a level metric');
    expect(duration.inputs.value.dimensions).toEqual([{ name: 'FunctionName', value: 'orders-api' }, { name: 'Resource', value: 'orders-api:live' }]);
  });
});
