/**
 * The whole life of the management objects: the order CloudFormation deletes them in, IDs that legal names cannot
 * make collide, and the handler's deletes (fetch replaced) when the template and the broker disagree.
 */
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import {
  RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqExchangeType, RabbitMqManagementObject,
} from '../../src';
import { ManagementDependencies, ManagementEvent, ManagementProperties, onEvent } from '../../src/rabbitmq/management/management-handler';
import { stackWithVpc } from '../util/stacks';

const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE, brokerName: 'events' };
const PERMS = { configure: '.*', write: '.*', read: '.*' };
type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] }>;

/** Every resource `id` waits for (DependsOn, Ref, GetAtt), transitively: CloudFormation deletes `id` before all of them. */
function waitsFor(resources: Resources, id: string, seen = new Set<string>()): Set<string> {
  const direct = new Set(resources[id].DependsOn ?? []);
  JSON.stringify(resources[id].Properties ?? {}).replace(/"(?:Ref|Fn::GetAtt)":\s*(?:"([^"]+)"|\["([^"]+)")/g, (m, ref, att) => {
    direct.add(ref ?? att);
    return m;
  });
  for (const dep of direct) {
    if (resources[dep] && !seen.has(dep)) {
      seen.add(dep);
      waitsFor(resources, dep, seen);
    }
  }
  return seen;
}

describe('on stack delete, every management object goes before its network path', () => {
  const { stack, vpc } = stackWithVpc();
  // An endpoint declared after the broker, as the prod example does: found anyway.
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  vpc.addInterfaceEndpoint('SecretsManager', { service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER });
  vpc.addInterfaceEndpoint('Sqs', { service: ec2.InterfaceVpcEndpointAwsService.SQS });
  const vhost = broker.addVirtualHost('app');
  vhost.addUser('app-user', { permissions: PERMS });
  vhost.addQueue('app.in');
  const resources = Template.fromStack(stack).toJSON().Resources as Resources;
  const ids = (type: string) => Object.keys(resources).filter((id) => resources[id].Type === type);
  const objects = ids('Custom::AmazonMqRabbitMqObject');

  test('the function, its security group, the broker\'s ingress rule for it and the Secrets Manager endpoint', () => {
    const [ingress] = ids('AWS::EC2::SecurityGroupIngress').filter((id) => resources[id].Properties!.FromPort === 443);
    const [secretsEndpoint] = ids('AWS::EC2::VPCEndpoint').filter((id) => id.startsWith('VpcSecretsManager'));
    const [sqsEndpoint] = ids('AWS::EC2::VPCEndpoint').filter((id) => id.startsWith('VpcSqs'));
    const [fn] = ids('AWS::Lambda::Function').filter((id) => (resources[id].Properties!.Description as string)?.includes('RabbitMQ management: OnEvent'));
    expect(objects).toHaveLength(4);
    for (const object of objects) {
      const path = waitsFor(resources, object);
      expect([fn, ingress, secretsEndpoint].filter((id) => !path.has(id))).toEqual([]);
      // No endpoint the function does not call.
      expect(path.has(sqsEndpoint)).toBe(false);
    }
    const functionGroup = (resources[fn].Properties!.VpcConfig as { SecurityGroupIds: Array<{ 'Fn::GetAtt': string[] }> }).SecurityGroupIds[0]['Fn::GetAtt'][0];
    expect(waitsFor(resources, fn).has(functionGroup)).toBe(true);
  });

  test('objects in the virtual host go before it', () => {
    const [vhostObject] = objects.filter((id) => resources[id].Properties!.Kind === 'virtual host');
    for (const object of objects.filter((id) => id !== vhostObject)) {
      expect(waitsFor(resources, object).has(vhostObject)).toBe(true);
    }
  });
});

