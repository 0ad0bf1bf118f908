import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { HIPAASecurityChecks } from 'cdk-nag';
import {
  ActiveMqBroker, ActiveMqDeploymentMode, ActiveMqEngineVersion, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion,
  SupportResourceEncryption,
} from '../../src';
import { acknowledgements, nagFindings } from '../util/nag-findings';
import { stackWithVpc } from '../util/stacks';

const RABBITMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE };
const ACTIVEMQ = { engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE };

function rabbitWithKey() {
  const { app, stack, vpc } = stackWithVpc();
  const key = new kms.Key(stack, 'SupportKey', { enableKeyRotation: true });
  SupportResourceEncryption.useKey(stack, key);
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RABBITMQ, applyImmediately: true });
  broker.addVirtualHost('orders').addUser('orders-app', { permissions: { configure: '^$', write: '^orders', read: '^orders' } });
  broker.addQueueMetricsCollector();
  return { app, stack, key };
}

describe('SupportResourceEncryption.useKey()', () => {
  test('every log group and generated secret of the library is encrypted with the key', () => {
    const { stack, key } = rabbitWithKey();
    const template = Template.fromStack(stack);
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as kms.CfnKey), 'Arn'] };
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret'));
    // Logs and reboot providers, the management provider, the collector; admin and virtual host user secrets.
    expect(logGroups.length).toBeGreaterThanOrEqual(6);
    expect(secrets.length).toBe(2);
    expect(logGroups.filter((g) => JSON.stringify(g.Properties.KmsKeyId) !== JSON.stringify(keyArn))).toEqual([]);
    expect(secrets.filter((s) => JSON.stringify(s.Properties.KmsKeyId) !== JSON.stringify(keyArn))).toEqual([]);
  });

  test('the key policy lets CloudWatch Logs use it for this account\'s log groups only, and readers of a secret may decrypt it', () => {
    const { stack } = rabbitWithKey();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'CloudWatchLogsOfAmazonMqLibrary',
          Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
        })]),
      },
    });
    // The management function reads the admin and user secrets: grantRead lets it decrypt through Secrets Manager.
    const keyStatements = Object.values(template.findResources('AWS::KMS::Key')).flatMap((k) => k.Properties.KeyPolicy.Statement);
    const managementRole = Object.keys(template.findResources('AWS::IAM::Role')).find((id) => id.startsWith('BrokerManagementOnEventRole'));
    expect(managementRole).toBeDefined();
    expect(keyStatements.filter((st: any) => [st.Action].flat().includes('kms:Decrypt')
      && JSON.stringify(st.Principal).includes(managementRole!)
      && JSON.stringify(st.Condition).includes('secretsmanager.')).length).toBe(1);
  });

  test('with the key, nothing is left to acknowledge for log group and secret keys, and HIPAA Security finds nothing on library resources', () => {
    const { app } = rabbitWithKey();
    app.synth();
    const keyAcks = acknowledgements(app).filter((a) => /CloudWatchLogGroupEncrypted|SecretsManagerUsingKMSKey/.test(a.id));
    expect(keyAcks).toEqual([]);
    expect(nagFindings(app, new HIPAASecurityChecks(app)).filter((f) => f.library)).toEqual([]);
  });

  test('without the key, log groups and secrets are acknowledged with the opt-in, and use no customer key', () => {
    const { app, stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ, users: [{ username: 'app' }] });
    const template = Template.fromStack(stack);
    expect(Object.values(template.findResources('AWS::Logs::LogGroup')).filter((g) => g.Properties.KmsKeyId)).toEqual([]);
    const keyAcks = acknowledgements(app).filter((a) => a.id.endsWith('-SecretsManagerUsingKMSKey') || a.id.endsWith('-CloudWatchLogGroupEncrypted'));
    expect(keyAcks.length).toBeGreaterThan(0);
    expect(keyAcks.filter((a) => !String(a.reason).includes('SupportResourceEncryption.useKey()'))).toEqual([]);
  });

  test('after a broker of the stack, it is refused [SupportKeyFirst]', () => {
    const { stack, vpc } = stackWithVpc();
    new ActiveMqBroker(stack, 'Broker', { vpc, ...ACTIVEMQ });
    expect(() => SupportResourceEncryption.useKey(stack, new kms.Key(stack, 'Key')))
      .toThrow(/useKey\(\) is not allowed after .* was created without the key: call it before creating brokers in the stack \[SupportKeyFirst\]/);
  });

  test('twice in one stack, it is refused [SupportKeyFirst]', () => {
    const { stack } = stackWithVpc();
    SupportResourceEncryption.useKey(stack, new kms.Key(stack, 'Key1'));
    expect(() => SupportResourceEncryption.useKey(stack, new kms.Key(stack, 'Key2')))
      .toThrow(/useKey\(\) is not allowed twice in one stack; allowed: one key per stack \[SupportKeyFirst\]/);
  });

  test('an imported key: a synth warning says its policy must let CloudWatch Logs use it', () => {
    const { stack } = stackWithVpc();
    SupportResourceEncryption.useKey(stack, kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'));
    Annotations.fromStack(stack).hasWarning('/' + stack.node.path, Match.stringLikeRegexp('logs.<region>.amazonaws.com'));
  });
});
