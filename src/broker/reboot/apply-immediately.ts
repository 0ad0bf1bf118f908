import { CustomResource, Duration, Lazy, Stack, Validations } from 'aws-cdk-lib';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
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
  { id: 'AwsSolutions-IAM4', reason: 'The CDK Provider framework functions use AWSLambdaBasicExecutionRole; their code is aws-cdk-lib\'s.' },
  { id: 'AwsSolutions-IAM5', reason: 'The CDK Provider framework invokes the handler functions by ARN with a version wildcard (`:*`).' },
  { id: 'AwsSolutions-SF2', reason: 'The Provider framework waiter state machine only polls isComplete; X-Ray tracing adds nothing there.' },
  { id: 'AwsSolutions-L1', reason: 'The Provider framework picks the runtime of its own functions; our handlers use the latest Node.js runtime.' },
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

    const frameworkLogs = new logs.LogGroup(this, 'FrameworkLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent.func,
      isCompleteHandler: isComplete.func,
      queryInterval: Duration.seconds(30),
      // Longer than REBOOT_TIMEOUT, so isComplete's own message (with the broker state) is the one users see.
      totalTimeout: REBOOT_TIMEOUT.plus(Duration.minutes(5)),
      logGroup: frameworkLogs,
      waiterStateMachineLogOptions: {
        destination: new logs.LogGroup(this, 'WaiterLogs', { retention: logs.RetentionDays.ONE_YEAR }),
        level: sfn.LogLevel.ALL,
      },
    });
    this.serviceToken = provider.serviceToken;
    // What cdk-nag finds in aws-cdk-lib's Provider framework (not in our handlers), acknowledged with the reason.
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
