import { Names, RemovalPolicy, Token, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ActiveMqNetworkConnection, ActiveMqNetworkTopology } from './activemq-network-topology';
import { brokerSpecOf } from '../../broker/broker-registry';
import { generateUserSecret } from '../../broker/broker-user-secret';
import { ActiveMqProtocol } from '../../broker/protocol';
import { requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import { ActiveMqBroker } from '../activemq-broker';
import { ActiveMqDeploymentMode } from '../activemq-deployment-mode';
import { ActiveMqEngineVersion } from '../activemq-engine-version';
import { ActiveMqConfiguration } from '../configuration/activemq-configuration';
import { ActiveMqConfigurationData } from '../configuration/activemq-configuration-data';
import { ActiveMqConfigurationModel } from '../configuration/activemq-configuration-model';
import { ActiveMqDestination } from '../configuration/activemq-destination';
import { ActiveMqNetworkConnector } from '../configuration/activemq-network-connector';
import { NETWORK_OF_BROKERS_RULES } from '../rules/network-of-brokers';

/** Props of a network of ActiveMQ brokers. */
export interface ActiveMqNetworkOfBrokersProps {
  /** The brokers, made in this app without a `configuration` prop (the network associates one with each). */
  readonly brokers: ActiveMqBroker[];
  /**
   * Who connects to whom.
   * @default ActiveMqNetworkTopology.mesh()
   */
  readonly topology?: ActiveMqNetworkTopology;
  /**
   * One connection per pair carrying messages both ways; otherwise one connector each way.
   * @default true
   */
  readonly duplex?: boolean;
  /**
   * How many brokers a message or subscription may cross.
   * @default - the topology's hops: 1 for a mesh, 2 for hub-and-spoke
   */
  readonly networkTtl?: number;
  /**
   * Destinations never forwarded between brokers.
   * @default - none
   */
  readonly excludedDestinations?: ActiveMqDestination[];
  /**
   * Settings every member's configuration starts from (destination policies, authorization, ...); the network adds
   * its connectors. Members with no connector of their own get a configuration only when this is given.
   * @default - Amazon MQ's defaults plus the connectors
   */
  readonly configuration?: ActiveMqConfigurationModel;
  /**
   * The user brokers sign in to each other as; created on every member with one generated password.
   * @default 'network'
   */
  readonly networkUsername?: string;
  /**
   * Reboot each member once its configuration is associated and whenever it changes, so the network connects on this
   * deploy rather than after the maintenance windows. A single-instance broker is unavailable while it reboots.
   * @default true
   */
  readonly applyImmediately?: boolean;
  /**
   * What happens to the network user's secret when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A network of Amazon MQ for ActiveMQ brokers: network connectors (`static:` to a single instance, `masterslave:` to an
 * active/standby pair) rendered into each member's configuration from the other brokers' OpenWire endpoints, a network
 * user with one generated password on every member, and the security group rules the connections need. The
 * configurations are associated after the brokers exist (AWS::AmazonMQ::ConfigurationAssociation), so no topology
 * forms a dependency cycle.
 *
 * @example
 * declare const hub: ActiveMqBroker;
 * declare const east: ActiveMqBroker;
 * declare const west: ActiveMqBroker;
 * new ActiveMqNetworkOfBrokers(this, 'Network', { brokers: [hub, east, west], topology: ActiveMqNetworkTopology.hubAndSpoke(hub) });
 */
export class ActiveMqNetworkOfBrokers extends Construct {
  /** The network user's secret (`username`, `password`), the same on every member. */
  public readonly networkUserSecret: secretsmanager.ISecret;
  /** The network connections, initiator first. */
  public readonly connections: ActiveMqNetworkConnection[];
  private readonly configurationsByBroker = new Map<ActiveMqBroker, ActiveMqConfiguration>();

  constructor(scope: Construct, id: string, props: ActiveMqNetworkOfBrokersProps) {
    super(scope, id);
    requireProps(this, props);
    const topology = props.topology ?? ActiveMqNetworkTopology.mesh();
    const duplex = props.duplex ?? true;
    const networkTtl = props.networkTtl ?? topology.hops;
    const connections = topology._connections(props.brokers, duplex);
    const outgoing = (broker: ActiveMqBroker) => connections.filter((c) => c.fromBroker === broker);
    const hub = topology._hub();
    validateRules(this, 'ActiveMqNetworkOfBrokers', NETWORK_OF_BROKERS_RULES, {
      members: props.brokers.map((b) => ({ path: b.node.path, spec: brokerSpecOf(b), stack: Stack.of(b) })),
      hub: hub && { path: hub.node.path, member: props.brokers.includes(hub) },
      connectorsByMember: Object.fromEntries(props.brokers.map((b) => [b.node.path, outgoing(b).length])),
      networkTtl: props.networkTtl,
      stack: Stack.of(this),
    });
    this.connections = connections;

    const username = props.networkUsername ?? 'network';
    const secret = generateUserSecret(this, 'NetworkUser', username, `Password of the network user of the Amazon MQ network of brokers ${this.node.path}`);
    secret.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);
    this.networkUserSecret = secret;

    const settings = { userName: username, duplex, networkTtl, excludedDestinations: props.excludedDestinations };
    for (const broker of props.brokers) {
      broker.addUser(username, { password: secret });
      const connectors = outgoing(broker).map((c, i) => connector(c, i, settings));
      if (connectors.length === 0 && !props.configuration) {
        continue;
      }
      const configuration = new ActiveMqConfiguration(this, `Configuration${Names.nodeUniqueId(broker.node)}`, {
        engineVersion: ActiveMqEngineVersion.of(brokerSpecOf(broker)!.engineVersion.version),
        description: `Network of brokers ${this.node.path}: ${broker.node.path}`,
        data: ActiveMqConfigurationData.fromModel({
          ...props.configuration,
          networkConnectors: [...props.configuration?.networkConnectors ?? [], ...connectors],
        }),
      });
      configuration.associateWith(broker, { applyImmediately: props.applyImmediately ?? true });
      this.configurationsByBroker.set(broker, configuration);
    }
    for (const { fromBroker: from, toBroker: to } of connections) {
      from.connections.allowTo(to, ec2.Port.tcp(ActiveMqProtocol.OPENWIRE.port), `Network connector from ${from.node.path} to ${to.node.path}`);
    }
  }

  /** The configuration associated with a member, if it has one. */
  public configurationOf(broker: ActiveMqBroker): ActiveMqConfiguration | undefined {
    return this.configurationsByBroker.get(broker);
  }
}

/** What every connector of a network shares. */
type ConnectorSettings = Pick<ActiveMqNetworkConnector, 'userName' | 'duplex' | 'networkTtl' | 'excludedDestinations'>;

/**
 * The connector to a connection's target (Developer Guide, network of brokers): `static:` to a single instance,
 * `masterslave:` over both instances of an active/standby pair, signing in as the network user.
 */
function connector(connection: ActiveMqNetworkConnection, index: number, settings: ConnectorSettings): ActiveMqNetworkConnector {
  const to = connection.toBroker;
  const uri = to.deploymentMode === ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ
    ? `masterslave:(${to.endpoint(ActiveMqProtocol.OPENWIRE, 1)},${to.endpoint(ActiveMqProtocol.OPENWIRE, 2)})`
    : `static:(${to.endpoint(ActiveMqProtocol.OPENWIRE)})`;
  const name = Token.isUnresolved(to.brokerName) ? `connector_${index + 1}` : `connector_to_${to.brokerName.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return { name, uri, ...settings };
}
