import { Duration, Token } from 'aws-cdk-lib';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { MqEventSourceOptions } from './mq-event-source-options';
import { isKnown, Rule } from '../private/rules';

/** Event source mapping limits for Amazon MQ (mq-facts F-ESM2..F-ESM4). */
const MAX_BATCH_SIZE = 10_000;
const MAX_WINDOW = Duration.minutes(5);
const MAX_QUEUE_NAME = 1000;
const VIRTUAL_HOST = /^[a-zA-Z0-9\-/*:_+=.@]{1,200}$/;

/** What the event source rule reads: the options, the virtual host for RabbitMQ, and the broker's sign-in when known. */
export interface EventSourceSpec extends MqEventSourceOptions {
  readonly virtualHost?: string;
  /** ActiveMQ: the broker's authentication strategy (`SIMPLE` or `LDAP`), when the broker is made in the app. */
  readonly activeMqAuthentication?: string;
  /** RabbitMQ: whether the broker takes user name and password sign-ins (PLAIN), when the broker is made in the app. */
  readonly rabbitMqPasswords?: boolean;
  /** The broker's region and the function's, each possibly a token. */
  readonly brokerRegion: string;
  readonly functionRegion: string;
  readonly engine: 'ActiveMQ' | 'RabbitMQ';
  /** The secret the mapping signs in with: `credentials`, or the broker's default user's when it is made in the app. */
  readonly signInSecret?: ISecret;
}

export const MQ_EVENT_SOURCE_RULES: ReadonlyArray<Rule<EventSourceSpec>> = [
  {
    id: 'MqEventSourceLimits',
    fact: 'F-ESM2..F-ESM4',
    summary: 'one queue of 1-1000 characters, batch size 1-10000, batching window at most 5 minutes, a virtual host of 1-200 characters of `A-Za-z0-9-/*:_+=.@`',
    check: (s) => {
      const problems: string[] = [];
      if (isKnown(s.queue) && (s.queue.length < 1 || s.queue.length > MAX_QUEUE_NAME)) {
        problems.push(`'queue' '${s.queue}' is not allowed; allowed: 1-${MAX_QUEUE_NAME} characters`);
      }
      const batch = s.batchSize;
      if (batch !== undefined && isKnown(batch) && (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH_SIZE)) {
        problems.push(`'batchSize' ${batch} is not allowed; allowed: a whole number from 1 to ${MAX_BATCH_SIZE}`);
      }
      const window = s.maxBatchingWindow;
      if (window && !Token.isUnresolved(window.toSeconds()) && window.toSeconds() > MAX_WINDOW.toSeconds()) {
        problems.push(`'maxBatchingWindow' ${window.toHumanString()} is not allowed; allowed: at most 5 minutes`);
      }
      if (s.virtualHost !== undefined && isKnown(s.virtualHost) && !VIRTUAL_HOST.test(s.virtualHost)) {
        problems.push(`'virtualHost' '${s.virtualHost}' is not allowed; allowed: 1-200 characters of A-Z, a-z, 0-9 and - / * : _ + = . @ (what event source mappings accept)`);
      }
      return problems;
    },
  },
  {
    id: 'MqEventSourceRegion',
    fact: 'F-ESM1',
    summary: 'the function and the broker in one region (an event source mapping reads a broker of its own region)',
    check: (s) => isKnown(s.brokerRegion) && isKnown(s.functionRegion) && s.brokerRegion !== s.functionRegion
      ? `the broker is in ${s.brokerRegion} and the function in ${s.functionRegion}; allowed: a function in the broker's region (event source mappings do not cross regions)`
      : undefined,
  },
  {
    id: 'MqEventSourceAuthentication',
    fact: 'F-ESM7',
    summary: 'event sources sign in with a user name and password: ActiveMQ brokers with simple authentication (not LDAP), RabbitMQ brokers that take PLAIN sign-ins (not certificate-only)',
    check: (s) => {
      if (s.activeMqAuthentication === 'LDAP') {
        return 'the broker\'s authentication LDAP is not allowed: Lambda event sources sign in through ActiveMQ\'s simple authentication only; allowed: a broker with ActiveMqAuthentication.simple()';
      }
      if (s.rabbitMqPasswords === false) {
        return 'the broker\'s certificate-only authentication is not allowed: Lambda event sources sign in with PLAIN (user name and password) only; allowed: RabbitMqAuthentication.certificate({ passwords: true, ... }) or another method';
      }
      return undefined;
    },
  },
  {
    id: 'MqEventSourceCredentials',
    fact: 'F-ESM3',
    summary: 'a secret to sign in with (`BASIC_AUTH`): `credentials`, required for imported brokers and ActiveMQ brokers without users (a broker made in the app lends its first user or its admin)',
    check: (s) => s.signInSecret === undefined
      ? `'credentials' is missing; allowed: a secret with username and password (required for imported brokers${s.engine === 'ActiveMQ' ? ' and brokers without users' : ''})`
      : undefined,
  },
];
