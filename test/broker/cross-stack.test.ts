import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, ActiveMqProtocol } from '../../src';

// The README's cross-stack pattern: endpoints used in the application stack, the port opened with allowTo.
test('an application stack uses the broker endpoints and opens the port without a dependency cycle', () => {
  const app = new App();
  const env = { account: '123456789012', region: 'eu-west-1' };
  const brokerStack = new Stack(app, 'Messaging', { env });
  const vpc = new ec2.Vpc(brokerStack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const broker = new ActiveMqBroker(brokerStack, 'Broker', {
    vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ,
  });
  const appStack = new Stack(app, 'Orders', { env });
  const appSecurityGroup = new ec2.SecurityGroup(appStack, 'App', { vpc });
  new ssm.StringParameter(appStack, 'Failover', { stringValue: broker.failoverUrl() });
  new ssm.StringParameter(appStack, 'Console', { stringValue: broker.endpoint(ActiveMqProtocol.CONSOLE, 2) });
  appSecurityGroup.connections.allowTo(broker, ec2.Port.tcp(ActiveMqProtocol.OPENWIRE.port), 'OpenWire to the broker');

  expect(() => app.synth()).not.toThrow();
  expect(appStack.dependencies.map((s) => s.stackName)).toEqual(['Messaging']);
  expect(brokerStack.dependencies).toEqual([]);
  // The ingress rule is in the application stack, on the broker's group (imported), from the application's group.
  Template.fromStack(appStack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
    FromPort: 61617, ToPort: 61617, GroupId: { 'Fn::ImportValue': Match.stringLikeRegexp('BrokerSecurityGroup') },
  });
  expect(JSON.stringify(Template.fromStack(brokerStack).toJSON())).not.toContain('Orders');
});
