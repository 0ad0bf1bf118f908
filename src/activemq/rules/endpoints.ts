import { BrokerProtocol } from '../../broker/protocol';
import { Rule } from '../../private/rules';

/** What the instance rule reads: the instance asked for and how many the deployment mode has. */
export interface ActiveMqInstanceSpec {
  readonly instance: number;
  readonly instances: number;
  readonly deploymentMode: string;
}

/** What the endpoint protocol rules read: the protocol asked for and its endpoint's URL scheme, if ActiveMQ has one. */
export interface ActiveMqProtocolSpec {
  readonly protocol: BrokerProtocol;
  readonly scheme?: string;
  /** Whether the protocol's clients have the failover: transport (OpenWire, AMQP). */
  readonly failover: boolean;
}

/** endpoint(), ipAddress() and the metrics' `instance`: the broker instances Amazon MQ names `-1` and `-2`. */
export const ACTIVEMQ_INSTANCE_RULES: ReadonlyArray<Rule<ActiveMqInstanceSpec>> = [
  {
    id: 'ActiveMqInstanceNumber',
    // Endpoint lists hold two entries (-1/-2 hosts) for active/standby, one otherwise (mq-facts §1.4, after F-R01).
    fact: 'F-R01',
    summary: '`instance` of endpoint(), ipAddress() and the metrics: 1, or 2 for the standby of an ACTIVE_STANDBY_MULTI_AZ pair',
    check: (s) => !Number.isInteger(s.instance) || s.instance < 1 || s.instance > s.instances
      ? `'instance' ${s.instance} is not allowed with deploymentMode ${s.deploymentMode}; allowed: ${s.instances === 2 ? '1 or 2' : '1'}`
      : undefined,
  },
];

export const ACTIVEMQ_ENDPOINT_RULES: ReadonlyArray<Rule<ActiveMqProtocolSpec>> = [
  {
    id: 'ActiveMqEndpointProtocol',
    // The endpoint attributes of AWS::AmazonMQ::Broker (mq-facts F-R01).
    fact: 'F-R01',
    summary: 'endpoint(): a protocol ActiveMQ has an endpoint for (`ActiveMqProtocol`: OPENWIRE, AMQP, STOMP, MQTT, WSS, CONSOLE)',
    check: (s) => s.scheme === undefined
      ? `'protocol' ${s.protocol.name} (port ${s.protocol.port}) is not allowed; allowed: an ActiveMqProtocol (OPENWIRE, AMQP, STOMP, MQTT, WSS, CONSOLE)`
      : undefined,
  },
];

export const ACTIVEMQ_FAILOVER_RULES: ReadonlyArray<Rule<ActiveMqProtocolSpec>> = [
  {
    id: 'ActiveMqFailoverProtocol',
    // The failover: transport is a client feature of the ActiveMQ (OpenWire) and Qpid JMS (AMQP) clients.
    fact: 'ActiveMQ and Qpid JMS failover transport',
    summary: 'failoverUrl(): OpenWire or AMQP, the protocols whose clients have the `failover:` transport',
    check: (s) => !s.failover
      ? `'protocol' ${s.protocol.name} is not allowed; allowed: OpenWire or AMQP (the failover: transport is an ActiveMQ and Qpid JMS client feature)`
      : undefined,
  },
];
