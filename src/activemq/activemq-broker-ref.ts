import * as iam from 'aws-cdk-lib/aws-iam';
import type { IActiveMqBrokerMetrics } from './monitoring/activemq-broker-metrics';
import { BrokerProtocol } from '../broker/protocol';
import type { ActiveMqAlarmOptions, ActiveMqBrokerAlarms } from './monitoring/activemq-broker-alarms';

// The contract apart from its base class, so the event sources that take an IActiveMqBroker do not import the
// implementation. The alarms take IActiveMqBrokerMetrics, which this extends: no way back from them to here.

/** An ActiveMQ broker, created here or imported: its endpoints, grants, metrics and recommended alarms. */
export interface IActiveMqBroker extends IActiveMqBrokerMetrics {
  /**
   * The endpoint of one protocol on one broker instance, as a string (a token for a broker made here:
   * `Fn::Select` over the list attribute, so it can be passed anywhere a string goes).
   * @param protocol an `ActiveMqProtocol` (CONSOLE gives the web console URL)
   * @param instance 1, or 2 for the standby of an active/standby pair
   */
  endpoint(protocol: BrokerProtocol, instance?: number): string;
  /**
   * The URL ActiveMQ (OpenWire) and Qpid JMS (AMQP) clients connect with: `failover:(<instance 1>,<instance 2>)`
   * for an active/standby pair, so clients follow the active instance; the single endpoint for a single instance.
   * @param protocol OPENWIRE (default) or AMQP
   */
  failoverUrl(protocol?: BrokerProtocol): string;
  /**
   * Grants `mq:Promote` on this broker: the replica of a cross-region pair is promoted (switchover or failover)
   * with it, an API call outside CloudFormation.
   */
  grantPromote(grantee: iam.IGrantable): iam.Grant;

  /**
   * Creates the recommended alarms for this broker (CPU, heap, stores, dead letters, and the queues you name).
   * Call it once per broker.
   */
  addRecommendedAlarms(options?: ActiveMqAlarmOptions): ActiveMqBrokerAlarms;
}
