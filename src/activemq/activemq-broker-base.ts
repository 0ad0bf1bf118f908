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
      ? [checkInstance(this, 'ActiveMqBroker metric', this.deploymentMode, instance)]
      : Array.from({ length: instanceCount(this.deploymentMode) }, (_, i) => i + 1);
    const metrics = instances.map((i) => amazonMqMetric(this, metricName, { Broker: `${this.brokerName}-${i}`, ...dimensions }, statistic, metricOptions));
    return acrossInstances(metricName, metrics, metricOptions.statistic ?? statistic);
  }
}
