// A hub-and-spoke network of ActiveMQ brokers: an active/standby hub and two single-instance spokes in one VPC.
// Spokes connect to the hub (duplex); audit queues never leave the broker they were sent to.
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { exampleVpc } from './network';
import {
  ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqDestination, ActiveMqEngineVersion, ActiveMqNetworkOfBrokers, ActiveMqNetworkTopology,
  BrokerInstanceType,
} from '../src';

export class NetworkOfBrokersStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = exampleVpc(this, 2);
    const common = { vpc, engineVersion: ActiveMqEngineVersion.V5_19, removalPolicy: RemovalPolicy.DESTROY };
    const hub = new ActiveMqBroker(this, 'Hub', { ...common, brokerName: 'orders-hub', deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ });
    const spokes = ['east', 'west'].map((name) => new ActiveMqBroker(this, `Spoke${name}`, {
      ...common, brokerName: `orders-${name}`, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE, instanceType: BrokerInstanceType.M5_LARGE,
    }));
    new ActiveMqNetworkOfBrokers(this, 'Network', {
      brokers: [hub, ...spokes],
      topology: ActiveMqNetworkTopology.hubAndSpoke(hub),
      excludedDestinations: [ActiveMqDestination.queue('audit.>')],
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

if (require.main === module) {
  exampleApp(NetworkOfBrokersStack, 'NetworkOfBrokers');
}
