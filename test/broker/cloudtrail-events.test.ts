import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, RabbitMqBroker } from '../../src';
import { stackWithVpc } from '../util/stacks';

test('onCloudTrailEvent matches Amazon MQ API calls on this broker only, narrowed by event name, with a target', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new ActiveMqBroker(stack, 'Broker', {
    vpc, brokerName: 'orders', engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE,
  });
  const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
  broker.onCloudTrailEvent('Rebooted', {
    eventPattern: { detail: { eventName: ['RebootBroker', 'DeleteBroker', 'UpdateBroker'] } },
    target: new targets.SnsTopic(topic),
  });
  const template = Template.fromStack(stack);
  const [brokerId] = Object.keys(template.findResources('AWS::AmazonMQ::Broker'));
  template.hasResourceProperties('AWS::Events::Rule', {
    EventPattern: {
      'source': ['aws.amazonmq'],
      'detail-type': ['AWS API Call via CloudTrail'],
      'detail': {
        eventSource: ['amazonmq.amazonaws.com'],
        eventName: ['RebootBroker', 'DeleteBroker', 'UpdateBroker'],
        requestParameters: { brokerId: [{ Ref: brokerId }] },
      },
    },
    Targets: [{ Arn: { Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] } }],
  });
});

test('an imported broker\'s rule filters on its ID', () => {
  const stack = new Stack();
  RabbitMqBroker.fromBrokerArn(stack, 'Imported', 'arn:aws:mq:us-east-1:123456789012:broker:events:b-abcd').onCloudTrailEvent('Calls');
  Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
    EventPattern: { detail: { requestParameters: { brokerId: ['b-abcd'] } } },
  });
});
