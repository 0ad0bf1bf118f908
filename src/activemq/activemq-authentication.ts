import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { passwordReference } from '../broker/broker-user-secret';

/**
 * LDAP server settings for ActiveMQ LDAP authentication.
 */
export interface ActiveMqLdapOptions {
  /** LDAP server hosts (DNS names, without protocol or port); Amazon MQ connects over LDAPS. */
  readonly hosts: string[];
  /** Distinguished name of the node that holds the users, for example `ou=Users,dc=corp,dc=example,dc=com`. */
  readonly userBase: string;
  /** LDAP search filter for users, for example `(uid={0})`. */
  readonly userSearchMatching: string;
  /** Distinguished name of the node that holds the groups, for example `ou=Groups,dc=corp,dc=example,dc=com`. */
  readonly roleBase: string;
  /** LDAP search filter for a user's groups, for example `(member:=uid={1})`. */
  readonly roleSearchMatching: string;
  /** The service account that binds to the LDAP server. */
  readonly serviceAccountUsername: string;
  /** Secret whose JSON key `password` holds the service account's password; the template holds only a reference. */
  readonly serviceAccountPassword: secretsmanager.ISecret;
  /**
   * LDAP attribute that holds a group's name.
   * @default - Amazon MQ's default
   */
  readonly roleName?: string;
  /**
   * Search the whole subtree below `roleBase`.
   * @default false
   */
  readonly roleSearchSubtree?: boolean;
  /**
   * LDAP attribute of a user that holds its group names.
   * @default - Amazon MQ's default
   */
  readonly userRoleName?: string;
  /**
   * Search the whole subtree below `userBase`.
   * @default false
   */
  readonly userSearchSubtree?: boolean;
}

/**
 * How clients of an ActiveMQ broker authenticate.
 */
export class ActiveMqAuthentication {
  /** Users defined on the broker (`users` / `addUser()`); the default. */
  public static simple(): ActiveMqAuthentication {
    return new ActiveMqAuthentication('SIMPLE');
  }

  /** Users and groups from an LDAP server. */
  public static ldap(options: ActiveMqLdapOptions): ActiveMqAuthentication {
    return new ActiveMqAuthentication('LDAP', options);
  }

  private constructor(
    /** `SIMPLE` or `LDAP`, the broker's `AuthenticationStrategy`. */
    public readonly strategy: string,
    /** LDAP settings, for LDAP authentication. */
    public readonly ldapOptions?: ActiveMqLdapOptions,
  ) {}

  /** Whether the broker holds the users (simple authentication), so it gets an admin user by default. @internal */
  public get _usersOnBroker(): boolean {
    return this.strategy === 'SIMPLE';
  }

  /** The broker's `LdapServerMetadata`, the service account's password as a dynamic reference. @internal */
  public _renderLdap(): CfnBroker.LdapServerMetadataProperty | undefined {
    const ldap = this.ldapOptions;
    return ldap && {
      hosts: ldap.hosts,
      userBase: ldap.userBase,
      userSearchMatching: ldap.userSearchMatching,
      roleBase: ldap.roleBase,
      roleSearchMatching: ldap.roleSearchMatching,
      serviceAccountUsername: ldap.serviceAccountUsername,
      serviceAccountPassword: passwordReference(ldap.serviceAccountPassword),
      roleName: ldap.roleName,
      roleSearchSubtree: ldap.roleSearchSubtree,
      userRoleName: ldap.userRoleName,
      userSearchSubtree: ldap.userSearchSubtree,
    };
  }
}
