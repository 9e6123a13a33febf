import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A local HTTP endpoint that answers AWS SDK clients (AWS_ENDPOINT_URL points every client at it) the way AWS would
 * for an account with one gp2 volume, until `kill()`: then it stops listening and drops its open connections, as an
 * endpoint that goes away midway does. Shapes from the API references: STS GetCallerIdentity and EC2 DescribeVolumes
 * (query protocols, XML), S3 ListBuckets (no bucket), every other operation an empty success in its protocol (XML for
 * query, `{}` for JSON).
 */
export interface AwsLikeEndpoint {
  url: string;
  /** The operations asked so far, `Action` or `X-Amz-Target` or `METHOD path`. */
  requests: string[];
  kill(): void;
  close(): Promise<void>;
}

export const ENDPOINT_ACCOUNT = '111122223333';

const GET_CALLER_IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ENDPOINT_ACCOUNT}:user/DevAdmin</Arn><UserId>AIDASAMPLEUSERID</UserId><Account>${ENDPOINT_ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

const DESCRIBE_VOLUMES = `<DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><volumeSet><item><volumeId>vol-0a1</volumeId><size>1000</size><snapshotId/><availabilityZone>eu-west-1a</availabilityZone><status>in-use</status><createTime>2026-08-01T00:00:00.000Z</createTime><attachmentSet><item><volumeId>vol-0a1</volumeId><instanceId>i-0b2</instanceId><device>/dev/sdh</device><status>attached</status><attachTime>2026-08-01T00:00:00.000Z</attachTime><deleteOnTermination>false</deleteOnTermination></item></attachmentSet><volumeType>gp2</volumeType><iops>3000</iops><encrypted>false</encrypted><multiAttachEnabled>false</multiAttachEnabled></item></volumeSet></DescribeVolumesResponse>`;

const LIST_BUCKETS = `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${'a'.repeat(64)}</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>`;

/** Cost Explorer answers (GetCostAndUsage, GetCostForecast API references): amounts are strings. */
const JSON_ANSWERS: Record<string, object> = {
  'AWSInsightsIndexService.GetCostAndUsage': {
    ResultsByTime: [
      {
        TimePeriod: { Start: '2026-11-27', End: '2026-11-28' },
        Groups: [{ Keys: ['Amazon Elastic Compute Cloud - Compute', ENDPOINT_ACCOUNT], Metrics: { UnblendedCost: { Amount: '12.5', Unit: 'USD' }, AmortizedCost: { Amount: '10', Unit: 'USD' } } }],
      },
    ],
  },
  'AWSInsightsIndexService.GetCostForecast': { Total: { Amount: '0', Unit: 'USD' }, ForecastResultsByTime: [] },
  // GetSavingsPlansUtilization API reference: an account without plans answers zero commitments.
  'AWSInsightsIndexService.GetSavingsPlansUtilization': {
    Total: { Utilization: { TotalCommitment: '0', UsedCommitment: '0', UnusedCommitment: '0', UtilizationPercentage: '0' } },
  },
};

function answer(operation: string, json: boolean): { body: string; type: string } {
  if (json) return { body: JSON.stringify(JSON_ANSWERS[operation] ?? {}), type: 'application/json' };
  if (operation === 'GetCallerIdentity') return { body: GET_CALLER_IDENTITY, type: 'text/xml' };
  if (operation === 'DescribeVolumes') return { body: DESCRIBE_VOLUMES, type: 'text/xml' };
  return { body: `<${operation}Response><${operation}Result/><requestId>r</requestId><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${operation}Response>`, type: 'text/xml' };
}

function handle(request: IncomingMessage, response: ServerResponse, requests: string[]): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const target = request.headers['x-amz-target'];
    const action = new URLSearchParams(body).get('Action');
    const operation = typeof target === 'string' ? target : (action ?? `${request.method} ${request.url}`);
    requests.push(operation);
    // S3 ListBuckets (REST-XML, GET /?x-id=ListBuckets): no bucket in the region.
    if (request.method === 'GET' && request.url?.includes('x-id=ListBuckets')) {
      response.writeHead(200, { 'content-type': 'application/xml', 'x-amz-request-id': 'r' });
      response.end(LIST_BUCKETS);
      return;
    }
    const { body: text, type } = answer(action ?? operation, typeof target === 'string' || action === null);
    response.writeHead(200, { 'content-type': type, 'x-amzn-requestid': 'r' });
    response.end(text);
  });
}

export async function startAwsLikeEndpoint(): Promise<AwsLikeEndpoint> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => handle(request, response, requests));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the endpoint has no port');
  const kill = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    kill,
    close: () => new Promise<void>((resolve) => {
      kill();
      resolve();
    }),
  };
}