describe('legal names never collide as construct IDs', () => {
  const paths = (stack: Stack) => Object.values(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject')).map((o) => o.Properties.Path).sort();

  test('the default virtual host `/` next to one named `Default`', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
    broker.addVirtualHost('/').addQueue('q');
    broker.addVirtualHost('Default').addQueue('q');
    expect(paths(stack)).toEqual(['/api/queues/%2F/q', '/api/queues/Default/q', '/api/vhosts/%2F', '/api/vhosts/Default']);
  });

  test('queues `a/b` and `a--b`, a user `a` and a user `aSecret`', () => {
    const { stack, vpc } = stackWithVpc();
    const vhost = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ }).addVirtualHost('app');
    vhost.addQueue('a/b');
    vhost.addQueue('a--b');
    vhost.addUser('a', { permissions: PERMS });
    vhost.addUser('aSecret', { permissions: PERMS });
    expect(paths(stack)).toEqual(expect.arrayContaining(['/api/queues/app/a%2Fb', '/api/queues/app/a--b', '/api/users/a', '/api/users/aSecret']));
    // Each user has its own generated secret.
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::SecretsManager::Secret'))).toHaveLength(3);
  });

  test('one function consumes the same queue name in two virtual hosts', () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
    broker.addVirtualHost('a').addQueue('jobs');
    broker.addVirtualHost('b').addQueue('jobs');
    expect(paths(stack)).toEqual(expect.arrayContaining(['/api/queues/a/jobs', '/api/queues/b/jobs']));
  });
});

describe('names that cannot work fail at synth with the library\'s error', () => {
  const vhostOf = () => {
    const { stack, vpc } = stackWithVpc();
    const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
    return { stack, broker, vhost: broker.addVirtualHost('app') };
  };

  test('a virtual host added twice', () => {
    const { broker } = vhostOf();
    expect(() => broker.addVirtualHost('app')).toThrow("Test/Broker: RabbitMqBroker.addVirtualHost('app') validation failed:\n  - virtual host 'app' is already defined on this broker; allowed: each virtual host once [RabbitMqObjectUnique]");
  });

  test.each(['.', '..'])('a queue or virtual host named %p (resolved away in the URL: RabbitMQ answers an empty 405)', (name) => {
    const { broker, vhost } = vhostOf();
    expect(() => vhost.addQueue(name)).toThrow(`queue name '${name}' is not allowed; allowed: any other name (a URL resolves '${name}' away, and RabbitMQ answers the call with 405) [RabbitMqObjectName]`);
    expect(() => broker.addVirtualHost(name)).toThrow(`Test/Broker: RabbitMqBroker.addVirtualHost('${name}') validation failed:\n  - virtual host name '${name}' is not allowed`);
    // Nothing half-built is left in the tree.
    expect(broker.node.children.filter((c) => c.node.id.startsWith('VirtualHost')).map((c) => c.node.id)).toEqual(['VirtualHostapp']);
  });

  test('a name known only at deploy time (its API path and construct ID need it)', () => {
    const { stack, vhost } = vhostOf();
    const name = new CfnParameter(stack, 'QueueName').valueAsString;
    expect(() => vhost.addQueue(name)).toThrow(/queue name '\$\{Token\[TOKEN\.\d+\]\}' is a token \(a value known only at deploy time\); allowed: a name known at synth, as a plain string \[RabbitMqObjectName\]/);
  });

  test('bindings equal but for their arguments\' key order are the same binding; other arguments are another', () => {
    const { vhost } = vhostOf();
    vhost.addExchange('h', { type: RabbitMqExchangeType.HEADERS });
    vhost.addQueue('q');
    vhost.addBinding({ source: 'h', destinationQueue: 'q', arguments: { 'x-match': 'all', 'kind': 'order' } });
    vhost.addBinding({ source: 'h', destinationQueue: 'q', arguments: { 'x-match': 'all', 'kind': 'refund' } });
    expect(() => vhost.addBinding({ source: 'h', destinationQueue: 'q', arguments: { kind: 'order', ['x-match']: 'all' } }))
      .toThrow('[RabbitMqObjectUnique]');
  });
});

