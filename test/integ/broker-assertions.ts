// Post-deploy assertions shared by the integration tests: what Amazon MQ reports about a deployed broker
// must match what the template asked for.
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { Stack } from 'aws-cdk-lib';
import { CfnBroker, CfnConfigurationAssociation } from 'aws-cdk-lib/aws-amazonmq';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** Every Amazon MQ broker resource of a stack, in construct order. */
export function brokersOf(stack: Stack): CfnBroker[] {
  const brokers = stack.node.findAll().filter((c): c is CfnBroker => c instanceof CfnBroker);
  if (brokers.length === 0) {
    throw new Error(`${stack.node.path} has no AWS::AmazonMQ::Broker: nothing to assert`);
  }
  return brokers;
}

/**
 * `mq:DescribeBroker` on each broker of the stack: running, private, and on the engine, version, deployment mode,
 * instance type and configuration of its template (a deploy that silently fell back to something else fails).
 */
export function expectBrokersRunning(test: IntegTest, stack: Stack, extra: (broker: CfnBroker) => Record<string, unknown> = () => ({})): void {
  for (const broker of brokersOf(stack)) {
    const expected: Record<string, unknown> = {
      BrokerState: 'RUNNING',
      EngineType: broker.engineType.toUpperCase(),
      EngineVersion: broker.engineVersion,
      DeploymentMode: broker.deploymentMode,
      HostInstanceType: broker.hostInstanceType,
      PubliclyAccessible: false,
      ...defined({
        AuthenticationStrategy: broker.authenticationStrategy?.toUpperCase(),
        DataReplicationMode: broker.dataReplicationMode,
        Logs: logsOf(broker),
        EncryptionOptions: encryptionOf(broker),
      }),
      ...extra(broker),
    };
    const configurationId = configurationOf(stack, broker);
    if (configurationId !== undefined) {
      expected.Configurations = { Current: { Id: configurationId } };
    }
    test.assertions
      .awsApiCall('MQ', 'describeBroker', { BrokerId: broker.ref })
      .expect(ExpectedResult.objectLike(expected));
  }
}

/** The configuration ID the template gives a broker: on the broker itself or through a configuration association. */
function configurationOf(stack: Stack, broker: CfnBroker): string | undefined {
  const own = broker.configuration as CfnBroker.ConfigurationIdProperty | undefined;
  if (own?.id !== undefined) {
    return own.id;
  }
  const brokerRef = JSON.stringify(stack.resolve(broker.ref));
  const association = stack.node.findAll()
    .filter((c): c is CfnConfigurationAssociation => c instanceof CfnConfigurationAssociation)
    .find((a) => JSON.stringify(stack.resolve(a.broker)) === brokerRef);
  return (association?.configuration as CfnConfigurationAssociation.ConfigurationIdProperty | undefined)?.id;
}

/** The log types the template turns on (Amazon MQ reports each as a boolean). */
function logsOf(broker: CfnBroker): Record<string, unknown> | undefined {
  const logs = broker.logs as CfnBroker.LogListProperty | undefined;
  return logs === undefined ? undefined : defined({ General: logs.general, Audit: logs.audit });
}

/** Whether the broker is encrypted with a customer managed key (the key ID is reported in another form than the template's). */
function encryptionOf(broker: CfnBroker): Record<string, unknown> | undefined {
  const encryption = broker.encryptionOptions as CfnBroker.EncryptionOptionsProperty | undefined;
  return encryption === undefined ? undefined : { UseAwsOwnedKey: encryption.useAwsOwnedKey };
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/** `lambda:GetEventSourceMapping` on each event source mapping of the stack: enabled (it reached the broker). */
export function expectEventSourceMappingsEnabled(test: IntegTest, stack: Stack): void {
  const mappings = stack.node.findAll().filter((c): c is lambda.CfnEventSourceMapping => c instanceof lambda.CfnEventSourceMapping);
  if (mappings.length === 0) {
    throw new Error(`${stack.node.path} has no AWS::Lambda::EventSourceMapping: nothing to assert`);
  }
  for (const mapping of mappings) {
    test.assertions
      .awsApiCall('Lambda', 'getEventSourceMapping', { UUID: mapping.ref })
      .expect(ExpectedResult.objectLike({ State: 'Enabled' }));
  }
}
