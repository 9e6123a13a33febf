import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HANDLERS, type HandlerRole } from '../handlers.js';
import { REPO_ROOT } from '../paths.js';

export interface HeadroomFunctionProps {
  role: HandlerRole;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  /** Caps concurrent executions (and reserves them), e.g. for a public endpoint a flood must not exhaust. */
  reservedConcurrentExecutions?: number;
  /** IAM path of the function's role, e.g. `/headroom/collector/` so a member role can trust exactly these roles. */
  rolePath?: string;
}

/**
 * ESM bundles that still `require()` Node built-ins (some CommonJS dependencies do) need a `require`.
 * esbuild keeps this banner verbatim at the top of the bundle.
 */
const CREATE_REQUIRE_BANNER = "import { createRequire as __headroomCreateRequire } from 'node:module';const require = __headroomCreateRequire(import.meta.url);";

/**
 * A Lambda function with the house defaults: Node.js 24 on ARM64, X-Ray active tracing, its own log group
 * with retention, a role that may only write to that log group, and a local esbuild bundle (never Docker).
 *
 * The AWS SDK v3 is not bundled: the nodejs24.x runtime provides it. Measured with esbuild 0.28 (minified
 * ESM): the SDK core alone adds ~300 KB to every bundle and an inventory collector with the EC2, RDS,
 * Lambda and DynamoDB clients reaches 1.08 MB, over SPEC §10's 1 MB per bundle.
 *
 * The CloudFormation logical id is fixed to `HANDLERS[role].logicalId` so the local runner can route a
 * state machine Task back to its handler file.
 */
export class HeadroomFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly handlerRole: HandlerRole;

  constructor(scope: Construct, id: string, props: HeadroomFunctionProps) {
    super(scope, id);
    this.handlerRole = props.role;
    const spec = HANDLERS[props.role];
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Headroom ${props.role} function`,
      path: props.rolePath,
    });
    // Instead of the AWS-managed basic execution policy (logs:* on every log group): this log group only.
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, spec.entry),
      handler: 'handler',
      description: spec.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: props.environment,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: CREATE_REQUIRE_BANNER,
        bundleAwsSDK: false,
      },
    });
    (this.function.node.defaultChild as lambda.CfnFunction).overrideLogicalId(spec.logicalId);
  }
}

/** Per-function options beyond the house defaults. */
export interface FunctionOptions {
  reservedConcurrentExecutions?: number;
}

/** Creates one function of the stack for a role, with TABLE_NAME and the shared log retention filled in. */
export type FunctionFactory = (
  role: HandlerRole,
  memorySize: number,
  timeout: Duration,
  environment: Record<string, string>,
  options?: FunctionOptions,
) => NodejsFunction;
