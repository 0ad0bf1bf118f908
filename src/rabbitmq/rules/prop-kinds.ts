import { sharedPropKinds } from '../../broker/broker-core';
import { BrokerLogOptions, BrokerProps } from '../../broker/broker-props';
import { enumKind, hasMethods, propKindRule } from '../../private/prop-kinds';
import { Rule } from '../../private/rules';
import { RabbitMqAuthentication } from '../authentication/rabbitmq-authentication';
import { RabbitMqDeploymentMode } from '../rabbitmq-deployment-mode';
import { RabbitMqEngineVersion } from '../rabbitmq-engine-version';

/** A RabbitMQ broker's props as a JavaScript caller may pass them (the broker's module imports this one). */
export interface RabbitMqPropKindInput extends BrokerProps {
  readonly engineVersion?: unknown;
  readonly deploymentMode?: unknown;
  readonly storageSize?: unknown;
  readonly authentication?: unknown;
  readonly logs?: BrokerLogOptions;
}

/** The kinds of a RabbitMQ broker's props (JavaScript callers), checked before the other rules read them. */
export const RABBITMQ_PROP_KIND_RULES: ReadonlyArray<Rule<RabbitMqPropKindInput>> = [
  propKindRule('RabbitMqBrokerPropKinds',
    'props of the kind their type says, for JavaScript callers (checked first): `engineVersion` a RabbitMqEngineVersion, `deploymentMode`, `encryption` and `removalPolicy` values of their enums, `storageSize` a Size, `authentication` a RabbitMqAuthentication, `instanceType` a BrokerInstanceType, `logs.retention` a day count CloudWatch Logs takes, `brokerName` a string',
    (props) => [
      { property: 'engineVersion', value: props.engineVersion, allowed: 'a RabbitMqEngineVersion, such as RabbitMqEngineVersion.V4_2', isValid: (v) => v instanceof RabbitMqEngineVersion },
      { property: 'deploymentMode', value: props.deploymentMode, allowed: `a RabbitMqDeploymentMode: ${Object.values(RabbitMqDeploymentMode).join(', ')}`, isValid: enumKind(RabbitMqDeploymentMode) },
      { property: 'storageSize', value: props.storageSize, optional: true, allowed: 'a Size, such as Size.gibibytes(200)', isValid: hasMethods('toGibibytes') },
      {
        property: 'authentication',
        value: props.authentication,
        optional: true,
        allowed: 'RabbitMqAuthentication.simple(), .oauth2({...}), .iam({...}), .ldap({...}), .http({...}) or .certificate({...})',
        isValid: (v) => v instanceof RabbitMqAuthentication,
      },
      ...sharedPropKinds(props),
    ]),
];
