// A development RabbitMQ broker (examples/dev-rabbitmq.ts): each broker runs as its template asks.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { DevRabbitMqStack } from '../../examples/dev-rabbitmq';

export const INTEG = exampleInteg({
  stack: DevRabbitMqStack,
  stackName: 'DevRabbitMq',
  assert: (test, stack) => expectBrokersRunning(test, stack),
});

runExampleInteg(INTEG, module);
