import { z } from 'zod';

/** Fake identity used to turn CloudFormation references into concrete ARNs for a local run. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
};

const TemplateSchema = z.object({
  Resources: z.record(z.string(), z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() })),
});
type Template = z.infer<typeof TemplateSchema>;

/** The local ARN a Lambda function's logical id resolves to: its function name *is* the logical id. */
export function localFunctionArn(logicalId: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
}

/** Resolves the intrinsics CDK puts in a DefinitionString (Fn::Join, Ref, Fn::GetAtt) to plain strings. */
function resolveIntrinsic(value: unknown, template: Template): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if ('Fn::Join' in node) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => resolveIntrinsic(part, template)).join(separator);
    }
    if ('Ref' in node) {
      const ref = String(node.Ref);
      if (ref in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[ref];
      return resourceReference(ref, template, 'Ref');
    }
    if ('Fn::GetAtt' in node) {
      const [logicalId, attribute] = node['Fn::GetAtt'] as [string, string];
      return resourceReference(logicalId, template, attribute);
    }
  }
  throw new Error(`cannot resolve ${JSON.stringify(value).slice(0, 120)} in the state machine definition`);
}

function resourceReference(logicalId: string, template: Template, attribute: string): string {
  const resource = template.Resources[logicalId];
  if (!resource) throw new Error(`the definition refers to ${logicalId}, which is not in the template`);
  if (resource.Type === 'AWS::Lambda::Function') return attribute === 'Ref' ? logicalId : localFunctionArn(logicalId);
  const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
  return `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${logicalId}`;
}

/** Finds the logical id of the state machine whose construct path contains `pathFragment` (e.g. "Analysis"). */
export function findStateMachineLogicalId(template: unknown, pathFragment: string): string {
  const parsed = TemplateSchema.parse(template);
  const ids = Object.entries(parsed.Resources)
    .filter(([id, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine' && id.includes(pathFragment))
    .map(([id]) => id);
  if (ids.length !== 1) {
    throw new Error(`expected one state machine matching "${pathFragment}" in the template, found ${ids.length}`);
  }
  return ids[0];
}

/**
 * Extracts the Amazon States Language definition the stack deploys, with every reference resolved
 * to a local ARN (so a Lambda task's FunctionName ends in the function's logical id).
 */
export function extractDefinition(template: unknown, stateMachineLogicalId: string): Record<string, unknown> {
  const parsed = TemplateSchema.parse(template);
  const resource = parsed.Resources[stateMachineLogicalId];
  if (!resource || resource.Type !== 'AWS::StepFunctions::StateMachine') {
    throw new Error(`${stateMachineLogicalId} is not a state machine in the template`);
  }
  const definitionString = resource.Properties?.DefinitionString;
  return JSON.parse(resolveIntrinsic(definitionString, parsed)) as Record<string, unknown>;
}
