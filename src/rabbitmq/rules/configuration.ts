import { Token } from 'aws-cdk-lib';
import { ConfigurationSpec, CONFIGURATION_NAME_RULES } from '../../broker/configuration/configuration-core';
import { Rule } from '../../private/rules';
import { versionAtLeast } from '../../private/versions';
import { RabbitMqConfigurationDocument } from '../configuration/rabbitmq-conf-document';
import { checkSetting } from '../configuration/rabbitmq-conf-keys';

/** What the RabbitMQ configuration rules read. */
export interface RabbitMqConfigurationSpec extends ConfigurationSpec {
  readonly document: RabbitMqConfigurationDocument;
  readonly engineVersion: string;
}

export const RABBITMQ_CONFIGURATION_RULES: ReadonlyArray<Rule<RabbitMqConfigurationSpec>> = [
  ...CONFIGURATION_NAME_RULES,
  {
    id: 'RabbitMqConfigurationSyntax',
    fact: 'F-C05, F-Q08',
    summary: '`key = value` lines; `{{...}}` sections only on RabbitMQ 4',
    check: (s) => [
      ...s.document.problems,
      ...(s.document.hasSections && !versionAtLeast(s.engineVersion, '4')
        ? [`'{{...}}' sections are not allowed with engineVersion '${s.engineVersion}'; allowed: RabbitMQ 4 or later`] : []),
    ],
  },
  {
    id: 'RabbitMqConfigurationKeys',
    fact: 'F-Q01..F-Q07, F-AU09',
    summary: 'only the `rabbitmq.conf` keys Amazon MQ permits for the version, with valid values',
    check: (s) => {
      const problems = s.document.settings
        .map((e) => {
          const problem = checkSetting(e.key, e.value, s.engineVersion, !Token.isUnresolved(e.value));
          return problem && `line ${e.line}: ${problem}`;
        })
        .filter((p): p is string => p !== undefined);
      // One pass over the keys: a long configuration validates in linear time.
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const { key } of s.document.settings) {
        if (seen.has(key) && !reported.has(key)) {
          reported.add(key);
          problems.push(`key '${key}' is set more than once; allowed: each key once`);
        }
        seen.add(key);
      }
      return problems;
    },
  },
];

