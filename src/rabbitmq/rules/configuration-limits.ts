import { isKnown, Rule } from '../../private/rules';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';
import { RabbitMqSpec } from './rabbitmq-spec';

/** Sizes in the order of the tables below (mq-facts F-Q06, DG rabbitmq-sizing-guidelines). */
const SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const CONNECTIONS = [5000, 10000, 20000, 40000, 80000, 120000, 160000];
const QUEUES_SINGLE = [20000, 30000, 40000, 60000, 80000, 100000, 120000];
const QUEUES_CLUSTER = [10000, 15000, 20000, 30000, 40000, 50000, 60000];

/**
 * The limit in force for a resource-limit key on a broker: the configuration's value when it sets one, else the
 * maximum of the mq.m7g size and mode, where the table knows it (undefined otherwise).
 */
export function rabbitMqLimit(key: string, instanceType: string, mode: RabbitMqDeploymentMode,
  settings?: Record<string, string>): number | undefined {
  const configured = settings?.[key];
  if (configured !== undefined && isKnown(configured) && /^\d+$/.test(configured)) {
    return Number(configured);
  }
  const match = /^mq\.m7g\.(.+)$/.exec(instanceType);
  return match ? maximum(key, match[1], mode) : undefined;
}

/** The maximum Amazon MQ accepts for a resource-limit key on an mq.m7g size and mode, where the table knows it. */
function maximum(key: string, size: string, mode: RabbitMqDeploymentMode): number | undefined {
  const i = SIZES.indexOf(size);
  if (size === 'medium') {
    // The DG's maximum-limits page (rabbitmq-resource-hard-limit.html, single instance): 300 connections, 900
    // channels, 2500 queues, 10 vhosts. An older copy of the sizing page says 100 connections: the higher value is
    // encoded, so nothing Amazon MQ may accept is refused. Clusters on medium are allowed (both default tables list
    // them); their maxima are not published, so only vhosts and consumers are checked there.
    const single = mode === RabbitMqDeploymentMode.SINGLE_INSTANCE;
    switch (key) {
      case 'vhost_max': return 10;
      case 'consumer_max_per_channel': return 1000;
      case 'connection_max': return single ? 300 : undefined;
      case 'channel_max_per_node': return single ? 900 : undefined;
      case 'cluster_queue_limit': return single ? 2500 : undefined;
      default: return undefined;
    }
  }
  if (i < 0) {
    return undefined;
  }
  switch (key) {
    case 'connection_max': return CONNECTIONS[i];
    case 'channel_max_per_node': return CONNECTIONS[i] * 3;
    case 'consumer_max_per_channel': return 1000;
    case 'vhost_max': return 1500;
    case 'cluster_queue_limit': return (mode === RabbitMqDeploymentMode.CLUSTER_MULTI_AZ ? QUEUES_CLUSTER : QUEUES_SINGLE)[i];
    default: return undefined;
  }
}

export const RABBITMQ_CONFIGURATION_LIMIT_RULES: Rule<RabbitMqSpec>[] = [
  {
    id: 'RabbitMqConfigurationLimits',
    fact: 'F-Q06',
    summary: 'configuration resource limits: at most the maximum of the instance type and mode',
    check: (s) => {
      const match = /^mq\.m7g\.(.+)$/.exec(s.instanceType.name);
      if (!s.configurationSettings || !match) {
        return undefined;
      }
      return Object.entries(s.configurationSettings).flatMap(([key, value]) => {
        const max = maximum(key, match[1], s.deploymentMode);
        return max !== undefined && isKnown(value) && Number(value) > max
          ? [`'configuration' sets ${key} = ${value}; allowed: at most ${max} on ${s.instanceType.name} ${s.deploymentMode}`]
          : [];
      });
    },
  },
];
