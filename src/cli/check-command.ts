/**
 * cdk-amazon-mq-check: reports on deployed Amazon MQ brokers after a deploy. Exit code 0 when nothing needs action,
 * 1 when something does, 2 when the check itself could not run.
 *
 *   cdk-amazon-mq-check --broker b-1234... [--broker arn:aws:mq:...:broker:name:b-5678...] [--region us-east-1]
 *   cdk-amazon-mq-check --assembly cdk.out --region us-east-1
 */
/* eslint-disable import/no-extraneous-dependencies */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { KMSClient } from '@aws-sdk/client-kms';
import { MqClient } from '@aws-sdk/client-mq';
/* eslint-enable import/no-extraneous-dependencies */
import { brokerNamesInAssembly } from './assembly';
import { brokerIdsByName, checkBroker, CheckClients, CheckError, Finding } from './broker-check';

const USAGE = 'usage: cdk-amazon-mq-check (--broker <id|arn>)... | --assembly <cdk.out dir>  [--region <region>]';

export interface CheckArgs {
  readonly brokers: string[];
  readonly assembly?: string;
  readonly region?: string;
}

export function parseArgs(argv: string[]): CheckArgs {
  const brokers: string[] = [];
  let assembly: string | undefined;
  let region: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--broker': brokers.push(required(argv[i], value)); i++; break;
      case '--assembly': assembly = required(argv[i], value); i++; break;
      case '--region': region = required(argv[i], value); i++; break;
      default: throw new CheckError(`unknown argument '${argv[i]}'\n${USAGE}`);
    }
  }
  if (brokers.length === 0 && !assembly) {
    throw new CheckError(USAGE);
  }
  return { brokers, assembly, region };
}

function required(flag: string, value: string | undefined): string {
  if (!value || value.startsWith('--')) {
    throw new CheckError(`${flag} needs a value\n${USAGE}`);
  }
  return value;
}

const MARK: Record<Finding['severity'], string> = { ok: 'OK    ', info: 'INFO  ', action: 'ACTION' };

/** Runs the check, writing a line per finding; returns the exit code. */
export async function runCheck(args: CheckArgs, clients: CheckClients, write: (line: string) => void): Promise<number> {
  try {
    const ids = [...args.brokers];
    let exit = 0;
    if (args.assembly) {
      const names = brokerNamesInAssembly(args.assembly);
      const { ids: found, missing } = await brokerIdsByName(clients, names);
      ids.push(...found);
      for (const name of missing) {
        write(`ACTION ${name}: not found in this account and region (deployed?)`);
        exit = 1;
      }
    }
    for (const id of ids) {
      for (const finding of await checkBroker(clients, id)) {
        write(`${MARK[finding.severity]} ${finding.broker}: ${finding.message}`);
        if (finding.severity === 'action') {
          exit = 1;
        }
      }
    }
    write(exit === 0 ? 'nothing needs action' : 'something needs action');
    return exit;
  } catch (e) {
    write(`ERROR  ${e instanceof CheckError ? e.message : (e as Error).message}`);
    return 2;
  }
}

/** The SDK clients for a region (endpoints may be overridden with AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>). */
function defaultClients(region?: string): CheckClients {
  const config = { region, maxAttempts: 2 };
  return { mq: new MqClient(config), kms: new KMSClient(config), cloudwatch: new CloudWatchClient(config) };
}

if (require.main === module) {
  let args: CheckArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  void runCheck(args, defaultClients(args.region), (line) => console.log(line)).then((code) => process.exit(code));
}
