import { IConstruct } from 'constructs';
import { ACTIVEMQ_DEPLOYMENT_FACTS } from './activemq-deployment-facts';
import { ActiveMqDeploymentMode } from './activemq-deployment-mode';
import { ActiveMqProtocol, BrokerProtocol } from '../broker/protocol';
import { MqValidationError } from '../private/errors';

/** Instances of an ActiveMQ broker: two for an active/standby pair (`-1`, `-2`), one otherwise (mq-facts F-R01). */
export function instanceCount(deploymentMode: ActiveMqDeploymentMode): number {
  return ACTIVEMQ_DEPLOYMENT_FACTS[deploymentMode]?.instances ?? 1;
}

/** Checks an instance number (1, or 2 for the standby of an active/standby pair). */
export function checkInstance(scope: IConstruct, deploymentMode: ActiveMqDeploymentMode, instance: number): number {
  const max = instanceCount(deploymentMode);
  if (!Number.isInteger(instance) || instance < 1 || instance > max) {
    throw new MqValidationError(scope, `'instance' ${instance} is not allowed with deploymentMode ${deploymentMode}; allowed: ${max === 2 ? '1 or 2' : '1'}`);
  }
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
  if (scheme === undefined) {
    throw new MqValidationError(scope, `'protocol' ${protocol.name} (port ${protocol.port}) is not allowed; allowed: an ActiveMqProtocol (OPENWIRE, AMQP, STOMP, MQTT, WSS, CONSOLE)`);
  }
  return scheme;
}
