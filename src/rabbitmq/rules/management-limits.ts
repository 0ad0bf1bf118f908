import { rabbitMqLimit } from './configuration-limits';
import { RabbitMqSpec } from './rabbitmq-spec';
import { RULES_URL } from '../../private/errors';

/**
 * The virtual hosts and queues defined with addVirtualHost() against the limits in force on the broker (mq-facts
 * F-Q06: `vhost_max`, `cluster_queue_limit`, from the configuration or the instance type's maximum). Run at synth,
 * when every object is defined; the broker's own `/` counts as a virtual host.
 */
export function managementLimitProblems(spec: RabbitMqSpec,
  vhosts: ReadonlyArray<{ readonly name: string; readonly _queueCount: number }>): string[] {
  const where = `on ${spec.instanceType.name} ${spec.deploymentMode}`;
  const problems: string[] = [];
  const vhostCount = new Set(['/', ...vhosts.map((v) => v.name)]).size;
  const vhostMax = rabbitMqLimit('vhost_max', spec.instanceType.name, spec.deploymentMode, spec.configurationSettings);
  if (vhostMax !== undefined && vhostCount > vhostMax) {
    problems.push(`addVirtualHost() defines ${vhostCount} virtual hosts (with '/'); allowed: at most ${vhostMax} (vhost_max) ${where} [RabbitMqManagementLimits] (${RULES_URL})`);
  }
  const queueCount = vhosts.reduce((n, v) => n + v._queueCount, 0);
  const queueMax = rabbitMqLimit('cluster_queue_limit', spec.instanceType.name, spec.deploymentMode, spec.configurationSettings);
  if (queueMax !== undefined && queueCount > queueMax) {
    problems.push(`addQueue() defines ${queueCount} queues; allowed: at most ${queueMax} (cluster_queue_limit) ${where} [RabbitMqManagementLimits] (${RULES_URL})`);
  }
  return problems;
}
