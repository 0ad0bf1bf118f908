import { Fn, Token } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Rule } from '../../../private/rules';

// Shovels and federation upstreams connect to other brokers by URI: the same rule and the same credentials.

/** What the rule reads of a shovel end. */
interface RemoteEnd {
  readonly protocol?: string;
  readonly uri?: string;
  readonly credentials?: secretsmanager.ISecret;
  readonly queue?: string;
  readonly exchange?: string;
  readonly address?: string;
}

function uriProblem(label: string, uri: string | undefined): string | undefined {
  if (uri === undefined || Token.isUnresolved(uri)) {
    return undefined;
  }
  const allowed = 'allowed: amqps://host[:port][/vhost] without credentials (they come from the credentials secret at deploy time)';
  const match = /^amqps?:\/\/[^@/:]+(?::(\d+))?(\/.*)?$/.exec(uri);
  if (!match) {
    return `'${label}' '${uri}' is not allowed; ${allowed}`;
  }
  // RabbitMQ 4.0.5 refuses these with a 400 that quotes the URI, credentials filled in.
  if (match[1] !== undefined && (Number(match[1]) < 1 || Number(match[1]) > 65535)) {
    return `'${label}' '${uri}' port ${match[1]} is not allowed; allowed: a port from 1 to 65535`;
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(uri)) {
    return `'${label}' '${uri}' has a '%' that is not a percent-encoded byte; allowed: %XX with two hexadecimal digits (encode a '%' in a virtual host name as %25)`;
  }
  return undefined;
}

function endProblems(label: string, end: RemoteEnd): string[] {
  const problems: string[] = [];
  if (end.protocol === 'amqp10') {
    // RabbitMQ 4.0.5 refuses src-queue on an AMQP 1.0 end ("Unrecognised terms"), and wants src-address.
    if (end.queue !== undefined || end.exchange !== undefined || end.address === undefined) {
      problems.push(`'${label}' with protocol 'amqp10' names ${end.address === undefined ? 'no address' : 'a queue or an exchange'}; allowed: an address (such as '/queues/<name>'), no queue or exchange`);
    }
    if (end.uri === undefined) {
      problems.push(`'${label}.uri' is missing: an AMQP 1.0 end connects over the network, also to this broker; allowed: amqps://host[:port]/?hostname=vhost:<name>`);
    }
  } else if ((end.queue === undefined) === (end.exchange === undefined)) {
    problems.push(`'${label}' names ${end.queue === undefined ? 'neither' : 'both'} a queue and an exchange; allowed: exactly one of queue or exchange`);
  } else if (end.address !== undefined) {
    problems.push(`'${label}.address' is not allowed with protocol '${end.protocol ?? 'amqp091'}'; allowed: an address on an amqp10 end only`);
  }
  const uri = uriProblem(`${label}.uri`, end.uri);
  if (uri) {
    problems.push(uri);
  }
  if (end.uri && !end.credentials) {
    problems.push(`'${label}.credentials' is missing: a remote broker needs a user; allowed: a secret with username and password`);
  }
  return problems;
}

/** A shovel's two ends, or a federation upstream's URI. */
type RemoteOptions = { readonly source?: RemoteEnd; readonly destination?: RemoteEnd; readonly uri?: string };

export const REMOTE_ENDS_RULE: Rule<{ readonly options: RemoteOptions }> = {
  id: 'RabbitMqShovelEnds',
  fact: 'Amazon MQ plugins page',
  summary: 'shovels (dynamic only) and federation upstreams: each shovel end names a queue or an exchange, not both (an AMQP 1.0 end: an address and a URI instead); remote URIs carry no credentials, which come from a secret',
  check: ({ options }) => [
    ...options.source ? endProblems('source', options.source) : [],
    ...options.destination ? endProblems('destination', options.destination) : [],
    ...[uriProblem('uri', options.uri)].filter((p): p is string => p !== undefined),
  ],
};

/** The URI with the secret's credentials after its scheme, filled in at deploy time. */
export function withCredentials(uri: string, secretIndex: number): string {
  const credentials = `{{secret-uri:${secretIndex}:username}}:{{secret-uri:${secretIndex}:password}}@`;
  if (Token.isUnresolved(uri)) {
    // Another broker's endpoint (`amqps://b-....amazonaws.com:5671`, maybe with a vhost after it), known only at
    // deploy: CloudFormation puts the credentials after its `://`.
    const parts = Fn.split('://', uri, 2);
    return Fn.join('', [Fn.select(0, parts), '://', credentials, Fn.select(1, parts)]);
  }
  return uri.replace(/^(amqps?:\/\/)/, `$1${credentials}`);
}
