import { Stack, Token } from 'aws-cdk-lib';
import { BrokerSpec } from '../../broker/broker-spec';
import { isKnown, Rule } from '../../private/rules';

/** What the network-of-brokers rules read. */
export interface NetworkOfBrokersSpec {
  /** Members by construct path, with their validated spec and stack. */
  readonly members: Array<{ readonly path: string; readonly spec?: BrokerSpec; readonly stack: Stack }>;
  /** The hub's path, for hub-and-spoke; whether it is a member. */
  readonly hub?: { readonly path: string; readonly member: boolean };
  /** Network connectors each member's configuration would hold, by path. */
  readonly connectorsByMember: Record<string, number>;
  /** The connectors' networkTTL, when given. */
  readonly networkTtl?: number;
  /** The network construct's stack. */
  readonly stack: Stack;
}

/** Network connectors per broker (mq-facts F-X08). */
const MAX_CONNECTORS = 20;

export const NETWORK_OF_BROKERS_RULES: Rule<NetworkOfBrokersSpec>[] = [
  {
    id: 'ActiveMqNetworkMembers',
    fact: 'F-X08',
    summary: 'network of brokers: at least 2 distinct brokers; a hub-and-spoke hub is one of them',
    check: (s) => [
      ...new Set(s.members.map((m) => m.path)).size < 2 ? [`'brokers' has ${new Set(s.members.map((m) => m.path)).size} distinct broker(s); allowed: at least 2`] : [],
      ...new Set(s.members.map((m) => m.path)).size !== s.members.length ? ['\'brokers\' names a broker more than once; allowed: each broker once'] : [],
      ...s.hub && !s.hub.member ? [`'topology' hub ${s.hub.path} is not in 'brokers'; allowed: one of the brokers`] : [],
    ],
  },
  {
    id: 'ActiveMqNetworkSimpleAuthentication',
    fact: 'F-AU01, F-AU05',
    summary: 'network of brokers: members use simple authentication (the network user is a broker user; LDAP brokers take none)',
    check: (s) => s.members.filter((m) => m.spec && m.spec.authenticationStrategy !== 'SIMPLE')
      .map((m) => `'brokers' member ${m.path} uses ${m.spec!.authenticationStrategy} authentication; allowed: SIMPLE, so the network user can be added to it`),
  },
  {
    id: 'ActiveMqNetworkOwnConfiguration',
    fact: 'F-B10, F-A02',
    summary: 'network of brokers: members set no `configuration` prop (the network associates one, with the connectors)',
    check: (s) => s.members.filter((m) => m.spec?.configuration)
      .map((m) => `'brokers' member ${m.path} sets 'configuration'; allowed: a broker without it (give shared settings as the network's 'configuration' model)`),
  },
  {
    id: 'ActiveMqNetworkConnectorLimit',
    fact: 'F-X08',
    summary: 'network of brokers: at most 20 network connectors per broker',
    check: (s) => Object.entries(s.connectorsByMember).filter(([, n]) => n > MAX_CONNECTORS)
      .map(([path, n]) => `member ${path} would hold ${n} network connectors; allowed: at most ${MAX_CONNECTORS} (use a hub-and-spoke topology, or duplex connections)`),
  },
  {
    id: 'ActiveMqNetworkEnvironment',
    fact: 'F-B01',
    summary: 'network of brokers: members in one account and region (endpoints and the network user\'s secret are regional; cross-region is CRDR)',
    check: (s) => {
      // Regions and accounts are compared apart: `env: { region }` stacks have a known region and no account.
      const distinct = (values: string[]) => [...new Set(values.filter((v) => !Token.isUnresolved(v)))];
      const regions = distinct(s.members.map((m) => m.stack.region));
      const accounts = distinct(s.members.map((m) => m.stack.account));
      return [
        ...regions.length > 1 ? [`'brokers' span regions ${regions.join(', ')}; allowed: brokers in one account and region (cross-region is CRDR: ActiveMqBroker replicaOf)`] : [],
        ...accounts.length > 1 ? [`'brokers' span accounts ${accounts.join(', ')}; allowed: brokers in one account and region`] : [],
      ];
    },
  },
  {
    id: 'ActiveMqNetworkOneStack',
    fact: 'F-B10',
    summary: 'network of brokers: members in the network\'s stack (each member takes the network user\'s secret and the others\' endpoints: across stacks, a dependency cycle)',
    check: (s) => {
      const elsewhere = s.members.filter((m) => m.stack !== s.stack);
      return elsewhere.length === 0 ? undefined
        : `'brokers' ${elsewhere.map((m) => m.path).join(', ')} ${elsewhere.length === 1 ? 'is' : 'are'} not in the network's stack ${s.stack.node.path}; `
          + 'allowed: brokers of the stack the ActiveMqNetworkOfBrokers is in (members reference each other\'s endpoints and the network user\'s secret, so members in two stacks would depend on each other)';
    },
  },
  {
    id: 'ActiveMqNetworkTtl',
    fact: 'F-X08',
    summary: '`networkTtl`: a whole number of hops, 1 or more (0 or less forwards nothing)',
    check: (s) => s.networkTtl !== undefined && isKnown(s.networkTtl) && !(Number.isInteger(s.networkTtl) && s.networkTtl >= 1)
      ? `'networkTtl' ${s.networkTtl} is not allowed; allowed: a whole number of hops, 1 or more`
      : undefined,
  },
];
