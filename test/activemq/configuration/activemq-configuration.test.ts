import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { KITCHEN_SINK } from './kitchen-sink';
import {
  ActiveMqAuthenticationStrategy, ActiveMqBroker, ActiveMqConfiguration, ActiveMqConfigurationData, ActiveMqConfigurationModel,
  ActiveMqDeadLetterStrategy, ActiveMqDeploymentMode, ActiveMqDestination, ActiveMqEngineVersion, ActiveMqVirtualDestination,
} from '../../../src';
import { AMAZON_MQ_XSD } from '../../../src/activemq/configuration/amazon-mq-xsd.generated';
import { stackWithVpc } from '../../util/stacks';
import { xmllint } from '../../util/xmllint';

function configuration(data: ActiveMqConfigurationData, version = ActiveMqEngineVersion.V5_19, stack = new Stack()) {
  return new ActiveMqConfiguration(stack, 'Config', { engineVersion: version, data });
}

describe('typed model', () => {
  test.each(['5.18', '5.19'])('the kitchen-sink model renders XML that Amazon MQ\'s %s XSD accepts (xmllint)', (version) => {
    const xml = configuration(ActiveMqConfigurationData.fromModel(KITCHEN_SINK), ActiveMqEngineVersion.of(version)).renderXml();
    expect(xmllint(xml, version)).toEqual([]);
  });

  test('the typed model reaches 47 of the 64 elements Amazon MQ permits (F-X02)', () => {
    const xml = configuration(ActiveMqConfigurationData.fromModel(KITCHEN_SINK)).renderXml();
    const used = new Set([...xml.matchAll(/<([A-Za-z]+)[\s/>]/g)].map((m) => m[1]));
    const permitted = Object.keys(AMAZON_MQ_XSD['5.19'].elements);
    expect(permitted.filter((e) => used.has(e))).toHaveLength(47);
  });

  test('renders the destination policy, authorization map and plugins where Amazon MQ expects them', () => {
    const xml = configuration(ActiveMqConfigurationData.fromModel({
      policyEntries: [{ destination: ActiveMqDestination.queue('orders.>'), deadLetterStrategy: ActiveMqDeadLetterStrategy.individual({ queuePrefix: 'DLQ.' }) }],
      authorizationEntries: [{ destination: ActiveMqDestination.queue('orders.>'), read: ['app', 'ops'], write: ['app'] }],
    })).renderXml();
    expect(xml).toBe([
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<broker xmlns="http://activemq.apache.org/schema/core">',
      '  <destinationPolicy>',
      '    <policyMap>',
      '      <policyEntries>',
      '        <policyEntry queue="orders.>">',
      '          <deadLetterStrategy>',
      '            <individualDeadLetterStrategy queuePrefix="DLQ."/>',
      '          </deadLetterStrategy>',
      '        </policyEntry>',
      '      </policyEntries>',
      '    </policyMap>',
      '  </destinationPolicy>',
      '  <plugins>',
      '    <authorizationPlugin>',
      '      <map>',
      '        <authorizationMap>',
      '          <authorizationEntries>',
      '            <authorizationEntry queue="orders.>" read="app,ops" write="app"/>',
      '          </authorizationEntries>',
      '        </authorizationMap>',
      '      </map>',
      '    </authorizationPlugin>',
      '  </plugins>',
      '</broker>',
      '',
    ].join('\n'));
  });

  test('text is XML-escaped', () => {
    const xml = configuration(ActiveMqConfigurationData.fromModel({
      virtualDestinations: [ActiveMqVirtualDestination.compositeQueue({
        name: 'in', filteredForwardTo: [{ destination: ActiveMqDestination.queue('out'), selector: 'kind = \'a&b\' AND size < 10 AND note = "x"' }],
      })],
    })).renderXml();
    expect(xml).toContain('selector="kind = \'a&amp;b\' AND size &lt; 10 AND note = &quot;x&quot;"');
    expect(xmllint(xml, '5.19')).toEqual([]);
  });

  test('redelivery turns the scheduler on unless set', () => {
    const on = configuration(ActiveMqConfigurationData.fromModel({ redelivery: { defaultPolicy: { maximumRedeliveries: 2 } } })).renderXml();
    expect(on).toContain('<broker xmlns="http://activemq.apache.org/schema/core" schedulerSupport="true">');
  });

  test('the template holds the XML base64-encoded, with engine, version and strategy', () => {
    const stack = new Stack();
    const config = configuration(ActiveMqConfigurationData.fromModel({ destinations: [ActiveMqDestination.queue('q')] }), ActiveMqEngineVersion.V5_18, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::Configuration', {
      EngineType: 'ACTIVEMQ',
      EngineVersion: '5.18',
      AuthenticationStrategy: 'SIMPLE',
      Name: 'Config',
      Data: Buffer.from(config.renderXml()).toString('base64'),
    });
  });

  test('a model that grants nothing to the web console group warns (F-X09)', () => {
    const stack = new Stack();
    configuration(ActiveMqConfigurationData.fromModel({ authorizationEntries: [{ destination: ActiveMqDestination.allQueues(), read: ['app'] }] }), undefined, stack);
    Annotations.fromStack(stack).hasWarning('/Default/Config', Match.stringLikeRegexp("grants nothing to group 'activemq-webconsole'"));
  });
});

