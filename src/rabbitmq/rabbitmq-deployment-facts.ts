import { RabbitMqDeploymentMode } from './rabbitmq-deployment-mode';
import { SubnetRequirement } from '../broker/broker-spec';

/** What each RabbitMQ deployment mode is made of, in one table (mq-facts F-D03, F-D04). */
export const RABBITMQ_DEPLOYMENT_FACTS: Record<RabbitMqDeploymentMode, { readonly subnets: SubnetRequirement; readonly nodes: number }> = {
  [RabbitMqDeploymentMode.SINGLE_INSTANCE]: { subnets: { min: 1, max: 1 }, nodes: 1 },
  // Three nodes over up to three Availability Zones, behind one Network Load Balancer.
  [RabbitMqDeploymentMode.CLUSTER_MULTI_AZ]: { subnets: { min: 1, max: 3 }, nodes: 3 },
};
