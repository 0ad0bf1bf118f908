// A production RabbitMQ cluster (examples/prod-rabbitmq.ts): each broker runs as its template asks.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { ProdRabbitMqStack } from '../../examples/prod-rabbitmq';

export const INTEG = exampleInteg({
  stack: ProdRabbitMqStack,
  stackName: 'ProdRabbitMq',
  assert: (test, stack) => expectBrokersRunning(test, stack),
});

runExampleInteg(INTEG, module);
