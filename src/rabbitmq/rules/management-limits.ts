import { rabbitMqLimit } from './configuration-limits';
import { RabbitMqSpec } from './rabbitmq-spec';
import { Rule } from '../../private/rules';

/** The broker and the virtual hosts the app defines on it, once every object is defined (at synth). */
export interface ManagementLimitsSpec {
  readonly broker: RabbitMqSpec;
  readonly virtualHosts: ReadonlyArray<{ readonly name: string; readonly _queueCount: number }>;
}

/**
 * The virtual hosts and queues defined through the management API against the limits in force on the broker
 * (`vhost_max`, `cluster_queue_limit`, from the configuration or the instance type's maximum). The
 * broker's own `/` counts as a virtual host.
 */
export const MANAGEMENT_LIMIT_RULES: ReadonlyArray<Rule<ManagementLimitsSpec>> = [{
  id: 'RabbitMqManagementLimits',
  fact: 'F-Q06',
  summary: 'virtual hosts (with `/`) and queues defined through `addVirtualHost()`: at most `vhost_max` and `cluster_queue_limit`, from the configuration or the instance type\'s maximum (checked when the app synthesizes)',
  check: ({ broker: spec, virtualHosts }) => {
    const where = `on ${spec.instanceType.name} ${spec.deploymentMode}`;
    const problems: string[] = [];
    const vhostCount = new Set(['/', ...virtualHosts.map((v) => v.name)]).size;
    const vhostMax = rabbitMqLimit('vhost_max', spec.instanceType.name, spec.deploymentMode, spec.configurationSettings);
    if (vhostMax !== undefined && vhostCount > vhostMax) {
      problems.push(`addVirtualHost() defines ${vhostCount} virtual hosts (with '/'); allowed: at most ${vhostMax} (vhost_max) ${where}`);
    }
    const queueCount = virtualHosts.reduce((n, v) => n + v._queueCount, 0);
    const queueMax = rabbitMqLimit('cluster_queue_limit', spec.instanceType.name, spec.deploymentMode, spec.configurationSettings);
    if (queueMax !== undefined && queueCount > queueMax) {
      problems.push(`addQueue() defines ${queueCount} queues; allowed: at most ${queueMax} (cluster_queue_limit) ${where}`);
    }
    return problems;
  },
}];
