/**
 * `--objects`: the management objects a cloud assembly declares, per broker, compared with the brokers (object-drift.ts).
 * The template's deploy-time values (the management URL, the admin secret's ARN) are resolved against the deployed
 * stack, unless given: `--management-url`, `--admin-secret`, or the admin's credentials in the environment.
 */
import { AssemblyStack, stacksInAssembly } from './assembly';
import { CheckClients, CheckError, Finding } from './broker-check';
import { AdminCredentials, adminCredentials, deployedValues } from './deployed-stack';
import { managementReader } from './management-api';
import { DeclaredObject, objectDrift } from './object-drift';
import { DeployedValues, resolveValue, UnresolvedValueError } from './template-values';
import { canonicalJson } from '../rabbitmq/management/canonical-json';
import { RABBITMQ_OBJECT_TYPE } from '../rabbitmq/management/object-type';

/** The assembly declares no management object: the wrong directory, or an app without any. */
export class NoManagementObjectsError extends Error {}

/** What overrides the template's values, for a broker reached another way than the template says. */
export interface ObjectCheckOverrides {
  /** The management API's base URL (`https://b-....mq.<region>.amazonaws.com`, or a tunnel's). */
  readonly managementUrl?: string;
  /** The ARN (or name) of a secret with the admin's `username` and `password`. */
  readonly adminSecret?: string;
  /** The admin's credentials themselves (from the environment: never from the command line). */
  readonly adminCredentials?: AdminCredentials;
}

/** The objects of one broker in one stack: those sharing an endpoint and an admin secret. */
export interface ManagedBroker {
  /** `<broker name> (stack <stack>)`. */
  readonly label: string;
  readonly stack: AssemblyStack;
  readonly endpoint: unknown;
  readonly adminSecretArn: unknown;
  /** The objects' properties as the template writes them, in template order. */
  readonly objects: ReadonlyArray<Record<string, unknown>>;
}

/** The brokers whose objects an assembly declares; throws NoManagementObjectsError when there is none. */
export function managedBrokers(dir: string): ManagedBroker[] {
  const brokers = new Map<string, ManagedBroker & { objects: Array<Record<string, unknown>> }>();
  for (const stack of stacksInAssembly(dir)) {
    for (const resource of Object.values(stack.resources).filter((r) => r.Type === RABBITMQ_OBJECT_TYPE)) {
      const props = resource.Properties ?? {};
      const key = canonicalJson([stack.stackName, props.Endpoint, props.AdminSecretArn]);
      if (!brokers.has(key)) {
        brokers.set(key, { label: `${brokerName(stack, props.Endpoint)} (stack ${stack.stackName})`, stack, endpoint: props.Endpoint, adminSecretArn: props.AdminSecretArn, objects: [] });
      }
      brokers.get(key)!.objects.push(props);
    }
  }
  if (brokers.size === 0) {
    throw new NoManagementObjectsError(`no ${RABBITMQ_OBJECT_TYPE} (RabbitMQ management object) found in the cloud assembly ${dir} (or the `
      + 'assemblies of its Stages): is it the app\'s cdk.out directory, and does the app declare virtual hosts, users or queues?');
  }
  return [...brokers.values()];
}

/** The broker's name where the template says it: the `BrokerName` of the broker whose console URL is the endpoint. */
function brokerName(stack: AssemblyStack, endpoint: unknown): string {
  const found = /"Fn::GetAtt":\["([^"]+)","ConsoleURLs"\]/.exec(JSON.stringify(endpoint ?? null));
  const name = found && stack.resources[found[1]]?.Properties?.BrokerName;
  if (typeof name === 'string') {
    return name;
  }
  return typeof endpoint === 'string' ? endpoint : 'RabbitMQ broker';
}

/** The findings of one broker's objects. */
export async function checkManagedBroker(clients: CheckClients, broker: ManagedBroker, overrides: ObjectCheckOverrides): Promise<Finding[]> {
  const deployed = deployedValues(clients, broker.stack);
  const endpoint = overrides.managementUrl ?? await resolved(broker, 'Endpoint', broker.endpoint, deployed, '--management-url <url>');
  const admin = overrides.adminCredentials
    ?? await adminCredentials(clients, overrides.adminSecret ?? await resolved(broker, 'AdminSecretArn', broker.adminSecretArn, deployed, '--admin-secret <arn>'));
  const objects: DeclaredObject[] = [];
  for (const props of broker.objects) {
    const value = async (name: string) => {
      const v = props[name];
      return v === undefined ? undefined : resolved(broker, name, v, deployed);
    };
    objects.push({ Kind: (await value('Kind'))!, Path: (await value('Path'))!, Method: await value('Method'), Body: await value('Body'), OnDelete: await value('OnDelete') });
  }
  const findings = await objectDrift(objects, managementReader(endpoint, admin), admin.username, [admin.password]);
  return findings.map((f) => ({ ...f, broker: broker.label }));
}

async function resolved(broker: ManagedBroker, property: string, value: unknown, deployed: DeployedValues, override?: string): Promise<string> {
  try {
    const result = await resolveValue(value, deployed);
    if (typeof result !== 'string') {
      throw new UnresolvedValueError(`${JSON.stringify(value)} resolves to ${JSON.stringify(result)}, not a string`);
    }
    return result;
  } catch (e) {
    if (e instanceof UnresolvedValueError) {
      throw new CheckError(`${broker.label}: ${property} cannot be resolved from the deployed stack: ${e.message}${override ? `; give ${override}` : ''}`);
    }
    throw e;
  }
}
