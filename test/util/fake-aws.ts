import * as http from 'http';
import { AddressInfo } from 'net';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { KMSClient } from '@aws-sdk/client-kms';
import { MqClient } from '@aws-sdk/client-mq';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** A request the fake received. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  /** `X-Amz-Target` of JSON-protocol services (KMS, CloudWatch), for example `TrentService.DescribeKey`. */
  readonly target?: string;
}

/** What a route answers: status, JSON body (or, as a string, an XML body for query-protocol services) and, for errors, the AWS error type. */
export interface FakeResponse {
  readonly status?: number;
  readonly body?: unknown;
  readonly errorType?: string;
}

/**
 * An HTTP server on 127.0.0.1 that answers as an AWS REST-JSON service does, so the real SDK v3 clients
 * serialize and parse every call. No traffic leaves loopback.
 */
export class FakeAwsEndpoint {
  public static async start(route: (req: FakeRequest) => FakeResponse): Promise<FakeAwsEndpoint> {
    const fake = new FakeAwsEndpoint(route);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  public readonly requests: FakeRequest[] = [];
  private readonly server: http.Server;

  private constructor(route: (req: FakeRequest) => FakeResponse) {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const request = { method: req.method ?? 'GET', path: req.url ?? '/', body, target: req.headers['x-amz-target'] as string | undefined };
        this.requests.push(request);
        const answer = route(request);
        const xml = typeof answer.body === 'string';
        const headers: Record<string, string> = { 'content-type': xml ? 'text/xml' : request.target ? 'application/x-amz-json-1.1' : 'application/json' };
        if (answer.errorType) {
          headers['x-amzn-errortype'] = answer.errorType;
        }
        res.writeHead(answer.status ?? 200, headers);
        res.end(xml ? answer.body as string : JSON.stringify(answer.body ?? {}));
      });
    });
  }

  public get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Client settings that point an SDK client here with dummy credentials. */
  public clientConfig() {
    return { endpoint: this.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }, maxAttempts: 1 };
  }

  public async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The check's SDK clients (CheckClients), each pointed at the fake endpoint. */
export function checkClientsFor(config: ReturnType<FakeAwsEndpoint['clientConfig']>) {
  return {
    mq: new MqClient(config),
    kms: new KMSClient(config),
    cloudwatch: new CloudWatchClient(config),
    cloudformation: new CloudFormationClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
}
