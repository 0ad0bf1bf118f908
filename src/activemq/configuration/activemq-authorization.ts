import { ActiveMqDestination } from './activemq-destination';

/**
 * Which groups may read, write and administer (create) the destinations a pattern matches
 * (`<authorizationEntry>`). Groups come from the broker's users (simple authentication) or LDAP.
 */
export interface ActiveMqAuthorizationEntry {
  /** The destinations (patterns allowed). */
  readonly destination: ActiveMqDestination;
  /**
   * Groups that may consume and browse.
   * @default - none
   */
  readonly read?: string[];
  /**
   * Groups that may send.
   * @default - none
   */
  readonly write?: string[];
  /**
   * Groups that may create the destination (needed for auto-creation on first use).
   * @default - none
   */
  readonly admin?: string[];
}

/** Which groups may use temporary destinations (`<tempDestinationAuthorizationEntry>`). */
export interface ActiveMqTempDestinationAuthorization {
  /** @default - none */
  readonly read?: string[];
  /** @default - none */
  readonly write?: string[];
  /** @default - none */
  readonly admin?: string[];
}
