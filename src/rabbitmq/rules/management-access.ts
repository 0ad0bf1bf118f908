import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { IConstruct } from 'constructs';
import { Rule, validateRules } from '../../private/rules';

/** What the management API's clients (virtual hosts and their objects, the queue metrics collector) need. */
export interface ManagementAccessSpec {
  readonly adminSecret?: ISecret;
  /** An imported broker: its admin secret is an attribute. */
  readonly imported?: boolean;
}

export const MANAGEMENT_ACCESS_RULES: ReadonlyArray<Rule<ManagementAccessSpec>> = [
  {
    id: 'RabbitMqManagementAdminUser',
    // The administrative user Amazon MQ creates is the one the management API is used as (mq-facts F-AU02).
    fact: 'F-AU02',
    summary: 'virtual hosts and addQueueMetricsCollector(): the broker has an admin user (an authentication with internal users, or `adminUser`; an imported broker: its `adminSecret`), as whom the management API is called',
    check: (s) => s.adminSecret === undefined && s.imported
      ? '\'adminSecret\' is missing: virtual hosts and their objects are applied through the management API as the admin user; allowed: fromBrokerAttributes({ ..., adminSecret }) with the secret of the broker\'s admin username and password'
      : s.adminSecret === undefined
        ? '\'adminUser\' is missing: virtual hosts and their objects are applied through the management API as the admin user, and the queue metrics collector reads it as that user; allowed: an authentication with internalUsers: true, or an adminUser'
        : undefined,
  },
];

/** What the management constructs know of the broker they are given. */
export interface ManagementBrokerSpec {
  /** Whether the broker is one of this library's, made here or imported: it has a management host. */
  readonly managed: boolean;
}

export const MANAGEMENT_BROKER_RULES: ReadonlyArray<Rule<ManagementBrokerSpec>> = [
  {
    id: 'RabbitMqManagementBroker',
    fact: 'F-AU02',
    summary: 'virtual hosts, management objects and the queue metrics collector: the broker is a `RabbitMqBroker`, or one imported with `fromBrokerAttributes({ ..., adminSecret })` (another implementation of `IRabbitMqBroker` has no management API access)',
    check: (s) => s.managed ? undefined
      : '\'broker\' is not allowed: it has no management API access; allowed: a RabbitMqBroker, or one imported with RabbitMqBroker.fromBrokerAttributes({ ..., adminSecret })',
  },
];

/** Refuses management API access without an admin user (the rule above); past it, the secret is known. */
export function checkManagementAccess(scope: IConstruct, adminSecret: ISecret | undefined, imported = false): asserts adminSecret is ISecret {
  validateRules(scope, imported ? 'RabbitMqBroker.fromBrokerAttributes' : 'RabbitMqBroker', MANAGEMENT_ACCESS_RULES, { adminSecret, imported });
}