describe('raw XML', () => {
  const valid = `<?xml version="1.0" encoding="UTF-8"?>
<broker xmlns="http://activemq.apache.org/schema/core" schedulerSupport="true">
  <!-- comments are kept -->
  <destinationPolicy><policyMap><policyEntries>
    <policyEntry topic=">" producerFlowControl="false"/>
  </policyEntries></policyMap></destinationPolicy>
</broker>`;

  test('is sent as given when Amazon MQ permits it', () => {
    expect(configuration(ActiveMqConfigurationData.fromXml(valid)).renderXml()).toBe(valid);
  });

  test.each<[string, string, string]>([
    ['an element Amazon MQ does not permit',
      '<broker xmlns="http://activemq.apache.org/schema/core"><plugins><jaasAuthenticationPlugin configuration="x"/></plugins></broker>',
      '/broker/plugins: element <jaasAuthenticationPlugin> is not allowed here; allowed: <authorizationPlugin>, <discardingDLQBrokerPlugin>, <forcePersistencyModeBrokerPlugin>, <redeliveryPlugin>, <statisticsBrokerPlugin>, <timeStampingBrokerPlugin>'],
    ['an attribute Amazon MQ does not permit',
      '<broker xmlns="http://activemq.apache.org/schema/core" brokerName="x"/>',
      "/broker: attribute 'brokerName' is not allowed; allowed: advisorySupport,"],
    ['a value of the wrong type',
      '<broker xmlns="http://activemq.apache.org/schema/core"><destinationPolicy><policyMap><policyEntries><policyEntry queue=">" producerFlowControl="yes"/></policyEntries></policyMap></destinationPolicy></broker>',
      "/broker/destinationPolicy/policyMap/policyEntries/policyEntry@producerFlowControl: 'yes' is not a boolean; allowed: true, false"],
    ['a value out of range',
      '<broker xmlns="http://activemq.apache.org/schema/core"><systemUsage><systemUsage><memoryUsage><memoryUsage percentOfJvmHeap="90"/></memoryUsage></systemUsage></systemUsage></broker>',
      "/broker/systemUsage/systemUsage/memoryUsage/memoryUsage@percentOfJvmHeap: '90' is out of range; allowed: 0 to 70"],
    ['a value outside an enumeration',
      '<broker xmlns="http://activemq.apache.org/schema/core"><persistenceAdapter><kahaDB journalDiskSyncStrategy="sometimes"/></persistenceAdapter></broker>',
      "/broker/persistenceAdapter/kahaDB@journalDiskSyncStrategy: 'sometimes' is not allowed; allowed: always, never, periodic"],
    ['wrong nesting',
      '<broker xmlns="http://activemq.apache.org/schema/core"><policyEntry queue=">"/></broker>',
      '/broker: element <policyEntry> is not allowed here; allowed: <destinationInterceptors>, <destinationPolicy>, <destinations>, <networkConnectors>, <persistenceAdapter>, <plugins>, <systemUsage>, <transportConnectors>'],
    ['a duplicate unique key',
      '<broker xmlns="http://activemq.apache.org/schema/core"><destinationPolicy><policyMap><policyEntries><policyEntry queue="a"/><policyEntry queue="a"/></policyEntries></policyMap></destinationPolicy></broker>',
      "/broker/destinationPolicy/policyMap: <policyEntry> queue='a' appears more than once; allowed: each queue once"],
    ['a Spring bean',
      '<beans xmlns="http://www.springframework.org/schema/beans"><broker xmlns="http://activemq.apache.org/schema/core"/></beans>',
      '/beans (namespace http://www.springframework.org/schema/beans): element is outside namespace http://activemq.apache.org/schema/core'],
    ['malformed XML', '<broker xmlns="http://activemq.apache.org/schema/core"><plugins></broker>', 'malformed XML:'],
    ['text content', '<broker xmlns="http://activemq.apache.org/schema/core">hello</broker>', "/broker: text content is not allowed ('hello')"],
    ['deleteAllMessagesOnStartup without the opt-in',
      '<broker xmlns="http://activemq.apache.org/schema/core" deleteAllMessagesOnStartup="true"/>',
      "/broker@deleteAllMessagesOnStartup: 'true' deletes every stored message at each broker start, including the reboots that apply configuration changes; allowed: omit it, or 'false'; set allowDeleteAllMessagesOnStartup: true if that is truly meant [ActiveMqDeleteAllMessagesOnStartup"],
    ['nesting so deep it would overflow the stack',
      `<broker xmlns="http://activemq.apache.org/schema/core">${'<plugins>'.repeat(100_000)}${'</plugins>'.repeat(100_000)}</broker>`,
      'XML nests elements 100001 levels deep; allowed: at most 64'],
  ])('rejects %s, naming the element path', (_, xml, message) => {
    expect(() => configuration(ActiveMqConfigurationData.fromXml(xml))).toThrow(message);
  });

  test('xmllint agrees with our checks on every rejected document above that is well formed', () => {
    const docs = [
      '<broker xmlns="http://activemq.apache.org/schema/core"><plugins><jaasAuthenticationPlugin configuration="x"/></plugins></broker>',
      '<broker xmlns="http://activemq.apache.org/schema/core" brokerName="x"/>',
      '<broker xmlns="http://activemq.apache.org/schema/core"><destinationPolicy><policyMap><policyEntries><policyEntry queue=">" producerFlowControl="yes"/></policyEntries></policyMap></destinationPolicy></broker>',
      '<broker xmlns="http://activemq.apache.org/schema/core"><persistenceAdapter><kahaDB journalDiskSyncStrategy="sometimes"/></persistenceAdapter></broker>',
      '<broker xmlns="http://activemq.apache.org/schema/core"><policyEntry queue=">"/></broker>',
      '<broker xmlns="http://activemq.apache.org/schema/core"><destinationPolicy><policyMap><policyEntries><policyEntry queue="a"/><policyEntry queue="a"/></policyEntries></policyMap></destinationPolicy></broker>',
    ];
    for (const doc of docs) {
      expect(xmllint(doc, '5.19')).not.toEqual([]);
    }
  });

  test('deleteAllMessagesOnStartup is accepted with the explicit opt-in, and "false" always', () => {
    const purge = '<broker xmlns="http://activemq.apache.org/schema/core" deleteAllMessagesOnStartup="true"/>';
    expect(() => new ActiveMqConfiguration(new Stack(), 'Purge', {
      engineVersion: ActiveMqEngineVersion.V5_19, data: ActiveMqConfigurationData.fromXml(purge), allowDeleteAllMessagesOnStartup: true,
    })).not.toThrow();
    expect(() => configuration(ActiveMqConfigurationData.fromXml(purge.replace('true', 'false')))).not.toThrow();
    // The typed model's escape hatch is checked the same way.
    expect(() => configuration(ActiveMqConfigurationData.fromModel({ brokerAttributes: { deleteAllMessagesOnStartup: 'true' } })))
      .toThrow('/broker@deleteAllMessagesOnStartup');
  });

  test('an attribute 5.19 added is rejected for 5.18 (versions differ)', () => {
    const xml = '<broker xmlns="http://activemq.apache.org/schema/core" maxUncommittedCount="10"/>';
    expect(() => configuration(ActiveMqConfigurationData.fromXml(xml), ActiveMqEngineVersion.V5_18)).toThrow("attribute 'maxUncommittedCount' is not allowed");
    expect(() => configuration(ActiveMqConfigurationData.fromXml(xml), ActiveMqEngineVersion.V5_19)).not.toThrow();
  });

  test('XML known only at deploy time is not rejected', () => {
    const stack = new Stack();
    expect(() => configuration(ActiveMqConfigurationData.fromXml(new CfnParameter(stack, 'Xml').valueAsString), undefined, stack)).not.toThrow();
  });

  test('tokens in values are not rejected and reach the template through Fn::Base64', () => {
    const stack = new Stack();
    const uri = new CfnParameter(stack, 'HubUri').valueAsString;
    const prefetch = new CfnParameter(stack, 'Prefetch').valueAsString;
    configuration(ActiveMqConfigurationData.fromXml(
      `<broker xmlns="http://activemq.apache.org/schema/core"><destinationPolicy><policyMap><policyEntries><policyEntry queue=">" queuePrefetch="${prefetch}"/></policyEntries></policyMap></destinationPolicy><networkConnectors><networkConnector name="hub" uri="${uri}" userName="net"/></networkConnectors></broker>`,
    ), undefined, stack);
    const data = Template.fromStack(stack).findResources('AWS::AmazonMQ::Configuration');
    expect(JSON.stringify(Object.values(data)[0])).toContain('Fn::Base64');
  });
});

