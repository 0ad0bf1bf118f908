// A hub-and-spoke network of ActiveMQ brokers (three brokers) (examples/network-of-brokers.ts): each broker runs as its template asks.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { NetworkOfBrokersStack } from '../../examples/network-of-brokers';

export const INTEG = exampleInteg({
  stack: NetworkOfBrokersStack,
  stackName: 'NetworkOfBrokers',
  assert: (test, stack) => expectBrokersRunning(test, stack),
});

runExampleInteg(INTEG, module);
