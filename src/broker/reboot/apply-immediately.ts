import { CustomResource, Duration, Lazy, Stack, Validations } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { RebootIsCompleteFunction } from './reboot-is-complete-function';
import { RebootOnEventFunction } from './reboot-on-event-function';
import { IBroker } from '../broker-base';

/** How long the custom resource waits for the broker to run again; active/standby reboots take up to ~15 minutes. */
const REBOOT_TIMEOUT = Duration.minutes(30);

/**
 * Reboots `broker` after every deploy that changed what Amazon MQ applies only at a reboot (mq-facts F-M02):
 * the custom resource's `PendingChanges` mirror those broker properties, so CloudFormation updates it exactly then.
 */
export function applyImmediately(broker: IBroker & Construct, resource: CfnBroker): void {
  const provider = RebootProvider.of(broker);
  provider.allow(broker);
  new CustomResource(broker, 'ApplyImmediately', {
    serviceToken: provider.serviceToken,
    resourceType: 'Custom::AmazonMqBrokerReboot',
    properties: {
      BrokerId: broker.brokerId,
      TimeoutSeconds: String(REBOOT_TIMEOUT.toSeconds()),
      PendingChanges: Lazy.any({
        produce: () => ({
          Configuration: resource.configuration,
          // Without passwords: CloudFormation refuses secretsmanager dynamic references in custom resources.
          Users: withoutPasswords(Stack.of(broker).resolve(resource.users)),
          HostInstanceType: resource.hostInstanceType,
          EngineVersion: resource.engineVersion,
          Logs: resource.logs,
        }),
      }),
    },
  });
}

const FRAMEWORK_ACKNOWLEDGEMENTS = [
  { id: 'AwsSolutions-SF1', reason: 'The Provider framework waiter state machine only polls isComplete; logging it would need `logs:*Delivery` on `*`. Our handlers log every decision.' },
  { id: 'AwsSolutions-SF2', reason: 'The Provider framework waiter state machine only polls isComplete; X-Ray tracing adds nothing there.' },
];

function withoutPasswords(users: unknown): unknown {
  return Array.isArray(users) ? users.map(({ password: _password, ...rest }) => rest) : users;
}

/** One provider per stack, shared by its brokers; each broker adds its own ARN to the handlers' policies. */
class RebootProvider extends Construct {
  public static of(scope: Construct): RebootProvider {
    const stack = Stack.of(scope);
    const id = 'AmazonMqBrokerRebootProvider';
    return (stack.node.tryFindChild(id) as RebootProvider | undefined) ?? new RebootProvider(stack, id);
  }

  public readonly serviceToken: string;
  private readonly onEventRole: iam.Role;
  private readonly isCompleteRole: iam.Role;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    // Explicit roles and log groups instead of AWSLambdaBasicExecutionRole: every permission is scoped to an ARN.
    const handler = (name: string, fn: typeof RebootOnEventFunction | typeof RebootIsCompleteFunction) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_YEAR });
      const role = new iam.Role(this, `${name}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      logGroup.grantWrite(role);
      const func = new fn(this, name, { role, logGroup, timeout: Duration.seconds(30), description: `Amazon MQ applyImmediately: ${name}` });
      return { role, func };
    };
    const onEvent = handler('OnEvent', RebootOnEventFunction);
    const isComplete = handler('IsComplete', RebootIsCompleteFunction);
    this.onEventRole = onEvent.role;
    this.isCompleteRole = isComplete.role;

    // The framework's functions get roles of ours too: no managed policy, logs only to their own group.
    const frameworkLogs = new logs.LogGroup(this, 'FrameworkLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const frameworkRole = (name: string) => {
      const role = new iam.Role(this, name, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      frameworkLogs.grantWrite(role);
      return role;
    };
    const frameworkOnEventRole = frameworkRole('FrameworkOnEventRole');
    const frameworkCompleteAndTimeoutRole = frameworkRole('FrameworkCompleteAndTimeoutRole');
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent.func,
      isCompleteHandler: isComplete.func,
      queryInterval: Duration.seconds(30),
      // Longer than REBOOT_TIMEOUT, so isComplete's own message (with the broker state) is the one users see.
      totalTimeout: REBOOT_TIMEOUT.plus(Duration.minutes(5)),
      logGroup: frameworkLogs,
      frameworkOnEventRole,
      frameworkCompleteAndTimeoutRole,
      // Waiter logging stays off (the framework's default): turning it on grants `logs:*Delivery` actions on `*`.
    });
    this.serviceToken = provider.serviceToken;
    // Invocation grants name each function by ARN with a version wildcard: acknowledged with that exact evidence.
    const stack = Stack.of(this);
    const invokeEvidence = this.node.findAll()
      .filter((c): c is lambda.CfnFunction => c instanceof lambda.CfnFunction)
      .map((fn) => ({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn)}.Arn>:*]`,
        reason: 'Lambda invoke permission on one function by ARN, any version (`:*`), as the CDK Provider framework grants it.',
      }));
    for (const child of this.node.findAll()) {
      Validations.of(child).acknowledge(...invokeEvidence);
    }
    for (const child of provider.node.findAll()) {
      Validations.of(child).acknowledge(...FRAMEWORK_ACKNOWLEDGEMENTS);
    }
  }

  /** Lets the handlers reboot and describe `broker`, and nothing else. */
  public allow(broker: IBroker): void {
    broker.grant(this.onEventRole, 'mq:RebootBroker', 'mq:DescribeBroker');
    broker.grant(this.isCompleteRole, 'mq:DescribeBroker');
  }
}
