import { ArnFormat, Fn, Names, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnConfiguration } from 'aws-cdk-lib/aws-amazonmq';
import { Construct } from 'constructs';
import { BrokerConfigurationProps, IBrokerConfiguration, ImportedConfigurationOptions } from './broker-configuration';
import { associate } from './configuration-association';
import { AssociateOptions, IBrokerConfigurationAssociation } from './configuration-association-ref';
import { isKnown, Rule, validateRules } from '../../private/rules';
import { IBroker } from '../broker-base';

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

/** What the rule of an imported configuration reads. */
export interface ConfigurationImportSpec {
  readonly configurationArn: string;
}

export const CONFIGURATION_IMPORT_RULES: Rule<ConfigurationImportSpec>[] = [
  {
    id: 'ImportedConfigurationArn',
    fact: 'F-R02',
    summary: 'fromConfigurationArn(): `arn:<partition>:mq:<region>:<account>:configuration:<id>` (a token is split at deploy time)',
    check: (s) => isKnown(s.configurationArn) && !isConfigurationArn(s.configurationArn)
      ? `'configurationArn' '${s.configurationArn}' is not a configuration ARN; allowed: arn:<partition>:mq:<region>:<account>:configuration:<id>`
      : undefined,
  },
];

function isConfigurationArn(configurationArn: string): boolean {
  const parts = configurationArn.split(':');
  return parts.length === 7 && parts[0] === 'arn' && parts[2] === 'mq' && parts[5] === 'configuration';
}

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
    data: encodeConfigurationData(engine.data),
  });
}

/** The ID or the ARN of an imported configuration. */
export type ConfigurationReference = { readonly configurationId: string } | { readonly configurationArn: string };

/** A configuration created elsewhere, by ID (in this stack's account and region) or by ARN. */
export class ImportedConfiguration extends Resource implements IBrokerConfiguration {
  public readonly configurationId: string;
  public readonly configurationArn: string;
  public readonly configurationRevision: number;
  public readonly engineType: string;
  public readonly engineVersion: string;
  public readonly authenticationStrategy: string;

  constructor(scope: Construct, id: string, engineType: 'ACTIVEMQ' | 'RABBITMQ', reference: ConfigurationReference, options: ImportedConfigurationOptions) {
    super(scope, id, 'configurationArn' in reference && reference.configurationArn.startsWith('arn:') ? { environmentFromArn: reference.configurationArn } : {});
    this.configurationRevision = options.configurationRevision;
    this.engineType = engineType;
    this.engineVersion = options.engineVersion;
    this.authenticationStrategy = options.authenticationStrategy ?? 'SIMPLE';
    if ('configurationArn' in reference) {
      validateRules(this, `${engineType === 'ACTIVEMQ' ? 'ActiveMqConfiguration' : 'RabbitMqConfiguration'}.fromConfigurationArn`, CONFIGURATION_IMPORT_RULES, reference);
      this.configurationArn = reference.configurationArn;
      this.configurationId = configurationIdOf(reference.configurationArn);
    } else {
      this.configurationId = reference.configurationId;
      this.configurationArn = Stack.of(this).formatArn({
        service: 'mq',
        resource: 'configuration',
        resourceName: reference.configurationId,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    }
  }

  public associateWith(broker: IBroker, options?: AssociateOptions): IBrokerConfigurationAssociation {
    return associate(this, broker, options);
  }
}

/** The ID in a configuration ARN (mq-facts F-R02: `arn:<partition>:mq:<region>:<account>:configuration:<id>`). */
function configurationIdOf(configurationArn: string): string {
  return Token.isUnresolved(configurationArn) ? Fn.select(6, Fn.split(':', configurationArn)) : configurationArn.split(':')[6];
}

/** A configuration's data as CloudFormation takes it: base64, encoded at deploy time when the text holds a token. */
export function encodeConfigurationData(data: string): string {
  return Token.isUnresolved(data) ? Fn.base64(data) : Buffer.from(data, 'utf-8').toString('base64');
}
