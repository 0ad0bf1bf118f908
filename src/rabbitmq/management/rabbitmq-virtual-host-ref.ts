import { IConstruct } from 'constructs';

/**
 * A virtual host of a RabbitMQ broker, as the objects in it see it (the escape hatch's `virtualHost`): apart from
 * the class, so an object does not import the virtual host that creates objects.
 */
export interface IRabbitMqVirtualHost extends IConstruct {
  /** The virtual host's name. */
  readonly name: string;
}
