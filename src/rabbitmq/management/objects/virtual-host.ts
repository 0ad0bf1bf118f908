import { RemovalPolicy } from 'aws-cdk-lib';
import { ObjectDescriptor } from './object-descriptor';

/** Options of a virtual host. */
export interface RabbitMqVirtualHostOptions {
  /** @default - none */
  readonly description?: string;
  /**
   * What happens to the virtual host when it leaves the app or the stack is deleted; one that still holds queues is
   * kept in any case (README, "What each removal policy keeps"). `/` is always kept.
   * @default - the broker's removal policy; RETAIN on an imported broker
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** A virtual host: `PUT /api/vhosts/<name>`; the virtual host construct gives it the broker's removal policy by default. */
export const VIRTUAL_HOST: ObjectDescriptor<RabbitMqVirtualHostOptions> = {
  kind: 'virtual host',
  idPrefix: 'VirtualHost',
  brokerWide: true,
  rules: [],
  render: (_vhost, name, options) => ({
    pathSegments: ['vhosts', name],
    body: { description: options.description ?? '' },
    removalPolicy: name !== '/' && options.removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    // Deleting a virtual host deletes its queues, also those the app never declared: the handler looks first.
    properties: { KeepIfQueuesIn: `/api/queues/${encodeURIComponent(name)}` },
  }),
};
