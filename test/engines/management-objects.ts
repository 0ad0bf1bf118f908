import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion } from '../../src';
import { ManagementProperties } from '../../src/rabbitmq/management/management-handler';

export type TemplateResource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

/** Intrinsics become strings: the test's stand-ins for deploy-time values (endpoint, secret ARNs). */
function resolve(value: unknown, endpoint: string): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify(value).includes('ConsoleURLs') ? endpoint : JSON.stringify(value);
  }
  return Array.isArray(value) ? value.map((v) => resolve(v, endpoint)) : value;
}

/** One management object of a template, as the handler receives it. */
export type ManagementObject = { id: string; props: ManagementProperties };

/** A synthesized template's management objects, dependencies first, with the endpoint of the engine under test. */
export function objectsOf(template: { Resources: Record<string, TemplateResource> }, endpoint: string): ManagementObject[] {
  const all = Object.entries(template.Resources).filter(([, r]) => r.Type === 'Custom::AmazonMqRabbitMqObject');
  const ids = new Set(all.map(([id]) => id));
  const ordered: string[] = [];
  const visit = (id: string) => {
    if (!ordered.includes(id)) {
      for (const dep of template.Resources[id].DependsOn ?? []) {
        if (ids.has(dep)) {
          visit(dep);
        }
      }
      ordered.push(id);
    }
  };
  all.forEach(([id]) => visit(id));
  return ordered.map((id) => {
    const { ServiceToken: _token, ...props } = template.Resources[id].Properties;
    return { id, props: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, resolve(v, endpoint)])) as unknown as ManagementProperties };
  });
}

/** The app the management engine tests declare their objects in: a RabbitMQ 4.2 broker `orders` in stack `Messaging`. */
export function ordersBroker(): { app: App; stack: Stack; broker: RabbitMqBroker } {
  const app = new App();
  const stack = new Stack(app, 'Messaging', { env: { account: '123456789012', region: 'eu-west-1' } });
  const broker = new RabbitMqBroker(stack, 'Broker', {
    vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 }),
    brokerName: 'orders',
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
  });
  return { app, stack, broker };
}

/** GET on the management API of the engine under test, as RabbitMQ's loopback guest. */
export async function managementGet<T>(port: number, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
  return { status: res.status, body: (res.status === 200 ? await res.json() : undefined) as T };
}

/** Reads until the value is as wanted (RabbitMQ applies some changes asynchronously), or fails naming what it waited for. */
export async function eventually<T>(read: () => Promise<T>, ok: (t: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)?.slice(0, 1500)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}
