import { Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IActiveMqBroker } from './activemq-broker-ref';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from './activemq-deployment-mode';
import { checkFailoverProtocol, checkInstance, instanceCount } from './activemq-endpoints';
import { ActiveMqDestination } from './configuration/activemq-destination';
import { BrokerBase } from '../broker/broker-base';
import { amazonMqMetric } from '../broker/broker-metric';
import { ActiveMqProtocol, BrokerProtocol } from '../broker/protocol';
import { ActiveMqAlarmOptions, ActiveMqBrokerAlarms } from './monitoring/activemq-broker-alarms';
import { ActiveMqMetricOptions } from './monitoring/activemq-broker-metrics';
import { ACTIVEMQ_BROKER_METRICS, ActiveMqBrokerMetricName, ActiveMqDestinationMetricName, destinationStatistic } from './monitoring/activemq-metric-table';
import { checkFirstRecommendedAlarms, RECOMMENDED_ALARMS_ID } from '../broker/monitoring/alarm-helpers';
import { acrossInstances, requireName } from '../broker/monitoring/amazon-mq-metric';
import { graph } from '../broker/monitoring/widgets';

// Public through this module, which index.ts exports (and ActiveMqBroker imports IActiveMqBroker from).
export * from './activemq-broker-ref';

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
    checkFailoverProtocol(this, protocol);
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
    return this.destinationMetric('QueueSize', ActiveMqDestination.queue(requireName(this, 'queue', queue, 'a queue name')), options);
  }

  public metricReceiveCount(destination: ActiveMqDestination, networkConnector: string, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    requireName(this, 'networkConnector', networkConnector, 'the name of a network connector');
    return this.destinationMetric('ReceiveCount', destination, options, { NetworkConnector: networkConnector });
  }

  public metricAmqpMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('AmqpMaximumConnections', options);
  }

  public metricMqttMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('MqttMaximumConnections', options);
  }

  public metricOpenwireMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('OpenwireMaximumConnections', options);
  }

  public metricStompMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('StompMaximumConnections', options);
  }

  public metricWsMaximumConnections(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('WsMaximumConnections', options);
  }

  public metricBurstBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('BurstBalance', options);
  }

  public metricCpuCreditBalance(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('CpuCreditBalance', options);
  }

  public metricCpuUtilization(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('CpuUtilization', options);
  }

  public metricCurrentConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('CurrentConnectionsCount', options);
  }

  public metricEstablishedConnectionsCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('EstablishedConnectionsCount', options);
  }

  public metricHeapUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('HeapUsage', options);
  }

  public metricInactiveDurableTopicSubscribersCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('InactiveDurableTopicSubscribersCount', options);
  }

  public metricJobSchedulerStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('JobSchedulerStorePercentUsage', options);
  }

  public metricJournalFilesForFastRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('JournalFilesForFastRecovery', options);
  }

  public metricJournalFilesForFullRecovery(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('JournalFilesForFullRecovery', options);
  }

  public metricNetworkConnectorConnectionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('NetworkConnectorConnectionCount', options);
  }

  public metricNetworkIn(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('NetworkIn', options);
  }

  public metricNetworkOut(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('NetworkOut', options);
  }

  public metricOpenTransactionCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('OpenTransactionCount', options);
  }

  public metricStorePercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('StorePercentUsage', options);
  }

  public metricTempPercentUsage(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TempPercentUsage', options);
  }

  public metricTotalConsumerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalConsumerCount', options);
  }

  public metricTotalProducerCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalProducerCount', options);
  }

  public metricTotalMessageCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalMessageCount', options);
  }

  public metricTotalEnqueueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalEnqueueCount', options);
  }

  public metricTotalDequeueCount(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('TotalDequeueCount', options);
  }

  public metricVolumeReadOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('VolumeReadOps', options);
  }

  public metricVolumeWriteOps(options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.brokerMetric('VolumeWriteOps', options);
  }

  public metricConsumerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('ConsumerCount', destination, options);
  }

  public metricProducerCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('ProducerCount', destination, options);
  }

  public metricMemoryUsage(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('MemoryUsage', destination, options);
  }

  public metricInFlightCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('InFlightCount', destination, options);
  }

  public metricEnqueueTime(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('EnqueueTime', destination, options);
  }

  public metricEnqueueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('EnqueueCount', destination, options);
  }

  public metricDequeueCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('DequeueCount', destination, options);
  }

  public metricDispatchCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('DispatchCount', destination, options);
  }

  public metricExpiredCount(destination: ActiveMqDestination, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.destinationMetric('ExpiredCount', destination, options);
  }

  protected get metricBrokerDimension(): string {
    return `${this.brokerName}-1`;
  }

  private brokerMetric(metricName: ActiveMqBrokerMetricName, options?: ActiveMqMetricOptions): cloudwatch.IMetric {
    return this.perInstance(metricName, ACTIVEMQ_BROKER_METRICS[metricName], {}, options);
  }

  private destinationMetric(
    metricName: ActiveMqDestinationMetricName, destination: ActiveMqDestination, options?: ActiveMqMetricOptions, extra: Record<string, string> = {},
  ): cloudwatch.IMetric {
    requireName(this, destination.type, destination.name, `a ${destination.type} name`);
    const dimension = destination.type === 'queue' ? 'Queue' : 'Topic';
    return this.perInstance(metricName, destinationStatistic(metricName), { [dimension]: destination.name, ...extra }, options);
  }

  private perInstance(
    metricName: string, statistic: string, dimensions: Record<string, string>, options: ActiveMqMetricOptions = {},
  ): cloudwatch.IMetric {
    const { instance, ...metricOptions } = options;
    const instances = instance !== undefined
      ? [checkInstance(this, 'ActiveMqBroker metric', this.deploymentMode, instance)]
      : Array.from({ length: instanceCount(this.deploymentMode) }, (_, i) => i + 1);
    const metrics = instances.map((i) => amazonMqMetric(this, metricName, { Broker: `${this.brokerName}-${i}`, ...dimensions }, statistic, metricOptions));
    return acrossInstances(metricName, metrics, metricOptions.statistic ?? statistic);
  }
}
