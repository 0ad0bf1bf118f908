import { ArnFormat, Fn, Names, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnConfiguration } from 'aws-cdk-lib/aws-amazonmq';
import { Construct } from 'constructs';
import { BrokerConfigurationAttributes, BrokerConfigurationProps, IBrokerConfiguration } from './broker-configuration';
import { isKnown, Rule } from '../../private/rules';

const CONFIGURATION_NAME = /^[0-9A-Za-z._~-]{1,150}$/;

/** What the configuration rules of both engines read. */
export interface ConfigurationSpec {
  readonly configurationName: string;
}

export const CONFIGURATION_NAME_RULES: Rule<ConfigurationSpec>[] = [
  {
    id: 'ConfigurationNamePattern',
    fact: 'F-C01',
    summary: 'configurationName: 1-150 letters, digits, `-`, `.`, `_` or `~`',
    check: (s) => isKnown(s.configurationName) && !CONFIGURATION_NAME.test(s.configurationName)
      ? `'configurationName' '${s.configurationName}' is not allowed; allowed: 1-150 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'`
      : undefined,
  },
];

/** The configuration name: the given one, or one derived from the construct path. */
export function configurationName(scope: Construct, props: BrokerConfigurationProps): string {
  return props.configurationName ?? Names.uniqueResourceName(scope, { maxLength: 150, separator: '-', allowedSpecialCharacters: '-._~' });
}

/** The engine facts a configuration is created with. */
export interface ConfigurationEngine {
  readonly engineType: 'ACTIVEMQ' | 'RABBITMQ';
  readonly engineVersion: string;
  readonly authenticationStrategy: string;
  /** The configuration text (XML or rabbitmq.conf); tokens allowed. */
  readonly data: string;
}

/**
 * Creates the `AWS::AmazonMQ::Configuration` (construct id `Resource`). A change of its data makes CloudFormation
 * create a new revision, which `attrRevision` follows; brokers apply it at their next reboot or maintenance window.
 */
export function createCfnConfiguration(
  scope: Construct, name: string, props: BrokerConfigurationProps, engine: ConfigurationEngine,
): CfnConfiguration {
  return new CfnConfiguration(scope, 'Resource', {
    name,
    engineType: engine.engineType,
    engineVersion: engine.engineVersion,
    authenticationStrategy: engine.authenticationStrategy,
    description: props.description,
    // Encoded at synth when the text is known; Fn::Base64 only when it holds deploy-time values.
    data: Token.isUnresolved(engine.data) ? Fn.base64(engine.data) : Buffer.from(engine.data, 'utf-8').toString('base64'),
  });
}

/** A configuration created elsewhere. */
export class ImportedConfiguration extends Resource implements IBrokerConfiguration {
  public readonly configurationId: string;
  public readonly configurationArn: string;
  public readonly configurationRevision: number;
  public readonly engineType: string;
  public readonly engineVersion: string;
  public readonly authenticationStrategy: string;

  constructor(scope: Construct, id: string, engineType: 'ACTIVEMQ' | 'RABBITMQ', attrs: BrokerConfigurationAttributes) {
    super(scope, id);
    this.configurationId = attrs.configurationId;
    this.configurationRevision = attrs.configurationRevision;
    this.engineType = engineType;
    this.engineVersion = attrs.engineVersion;
    this.authenticationStrategy = attrs.authenticationStrategy ?? 'SIMPLE';
    this.configurationArn = Stack.of(this).formatArn({
      service: 'mq',
      resource: 'configuration',
      resourceName: attrs.configurationId,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
}