test('the escape hatch in a virtual host waits for it and names it to the handler', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  const virtualHost = broker.addVirtualHost('app');
  const limits = new RabbitMqManagementObject(stack, 'Limits', { broker, virtualHost, pathSegments: ['vhost-limits', 'app', 'max-queues'], body: { value: 10 } });
  const template = Template.fromStack(stack);
  const [id] = Object.keys(template.findResources('Custom::AmazonMqRabbitMqObject', { Properties: { Path: '/api/vhost-limits/app/max-queues' } }));
  expect(template.toJSON().Resources[id].Properties.VirtualHostPath).toBe('/api/vhosts/app');
  const virtualHostObject = virtualHost.node.defaultChild as RabbitMqManagementObject;
  expect(template.toJSON().Resources[id].DependsOn).toContain(stack.getLogicalId(virtualHostObject.resource.node.defaultChild as never));
  expect(limits.path).toBe('/api/vhost-limits/app/max-queues');
});

describe('the handler\'s deletes and updates (fetch replaced)', () => {
  const base = { Endpoint: 'https://b-1.mq.eu-west-1.amazonaws.com', AdminSecretArn: 'admin' };
  const secret = async () => ({ username: 'admin', password: 'pw' });

  /** A fake management API: answers by `METHOD path`, records every call. */
  function api(answers: Record<string, () => Response>) {
    const calls: string[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      const call = `${init.method} ${url.slice(base.Endpoint.length)}`;
      calls.push(call);
      const answer = answers[call];
      return answer ? answer() : new Response(null, { status: 204 });
    }) as unknown as typeof globalThis.fetch;
    return { calls, fetch };
  }
  const run = (event: Partial<ManagementEvent> & { ResourceProperties: ManagementProperties }, deps: Partial<ManagementDependencies>) =>
    onEvent({ RequestType: 'Delete', ...event }, { secret, sleep: async () => {}, ...deps });

  test('a virtual host that holds queues is kept, and the log names them', async () => {
    const vhost: ManagementProperties = { ...base, Kind: 'virtual host', Path: '/api/vhosts/app', OnDelete: 'delete', KeepIfQueuesIn: '/api/queues/app' };
    const { calls, fetch } = api({ 'GET /api/queues/app': () => Response.json([{ name: 'kept.by.hand' }]) });
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    await run({ ResourceProperties: vhost, PhysicalResourceId: vhost.Path }, { fetch });
    expect(calls).toEqual(['GET /api/queues/app']);
    expect(log.mock.calls.flat().join('\n')).toContain('Kept virtual host /api/vhosts/app: it holds 1 queue(s) (kept.by.hand)');
    log.mockRestore();
    // Empty: deleted.
    const empty = api({ 'GET /api/queues/app': () => Response.json([]) });
    await run({ ResourceProperties: vhost, PhysicalResourceId: vhost.Path }, { fetch: empty.fetch });
    expect(empty.calls).toEqual(['GET /api/queues/app', 'DELETE /api/vhosts/app']);
  });

  test('an object another resource of the stack declares (renamed or moved construct, rollback) is not deleted', async () => {
    const queue: ManagementProperties = { ...base, Kind: 'exchange', Path: '/api/exchanges/app/x', OnDelete: 'delete' };
    const { calls, fetch } = api({});
    const asked: string[] = [];
    const declaredElsewhere = async (stackId: string, logicalId: string, physicalId: string) => {
      asked.push(`${stackId} ${logicalId} ${physicalId}`);
      return true;
    };
    await run({ ResourceProperties: queue, PhysicalResourceId: queue.Path, StackId: 'arn:stack', LogicalResourceId: 'OldId' }, { fetch, declaredElsewhere });
    expect(asked).toEqual(['arn:stack OldId /api/exchanges/app/x']);
    expect(calls).toEqual([]);
    // Not declared elsewhere, or the stack cannot be read: deleted as before.
    for (const found of [false, undefined]) {
      const other = api({});
      await run({ ResourceProperties: queue, PhysicalResourceId: queue.Path, StackId: 'arn:stack', LogicalResourceId: 'OldId' }, { fetch: other.fetch, declaredElsewhere: async () => found });
      expect(other.calls).toEqual(['DELETE /api/exchanges/app/x']);
    }
  });

  const binding: ManagementProperties = {
    ...base,
    Kind: 'binding',
    Path: '/api/bindings/app/e/h/q/q',
    Method: 'POST',
    OnDelete: 'delete',
    Body: JSON.stringify({ routing_key: '', arguments: { 'x-match': 'all', 'kind': 'order' } }),
  };

  test('a binding whose listing fails makes the delete fail; a 404 listing means it is gone', async () => {
    const failing = api({ 'GET /api/bindings/app/e/h/q/q': () => new Response('{"reason":"timeout"}', { status: 500 }) });
    await expect(run({ ResourceProperties: binding }, { fetch: failing.fetch })).rejects.toThrow('binding /api/bindings/app/e/h/q/q: RabbitMQ refused to list the bindings to delete with 500: timeout');
    const gone = api({ 'GET /api/bindings/app/e/h/q/q': () => new Response(null, { status: 404 }) });
    await expect(run({ ResourceProperties: binding }, { fetch: gone.fetch })).resolves.toBeDefined();
  });

  test('a binding is deleted whatever the order of its arguments\' keys on the broker; others stay', async () => {
    const listed = [
      { routing_key: '', arguments: { 'kind': 'order', 'x-match': 'all' }, properties_key: 'k1' },
      { routing_key: '', arguments: { 'kind': 'refund', 'x-match': 'all' }, properties_key: 'k2' },
    ];
    const { calls, fetch } = api({ 'GET /api/bindings/app/e/h/q/q': () => Response.json(listed) });
    await run({ ResourceProperties: binding }, { fetch });
    expect(calls).toEqual(['GET /api/bindings/app/e/h/q/q', 'DELETE /api/bindings/app/e/h/q/q/k1']);
  });

  test('an update that only reorders a binding\'s argument keys keeps its physical ID (a new one would delete it)', async () => {
    const { fetch } = api({});
    const created = await onEvent({ RequestType: 'Create', ResourceProperties: binding }, { secret, fetch });
    // An ID written before identities were canonical, keys in the template's order.
    const old = '/api/bindings/app/e/h/q/q#["",{"x-match":"all","kind":"order"}]';
    const reordered = { ...binding, Body: JSON.stringify({ routing_key: '', arguments: { 'kind': 'order', 'x-match': 'all' } }) };
    expect(await onEvent({ RequestType: 'Update', PhysicalResourceId: old, ResourceProperties: reordered }, { secret, fetch })).toEqual({ PhysicalResourceId: old });
    expect(await onEvent({ RequestType: 'Update', PhysicalResourceId: created.PhysicalResourceId, ResourceProperties: reordered }, { secret, fetch }))
      .toEqual(created);
    // Other arguments: another binding, another ID.
    const other = { ...binding, Body: JSON.stringify({ routing_key: '', arguments: { 'x-match': 'all', 'kind': 'refund' } }) };
    expect((await onEvent({ RequestType: 'Update', PhysicalResourceId: created.PhysicalResourceId, ResourceProperties: other }, { secret, fetch })).PhysicalResourceId)
      .not.toBe(created.PhysicalResourceId);
  });

  test('a 5xx delete counts as done once the object\'s virtual host is gone; otherwise it fails', async () => {
    const limits: ManagementProperties = { ...base, Kind: 'object', Path: '/api/vhost-limits/app/max-queues', OnDelete: 'delete', VirtualHostPath: '/api/vhosts/app' };
    const error = () => new Response('{"error":"Internal Server Error"}', { status: 500 });
    const gone = api({ 'DELETE /api/vhost-limits/app/max-queues': error, 'GET /api/vhosts/app': () => new Response(null, { status: 404 }) });
    await expect(run({ ResourceProperties: limits }, { fetch: gone.fetch })).resolves.toBeDefined();
    const alive = api({ 'DELETE /api/vhost-limits/app/max-queues': error, 'GET /api/vhosts/app': () => Response.json({ name: 'app' }) });
    await expect(run({ ResourceProperties: limits }, { fetch: alive.fetch })).rejects.toThrow('refused the delete with 500');
  });

  test('a server that never answers fails each call at the request timeout, not the function\'s', async () => {
    const silent = ((_url: string, init: RequestInit) => new Promise<Response>((_, reject) => {
      init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
    })) as unknown as typeof globalThis.fetch;
    const started = Date.now();
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: { ...base, Kind: 'queue', Path: '/api/queues/app/q', Body: '{}' } },
      { secret, fetch: silent, sleep: async () => {}, requestTimeoutMs: 50 }))
      .rejects.toThrow(/unreachable: no answer within the request timeout \(.*timeout\)/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('an error keeps its cause (fetch puts the reason there)', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND b-1.mq.eu-west-1.amazonaws.com') });
    }) as unknown as typeof globalThis.fetch;
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: { ...base, Kind: 'queue', Path: '/api/queues/app/q', Body: '{}' } }, { secret, fetch: failing, sleep: async () => {} }))
      .rejects.toThrow('unreachable: fetch failed: getaddrinfo ENOTFOUND b-1.mq.eu-west-1.amazonaws.com');
  });
});

