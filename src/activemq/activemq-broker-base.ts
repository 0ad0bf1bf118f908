import { Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { checkInstance, instanceCount } from './activemq-endpoints';
import { ActiveMqDestination } from './configuration/activemq-destination';
import { BrokerBase, IBroker } from '../broker/broker-base';
import { ActiveMqProtocol, BrokerProtocol } from '../broker/protocol';
import { ActiveMqAlarmOptions, ActiveMqBrokerAlarms } from '../monitoring/activemq-broker-alarms';
import { checkFirstRecommendedAlarms, RECOMMENDED_ALARMS_ID } from '../monitoring/alarm-helpers';
import { acrossInstances, amazonMqMetric, requireName } from '../monitoring/amazon-mq-metric';
import { graph } from '../monitoring/widgets';
import { MqValidationError } from '../private/errors';

/** Options of an ActiveMQ metric. */
export interface ActiveMqMetricOptions extends cloudwatch.MetricOptions {
  /**
   * One instance of the broker: 1, or 2 for the standby side of an active/standby pair (`<name>-1`, `<name>-2`).
   * @default - every instance: the metric itself for a single instance; for active/standby, the maximum of both
   *   (sum for per-period counts and bytes), since the active instance changes on failover (mq-facts F-CW1)
   */
  readonly instance?: number;
}

/**
 * An ActiveMQ broker, created here or imported, with every CloudWatch metric Amazon MQ publishes for ActiveMQ
 * (mq-facts §3), in the `AWS/AmazonMQ` namespace with dimension `Broker` = `<broker name>-<instance>`.
 */
export interface IActiveMqBroker extends IBroker {
  /** The deployment mode (how many instances publish metrics). */
  readonly deploymentMode: ActiveMqDeploymentMode;
  /** The storage type, when known (EBS brokers publish BurstBalance and volume operations). */
  readonly storageType?: ActiveMqStorageType;

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

  /** The size of a queue (messages not yet consumed). Default: maximum over 5 minutes. */
  metricQueueSize(queue: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages received from a network connector for a destination. Default: sum over 5 minutes. */
  metricReceiveCount(destination: ActiveMqDestination, networkConnector: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most AMQP clients that can connect (per-protocol limit). Default: maximum over 5 minutes. */
  metricAmqpMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most MQTT clients that can connect. Default: maximum over 5 minutes. */
  metricMqttMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most OpenWire clients that can connect. Default: maximum over 5 minutes. */
  metricOpenwireMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most STOMP clients that can connect. Default: maximum over 5 minutes. */
  metricStompMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** The most WebSocket clients that can connect. Default: maximum over 5 minutes. */
  metricWsMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the EBS burst balance left (EBS storage only). Default: minimum over 5 minutes. */
  metricBurstBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** CPU credits left (mq.t2.micro only; published every 5 minutes). Default: minimum over 5 minutes. */
  metricCpuCreditBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the instance's CPU in use. Default: average over 5 minutes. */
  metricCpuUtilization(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Current client connections. Default: maximum over 5 minutes. */
  metricCurrentConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Connections established and not yet closed. Default: maximum over 5 minutes. */
  metricEstablishedConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the JVM memory limit in use. Default: maximum over 5 minutes. */
  metricHeapUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Inactive durable topic subscribers (up to 2000). Default: maximum over 5 minutes. */
  metricInactiveDurableTopicSubscribersCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the job scheduler store in use. Default: maximum over 5 minutes. */
  metricJobSchedulerStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Journal files replayed after a clean shutdown. Default: maximum over 5 minutes. */
  metricJournalFilesForFastRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Journal files replayed after an unclean shutdown. Default: maximum over 5 minutes. */
  metricJournalFilesForFullRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Brokers connected to this one through network connectors. Default: maximum over 5 minutes. */
  metricNetworkConnectorConnectionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Bytes received by the instance. Default: sum over 5 minutes. */
  metricNetworkIn(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Bytes sent by the instance. Default: sum over 5 minutes. */
  metricNetworkOut(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Transactions in progress. Default: maximum over 5 minutes. */
  metricOpenTransactionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the message store in use; at 100 the broker refuses messages. Default: maximum over 5 minutes. */
  metricStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of temporary storage (non-persistent messages) in use. Default: maximum over 5 minutes. */
  metricTempPercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Message consumers on the broker. Default: maximum over 5 minutes. */
  metricTotalConsumerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Message producers on the broker. Default: maximum over 5 minutes. */
  metricTotalProducerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages stored on the broker. Default: maximum over 5 minutes. */
  metricTotalMessageCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages sent to the broker since it started (advisory messages included). Default: maximum over 5 minutes. */
  metricTotalEnqueueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages acknowledged by consumers since the broker started (advisory messages included). Default: maximum over 5 minutes. */
  metricTotalDequeueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** EBS read operations (EBS storage only). Default: sum over 5 minutes. */
  metricVolumeReadOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** EBS write operations (EBS storage only). Default: sum over 5 minutes. */
  metricVolumeWriteOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Consumers subscribed to the destination. Default: maximum over 5 minutes. */
  metricConsumerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Producers of the destination. Default: maximum over 5 minutes. */
  metricProducerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Percent of the destination's memory limit in use. Default: maximum over 5 minutes. */
  metricMemoryUsage(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages sent to consumers and not yet acknowledged. Default: maximum over 5 minutes. */
  metricInFlightCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Milliseconds from a message's arrival to its dispatch. Default: average over 5 minutes. */
  metricEnqueueTime(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages sent to the destination, per minute. Default: sum over 5 minutes. */
  metricEnqueueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages acknowledged by consumers, per minute. Default: sum over 5 minutes. */
  metricDequeueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages dispatched to consumers, per minute. Default: sum over 5 minutes. */
  metricDispatchCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
  /** Messages that expired, per minute. Default: sum over 5 minutes. */
  metricExpiredCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric;
}

/** What ActiveMqBroker and imported ActiveMQ brokers share: the metrics. */
export abstract class ActiveMqBrokerBase extends BrokerBase implements IActiveMqBroker {
  public abstract readonly deploymentMode: ActiveMqDeploymentMode;
  public abstract readonly storageType?: ActiveMqStorageType;
  public readonly engineType: string = 'ACTIVEMQ';

  public abstract endpoint(protocol: BrokerProtocol, instance?: number): string;

  public grantPromote(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'mq:Promote');
  }

  /**
   * @default ActiveMqProtocol.OPENWIRE
   */
  public failoverUrl(protocol: BrokerProtocol = ActiveMqProtocol.OPENWIRE): string {
    if (protocol !== ActiveMqProtocol.OPENWIRE && protocol !== ActiveMqProtocol.AMQP) {
      throw new MqValidationError(this, `failoverUrl() 'protocol' ${protocol.name} is not allowed; allowed: OpenWire or AMQP (the failover: transport is an ActiveMQ and Qpid JMS client feature)`);
    }
    if (instanceCount(this.deploymentMode) === 1) {
      return this.endpoint(protocol);
    }
    return Fn.join('', ['failover:(', this.endpoint(protocol, 1), ',', this.endpoint(protocol, 2), ')']);
  }

  public addRecommendedAlarms(options?: ActiveMqAlarmOptions): ActiveMqBrokerAlarms {
    checkFirstRecommendedAlarms(this);
    return new ActiveMqBrokerAlarms(this, RECOMMENDED_ALARMS_ID, this, options);
  }

  public keyMetricWidgets(): cloudwatch.IWidget[] {
    return [
      graph('CPU and heap (%)', [this.metricCpuUtilization(), this.metricHeapUsage()]),
      graph('Stores (%)', [this.metricStorePercentUsage(), this.metricTempPercentUsage(), this.metricJobSchedulerStorePercentUsage()]),
      graph('Connections', [this.metricCurrentConnectionsCount(), this.metricTotalConsumerCount(), this.metricTotalProducerCount()]),
      graph('Messages', [this.metricTotalMessageCount()]),
    ];
  }

  public metricQueueSize(queue: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('QueueSize', ActiveMqDestination.queue(requireName(this, 'queue', queue, 'a queue name')), cloudwatch.Stats.MAXIMUM, options);
  }

  public metricReceiveCount(destination: ActiveMqDestination, networkConnector: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    requireName(this, 'networkConnector', networkConnector, 'the name of a network connector');
    return this.destinationMetric('ReceiveCount', destination, cloudwatch.Stats.SUM, options, { NetworkConnector: networkConnector });
  }

  public metricAmqpMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('AmqpMaximumConnections', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricMqttMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('MqttMaximumConnections', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricOpenwireMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('OpenwireMaximumConnections', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricStompMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('StompMaximumConnections', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricWsMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('WsMaximumConnections', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricBurstBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('BurstBalance', cloudwatch.Stats.MINIMUM, options);
  }

  public metricCpuCreditBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('CpuCreditBalance', cloudwatch.Stats.MINIMUM, options);
  }

  public metricCpuUtilization(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('CpuUtilization', cloudwatch.Stats.AVERAGE, options);
  }

  public metricCurrentConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('CurrentConnectionsCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricEstablishedConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('EstablishedConnectionsCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricHeapUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('HeapUsage', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricInactiveDurableTopicSubscribersCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('InactiveDurableTopicSubscribersCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricJobSchedulerStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('JobSchedulerStorePercentUsage', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricJournalFilesForFastRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('JournalFilesForFastRecovery', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricJournalFilesForFullRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('JournalFilesForFullRecovery', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricNetworkConnectorConnectionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('NetworkConnectorConnectionCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricNetworkIn(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('NetworkIn', cloudwatch.Stats.SUM, options);
  }

  public metricNetworkOut(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('NetworkOut', cloudwatch.Stats.SUM, options);
  }

  public metricOpenTransactionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('OpenTransactionCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('StorePercentUsage', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricTempPercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TempPercentUsage', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricTotalConsumerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalConsumerCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricTotalProducerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalProducerCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricTotalMessageCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalMessageCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricTotalEnqueueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalEnqueueCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricTotalDequeueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalDequeueCount', cloudwatch.Stats.MAXIMUM, options);
  }

  public metricVolumeReadOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('VolumeReadOps', cloudwatch.Stats.SUM, options);
  }

  public metricVolumeWriteOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('VolumeWriteOps', cloudwatch.Stats.SUM, options);
  }

  public metricConsumerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('ConsumerCount', destination, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricProducerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('ProducerCount', destination, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricMemoryUsage(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('MemoryUsage', destination, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricInFlightCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('InFlightCount', destination, cloudwatch.Stats.MAXIMUM, options);
  }

  public metricEnqueueTime(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('EnqueueTime', destination, cloudwatch.Stats.AVERAGE, options);
  }

  public metricEnqueueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('EnqueueCount', destination, cloudwatch.Stats.SUM, options);
  }

  public metricDequeueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('DequeueCount', destination, cloudwatch.Stats.SUM, options);
  }

  public metricDispatchCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('DispatchCount', destination, cloudwatch.Stats.SUM, options);
  }

  public metricExpiredCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('ExpiredCount', destination, cloudwatch.Stats.SUM, options);
  }

  protected get metricBrokerDimension(): string {
    return `${this.brokerName}-1`;
  }

  private brokerMetric(metricName: string, statistic: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.perInstance(metricName, statistic, {}, options);
  }

  private destinationMetric(
    metricName: string, destination: ActiveMqDestination, statistic: string, options?: ActiveMqMetricOptions, extra: Record<string, string> = {},
  ): cloudwatch.IMetric {
    requireName(this, destination.type, destination.name, `a ${destination.type} name`);
    const dimension = destination.type === 'queue' ? 'Queue' : 'Topic';
    return this.perInstance(metricName, statistic, { [dimension]: destination.name, ...extra }, options);
  }

  private perInstance(
    metricName: string, statistic: string, dimensions: Record<string, string>, options: ActiveMqMetricOptions = {},
  ): cloudwatch.IMetric {
    const { instance, ...metricOptions } = options;
    const instances = instance !== undefined
      ? [checkInstance(this, this.deploymentMode, instance)]
      : Array.from({ length: instanceCount(this.deploymentMode) }, (_, i) => i + 1);
    const metrics = instances.map((i) => amazonMqMetric(this, metricName, { Broker: `${this.brokerName}-${i}`, ...dimensions }, statistic, metricOptions));
    return acrossInstances(metricName, metrics, metricOptions.statistic ?? statistic);
  }
}
