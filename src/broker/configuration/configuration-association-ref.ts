import { IResource } from 'aws-cdk-lib';

/**
 * A configuration association (`AWS::AmazonMQ::ConfigurationAssociation`), as `associateWith()` returns it: an
 * interface, so a configuration depends on no association class (and the association class on no configuration).
 */
export interface IBrokerConfigurationAssociation extends IResource {
  /**
   * The association's ID.
   * @attribute
   */
  readonly associationId: string;
}

/** Options of `configuration.associateWith(broker)`. */
export interface AssociateOptions {
  /**
   * Reboot the broker to apply the configuration now.
   * @default false
   */
  readonly applyImmediately?: boolean;
}
