/**
 * A queue's typed tuning (messageTtl, maxLength, deliveryLimit, dead-lettering) is a policy the library makes per queue,
 * changeable in place, not x- arguments (fixed at declare time): its shape, its rules (README rules
 * RabbitMqQueueTuning and RabbitMqQueueArguments), and the warnings where a policy of the app and the tuning policy
 * meet (RabbitMQ applies one policy per queue). test/engines/rabbitmq-queue-tuning.engine.test.ts proves it on RabbitMQ.
 */
import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqPolicyApplyTo, RabbitMqQueueType, RabbitMqVirtualHost } from '../../src';
import { exactNamePattern, QUEUE_TUNING_POLICY_PRIORITY, queueTuningPolicyName } from '../../src/rabbitmq/management/objects/queue';
import { pcreMatches } from '../../src/rabbitmq/management/pcre-match';
import { stackWithVpc } from '../util/stacks';

function vhost(): { stack: Stack; vhost: RabbitMqVirtualHost } {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, brokerName: 'orders', engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE });
  return { stack, vhost: broker.addVirtualHost('app') };
}

type Resource = { Properties: { Kind: string; Path: string; Body: string; OnDelete: string }; DependsOn?: string[] };

function objects(stack: Stack): Array<[string, Resource]> {
  return Object.entries(Template.fromStack(stack).findResources('Custom::AmazonMqRabbitMqObject')) as Array<[string, Resource]>;
}

const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
const warningPaths = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => w.id);

describe('a queue with typed tuning', () => {
  const { stack, vhost: v } = vhost();
  v.addQueue('orders.in+1', {
    messageTtl: Duration.seconds(60), maxLength: 10, deliveryLimit: 5, deadLetterExchange: 'orders.dlx', deadLetterRoutingKey: 'dead',
  });
  const all = objects(stack);
  const [queueId, queue] = all.find(([, o]) => o.Properties.Kind === 'queue')!;
  const [, policy] = all.find(([, o]) => o.Properties.Kind === 'policy')!;

  test('gets a policy: its name, the exact escaped name as pattern, apply-to queues, priority 1000, the tuning as definition', () => {
    expect(policy.Properties.Path).toBe('/api/policies/app/cdk-amazon-mq-queue-orders.in%2B1');
    expect(JSON.parse(policy.Properties.Body)).toEqual({
      'pattern': '^orders\\.in\\+1$',
      'definition': { 'dead-letter-exchange': 'orders.dlx', 'dead-letter-routing-key': 'dead', 'delivery-limit': 5, 'message-ttl': 60000, 'max-length': 10 },
      'priority': 1000,
      'apply-to': 'queues',
    });
    expect(QUEUE_TUNING_POLICY_PRIORITY).toBe(1000);
    expect(RabbitMqVirtualHost.QUEUE_TUNING_POLICY_PRIORITY).toBe(1000);
  });

  test('the queue is declared without those x- arguments, and the policy is applied after it and deleted with the tuning', () => {
    expect(JSON.parse(queue.Properties.Body)).toEqual({ durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } });
    expect(policy.DependsOn).toEqual(expect.arrayContaining([queueId]));
    expect(policy.Properties.OnDelete).toBe('delete');
    expect(queue.Properties.OnDelete).toBe('retain');
  });

  test('no warning without a policy of the app', () => {
    expect(warnings(stack)).toEqual([]);
  });
});

test('a queue without typed tuning gets no policy; its arguments stay declare-time arguments', () => {
  const { stack, vhost: v } = vhost();
  v.addQueue('app.plain', { type: RabbitMqQueueType.CLASSIC, arguments: { 'x-max-priority': 5, 'x-message-ttl': 1000 } });
  const all = objects(stack);
  expect(all.filter(([, o]) => o.Properties.Kind === 'policy')).toEqual([]);
  expect(JSON.parse(all.find(([, o]) => o.Properties.Kind === 'queue')![1].Properties.Body).arguments)
    .toEqual({ 'x-queue-type': 'classic', 'x-max-priority': 5, 'x-message-ttl': 1000 });
});

test('only the given tuning keys are in the policy; the default exchange (\'\') is a dead-letter exchange', () => {
  const { stack, vhost: v } = vhost();
  v.addQueue('app.ttl', { messageTtl: Duration.minutes(2) });
  v.addQueue('app.dl', { type: RabbitMqQueueType.CLASSIC, deadLetterExchange: '', deadLetterRoutingKey: 'app.dead' });
  const bodies = objects(stack).filter(([, o]) => o.Properties.Kind === 'policy').map(([, o]) => JSON.parse(o.Properties.Body));
  expect(bodies.map((b) => [b.pattern, b.definition])).toEqual([
    ['^app\\.ttl$', { 'message-ttl': 120000 }],
    ['^app\\.dl$', { 'dead-letter-exchange': '', 'dead-letter-routing-key': 'app.dead' }],
  ]);
});

