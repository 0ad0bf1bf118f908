/**
 * Typed policy definitions and queue arguments (README rules RabbitMqPolicyDefinition and RabbitMqQueueArguments):
 * what RabbitMQ 4.0.5 refuses at deploy (test/engines/rabbitmq-rules.engine.test.ts) fails here at synth, naming the key.
 */
import { Duration } from 'aws-cdk-lib';
import {
  RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion, RabbitMqQueueType, RabbitMqVirtualHost,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

function vhost(engineVersion = RabbitMqEngineVersion.V4_2): RabbitMqVirtualHost {
  const { stack, vpc } = stackWithVpc();
  return new RabbitMqBroker(stack, 'Broker', { vpc, engineVersion, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE }).addVirtualHost('app');
}

test.each<[string, () => void, string]>([
  ['a typo', () => vhost().addPolicy('dlx', { pattern: '.*', definition: { 'dead-letter-exchnage': 'dlx' } }),
    "policy 'dlx' definition key 'dead-letter-exchnage' is not a RabbitMQ policy key; allowed: alternate-exchange, dead-letter-exchange"],
  ['classic mirroring on RabbitMQ 4', () => vhost().addPolicy('ha', { pattern: '.*', definition: { 'ha-mode': 'all' } }),
    "policy 'ha' definition key 'ha-mode' is not allowed with engineVersion '4.2'; allowed: RabbitMQ before 4"],
  ['a queue setting in an operator policy', () => vhost().addOperatorPolicy('dlx', { pattern: '.*', definition: { 'dead-letter-exchange': 'dlx' } }),
    "operator policy 'dlx' definition key 'dead-letter-exchange' is not allowed in an operator policy (RabbitMQ takes only limits there)"],
  ['a stream setting', () => vhost().addPolicy('age', { pattern: '.*', definition: { 'max-age': '1D' } }),
    "policy 'age' definition key 'max-age' is not allowed: Amazon MQ does not support streams"],
  ['a negative TTL', () => vhost().addPolicy('ttl', { pattern: '.*', definition: { 'message-ttl': -1 } }),
    "policy 'ttl' definition key 'message-ttl' value -1 is not allowed; allowed: a whole number from 0 to 4294967295"],
  ['an unknown overflow', () => vhost().addPolicy('len', { pattern: '.*', definition: { 'max-length': 10, 'overflow': 'nope' } }),
    "policy 'len' definition key 'overflow' value \"nope\" is not allowed; allowed: one of \"drop-head\", \"reject-publish\", \"reject-publish-dlx\""],
  ['a priority on a quorum queue', () => vhost().addQueue('q', { type: RabbitMqQueueType.QUORUM, arguments: { 'x-max-priority': 5 } }),
    "queue 'q' argument 'x-max-priority' is not allowed with type quorum"],
  ['an x-queue-type that contradicts type', () => vhost().addQueue('q', { type: RabbitMqQueueType.QUORUM, arguments: { 'x-queue-type': 'classic' } }),
    "queue 'q' argument 'x-queue-type' \"classic\" contradicts type 'quorum'; allowed: the 'type' property alone"],
  ['an unknown argument', () => vhost().addQueue('q', { type: RabbitMqQueueType.CLASSIC, arguments: { 'x-max-lenght': 5 } }),
    "queue 'q' argument 'x-max-lenght' is not a RabbitMQ queue argument"],
  ['a TTL above 2^32 - 1 ms', () => vhost().addQueue('q', { messageTtl: Duration.days(60) }),
    "queue 'q' messageTtl 5184000000 is not allowed; allowed: a whole number from 0 to 4294967295 (milliseconds)"],
  ['a length that is no exact integer', () => vhost().addQueue('q', { maxLength: 1e300 }),
    "queue 'q' maxLength 1e+300 is not allowed; allowed: a whole number from 0 to 9007199254740991"],
])('%s is refused at synth', (_name, act, message) => {
  expect(act).toThrow(message);
});

test('what RabbitMQ accepts is accepted, queue-mode only before 4.3 and mirroring on 3.13', () => {
  const v = vhost();
  v.addPolicy('all-keys', {
    pattern: '^app\\.',
    definition: { 'dead-letter-exchange': 'dlx', 'message-ttl': 60000, 'max-length': 1000, 'overflow': 'reject-publish-dlx', 'queue-mode': 'lazy' },
  });
  v.addOperatorPolicy('limits', { pattern: '.*', definition: { 'max-length': 100000, 'delivery-limit': -1, 'queue-version': 2 } });
  v.addQueue('app.classic', { type: RabbitMqQueueType.CLASSIC, arguments: { 'x-max-priority': 10, 'x-queue-version': 2 } });
  v.addQueue('app.quorum', { type: RabbitMqQueueType.QUORUM, arguments: { 'x-quorum-initial-group-size': 3, 'x-dead-letter-strategy': 'at-least-once' } });
  vhost(RabbitMqEngineVersion.V3_13).addPolicy('ha', { pattern: '.*', definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic' } });
});
