import { CONFIGURATION_RULES } from './configuration';
import { Rule } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';
import { IBrokerConfiguration } from '../configuration/broker-configuration';

/** What the association rules read. */
export interface AssociationSpec {
  /** `ACTIVEMQ` or `RABBITMQ`, known for every broker. */
  readonly brokerEngineType: string;
  /** The broker's spec when it is created in this app; undefined for an imported broker. */
  readonly broker?: BrokerSpec;
  readonly configuration: IBrokerConfiguration;
  /** The path of another association of the same broker, if any. */
  readonly otherAssociation?: string;
}

const VERSION_AND_AUTHENTICATION = CONFIGURATION_RULES.filter((r) => r.id !== 'ConfigurationEngine');

export const CONFIGURATION_ASSOCIATION_RULES: Rule<AssociationSpec>[] = [
  {
    id: 'AssociationEngine',
    fact: 'F-C02',
    summary: 'configuration association: a configuration of the broker\'s engine',
    check: (s) => s.configuration.engineType !== s.brokerEngineType
      ? `'configuration' is a ${s.configuration.engineType} configuration; allowed: a ${s.brokerEngineType} configuration for a ${s.brokerEngineType} broker`
      : undefined,
  },
  {
    id: 'AssociationVersionAndAuthentication',
    fact: 'F-C03, F-C04',
    summary: 'configuration association: for the engine version and authentication strategy of a broker made in this app',
    check: (s) => s.broker
      ? VERSION_AND_AUTHENTICATION.flatMap((rule) => [rule.check({ ...s.broker!, configuration: s.configuration }) ?? []].flat())
      : undefined,
  },
  {
    id: 'AssociationSingleSource',
    fact: 'F-B10, F-A02',
    summary: 'configuration association: the broker has no `configuration` prop and no other association (two sources would overwrite each other)',
    check: (s) => [
      ...s.broker?.configuration ? ['\'broker\' already sets its configuration through the \'configuration\' prop; allowed: a broker without \'configuration\''] : [],
      ...s.otherAssociation ? [`'broker' already has the configuration association ${s.otherAssociation}; allowed: one association per broker`] : [],
    ],
  },
];
