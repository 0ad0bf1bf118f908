import { CustomResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ManagementHost, managementHostOf } from './management-host';
import { MANAGEMENT_OBJECT_RULES } from './management-object-rules';
import { RABBITMQ_OBJECT_TYPE } from './object-type';
import { requireProps } from '../../private/required';
import { validateRules } from '../../private/rules';
import type { IRabbitMqBroker } from '../rabbitmq-broker-ref';
import type { ManagementProperties } from './management-handler';
import type { IRabbitMqVirtualHost } from './rabbitmq-virtual-host-ref';

/** Props of an object applied through the RabbitMQ management API. */
export interface RabbitMqManagementObjectProps {
  /** The broker: made in this app, or imported with its admin secret. */
  readonly broker: IRabbitMqBroker;
  /**
   * The path under `/api/`, as segments (each is URI-encoded here), e.g. `['parameters', 'shovel', 'orders', 'archive']`.
   */
  readonly pathSegments: string[];
  /** The JSON body. @default - none */
  readonly body?: { [key: string]: any };
  /**
   * `PUT` for objects with a name; `POST` for bindings (deleted by matching their key and arguments).
   * @default 'PUT'
   */
  readonly method?: string;
  /**
   * Secrets whose values the body refers to, as `{{secret:<index>:<key>}}` (raw) or `{{secret-uri:<index>:<key>}}`
   * (URI-encoded): read at deploy time, never in the template.
   * @default - none
   */
  readonly secrets?: secretsmanager.ISecret[];
  /**
   * What happens to the object when it leaves the app or the stack is deleted.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * What the object is, for messages; the typed kinds (`queue`, `binding`, ...) also tell the handler how the object is
   * identified. With any other kind, `POST` identifies the object as a binding.
   * @default 'object'
   */
  readonly kind?: string;
  /**
   * The virtual host the object lives in: it is applied after the virtual host, deleted before it, and counts as
   * deleted once the virtual host is gone.
   * @default - none: a broker-wide object, or one in a virtual host this app does not declare
   */
  readonly virtualHost?: IRabbitMqVirtualHost;
}

/**
 * Any object of the RabbitMQ management API, applied at deploy time by `Custom::AmazonMqRabbitMqObject`: PUT (or
 * POST) on create and update, DELETE on removal unless retained. The escape hatch under the typed virtual host API.
 *
 * @example
 * declare const broker: RabbitMqBroker;
 * new RabbitMqManagementObject(this, 'VhostLimits', {
 *   broker,
 *   pathSegments: ['vhost-limits', 'orders', 'max-queues'],
 *   body: { value: 500 },
 * });
 */
export class RabbitMqManagementObject extends Construct {
  /** The object's API path. */
  public readonly path: string;
  /** The custom resource, to add dependencies on or from. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: RabbitMqManagementObjectProps) {
    super(scope, id);
    requireProps(this, props);
    let host: ManagementHost;
    try {
      validateRules(this, 'RabbitMqManagementObject', MANAGEMENT_OBJECT_RULES, props);
      host = managementHostOf(props.broker, this);
    } catch (e) {
      scope.node.tryRemoveChild(id);
      throw e;
    }
    const method = props.method ?? 'PUT';
    const provider = host.managementProvider();
    for (const secret of props.secrets ?? []) {
      secret.grantRead(provider.onEventRole);
    }
    this.path = `/api/${props.pathSegments.map(encodeURIComponent).join('/')}`;
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: RABBITMQ_OBJECT_TYPE,
      properties: {
        Endpoint: provider.endpoint,
        AdminSecretArn: provider.adminSecretArn,
        Kind: props.kind ?? 'object',
        Path: this.path,
        Method: method,
        Body: props.body && Stack.of(this).toJsonString(props.body),
        Secrets: props.secrets?.map((s) => s.secretArn),
        OnDelete: (props.removalPolicy ?? RemovalPolicy.DESTROY) === RemovalPolicy.DESTROY ? 'delete' : 'retain',
        VirtualHostPath: props.virtualHost && `/api/vhosts/${encodeURIComponent(props.virtualHost.name)}`,
        // Only when true: objects of other brokers keep their properties (no Update on upgrade). Another stack's
        // broker is not deleted with this one.
        BrokerDeletedWithStack: provider.deletedWithStack && Stack.of(provider) === Stack.of(this) ? 'true' : undefined,
      } satisfies ManagementProperties,
    });
    // The function may read the secrets before it runs.
    this.resource.node.addDependency(provider.onEventRole);
    // A RabbitMqVirtualHost's own object is its default child.
    const virtualHostObject = props.virtualHost?.node.defaultChild;
    if (virtualHostObject) {
      this.resource.node.addDependency(virtualHostObject);
    }
  }
}
