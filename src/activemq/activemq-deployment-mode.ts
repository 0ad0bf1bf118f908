/** How an ActiveMQ broker is deployed. */
export enum ActiveMqDeploymentMode {
  /** One broker in one Availability Zone; for development and tests. */
  SINGLE_INSTANCE = 'SINGLE_INSTANCE',
  /** An active and a standby broker in two Availability Zones sharing EFS storage; for production. */
  ACTIVE_STANDBY_MULTI_AZ = 'ACTIVE_STANDBY_MULTI_AZ',
}

/** Where an ActiveMQ broker keeps its messages. Cannot change after creation. */
export enum ActiveMqStorageType {
  /** Amazon EFS: durable and replicated across Availability Zones; required for active/standby. */
  EFS = 'EFS',
  /** Amazon EBS: lower latency and higher throughput; `mq.m5` single instances only. */
  EBS = 'EBS',
}
