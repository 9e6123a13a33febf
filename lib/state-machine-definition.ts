import { z } from 'zod';

/**
 * Extracts a state machine's ASL definition from a synthesised CloudFormation template, resolving the
 * intrinsics CDK puts in `DefinitionString` (`Fn::Join` of strings, `Ref` to pseudo parameters and
 * `Fn::GetAtt [<logicalId>, Arn]` of functions). A function's ARN is faked so that its function name is its
 * logical id, which lib/handlers.ts maps back to a handler (roleForFunctionArn). Plain data: no CDK import,
 * so the local runner can use it on a template read from disk or from `Template.fromStack(...).toJSON()`.
 */

export interface FakeEnvironment {
  partition: string;
  region: string;
  account: string;
}

export const FAKE_ENVIRONMENT: FakeEnvironment = { partition: 'aws', region: 'us-east-1', account: '123456789012' };

/** A template or definition this module cannot resolve; the message names what and where. */
export class DefinitionExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionExtractionError';
  }
}

const templateSchema = z.object({
  Resources: z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }).loose()),
});

/** The fake ARN of a function in the resolved definition: `arn:aws:lambda:<region>:<account>:function:<logicalId>`. */
export function fakeFunctionArn(logicalId: string, env: FakeEnvironment = FAKE_ENVIRONMENT): string {
  return `arn:${env.partition}:lambda:${env.region}:${env.account}:function:${logicalId}`;
}

/** The definition of the state machine with this logical id, as a parsed JSON object. */
export function definitionFromTemplate(template: unknown, stateMachineLogicalId: string, env: FakeEnvironment = FAKE_ENVIRONMENT): Record<string, unknown> {
  const parsed = templateSchema.safeParse(template);
  if (!parsed.success) throw new DefinitionExtractionError('the template has no Resources section of CloudFormation resources');
  const resource = parsed.data.Resources[stateMachineLogicalId];
  if (resource === undefined || resource.Type !== 'AWS::StepFunctions::StateMachine') {
    throw new DefinitionExtractionError(`the template has no AWS::StepFunctions::StateMachine with logical id ${stateMachineLogicalId}`);
  }
  const text = resolveString(resource.Properties?.DefinitionString, parsed.data.Resources, env, stateMachineLogicalId);
  return JSON.parse(text) as Record<string, unknown>;
}

type Resources = z.infer<typeof templateSchema>['Resources'];

function resolveString(value: unknown, resources: Resources, env: FakeEnvironment, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if ('Fn::Join' in record) {
      const [separator, parts] = record['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => resolveString(part, resources, env, where)).join(separator);
    }
    if ('Ref' in record) return resolveRef(String(record.Ref), resources, env, where);
    if ('Fn::GetAtt' in record) {
      const [logicalId, attribute] = record['Fn::GetAtt'] as [string, string];
      const target = resources[logicalId];
      if (target?.Type === 'AWS::Lambda::Function' && attribute === 'Arn') return fakeFunctionArn(logicalId, env);
      throw new DefinitionExtractionError(`${where}: cannot resolve Fn::GetAtt ${logicalId}.${attribute} (${target?.Type ?? 'missing'})`);
    }
  }
  throw new DefinitionExtractionError(`${where}: cannot resolve ${JSON.stringify(value)} in the definition`);
}

function resolveRef(name: string, resources: Resources, env: FakeEnvironment, where: string): string {
  switch (name) {
    case 'AWS::Partition':
      return env.partition;
    case 'AWS::Region':
      return env.region;
    case 'AWS::AccountId':
      return env.account;
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
  }
  // Ref of a Lambda function is its name; the fake name is the logical id.
  if (resources[name]?.Type === 'AWS::Lambda::Function') return name;
  throw new DefinitionExtractionError(`${where}: cannot resolve Ref ${name}`);
}