describe('model rules', () => {
  test.each<[string, ActiveMqConfigurationModel, string]>([
    ['an empty destination name', { destinations: [ActiveMqDestination.queue(' ')] }, "destinations[0]: the destination name is empty; allowed: a name or pattern such as 'orders.>'"],
    ['a group with a comma', { authorizationEntries: [{ destination: ActiveMqDestination.allQueues(), read: ['a,b'] }] }, "authorizationEntries[0].read: group 'a,b' is not allowed"],
    ['redelivery without the scheduler', { schedulerSupport: false, redelivery: {} }, "redelivery: the redelivery plugin needs 'schedulerSupport'"],
    ['21 network connectors', { networkConnectors: Array.from({ length: 21 }, (_, i) => ({ name: `n${i}`, uri: 'static:(ssl://h:61617)', userName: 'u' })) },
      'networkConnectors: 21 connectors; allowed: at most 20 per broker'],
    ['duplicate connector names', { networkConnectors: [{ name: 'n', uri: 'static:(ssl://a:61617)', userName: 'u' }, { name: 'n', uri: 'static:(ssl://b:61617)', userName: 'u' }] },
      "networkConnectors: name 'n' is used more than once; allowed: unique names"],
    ['a composite destination without targets', { virtualDestinations: [ActiveMqVirtualDestination.compositeQueue({ name: 'in' })] },
      "virtualDestinations[0]: compositeQueue 'in': give at least one of 'forwardTo', 'filteredForwardTo'"],
    ['a value out of the XSD range', { memoryUsagePercentOfJvmHeap: 71 }, "'71' is out of range; allowed: 0 to 70 [ActiveMqConfigurationXsd"],
    ['a redelivery delay below 1 s (ActiveMQ refuses to start; found by test/engines)',
      { redelivery: { defaultPolicy: { initialRedeliveryDelay: Duration.millis(200), redeliveryDelay: Duration.millis(999) } } },
      "/broker/plugins/redeliveryPlugin/redeliveryPolicyMap/redeliveryPolicyMap/defaultEntry/redeliveryPolicy@initialRedeliveryDelay: 200 ms is not allowed; allowed: at least 1000 ms (ActiveMQ's redelivery plugin refuses to start otherwise)"],
    ['an unknown extra attribute', { brokerAttributes: { dataDirectory: '/tmp' } }, "/broker: attribute 'dataDirectory' is not allowed"],
  ])('rejects %s', (_, model, message) => {
    const stack = new Stack();
    expect(() => configuration(ActiveMqConfigurationData.fromModel(model), undefined, stack)).toThrow(message);
    expect(stack.node.findAll().filter((c) => c.node.path.startsWith('Default/Config/'))).toEqual([]);
  });

  test('the configuration name follows F-C01', () => {
    expect(() => new ActiveMqConfiguration(new Stack(), 'C', { engineVersion: ActiveMqEngineVersion.V5_19, configurationName: 'bad name', data: ActiveMqConfigurationData.fromModel({}) }))
      .toThrow("Default/C: ActiveMqConfiguration validation failed:\n  - 'configurationName' 'bad name' is not allowed; allowed: 1-150 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' [ConfigurationNamePattern]");
  });
});

