import { Aws, CustomResource, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { RebootIsCompleteFunction } from './reboot-is-complete-function';
import { RebootOnEventFunction } from './reboot-on-event-function';
import { ScopedProvider } from '../../private/scoped-provider';
import { IBroker } from '../broker-base';
import type { RebootProperties } from './reboot-handler';

/** How long the custom resource waits for the broker to run again; active/standby reboots take up to ~15 minutes. */
const REBOOT_TIMEOUT = Duration.minutes(30);

/**
 * Reboots `broker` after every deploy that changed what Amazon MQ applies only at a reboot (mq-facts F-M02):
 * the custom resource's `PendingChanges` mirror those broker properties, so CloudFormation updates it exactly then.
 */
export function applyImmediately(broker: IBroker & Construct, resource: CfnBroker): CustomResource {
  return rebootOnChange(broker, 'ApplyImmediately', broker, Lazy.any({
    produce: () => ({
      Configuration: resource.configuration,
      // Without passwords: CloudFormation refuses secretsmanager dynamic references in custom resources.
      Users: withoutPasswords(Stack.of(broker).resolve(resource.users)),
      HostInstanceType: resource.hostInstanceType,
      EngineVersion: resource.engineVersion,
      Logs: resource.logs,
      StorageSize: resource.storageSize,
      ResourceShareArns: resource.resourceShareArns,
    }),
  }));
}

/** Options of a reboot custom resource. */
export interface RebootOptions {
  /** Reboot on create as well (the broker already runs when the resource is made). */
  readonly rebootOnCreate?: boolean;
  /** Let the handler call UpdateBroker (it sets the data replication mode). */
  readonly allowUpdate?: boolean;
  /** The data replication switch of a cross-region pair (replication-mode.ts). */
  readonly properties?: Pick<RebootProperties, 'DataReplicationMode' | 'DataReplicationModeOnDelete' | 'Region'>;
}

/**
 * A `Custom::AmazonMqBrokerReboot` that reboots `broker` whenever `pendingChanges` change, and on create too with
 * `rebootOnCreate` (a configuration association sets a revision on a broker that already runs).
 */
export function rebootOnChange(scope: Construct, id: string, broker: IBroker, pendingChanges: unknown, options: RebootOptions = {}): CustomResource {
  const provider = RebootProvider.of(scope);
  provider.allow(broker, options.allowUpdate ?? false);
  // The handler's own property type: the construct and the handler cannot drift apart.
  const properties: RebootProperties = {
    BrokerId: broker.brokerId,
    TimeoutSeconds: String(REBOOT_TIMEOUT.toSeconds()),
    PendingChanges: pendingChanges,
    ...options.rebootOnCreate ? { RebootOnCreate: 'true' } : {},
    ...options.properties,
  };
  return new CustomResource(scope, id, { serviceToken: provider.serviceToken, resourceType: 'Custom::AmazonMqBrokerReboot', properties });
}

function withoutPasswords(users: unknown): unknown {
  // The password's secret version (not secret) stays: a new `passwordVersionId` is a change to apply with a reboot.
  return Array.isArray(users) ? users.map(({ password, ...rest }) => {
    const version = /:SecretString:password::([A-Za-z0-9-]+)\}\}/.exec(JSON.stringify(password))?.[1];
    return version === undefined ? rest : { ...rest, passwordVersionId: version };
  }) : users;
}

/** One provider per stack, shared by its brokers; each broker adds its own ARN to the handlers' policies. */
class RebootProvider extends ScopedProvider {
  public static of(scope: Construct): RebootProvider {
    return ScopedProvider.stackSingleton(scope, 'AmazonMqBrokerRebootProvider', (stack) => new RebootProvider(stack, 'AmazonMqBrokerRebootProvider'));
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id, {
      description: 'Amazon MQ applyImmediately',
      onEventHandler: RebootOnEventFunction,
      isCompleteHandler: RebootIsCompleteFunction,
      // onEvent waits up to 5 minutes for the reboot to start (reboot-handler.ts START_WAIT_MS).
      handlerTimeout: Duration.minutes(6),
      queryInterval: Duration.seconds(30),
      // Longer than REBOOT_TIMEOUT, so isComplete's own message (with the broker state) is the one users see.
      totalTimeout: REBOOT_TIMEOUT.plus(Duration.minutes(5)),
    });
    // onEvent tells a rollback by this stack's status.
    this.onEventRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks'], resources: [Aws.STACK_ID] }));
  }

  /**
   * Lets the handlers reboot and describe `broker`, nothing else; with `update`, both may also set its data
   * replication mode (the replication switch converges in isComplete too).
   */
  public allow(broker: IBroker, update: boolean): void {
    broker.grant(this.onEventRole, 'mq:RebootBroker', 'mq:DescribeBroker', ...update ? ['mq:UpdateBroker'] : []);
    broker.grant(this.isCompleteRole!, 'mq:DescribeBroker', ...update ? ['mq:RebootBroker', 'mq:UpdateBroker'] : []);
  }
}
