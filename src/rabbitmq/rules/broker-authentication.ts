import { RABBITMQ_AUTHENTICATION_RULES } from './authentication';
import { RabbitMqSpec } from './rabbitmq-spec';
import { Rule } from '../../private/rules';

// Apart from the configuration's rules: the broker's spec reads the configuration class, which runs those rules.

/** The same rules for a broker, and its configuration's authentication (mq-facts F-C04, F-AU07). */
export const RABBITMQ_BROKER_AUTHENTICATION_RULES: Rule<RabbitMqSpec>[] = [
  ...RABBITMQ_AUTHENTICATION_RULES.map((rule) => ({
    ...rule,
    check: (s: RabbitMqSpec) => rule.check({ authentication: s.authentication, engineVersion: s.engineVersion.version, region: s.region }),
  })),
  {
    id: 'RabbitMqAuthenticationConfiguration',
    fact: 'F-C04, F-AU07',
    summary: 'authentication: a configuration given with OAuth 2.0, LDAP or HTTP was made with the broker\'s `authentication`',
    check: (s) => s.authentication.method !== 'simple' && s.configurationAuthentication !== undefined && s.configurationAuthentication !== s.authentication
      ? `'configuration' was made with ${s.configurationAuthentication.method} authentication, not the broker's ${s.authentication.method}; allowed: the same RabbitMqAuthentication in both, or no 'configuration' (the broker makes one)`
      : undefined,
  },
];
