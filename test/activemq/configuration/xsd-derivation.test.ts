import * as fs from 'fs';
import { GENERATED_FILE, renderGeneratedModule, xsdFiles } from '../../../scripts/derive-activemq-schema';
import { AMAZON_MQ_XSD } from '../../../src/activemq/configuration/amazon-mq-xsd.generated';

test('the committed tables match the XSDs (run `npx projen derive:activemq-schema` after changing schemas/activemq)', () => {
  expect(fs.readFileSync(GENERATED_FILE, 'utf-8')).toBe(renderGeneratedModule());
});

test('one table per published XSD, each with the 64 top-level elements of mq-facts F-X02', () => {
  expect(Object.keys(xsdFiles())).toEqual(['5.17', '5.18', '5.19']);
  for (const schema of Object.values(AMAZON_MQ_XSD)) {
    expect(Object.keys(schema.elements)).toHaveLength(64);
  }
});

test('the <broker> children and plugins match mq-facts F-X03', () => {
  const broker = AMAZON_MQ_XSD['5.19'].elements.broker;
  expect(Object.keys(broker.children).sort()).toEqual([
    'destinationInterceptors', 'destinationPolicy', 'destinations', 'networkConnectors', 'persistenceAdapter', 'plugins', 'systemUsage', 'transportConnectors',
  ]);
  expect(Object.keys(broker.children.plugins.local!.children).sort()).toEqual([
    'authorizationPlugin', 'discardingDLQBrokerPlugin', 'forcePersistencyModeBrokerPlugin', 'redeliveryPlugin', 'statisticsBrokerPlugin', 'timeStampingBrokerPlugin',
  ]);
  expect(Object.keys(broker.attributes)).not.toContain('brokerName');
  expect(Object.keys(broker.attributes)).not.toContain('dataDirectory');
});
