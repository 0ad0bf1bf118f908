/**
 * cdk-amazon-mq-check: reports on deployed Amazon MQ brokers after a deploy. Exit code 0 when nothing needs action,
 * 1 when something does, 2 when the check itself could not run, 3 when --assembly holds no broker (with --objects:
 * no management object).
 *
 *   cdk-amazon-mq-check --broker b-1234... [--broker arn:aws:mq:...:broker:name:b-5678...] [--region us-east-1]
 *   cdk-amazon-mq-check --assembly cdk.out --region us-east-1
 *   cdk-amazon-mq-check --assembly cdk.out --objects [--management-url https://...] [--admin-secret <arn>]
 */
/* eslint-disable import/no-extraneous-dependencies */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { KMSClient } from '@aws-sdk/client-kms';
import { MqClient } from '@aws-sdk/client-mq';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
/* eslint-enable import/no-extraneous-dependencies */
import { brokerNamesInAssembly, NoBrokerInAssemblyError } from './assembly';
import { brokerIdsByName, checkBroker, CheckClients, CheckError, Finding } from './broker-check';
import { AdminCredentials } from './deployed-stack';
import { checkManagedBroker, managedBrokers, NoManagementObjectsError } from './object-check';

export const USAGE = [
  'usage: cdk-amazon-mq-check (--broker <id|arn>)... | --assembly <cdk.out dir> [--objects [--management-url <url>] [--admin-secret <arn>]]  [--region <region>]',
  '',
  'Reports on deployed Amazon MQ brokers: state, actions required, changes waiting for a reboot, the KMS key and the',
  'recommended alarms. Exit code 0: nothing needs action; 1: something does; 2: the check could not run;',
  '3: the --assembly directory holds no AWS::AmazonMQ::Broker (not a cdk.out, or not synthesized).',
  '',
  '--objects: instead, compares the RabbitMQ management objects the assembly declares (virtual hosts, users, queues, ...)',
  'with the brokers, through the management API (GET only): missing, different, extra objects and shovels not running.',
  'Exit code 1: drift found; 3: the assembly declares no management object. The management URL and the admin secret',
  'come from the deployed stacks, unless given: --management-url <url>, --admin-secret <arn>, or the environment',
  'variables RABBITMQ_ADMIN_USERNAME and RABBITMQ_ADMIN_PASSWORD (never a password on the command line).',
  'Flags take their value as --flag value or --flag=value.',
].join('\n');

export interface CheckArgs {
  readonly brokers: string[];
  readonly assembly?: string;
  readonly region?: string;
  /** --help / -h: print the usage and exit 0. */
  readonly help?: boolean;
  /** --objects: compare the management objects of --assembly with the brokers (instead of the broker checks). */
  readonly objects?: boolean;
  /** --management-url: the management API to compare with, instead of the deployed broker's. */
  readonly managementUrl?: string;
  /** --admin-secret: the secret with the admin's credentials, instead of the template's. */
  readonly adminSecret?: string;
  /** The admin's credentials from RABBITMQ_ADMIN_USERNAME / RABBITMQ_ADMIN_PASSWORD (never the command line). */
  readonly adminCredentials?: AdminCredentials;
}

const VALUE_FLAGS = ['--broker', '--assembly', '--region', '--management-url', '--admin-secret'];

