import { Names, Resource } from 'aws-cdk-lib';
import { CfnConfigurationAssociation } from 'aws-cdk-lib/aws-amazonmq';
import { Construct } from 'constructs';
import type { IBrokerConfiguration } from './broker-configuration';
import { AssociateOptions, IBrokerConfigurationAssociation } from './configuration-association-ref';
import { requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import { IBroker } from '../broker-base';
import { associationOf, brokerSpecOf, registerAssociation } from '../broker-registry';
import { rebootOnChange } from '../reboot/apply-immediately';
import { CONFIGURATION_ASSOCIATION_RULES } from '../rules/configuration-association';

/** Props of a configuration association. */
export interface BrokerConfigurationAssociationProps {
  /** The broker whose configuration this sets: one made in this app, or imported. */
  readonly broker: IBroker;
  /** The configuration (its latest revision) the broker is to run. */
  readonly configuration: IBrokerConfiguration;
  /**
   * Reboot the broker once the association is made and whenever the revision changes, so it runs the configuration
   * now rather than after its next maintenance window (the same custom resource as the broker's `applyImmediately`).
   * @default false
   */
  readonly applyImmediately?: boolean;
}

/**
 * Sets a broker's configuration after both exist (`AWS::AmazonMQ::ConfigurationAssociation`): for a configuration
 * that needs the broker's own or another broker's endpoints (a network of brokers), which the broker's
 * `configuration` prop cannot take without a dependency cycle. Like any revision, the broker applies it at its next
 * reboot or maintenance window.
 *
 * @example
 * declare const broker: ActiveMqBroker;
 * declare const configuration: ActiveMqConfiguration;
 * configuration.associateWith(broker);
 */
export class BrokerConfigurationAssociation extends Resource implements IBrokerConfigurationAssociation {
  /**
   * The association's ID.
   * @attribute
   */
  public readonly associationId: string;

  constructor(scope: Construct, id: string, props: BrokerConfigurationAssociationProps) {
    super(scope, id);
    requireProps(this, props);
    validateRules(this, 'BrokerConfigurationAssociation', CONFIGURATION_ASSOCIATION_RULES, {
      brokerEngineType: props.broker.engineType,
      broker: brokerSpecOf(props.broker),
      configuration: props.configuration,
      otherAssociation: associationOf(props.broker),
    });
    registerAssociation(props.broker, this.node.path);
    const resource = new CfnConfigurationAssociation(this, 'Resource', {
      broker: props.broker.brokerId,
      configuration: { id: props.configuration.configurationId, revision: props.configuration.configurationRevision },
    });
    this.associationId = resource.ref;
    if (props.applyImmediately) {
      const reboot = rebootOnChange(this, 'ApplyImmediately', props.broker, { Configuration: resource.configuration }, { rebootOnCreate: true });
      reboot.node.addDependency(resource);
    }
  }
}

/** `configuration.associateWith(broker)`: the association, in the configuration's scope. */
export function associate(
  configuration: IBrokerConfiguration & Construct, broker: IBroker, options: AssociateOptions = {},
): BrokerConfigurationAssociation {
  return new BrokerConfigurationAssociation(configuration, `Association${Names.nodeUniqueId(broker.node)}`, { broker, configuration, ...options });
}
