import { isKnown, Rule } from '../../private/rules';
import { majorMinor } from '../../private/versions';
import { BrokerSpec } from '../broker-spec';

const ENGINE_TYPES: Record<BrokerSpec['engine'], string> = { ActiveMQ: 'ACTIVEMQ', RabbitMQ: 'RABBITMQ' };

/** A configuration must be of the broker's engine, engine version and authentication strategy. */
export const CONFIGURATION_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'ConfigurationEngine',
    fact: 'F-C02',
    summary: 'configuration: of the broker\'s engine',
    check: (s) => s.configuration && s.configuration.engineType !== ENGINE_TYPES[s.engine]
      ? `'configuration' is a ${s.configuration.engineType} configuration; allowed: a ${ENGINE_TYPES[s.engine]} configuration for a ${s.engine} broker`
      : undefined,
  },
  {
    id: 'ConfigurationEngineVersion',
    fact: 'F-C03',
    summary: 'configuration: for the broker\'s engine version (major.minor)',
    check: (s) => s.configuration && isKnown(s.configuration.engineVersion) && isKnown(s.engineVersion.version)
      && majorMinor(s.configuration.engineVersion) !== majorMinor(s.engineVersion.version)
      ? `'configuration' is for engineVersion '${s.configuration.engineVersion}'; allowed: a configuration for engineVersion '${majorMinor(s.engineVersion.version)}'`
      : undefined,
  },
  {
    id: 'ConfigurationAuthentication',
    fact: 'F-C04',
    summary: 'configuration: with the broker\'s authentication strategy',
    check: (s) => s.configuration && isKnown(s.configuration.authenticationStrategy)
      && s.configuration.authenticationStrategy !== s.authenticationStrategy
      ? `'configuration' has authenticationStrategy ${s.configuration.authenticationStrategy}; allowed: ${s.authenticationStrategy}, the broker's`
      : undefined,
  },
];
