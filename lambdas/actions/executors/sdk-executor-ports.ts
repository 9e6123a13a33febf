import { createSdkDynamoDbPorts } from './sdk-dynamodb-ports.js';
import { createSdkEc2Ports } from './sdk-ec2-ports.js';
import { createSdkLambdaPorts } from './sdk-lambda-ports.js';
import { createSdkLogsPorts } from './sdk-logs-ports.js';
import { createSdkElbPorts } from './sdk-validation-ports.js';

/** The resource ports every executor may call (EC2, Lambda, DynamoDB, Logs, ELBv2 reads), for the steps that read or change resources. */
export function createSdkResourcePorts() {
  return { ec2: createSdkEc2Ports(), lambda: createSdkLambdaPorts(), dynamodb: createSdkDynamoDbPorts(), logs: createSdkLogsPorts(), elb: createSdkElbPorts() };
}
