/**
 * cdk-amazon-mq-check: reports on deployed Amazon MQ brokers after a deploy. Exit code 0 when nothing needs action,
 * 1 when something does, 2 when the check itself could not run, 3 when --assembly holds no broker.
 *
 *   cdk-amazon-mq-check --broker b-1234... [--broker arn:aws:mq:...:broker:name:b-5678...] [--region us-east-1]
 *   cdk-amazon-mq-check --assembly cdk.out --region us-east-1
 */
/* eslint-disable import/no-extraneous-dependencies */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { KMSClient } from '@aws-sdk/client-kms';
import { MqClient } from '@aws-sdk/client-mq';
/* eslint-enable import/no-extraneous-dependencies */
import { brokerNamesInAssembly, NoBrokerInAssemblyError } from './assembly';
import { brokerIdsByName, checkBroker, CheckClients, CheckError, Finding } from './broker-check';

export const USAGE = [
  'usage: cdk-amazon-mq-check (--broker <id|arn>)... | --assembly <cdk.out dir>  [--region <region>]',
  '',
  'Reports on deployed Amazon MQ brokers: state, actions required, changes waiting for a reboot, the KMS key and the',
  'recommended alarms. Exit code 0: nothing needs action; 1: something does; 2: the check could not run;',
  '3: the --assembly directory holds no AWS::AmazonMQ::Broker (not a cdk.out, or not synthesized).',
].join('\n');

export interface CheckArgs {
  readonly brokers: string[];
  readonly assembly?: string;
  readonly region?: string;
  /** --help / -h: print the usage and exit 0. */
  readonly help?: boolean;
}

export function parseArgs(argv: string[]): CheckArgs {
  const brokers: string[] = [];
  let assembly: string | undefined;
  let region: string | undefined;
  if (argv.includes('--help') || argv.includes('-h')) {
    return { brokers, help: true };
  }
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--broker': brokers.push(required(argv[i], value)); i++; break;
      case '--assembly': assembly = required(argv[i], value); i++; break;
      case '--region': region = required(argv[i], value); i++; break;
      default: throw new CheckError(`unknown argument '${argv[i]}'\n${USAGE.split('\n')[0]}`);
    }
  }
  if (brokers.length === 0 && !assembly) {
    throw new CheckError(USAGE.split('\n')[0]);
  }
  return { brokers, assembly, region };
}

function required(flag: string, value: string | undefined): string {
  if (!value || value.startsWith('--')) {
    throw new CheckError(`${flag} needs a value\n${USAGE.split('\n')[0]}`);
  }
  return value;
}

const MARK: Record<Finding['severity'], string> = { ok: 'OK    ', info: 'INFO  ', action: 'ACTION' };

/**
 * Runs the check, writing a line per finding; returns the exit code: the worst of 0 (nothing to do), 1 (action
 * needed) and 2 (a call failed). A broker whose check fails is reported and the others are still checked.
 * An assembly without brokers is 3, before anything is checked: it is the wrong input, not a healthy deployment.
 */
export async function runCheck(args: CheckArgs, clients: CheckClients, write: (line: string) => void,
  writeError: (line: string) => void = write): Promise<number> {
  const ids = [...args.brokers];
  let exit = 0;
  const fail = (e: unknown) => {
    write(`ERROR  ${(e as Error).message}`);
    exit = 2;
  };
  if (args.assembly) {
    try {
      const names = brokerNamesInAssembly(args.assembly);
      const { ids: found, missing } = await brokerIdsByName(clients, names);
      ids.push(...found);
      for (const name of missing) {
        write(`ACTION ${name}: not found in this account and region (deployed?)`);
        exit = Math.max(exit, 1);
      }
    } catch (e) {
      if (e instanceof NoBrokerInAssemblyError) {
        writeError(e.message);
        return 3;
      }
      fail(e);
    }
  }
  for (const id of ids) {
    try {
      for (const finding of await checkBroker(clients, id)) {
        write(`${MARK[finding.severity]} ${finding.broker}: ${finding.message}`);
        if (finding.severity === 'action') {
          exit = Math.max(exit, 1);
        }
      }
    } catch (e) {
      fail(e);
    }
  }
  write(['nothing needs action', 'something needs action', 'some checks could not run'][exit]);
  return exit;
}

/** Where the clients call, for tests; by default the SDK's own resolution (region, AWS_ENDPOINT_URL, credentials). */
export interface ClientSettings {
  readonly region?: string;
  readonly endpoint?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The SDK clients for a region (endpoints may be overridden with AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>).
 * Throttled calls are retried with backoff by the SDK's standard retry strategy.
 */
export function defaultClients(config: ClientSettings = {}): CheckClients {
  const settings = { maxAttempts: 6, ...config };
  return { mq: new MqClient(settings), kms: new KMSClient(settings), cloudwatch: new CloudWatchClient(settings) };
}

/**
 * The SDK warns on stderr about Node.js versions it will stop supporting in later releases; this bundle pins its
 * SDK, so the warning says nothing to an operator reading the report. Other warnings pass through.
 */
function silenceSdkNodeVersionWarning(): void {
  const emit = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(typeof warning === 'string' ? warning : warning.message).startsWith('NodeVersionSupportWarning')) {
      return;
    }
    (emit as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

if (require.main === module) {
  let args: CheckArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  silenceSdkNodeVersionWarning();
  void runCheck(args, defaultClients({ region: args.region }), (line) => console.log(line), (line) => console.error(line))
    .then((code) => process.exit(code));
}
