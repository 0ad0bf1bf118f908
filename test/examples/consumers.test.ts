import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ConsumersStack } from '../../examples/consumers';

// The example the README's "Connection settings" section points to: both consumers are wired as documented.
const template = Template.fromStack(new ConsumersStack(new App(), 'Consumers'));
const brokerId = Object.keys(template.findResources('AWS::AmazonMQ::Broker'))[0];
const secretOf = (username: string) => Object.entries(template.findResources('AWS::SecretsManager::Secret'))
  .find(([, r]) => JSON.stringify(r.Properties.GenerateSecretString.SecretStringTemplate).includes(username))![0];

test('the Lambda function consumes orders.in as lambda-consumer, on the broker\'s ARN', () => {
  template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
    EventSourceArn: { 'Fn::GetAtt': [brokerId, 'Arn'] },
    Queues: ['orders.in'],
    BatchSize: 100,
    SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: { Ref: secretOf('lambda-consumer') } }],
  });
});

test('the Fargate task gets the failover URL over both instances and the password as a secret reference', () => {
  const select = (i: number) => ({ 'Fn::Select': [i, { 'Fn::GetAtt': [brokerId, 'OpenWireEndpoints'] }] });
  template.hasResourceProperties('AWS::ECS::TaskDefinition', {
    ContainerDefinitions: [Match.objectLike({
      Environment: Match.arrayWith([
        { Name: 'BROKER_URL', Value: { 'Fn::Join': ['', ['failover:(', select(0), ',', select(1), ')']] } },
        { Name: 'BROKER_USER', Value: 'ecs-consumer' },
      ]),
      Secrets: [{ Name: 'BROKER_PASSWORD', ValueFrom: { 'Fn::Join': ['', [{ Ref: secretOf('ecs-consumer') }, ':password::']] } }],
    })],
  });
});

test('the service\'s security group reaches the broker on OpenWire, and nothing else is opened to it', () => {
  const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'))
    .filter((r) => JSON.stringify(r.Properties.SourceSecurityGroupId).includes('Service'));
  expect(ingress.map((r) => [r.Properties.FromPort, r.Properties.ToPort])).toEqual([[61617, 61617]]);
});
