import { ActiveMqSpec } from './activemq-spec';
import { isKnown, Rule } from '../../private/rules';
import { ActiveMqDeploymentMode } from '../activemq-deployment-mode';

const PAIR = ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ;

/**
 * Cross-region data replication: checked on the replica, with what is known of its primary. Its
 * version floor (5.17.6, F-X-CR1) is below every version Amazon MQ still supports, so EngineVersionSupported covers it.
 */
export const ACTIVEMQ_REPLICATION_RULES: Rule<ActiveMqSpec>[] = [
  {
    id: 'ActiveMqCrdrDeploymentMode',
    fact: 'F-X-CR1',
    summary: 'replicaOf: replica and primary are both ACTIVE_STANDBY_MULTI_AZ',
    check: (s) => s.replication ? [
      ...s.deploymentMode !== PAIR ? [`'deploymentMode' ${s.deploymentMode} is not allowed for a replica; allowed: ${PAIR}`] : [],
      ...s.replication.primaryDeploymentMode !== PAIR ? [`'replicaOf' is a ${s.replication.primaryDeploymentMode} broker; allowed: an ${PAIR} primary`] : [],
    ] : undefined,
  },
  {
    id: 'ActiveMqCrdrRegion',
    fact: 'F-X-CR3',
    summary: 'replicaOf: the primary is in another region, explicit when the primary is made in this app',
    check: (s) => {
      if (!s.replication) {
        return undefined;
      }
      if (s.replication.primaryUsers && !isKnown(s.replication.primaryRegion)) {
        return '\'replicaOf\' is in a stack without an explicit region; allowed: a primary whose stack sets env.region (the replica needs its region)';
      }
      return isKnown(s.replication.primaryRegion) && isKnown(s.region) && s.replication.primaryRegion === s.region
        ? `'replicaOf' is in ${s.region}, the replica's region; allowed: a primary in another region (cross-region data replication)`
        : undefined;
    },
  },
  {
    id: 'ActiveMqCrdrReplicationUser',
    fact: 'F-X-CR4',
    summary: 'replicaOf: exactly one replication user on the replica, and on a primary made in this app',
    check: (s) => {
      if (!s.replication) {
        return undefined;
      }
      const count = (users: ActiveMqSpec['users']) => users.filter((u) => u.replicationUser).length;
      return [
        ...count(s.users) !== 1 ? [`'users' has ${count(s.users)} replication users; allowed: exactly one user with replicationUser: true on a replica`] : [],
        ...s.replication.primaryUsers && count(s.replication.primaryUsers) !== 1
          ? [`'replicaOf' has ${count(s.replication.primaryUsers)} replication users; allowed: exactly one user with replicationUser: true on the primary`] : [],
        ...s.replication.primaryIsReplica ? ['\'replicaOf\' is itself a replica; allowed: a primary'] : [],
      ];
    },
  },
];
