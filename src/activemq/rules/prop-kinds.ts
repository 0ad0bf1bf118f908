import { sharedPropKinds } from '../../broker/broker-core';
import { BrokerLogOptions, BrokerProps } from '../../broker/broker-props';
import { enumKind, propKindRule } from '../../private/prop-kinds';
import { Rule } from '../../private/rules';
import { ActiveMqAuthentication } from '../activemq-authentication';
import { ActiveMqDeploymentMode, ActiveMqStorageType } from '../activemq-deployment-mode';
import { ActiveMqEngineVersion } from '../activemq-engine-version';

/** An ActiveMQ broker's props as a JavaScript caller may pass them (the broker's module imports this one). */
export interface ActiveMqPropKindInput extends BrokerProps {
  readonly engineVersion?: unknown;
  readonly deploymentMode?: unknown;
  readonly storageType?: unknown;
  readonly authentication?: unknown;
  readonly logs?: BrokerLogOptions;
}

/** The kinds of an ActiveMQ broker's props (JavaScript callers), checked before the other rules read them. */
export const ACTIVEMQ_PROP_KIND_RULES: ReadonlyArray<Rule<ActiveMqPropKindInput>> = [
  propKindRule('ActiveMqBrokerPropKinds',
    'props of the kind their type says, for JavaScript callers (checked first): `engineVersion` an ActiveMqEngineVersion, `deploymentMode`, `storageType`, `encryption` and `removalPolicy` values of their enums, `authentication` an ActiveMqAuthentication, `instanceType` a BrokerInstanceType, `logs.retention` a day count CloudWatch Logs takes, `brokerName` a string',
    (props) => [
      { property: 'engineVersion', value: props.engineVersion, allowed: 'an ActiveMqEngineVersion, such as ActiveMqEngineVersion.V5_19', isValid: (v) => v instanceof ActiveMqEngineVersion },
      { property: 'deploymentMode', value: props.deploymentMode, allowed: `an ActiveMqDeploymentMode: ${Object.values(ActiveMqDeploymentMode).join(', ')}`, isValid: enumKind(ActiveMqDeploymentMode) },
      { property: 'storageType', value: props.storageType, optional: true, allowed: `an ActiveMqStorageType: ${Object.values(ActiveMqStorageType).join(', ')}`, isValid: enumKind(ActiveMqStorageType) },
      { property: 'authentication', value: props.authentication, optional: true, allowed: 'ActiveMqAuthentication.simple() or ActiveMqAuthentication.ldap({...})', isValid: (v) => v instanceof ActiveMqAuthentication },
      ...sharedPropKinds(props),
    ]),
];
