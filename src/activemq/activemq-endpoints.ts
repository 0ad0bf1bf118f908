import { IConstruct } from 'constructs';
import { ACTIVEMQ_DEPLOYMENT_FACTS } from './activemq-deployment-facts';
import { ActiveMqDeploymentMode } from './activemq-deployment-mode';
import { ACTIVEMQ_ENDPOINT_RULES, ACTIVEMQ_FAILOVER_RULES, ACTIVEMQ_INSTANCE_RULES, ActiveMqProtocolSpec } from './rules/endpoints';
import { ActiveMqProtocol, BrokerProtocol } from '../broker/protocol';
import { validateRules } from '../private/rules';

/** Instances of an ActiveMQ broker: two for an active/standby pair (`-1`, `-2`), one otherwise (mq-facts F-R01). */
export function instanceCount(deploymentMode: ActiveMqDeploymentMode): number {
  return ACTIVEMQ_DEPLOYMENT_FACTS[deploymentMode]?.instances ?? 1;
}

/** Checks an instance number (1, or 2 for the standby of an active/standby pair); `what` names the call. */
export function checkInstance(scope: IConstruct, what: string, deploymentMode: ActiveMqDeploymentMode, instance: number): number {
  validateRules(scope, what, ACTIVEMQ_INSTANCE_RULES, { instance, instances: instanceCount(deploymentMode), deploymentMode });
  return instance;
}

/** The URL scheme of each ActiveMQ protocol's endpoint (mq-facts F-R01). */
const SCHEMES = new Map<BrokerProtocol, string>([
  [ActiveMqProtocol.OPENWIRE, 'ssl'], [ActiveMqProtocol.AMQP, 'amqp+ssl'], [ActiveMqProtocol.STOMP, 'stomp+ssl'],
  [ActiveMqProtocol.MQTT, 'mqtt+ssl'], [ActiveMqProtocol.WSS, 'wss'], [ActiveMqProtocol.CONSOLE, 'https'],
]);

/** The URL scheme of an ActiveMQ protocol; other protocols are refused. */
export function endpointScheme(scope: IConstruct, protocol: BrokerProtocol): string {
  const scheme = SCHEMES.get(protocol);
  validateRules(scope, 'ActiveMqBroker.endpoint', ACTIVEMQ_ENDPOINT_RULES, protocolSpec(protocol));
  return scheme!;
}

/** Checks the protocol of a failover URL: OpenWire or AMQP. */
export function checkFailoverProtocol(scope: IConstruct, protocol: BrokerProtocol): void {
  validateRules(scope, 'ActiveMqBroker.failoverUrl', ACTIVEMQ_FAILOVER_RULES, protocolSpec(protocol));
}

function protocolSpec(protocol: BrokerProtocol): ActiveMqProtocolSpec {
  return { protocol, scheme: SCHEMES.get(protocol), failover: protocol === ActiveMqProtocol.OPENWIRE || protocol === ActiveMqProtocol.AMQP };
}
