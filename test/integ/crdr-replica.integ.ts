// The replica half of a cross-region data replication pair (examples/crdr-replica.ts): the replica runs in CRDR
// mode as the pair's replica. It needs its primary (imported by ARN in the example) to exist in us-east-1.
import { expectBrokersRunning } from './broker-assertions';
import { exampleInteg, runExampleInteg } from './example-integ';
import { CrdrReplicaStack } from '../../examples/crdr-replica';

export const INTEG = exampleInteg({
  stack: CrdrReplicaStack,
  stackName: 'CrdrReplica',
  // The example pins the replica's region: the assertions call Amazon MQ there.
  region: 'us-west-2',
  assert: (test, stack) => expectBrokersRunning(test, stack, () => ({ DataReplicationMetadata: { DataReplicationRole: 'REPLICA' } })),
});

runExampleInteg(INTEG, module);