describe('association with brokers', () => {
  test('one configuration serves several brokers, at its latest revision', () => {
    const { stack, vpc } = stackWithVpc();
    const config = configuration(ActiveMqConfigurationData.fromModel({ destinations: [ActiveMqDestination.queue('q')] }), undefined, stack);
    for (const id of ['A', 'B']) {
      new ActiveMqBroker(stack, id, {
        vpc, engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE, configuration: config,
      });
    }
    const template = Template.fromStack(stack);
    const configId = Object.keys(template.findResources('AWS::AmazonMQ::Configuration'))[0];
    const brokers = Object.values(template.findResources('AWS::AmazonMQ::Broker'));
    expect(brokers).toHaveLength(2);
    for (const broker of brokers) {
      expect(broker.Properties.Configuration).toEqual({ Id: { 'Fn::GetAtt': [configId, 'Id'] }, Revision: { 'Fn::GetAtt': [configId, 'Revision'] } });
    }
  });

  test('an imported configuration can be used', () => {
    const { stack, vpc } = stackWithVpc();
    const config = ActiveMqConfiguration.fromConfigurationAttributes(stack, 'Imported', { configurationId: 'c-1234', configurationRevision: 3, engineVersion: '5.19' });
    new ActiveMqBroker(stack, 'Broker', { vpc, engineVersion: ActiveMqEngineVersion.V5_19, deploymentMode: ActiveMqDeploymentMode.SINGLE_INSTANCE, configuration: config });
    Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::Broker', { Configuration: { Id: 'c-1234', Revision: 3 } });
    expect(config.configurationArn).toContain(':configuration:c-1234');
  });

  test('an LDAP configuration declares its strategy', () => {
    const stack = new Stack();
    new ActiveMqConfiguration(stack, 'C', { engineVersion: ActiveMqEngineVersion.V5_19, authenticationStrategy: ActiveMqAuthenticationStrategy.LDAP, data: ActiveMqConfigurationData.fromModel({}) });
    Template.fromStack(stack).hasResourceProperties('AWS::AmazonMQ::Configuration', { AuthenticationStrategy: 'LDAP' });
  });
});

test.each<[string, ActiveMqConfigurationModel]>([
  ['ActiveMqConfigurationModel', { destinations: [ActiveMqDestination.queue(' ')] }],
  ['ActiveMqConfigurationXsd', { memoryUsagePercentOfJvmHeap: 71 }],
  ['ActiveMqRedeliveryDelay', { redelivery: { defaultPolicy: { initialRedeliveryDelay: Duration.millis(200) } } }],
])('the error names the rule [%s]', (ruleId, model) => {
  expect(() => configuration(ActiveMqConfigurationData.fromModel(model), undefined, new Stack())).toThrow(`[${ruleId}]`);
});
