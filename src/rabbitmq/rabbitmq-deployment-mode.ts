/** How a RabbitMQ broker is deployed. */
export enum RabbitMqDeploymentMode {
  /** One node behind a Network Load Balancer; for development and tests. */
  SINGLE_INSTANCE = 'SINGLE_INSTANCE',
  /** A three-node cluster across Availability Zones behind a Network Load Balancer; for production. */
  CLUSTER_MULTI_AZ = 'CLUSTER_MULTI_AZ',
}
