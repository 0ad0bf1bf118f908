import * as fs from 'fs';
import * as path from 'path';
import { ACTIVEMQ_RULES } from '../../src/activemq/rules';
import { ACTIVEMQ_CONFIGURATION_RULES } from '../../src/activemq/rules/configuration';
import { NETWORK_OF_BROKERS_RULES } from '../../src/activemq/rules/network-of-brokers';
import { CONFIGURATION_ASSOCIATION_RULES } from '../../src/broker/rules/configuration-association';
import { MQ_EVENT_SOURCE_RULES } from '../../src/event-sources/rules';
import { RABBITMQ_RULES } from '../../src/rabbitmq/rules';
import { RABBITMQ_CONFIGURATION_RULES } from '../../src/rabbitmq/rules/configuration';
import { MANAGEMENT_RULES } from '../../src/rabbitmq/rules/management';

test('the README table lists every rule with its mq-facts row', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const missing = [...ACTIVEMQ_RULES, ...RABBITMQ_RULES, ...ACTIVEMQ_CONFIGURATION_RULES, ...RABBITMQ_CONFIGURATION_RULES, ...MANAGEMENT_RULES, ...MQ_EVENT_SOURCE_RULES, ...CONFIGURATION_ASSOCIATION_RULES, ...NETWORK_OF_BROKERS_RULES].filter((r) => !readme.includes(`| \`${r.id}\` |`) || !readme.includes(`| ${r.fact} |`));
  expect(missing.map((r) => r.id)).toEqual([]);
});
