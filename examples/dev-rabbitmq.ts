// A development RabbitMQ broker: one node on the test-sized Graviton instance, deleted with the stack.
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { exampleVpc } from './network';
import { BrokerInstanceType, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion } from '../src';

export class DevRabbitMqStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new RabbitMqBroker(this, 'Broker', {
      vpc: exampleVpc(this, 1),
      engineVersion: RabbitMqEngineVersion.V4_2,
      deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
      instanceType: BrokerInstanceType.M7G_MEDIUM,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

if (require.main === module) {
  exampleApp(DevRabbitMqStack, 'DevRabbitMq');
}