test('values known only at deploy time reach the policy as references', () => {
  const { stack, vhost: v } = vhost();
  const maxLength = new CfnParameter(stack, 'MaxLength', { type: 'Number' }).valueAsNumber;
  v.addQueue('app.t', { maxLength });
  const policy = objects(stack).find(([, o]) => o.Properties.Kind === 'policy')![1];
  expect(JSON.stringify(policy.Properties.Body)).toContain('{"Ref":"MaxLength"}');
});

describe('names and patterns', () => {
  test.each([
    ['orders.in+1', '^orders\\.in\\+1$'],
    ['a*b?(c)[d]{e}|f^g$h\\i/j k#l-m', '^a\\*b\\?\\(c\\)\\[d\\]\\{e\\}\\|f\\^g\\$h\\\\i\\/j\\ k\\#l\\-m$'],
    ['ordres_ü.é', '^ordres_ü\\.é$'],
  ])('%s is matched by %s, which RabbitMQ reads as that name only', (name, pattern) => {
    expect(exactNamePattern(name)).toBe(pattern);
    expect(pcreMatches(pattern, name)).toBe(true);
    for (const other of [`${name}x`, `x${name}`, name.replace(/[^A-Za-z0-9]/, 'X'), name.slice(1)]) {
      expect(pcreMatches(pattern, other)).toBe(false);
    }
  });

  test('a long queue name gets a policy name within 255 bytes, told apart by a hash', () => {
    const long = (c: string) => `q.${c.repeat(252)}`;
    const [a, b] = [queueTuningPolicyName(long('a')), queueTuningPolicyName(`${long('a').slice(0, -1)}b`)];
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(255);
    expect(a).toMatch(/^cdk-amazon-mq-queue-q\.a+-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    const multibyte = queueTuningPolicyName('é'.repeat(127));
    expect(Buffer.byteLength(multibyte)).toBeLessThanOrEqual(255);
    expect(multibyte).toMatch(/^cdk-amazon-mq-queue-é+-[0-9a-f]{8}$/);
    const { stack, vhost: v } = vhost();
    v.addQueue(long('a'), { maxLength: 1 });
    expect(objects(stack).find(([, o]) => o.Properties.Kind === 'policy')![1].Properties.Path).toBe(`/api/policies/app/${encodeURIComponent(a)}`);
  });
});

describe('rules', () => {
  test.each<[string, () => void, string]>([
    ['messageTtl and x-message-ttl', () => vhost().vhost.addQueue('q', { messageTtl: Duration.seconds(1), arguments: { 'x-message-ttl': 1000 } }),
      "queue 'q' messageTtl and arguments['x-message-ttl'] both set 'message-ttl', which is ambiguous; allowed: one of them (messageTtl: the queue's tuning policy, changeable in place; arguments['x-message-ttl']: fixed when the queue is declared) [RabbitMqQueueTuning]"],
    ['maxLength and x-max-length', () => vhost().vhost.addQueue('q', { maxLength: 1, arguments: { 'x-max-length': 1 } }),
      "queue 'q' maxLength and arguments['x-max-length'] both set 'max-length', which is ambiguous"],
    ['deliveryLimit and x-delivery-limit', () => vhost().vhost.addQueue('q', { deliveryLimit: 1, arguments: { 'x-delivery-limit': 2 } }),
      "queue 'q' deliveryLimit and arguments['x-delivery-limit'] both set 'delivery-limit'"],
    ['deadLetterExchange and x-dead-letter-exchange', () => vhost().vhost.addQueue('q', { deadLetterExchange: 'a', arguments: { 'x-dead-letter-exchange': 'a' } }),
      "queue 'q' deadLetterExchange and arguments['x-dead-letter-exchange'] both set 'dead-letter-exchange'"],
    ['deadLetterRoutingKey and x-dead-letter-routing-key', () => vhost().vhost.addQueue('q', {
      deadLetterExchange: 'a', deadLetterRoutingKey: 'k', arguments: { 'x-dead-letter-exchange': 'b', 'x-dead-letter-routing-key': 'k' },
    }), "queue 'q' deadLetterRoutingKey and arguments['x-dead-letter-routing-key'] both set 'dead-letter-routing-key'"],
    ['a typed routing key without any dead-letter exchange', () => vhost().vhost.addQueue('q', { deadLetterRoutingKey: 'k' }),
      "queue 'q' deadLetterRoutingKey needs a dead-letter exchange; allowed: deadLetterExchange with it [RabbitMqQueueArguments]"],
    ['an argument routing key with the exchange in the policy (RabbitMQ checks the arguments alone)', () => vhost().vhost.addQueue('q', {
      deadLetterExchange: 'a', arguments: { 'x-dead-letter-routing-key': 'k' },
    }), "queue 'q' argument 'x-dead-letter-routing-key' needs 'x-dead-letter-exchange'; allowed: 'x-dead-letter-exchange' in the arguments too"],
    ['a TTL above 2^32 - 1 ms', () => vhost().vhost.addQueue('q', { messageTtl: Duration.days(50) }),
      "queue 'q' messageTtl 4320000000 is not allowed; allowed: a whole number from 0 to 4294967295 (milliseconds) [RabbitMqQueueArguments]"],
    ['a fractional max length', () => vhost().vhost.addQueue('q', { maxLength: 1.5 }), "queue 'q' maxLength 1.5 is not allowed; allowed: a whole number"],
    ['a delivery limit on a classic queue', () => vhost().vhost.addQueue('q', { type: RabbitMqQueueType.CLASSIC, deliveryLimit: 3 }),
      "queue 'q' deliveryLimit is not allowed with type classic; allowed: type quorum [RabbitMqQueueArguments]"],
    ['a dead-letter exchange that is no string (JavaScript)', () => vhost().vhost.addQueue('q', { deadLetterExchange: 5 as unknown as string }),
      "queue 'q' deadLetterExchange 5 is not allowed; allowed: a string ('' for the default exchange)"],
  ])('%s is refused', (_name, act, message) => {
    expect(act).toThrow(message);
  });

  test('a typed routing key with the exchange in the arguments is accepted (RabbitMQ reads each setting from either)', () => {
    const { stack, vhost: v } = vhost();
    v.addQueue('q', { deadLetterRoutingKey: 'k', arguments: { 'x-dead-letter-exchange': 'a' } });
    expect(objects(stack).map(([, o]) => [o.Properties.Kind, JSON.parse(o.Properties.Body ?? '{}').arguments ?? JSON.parse(o.Properties.Body ?? '{}').definition]))
      .toEqual(expect.arrayContaining([['queue', { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': 'a' }], ['policy', { 'dead-letter-routing-key': 'k' }]]));
  });

  test('a policy of the app with the tuning policy\'s name is refused, in either order, and a refused queue leaves nothing', () => {
    const { stack, vhost: v } = vhost();
    v.addPolicy('cdk-amazon-mq-queue-q', { pattern: '^q$', definition: { 'max-length': 1 } });
    expect(() => v.addQueue('q', { maxLength: 2 }))
      .toThrow("RabbitMqVirtualHost.addQueue('q') validation failed:\n  - policy 'cdk-amazon-mq-queue-q' is already defined in this virtual host; allowed: each policy once [RabbitMqObjectUnique]");
    expect(objects(stack).filter(([, o]) => o.Properties.Kind === 'queue')).toEqual([]);
    // Nothing was claimed: the queue can be added without tuning.
    v.addQueue('q');
    v.addQueue('r', { maxLength: 2 });
    expect(() => v.addPolicy('cdk-amazon-mq-queue-r', { pattern: '^r$', definition: { 'max-length': 1 } })).toThrow('[RabbitMqObjectUnique]');
  });
});

describe('a policy of the app that matches a tuned queue (RabbitMQ applies one policy per queue)', () => {
  test('a broad policy below 1000 loses its other keys on the queue: a warning names them, whichever is added first', () => {
    for (const policyFirst of [true, false]) {
      const { stack, vhost: v } = vhost();
      const broad = () => v.addPolicy('limits', { pattern: '.*', definition: { 'max-length-bytes': 1000000, 'overflow': 'reject-publish', 'message-ttl': 1 }, priority: 10 });
      if (policyFirst) {
        broad();
      }
      v.addQueue('orders.in', { messageTtl: Duration.seconds(60) });
      if (!policyFirst) {
        broad();
      }
      expect(warnings(stack)).toEqual([
        "policy 'limits' (priority 10) matches queue 'orders.in', whose typed tuning is its policy 'cdk-amazon-mq-queue-orders.in' (priority 1000): RabbitMQ applies one policy per queue, the one of highest priority, so 'max-length-bytes', 'overflow' of 'limits' do not apply to 'orders.in'. Set them on the queue (its typed options, or its arguments, fixed at declare time), or tune the queue in a policy of your own instead of its typed options. [ack: cdk-amazon-mq:policyKeysNotApplied]",
      ]);
      // On the tuning policy's construct.
      expect(warningPaths(stack)).toEqual(['/Test/Broker/VirtualHostapp/Policycdk-amazon-mq-queue-orders.in']);
    }
  });

  test('a policy of priority 1000 or more that matches the queue may hide its tuning: a warning', () => {
    const { stack, vhost: v } = vhost();
    v.addQueue('orders.in', { messageTtl: Duration.seconds(60), maxLength: 10 });
    v.addPolicy('emergency', { pattern: '^orders\\.', definition: { 'max-length': 0 }, priority: 1000 });
    expect(warnings(stack)).toEqual([
      "policy 'emergency' (priority 1000) matches queue 'orders.in', whose typed tuning is its policy 'cdk-amazon-mq-queue-orders.in' (priority 1000): RabbitMQ applies one policy per queue, the one of highest priority (a tie is not defined), so the queue's messageTtl, maxLength may not apply. Give 'emergency' a priority below 1000, or a pattern that does not match 'orders.in'. [ack: cdk-amazon-mq:queueTuningOverridden]",
    ]);
  });

  test.each<[string, (v: RabbitMqVirtualHost, stack: Stack) => void]>([
    ['whose keys the tuning sets too', (v) => v.addPolicy('ttl', { pattern: '.*', definition: { 'message-ttl': 1 } })],
    ['whose pattern does not match the queue', (v) => v.addPolicy('other', { pattern: '^billing\\.', definition: { 'max-length-bytes': 1 }, priority: 2000 })],
    ['for exchanges', (v) => v.addPolicy('ae', { pattern: '.*', definition: { 'alternate-exchange': 'ae' }, applyTo: RabbitMqPolicyApplyTo.EXCHANGES, priority: 2000 })],
    ['for classic queues (the queue is a quorum queue)', (v) => v.addPolicy('cq', { pattern: '.*', definition: { 'max-length-bytes': 1 }, applyTo: RabbitMqPolicyApplyTo.CLASSIC_QUEUES })],
    ['an operator policy (RabbitMQ combines it with the policy)', (v) => v.addOperatorPolicy('limits', { pattern: '.*', definition: { 'max-length-bytes': 1 }, priority: 2000 })],
    ['whose pattern is beyond what the library judges ((?i))', (v) => v.addPolicy('ci', { pattern: '(?i)^ORDERS', definition: { 'max-length-bytes': 1 } })],
    ['whose pattern is known only at deploy', (v, stack) => v.addPolicy('tok', { pattern: new CfnParameter(stack, 'P').valueAsString, definition: { 'max-length-bytes': 1 } })],
  ])('no warning for a policy %s', (_name, add) => {
    const { stack, vhost: v } = vhost();
    v.addQueue('orders.in', { messageTtl: Duration.seconds(60) });
    add(v, stack);
    expect(warnings(stack)).toEqual([]);
  });

  test('a queue without tuning meets no warning: the policy applies to it as before', () => {
    const { stack, vhost: v } = vhost();
    v.addQueue('orders.in');
    v.addPolicy('limits', { pattern: '.*', definition: { 'max-length-bytes': 1 } });
    expect(warnings(stack)).toEqual([]);
  });
});

describe('pcreMatches: PCRE\'s verdict where it and JavaScript agree, else undefined', () => {
  test.each<[string, string, boolean | undefined]>([
    ['.*', 'orders.in', true],
    ['^orders\\.', 'orders.in', true],
    ['^orders\\.', 'ordersXin', false],
    ['in$', 'orders.in', true],
    ['^(orders|billing)\\.[a-z]+$', 'billing.out', true],
    ['^(?:a|b){2}$', 'ab', true],
    ['^[^.]+$', 'orders.in', false],
    ['^\\d+$', '123', true],
    ['^.{3}$', 'é', false], // two bytes: PCRE without (*UTF8) counts bytes
    ['^..$', 'é', true],
    ['(?i)^ORDERS', 'orders.in', undefined],
    ['^\\w+$', 'orders', undefined],
    ['[[:alpha:]]', 'a', undefined],
    ['[]a]', 'a', undefined],
    ['^\\Qa.b\\E$', 'a.b', undefined],
    ['(a)\\1', 'aa', undefined],
    ['(?=a)a', 'a', undefined],
    ['a*+', 'a', undefined],
    ['x{', 'x{', undefined],
    ['([', 'x', undefined], // RabbitMQ refuses the pattern: RabbitMqPolicyDefinition says so
  ])('%s on %s: %s', (pattern, name, expected) => {
    expect(pcreMatches(pattern, name)).toBe(expected);
  });
});
