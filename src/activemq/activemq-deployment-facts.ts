import { ActiveMqDeploymentMode } from './activemq-deployment-mode';
import { SubnetRequirement } from '../broker/broker-spec';

/** What each ActiveMQ deployment mode is made of, in one table (mq-facts F-D01, F-D02, F-R01). */
export const ACTIVEMQ_DEPLOYMENT_FACTS: Record<ActiveMqDeploymentMode, { readonly subnets: SubnetRequirement; readonly instances: number }> = {
  [ActiveMqDeploymentMode.SINGLE_INSTANCE]: { subnets: { min: 1, max: 1 }, instances: 1 },
  // An active and a standby instance (endpoints `-1` and `-2`), one per Availability Zone.
  [ActiveMqDeploymentMode.ACTIVE_STANDBY_MULTI_AZ]: { subnets: { min: 2, max: 2 }, instances: 2 },
};
