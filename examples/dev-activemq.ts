// A development ActiveMQ broker: one small instance, deleted with the stack.
import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { exampleVpc } from './network';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, BrokerInstanceType } from '../src';

export class DevActiveMqStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new ActiveMqBroker(this, 'Broker', {
      vpc: exampleVpc(this, 1),
      engineVersion: ActiveMqEngineVersion.V5_19,
      deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE,
      instanceType: BrokerInstanceType.T3_MICRO,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

if (require.main === module) {
  exampleApp(DevActiveMqStack, 'DevActiveMq');
}