test('an app without a VPC endpoint still synthesizes: the dependency is only on endpoints that exist', () => {
  const app = new App();
  const stack = new Stack(app, 'NoEndpoints', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
  new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ }).addVirtualHost('app').addQueue('q');
  expect(Object.keys(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint'))).toEqual([]);
});

/** Evaluates the intrinsics a URI is built with (Fn::Join, Fn::Select, Fn::Split), `Ref`/`GetAtt` from `values`. */
function evaluate(node: unknown, values: Record<string, unknown>): unknown {
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  if (Array.isArray(node)) {
    return node.map((n) => evaluate(n, values));
  }
  const [[fn, args]] = Object.entries(node as Record<string, unknown>);
  const a = evaluate(args, values) as unknown[];
  switch (fn) {
    case 'Fn::Join': return (a[1] as string[]).join(a[0] as string);
    case 'Fn::Select': return (a[1] as unknown[])[Number(a[0])];
    case 'Fn::Split': return (a[1] as string).split(a[0] as string);
    case 'Fn::GetAtt': return values[(args as string[]).join('.')];
    default: throw new Error(`unexpected ${fn}`);
  }
}

test('a shovel or federation URI known only at deploy (another broker\'s amqpsEndpoint) gets the credentials after its scheme', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ });
  const partner = new RabbitMqBroker(stack, 'Partner', { vpc, ...RMQ, brokerName: 'partner' });
  const credentials = partner.adminSecret!;
  const vhost = broker.addVirtualHost('app');
  vhost.addShovel('out', { source: { queue: 'q' }, destination: { uri: `${partner.amqpsEndpoint}/inbox`, credentials, queue: 'in' } });
  vhost.addFederationUpstream('up', { uri: partner.amqpsEndpoint, credentials });
  const objects = Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject');
  const [partnerId] = Object.keys(Template.fromStack(stack).findResources('AWS::AmazonMQ::Broker')).filter((id) => id.startsWith('Partner'));
  const values = { [`${partnerId}.AmqpEndpoints`]: ['amqps://b-5678.mq.us-east-1.on.aws:5671'] };
  const bodyOf = (kind: string) => {
    const object = Object.values(objects).find((o) => o.Properties.Kind === kind)!;
    return JSON.parse(evaluate(object.Properties.Body, values) as string);
  };
  expect(bodyOf('shovel').value['dest-uri']).toBe('amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@b-5678.mq.us-east-1.on.aws:5671/inbox');
  expect(bodyOf('federation upstream').value.uri).toBe('amqps://{{secret-uri:0:username}}:{{secret-uri:0:password}}@b-5678.mq.us-east-1.on.aws:5671');
});
