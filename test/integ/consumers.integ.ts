// Consumers of an ActiveMQ broker (examples/consumers.ts): the broker runs, and the Lambda event source mapping is
// enabled (it reached the broker with its credentials).
import { expectBrokersRunning, expectEventSourceMappingsEnabled } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { ConsumersStack } from '../../examples/consumers';

export const INTEG = exampleInteg({
  stack: ConsumersStack,
  stackName: 'Consumers',
  assert: (test, stack) => {
    expectBrokersRunning(test, stack);
    expectEventSourceMappingsEnabled(test, stack);
  },
});

runExampleInteg(INTEG, module);