/** Parses the arguments; the admin's credentials may come from `env` (RABBITMQ_ADMIN_USERNAME, RABBITMQ_ADMIN_PASSWORD). */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): CheckArgs {
  const brokers: string[] = [];
  const values: Record<string, string> = {};
  let objects = false;
  if (argv.includes('--help') || argv.includes('-h')) {
    return { brokers, help: true };
  }
  for (let i = 0; i < argv.length; i++) {
    // `--flag=value` as well as `--flag value`.
    const equals = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const flag = equals > 0 ? argv[i].slice(0, equals) : argv[i];
    if (flag === '--objects' && equals < 0) {
      objects = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) {
      throw new CheckError(`unknown argument '${argv[i]}'\n${USAGE.split('\n')[0]}`);
    }
    const value = required(flag, equals > 0 ? argv[i].slice(equals + 1) : argv[++i]);
    if (flag === '--broker') {
      brokers.push(value);
    } else {
      values[flag] = value;
    }
  }
  const assembly = values['--assembly'];
  if (brokers.length === 0 && !assembly) {
    throw new CheckError(USAGE.split('\n')[0]);
  }
  const managementUrl = values['--management-url'];
  const adminSecret = values['--admin-secret'];
  if (!objects) {
    const only = ['--management-url', '--admin-secret'].filter((f) => values[f] !== undefined);
    if (only.length > 0) {
      throw new CheckError(`${only.join(' and ')}: only with --objects (the object comparison)\n${USAGE.split('\n')[0]}`);
    }
    return { brokers, assembly, region: values['--region'] };
  }
  if (!assembly || brokers.length > 0) {
    throw new CheckError(`--objects compares what --assembly <cdk.out dir> declares, without --broker\n${USAGE.split('\n')[0]}`);
  }
  if (managementUrl !== undefined && !/^https?:\/\/[^/]/.test(managementUrl)) {
    throw new CheckError(`--management-url '${managementUrl}' is not an http(s) URL (e.g. https://b-1234.mq.us-east-1.amazonaws.com)`);
  }
  return { brokers, assembly, region: values['--region'], objects, managementUrl, adminSecret, adminCredentials: adminFromEnv(env, adminSecret) };
}

function adminFromEnv(env: Record<string, string | undefined>, adminSecret: string | undefined): AdminCredentials | undefined {
  const username = env.RABBITMQ_ADMIN_USERNAME;
  const password = env.RABBITMQ_ADMIN_PASSWORD;
  if (username === undefined && password === undefined) {
    return undefined;
  }
  if (!username || !password) {
    throw new CheckError('RABBITMQ_ADMIN_USERNAME and RABBITMQ_ADMIN_PASSWORD go together: set both, or neither');
  }
  if (adminSecret !== undefined) {
    throw new CheckError('--admin-secret and RABBITMQ_ADMIN_USERNAME/RABBITMQ_ADMIN_PASSWORD both give the admin credentials: give one');
  }
  return { username, password };
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
  if (args.objects) {
    return runObjectCheck(args, clients, write, writeError);
  }
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

/**
 * --objects: the management objects of each broker the assembly declares objects of, compared with the broker. A broker
 * whose comparison fails is reported and the others are still compared.
 */
async function runObjectCheck(args: CheckArgs, clients: CheckClients, write: (line: string) => void,
  writeError: (line: string) => void): Promise<number> {
  let exit = 0;
  let brokers;
  try {
    brokers = managedBrokers(args.assembly!);
  } catch (e) {
    if (e instanceof NoManagementObjectsError) {
      writeError(e.message);
      return 3;
    }
    write(`ERROR  ${(e as Error).message}`);
    return 2;
  }
  if (args.managementUrl && brokers.length > 1) {
    write(`ERROR  --management-url names one broker; the assembly declares the objects of ${brokers.length}: ${brokers.map((b) => b.label).join(', ')}`);
    return 2;
  }
  for (const broker of brokers) {
    try {
      for (const finding of await checkManagedBroker(clients, broker, args)) {
        write(`${MARK[finding.severity]} ${finding.broker}: ${finding.message}`);
        if (finding.severity === 'action') {
          exit = Math.max(exit, 1);
        }
      }
    } catch (e) {
      write(`ERROR  ${(e as Error).message}`);
      exit = 2;
    }
  }
  write(['no drift: the brokers hold the declared objects', 'drift found', 'some checks could not run'][exit]);
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
  return {
    mq: new MqClient(settings),
    kms: new KMSClient(settings),
    cloudwatch: new CloudWatchClient(settings),
    cloudformation: new CloudFormationClient(settings),
    secretsManager: new SecretsManagerClient(settings),
  };
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
