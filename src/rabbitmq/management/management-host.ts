import { RemovalPolicy } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { AMAZON_MQ_MONITORING_USER } from './objects/amazon-mq-owned';
import { ManagedBrokerFacts } from './objects/object-descriptor';
import { ManagedBrokerAccess, RabbitMqManagementProvider } from './rabbitmq-management-provider';
import { validateRules } from '../../private/rules';
import type { IRabbitMqBroker } from '../rabbitmq-broker-ref';
import { MANAGEMENT_BROKER_RULES } from '../rules/management-access';

/** What a broker, made here or imported, tells the management constructs about itself. */
export interface ManagementHostProps {
  /** The management API's endpoint, admin secret and network; read when the first object is made. */
  readonly access: () => ManagedBrokerAccess;
  /** The admin's name, which addUser() must not take. @default - unknown (an imported broker) */
  readonly adminUsername?: string;
  /** What the broker's virtual hosts do by default when they leave the app or the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  /** @default - unknown: version-gated keys are not checked */
  readonly engineVersion?: string;
  /** Whether the broker's configuration lets the management API edit operator policies (undefined: unknown). */
  readonly operatorPoliciesAllowed: () => boolean | undefined;
  /** Makes the broker allow operator policies, returning what they must wait for (a reboot). */
  readonly allowOperatorPolicies: () => IDependable | undefined;
}

/**
 * The management side of one broker: the names its virtual hosts and users take (users are broker-wide), and the
 * one provider that applies its objects, created with the first. Kept by the broker, so imported brokers have one too.
 */
export class ManagementHost {
  /** The broker's virtual hosts defined in this app, for the limits on their number and their queues'. */
  public readonly virtualHosts: Array<{ readonly name: string; readonly _queueCount: number }> = [];
  private readonly usernames = new Set<string>();
  private readonly userObjects = new Map<string, IDependable>();
  private provider?: RabbitMqManagementProvider;

  constructor(private readonly broker: Construct, private readonly props: ManagementHostProps) {}

  /** The broker (made here or imported): the scope of its management and rotation functions. */
  public get brokerScope(): Construct {
    return this.broker;
  }

  public get removalPolicy(): RemovalPolicy {
    return this.props.removalPolicy;
  }

  /** What the rules know of the broker. */
  public facts(): ManagedBrokerFacts {
    return {
      engineVersion: this.props.engineVersion,
      reservedUsernames: [AMAZON_MQ_MONITORING_USER, ...this.props.adminUsername !== undefined ? [this.props.adminUsername] : []],
      operatorPoliciesAllowed: this.props.operatorPoliciesAllowed(),
    };
  }

  public hasVirtualHost(name: string): boolean {
    return this.virtualHosts.some((v) => v.name === name);
  }

  public addVirtualHost(vhost: { readonly name: string; readonly _queueCount: number }): void {
    this.virtualHosts.push(vhost);
  }

  /** Records a user; false when the broker already has one of that name (two definitions would fight over it). */
  public claimUser(username: string): boolean {
    const free = !this.usernames.has(username);
    this.usernames.add(username);
    return free;
  }

  /** Remembers the object that creates a user, for what must wait for the user (its topic permissions). */
  public addUserObject(username: string, object: IDependable): void {
    this.userObjects.set(username, object);
  }

  /** The object that creates this user, when this app defines the user. */
  public userObject(username: string): IDependable | undefined {
    return this.userObjects.get(username);
  }

  public allowOperatorPolicies(): IDependable | undefined {
    return this.props.allowOperatorPolicies();
  }

  /** The management API's endpoint, admin secret and network; throws the broker's own error without an admin secret. */
  public access(): ManagedBrokerAccess {
    return this.props.access();
  }

  /** Throws the broker's own error when the management API cannot be reached as its admin (no admin secret). */
  public checkAccess(): void {
    this.access();
  }

  /** The provider that applies the broker's objects (construct ID `Management` under the broker). */
  public managementProvider(): RabbitMqManagementProvider {
    this.provider ??= new RabbitMqManagementProvider(this.broker, 'Management', this.access());
    return this.provider;
  }
}

/** The management side of a broker of this library; another implementation of IRabbitMqBroker has none. */
export function managementHostOf(broker: IRabbitMqBroker, scope: Construct): ManagementHost {
  const host = (broker as { _managementHost?: () => ManagementHost })._managementHost?.();
  validateRules(scope, 'RabbitMQ management', MANAGEMENT_BROKER_RULES, { managed: host !== undefined });
  return host!;
}
