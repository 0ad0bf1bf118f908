// A RabbitMQ broker with OAuth 2.0 sign-in (examples/oauth2-rabbitmq.ts): each broker runs as its template asks.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { OAuth2RabbitMqStack } from '../../examples/oauth2-rabbitmq';

export const INTEG = exampleInteg({
  stack: OAuth2RabbitMqStack,
  stackName: 'OAuth2RabbitMq',
  assert: (test, stack) => expectBrokersRunning(test, stack),
});

runExampleInteg(INTEG, module);
