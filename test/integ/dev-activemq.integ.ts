// A development ActiveMQ broker (examples/dev-activemq.ts): each broker runs as its template asks.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { DevActiveMqStack } from '../../examples/dev-activemq';

export const INTEG = exampleInteg({
  stack: DevActiveMqStack,
  stackName: 'DevActiveMq',
  assert: (test, stack) => expectBrokersRunning(test, stack),
});

runExampleInteg(INTEG, module);
