// A production ActiveMQ active/standby pair (examples/prod-activemq.ts): each broker runs as its template asks.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { ProdActiveMqStack } from '../../examples/prod-activemq';

export const INTEG = exampleInteg({
  stack: ProdActiveMqStack,
  stackName: 'ProdActiveMq',
  assert: (test, stack) => expectBrokersRunning(test, stack),
});

runExampleInteg(INTEG, module);
