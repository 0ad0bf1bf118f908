import { ArnFormat, Fn, IResource, Names, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnConfiguration } from 'aws-cdk-lib/aws-amazonmq';
import { Construct } from 'constructs';
import { isKnown, Rule } from '../../private/rules';

/** An Amazon MQ configuration of either engine, created here or imported. */
export interface IBrokerConfiguration extends IResource {
  /**
   * The configuration's ID (`c-1234...`).
   * @attribute
   */
  readonly configurationId: string;
  /**
   * The configuration's ARN.
   * @attribute
   */
  readonly configurationArn: string;
  /**
   * The revision brokers use: the latest one, which every change of the data creates.
   * @attribute
   */
  readonly configurationRevision: number;
  /** `ACTIVEMQ` or `RABBITMQ`. */
  readonly engineType: string;
  /** The engine version the configuration is for (`major.minor`). */
  readonly engineVersion: string;
  /** `SIMPLE`, `LDAP` (ActiveMQ) or `CONFIG_MANAGED` (RabbitMQ): must match the broker's. */
  readonly authenticationStrategy: string;
}

/** Props shared by the configurations of both engines. */
export interface BrokerConfigurationProps {
  /**
   * The configuration's name: 1-150 of `A-Z a-z 0-9 - . _ ~`. Changing it replaces the configuration.
   * @default - derived from the construct path
   */
  readonly configurationName?: string;
  /**
   * A description, shown in the Amazon MQ console.
   * @default - none
   */
  readonly description?: string;
}

/** Attributes of an existing configuration, for imports. */
export interface BrokerConfigurationAttributes {
  /** The configuration's ID (`c-1234...`). */
  readonly configurationId: string;
  /** The revision to use. */
  readonly configurationRevision: number;
  /** The engine version the configuration was created for (`major.minor`). */
  readonly engineVersion: string;
  /**
   * @default 'SIMPLE'
   */
  readonly authenticationStrategy?: string;
}

const CONFIGURATION_NAME = /^[0-9A-Za-z._~-]{1,150}$/;

/** What the configuration rules read. */
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

/** The engine facts a configuration is created with. */
export interface ConfigurationEngine {
  readonly engineType: 'ACTIVEMQ' | 'RABBITMQ';
  readonly engineVersion: string;
  readonly authenticationStrategy: string;
  /** The configuration text (XML or rabbitmq.conf); tokens allowed. */
  readonly data: string;
}

/**
 * The `AWS::AmazonMQ::Configuration` of either engine. A change of its data makes CloudFormation create a new
 * revision, which `configurationRevision` follows; brokers apply it at their next reboot or maintenance window.
 */
export abstract class BrokerConfigurationBase extends Resource implements IBrokerConfiguration {
  public readonly configurationId: string;
  public readonly configurationArn: string;
  public readonly configurationRevision: number;
  public readonly engineType: string;
  public readonly engineVersion: string;
  public readonly authenticationStrategy: string;
  /** The configuration's name. */
  public readonly configurationName: string;

  /**
   * @param validate runs the engine's rules with the construct as scope and its final name, before any child is
   * created, so bad input leaves nothing half-built
   */
  protected constructor(
    scope: Construct,
    id: string,
    props: BrokerConfigurationProps,
    engine: ConfigurationEngine,
    validate: (self: Construct, name: string) => void,
  ) {
    super(scope, id);
    const name = props.configurationName ?? Names.uniqueResourceName(this, { maxLength: 150, separator: '-', allowedSpecialCharacters: '-._~' });
    validate(this, name);
    const resource = new CfnConfiguration(this, 'Resource', {
      name,
      engineType: engine.engineType,
      engineVersion: engine.engineVersion,
      authenticationStrategy: engine.authenticationStrategy,
      description: props.description,
      // Encoded at synth when the text is known; Fn::Base64 only when it holds deploy-time values.
      data: Token.isUnresolved(engine.data) ? Fn.base64(engine.data) : Buffer.from(engine.data, 'utf-8').toString('base64'),
    });
    this.configurationName = name;
    this.configurationId = resource.attrId;
    this.configurationArn = resource.attrArn;
    this.configurationRevision = resource.attrRevision;
    this.engineType = engine.engineType;
    this.engineVersion = engine.engineVersion;
    this.authenticationStrategy = engine.authenticationStrategy;
  }
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
