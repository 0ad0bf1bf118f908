import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/**
 * TLS files for RabbitMQ's connections to an LDAP or HTTP server, as ARNs Amazon MQ resolves (`aws.arns.*`): an S3
 * object (`arn:<partition>:s3:::<bucket>/<key>`) or a Secrets Manager secret in the broker's region.
 */
export interface RabbitMqTlsFiles {
  /**
   * The certificate authority of the server's certificate.
   * @default - the public CAs the broker trusts
   */
  readonly caCertificateArn?: string;
  /**
   * The client certificate, for mutual TLS.
   * @default - no client certificate
   */
  readonly clientCertificateArn?: string;
  /**
   * The client certificate's private key, for mutual TLS.
   * @default - no client certificate
   */
  readonly clientKeyArn?: string;
}

/** A scope (or IAM role ARN) of your provider's tokens and the RabbitMQ scopes it stands for. */
export interface RabbitMqScopeAlias {
  /** The scope as the token carries it, for example `rabbitmq/read:all`, or an IAM role ARN with `iam()`. */
  readonly alias: string;
  /** The RabbitMQ scopes it grants, for example `rabbitmq/read:*\/*` (with the scope prefix). */
  readonly scopes: string[];
}

/** OAuth 2.0: clients present a JWT as the password. */
export interface RabbitMqOAuth2Options {
  /** The audience RabbitMQ expects in tokens, and the default prefix of its scopes (`<id>.read:*\/*`). */
  readonly resourceServerId: string;
  /**
   * The identity provider's issuer URL (https); RabbitMQ discovers the signing keys from it.
   * @default - none: give `jwksUrl`
   */
  readonly issuer?: string;
  /**
   * The URL of the provider's JSON Web Key Set (https).
   * @default - discovered from `issuer`
   */
  readonly jwksUrl?: string;
  /**
   * The prefix of RabbitMQ scopes in tokens.
   * @default - `<resourceServerId>.`
   */
  readonly scopePrefix?: string;
  /**
   * A token claim holding more scopes (for example `roles` or `groups`).
   * @default - only the `scope` claim
   */
  readonly additionalScopesKey?: string;
  /**
   * Claims that name the user, in order of preference.
   * @default - RabbitMQ's default (`sub`, then `client_id`)
   */
  readonly preferredUsernameClaims?: string[];
  /**
   * Provider scopes that stand for RabbitMQ scopes (`auth_oauth2.scope_aliases.N.*`): for providers whose scope names
   * cannot hold `*` or `/`, such as Amazon Cognito.
   * @default - none
   */
  readonly scopeAliases?: RabbitMqScopeAlias[];
  /**
   * Whether tokens must name `resourceServerId` in `aud`; Amazon Cognito access tokens carry no audience.
   * @default true
   */
  readonly verifyAudience?: boolean;
  /**
   * The OAuth 2.0 client ID of the management UI; set to sign in to the console through the provider.
   * @default - the console accepts no OAuth 2.0 sign-in
   */
  readonly managementClientId?: string;
  /**
   * Also accept users of RabbitMQ's internal database (the admin user, and users made through the management API).
   * @default false
   */
  readonly internalUsers?: boolean;
}

/**
 * IAM through OAuth 2.0 (RabbitMQ 3.13, 4.2+): clients present a JWT that AWS STS issues to an IAM principal
 * (`sts:GetWebIdentityToken`) once IAM outbound web identity federation is on in the account.
 */
export interface RabbitMqIamOptions {
  /**
   * The account's token issuer, as `aws iam enable-outbound-web-identity-federation` returns it:
   * `https://<id>.tokens.sts.global.api.aws`.
   */
  readonly issuer: string;
  /** The audience clients request their tokens for, and the default prefix of RabbitMQ scopes. */
  readonly resourceServerId: string;
  /**
   * IAM roles (`alias`: the role ARN) and the RabbitMQ scopes their tokens get. STS nests its claims under
   * `sts.amazonaws.com`, so the token's subject, the role, is mapped to scopes here (Developer Guide, IAM tutorial).
   */
  readonly roleScopes: RabbitMqScopeAlias[];
  /**
   * Also accept users of RabbitMQ's internal database.
   * @default false
   */
  readonly internalUsers?: boolean;
}

/** Where the permissions of LDAP users come from. */
export enum RabbitMqLdapPermissions {
  /**
   * The directory, through the LDAP plugin's queries. Without `auth_ldap.queries.*` settings in the configuration
   * data, RabbitMQ's defaults let every authenticated directory user use every virtual host and resource.
   */
  DIRECTORY = 'DIRECTORY',
  /**
   * RabbitMQ's internal permissions (`auth_backends.1.authz = internal`): the directory authenticates, and a user may
   * do only what the management API granted that user name (for example through `RabbitMqVirtualHost.grant`).
   */
  INTERNAL = 'INTERNAL',
}

/** LDAP: RabbitMQ binds to your directory over TLS. */
export interface RabbitMqLdapOptions {
  /** The directory servers' host names (no scheme, no port); reachable from the broker. */
  readonly servers: string[];
  /**
   * The LDAPS port.
   * @default 636
   */
  readonly port?: number;
  /**
   * How a user name becomes a DN, with `${username}`, for example `cn=${username},ou=users,dc=example,dc=com`.
   * @default - found by a lookup under `dnLookupBase`
   */
  readonly userDnPattern?: string;
  /**
   * Where to look users up, with `dnLookupAttribute`.
   * @default - no lookup: give `userDnPattern`
   */
  readonly dnLookupBase?: string;
  /**
   * The attribute that holds the user name, for lookups.
   * @default - none
   */
  readonly dnLookupAttribute?: string;
  /**
   * The DN RabbitMQ binds as to look users up.
   * @default - binds as the user
   */
  readonly lookupBindDn?: string;
  /**
   * The password of `lookupBindDn`: a secret whose whole value is the password (not JSON). Amazon MQ reads it
   * through the role this library creates; the configuration holds only its ARN.
   * @default - none
   */
  readonly lookupBindPassword?: secretsmanager.ISecret;
  /**
   * Where directory users' permissions come from.
   * @default RabbitMqLdapPermissions.DIRECTORY
   */
  readonly permissions?: RabbitMqLdapPermissions;
  /**
   * TLS files for the connection to the directory.
   * @default - the public CAs the broker trusts, no client certificate
   */
  readonly tls?: RabbitMqTlsFiles;
  /**
   * Also accept users of RabbitMQ's internal database.
   * @default false
   */
  readonly internalUsers?: boolean;
}

/** HTTP: RabbitMQ asks your HTTPS service whether a user may connect and act (RabbitMQ 4+). */
export interface RabbitMqHttpOptions {
  /** The https URL that authenticates users. */
  readonly userPath: string;
  /** The https URL that authorizes virtual host access. */
  readonly vhostPath: string;
  /** The https URL that authorizes resource access. */
  readonly resourcePath: string;
  /** The https URL that authorizes topic access. */
  readonly topicPath: string;
  /**
   * TLS files for the connection to the HTTP service.
   * @default - the public CAs the broker trusts, no client certificate
   */
  readonly tls?: RabbitMqTlsFiles;
  /**
   * Also accept users of RabbitMQ's internal database.
   * @default false
   */
  readonly internalUsers?: boolean;
}

/** Which part of a client certificate names the user (`ssl_cert_login_from`). */
export enum RabbitMqCertificateLogin {
  /** The whole subject, for example `CN=orders-service,O=Example`. */
  DISTINGUISHED_NAME = 'distinguished_name',
  /** The subject's common name, for example `orders-service`. */
  COMMON_NAME = 'common_name',
}

/** Client certificates (mutual TLS, RabbitMQ 4+): clients sign in with an X.509 certificate instead of a password. */
export interface RabbitMqCertificateOptions {
  /** The CA that signs client certificates, as an S3 object or Secrets Manager ARN (`aws.arns.ssl_options.cacertfile`). */
  readonly caCertificateArn: string;
  /**
   * Which part of the certificate is the user name; the user must exist in the internal database (its permissions
   * apply, its password is not needed).
   * @default RabbitMqCertificateLogin.DISTINGUISHED_NAME (RabbitMQ's default)
   */
  readonly loginFrom?: RabbitMqCertificateLogin;
  /**
   * Also accept user name and password sign-ins (PLAIN); otherwise a client without a certificate is refused.
   * @default false
   */
  readonly passwords?: boolean;
}

/**
 * How clients of a RabbitMQ broker authenticate: the internal user database (SIMPLE), or, through the broker's
 * configuration (CONFIG_MANAGED), OAuth 2.0, LDAP or an HTTP service, each optionally with internal users.
 */
export class RabbitMqAuthentication {
  /** Users in RabbitMQ's internal database: the admin user, and users made through the management API. */
  public static simple(): RabbitMqAuthentication {
    return new RabbitMqAuthentication('simple', {});
  }

  /** OAuth 2.0 (RabbitMQ 3.13+): clients present a JWT from your identity provider. */
  public static oauth2(options: RabbitMqOAuth2Options): RabbitMqAuthentication {
    return new RabbitMqAuthentication('oauth2', { oauth2: options });
  }

  /** IAM principals, through OAuth 2.0 with AWS STS as the identity provider (RabbitMQ 3.13, 4.2+). */
  public static iam(options: RabbitMqIamOptions): RabbitMqAuthentication {
    // As the Developer Guide's IAM tutorial configures it: the JWKS under the issuer, the subject as scopes, aliases
    // from role ARNs to RabbitMQ scopes.
    return new RabbitMqAuthentication('iam', {
      oauth2: {
        resourceServerId: options.resourceServerId,
        issuer: options.issuer,
        jwksUrl: `${options.issuer}/.well-known/jwks.json`,
        scopePrefix: `${options.resourceServerId}/`,
        additionalScopesKey: 'sub',
        scopeAliases: options.roleScopes,
        internalUsers: options.internalUsers,
      },
    });
  }

  /** LDAP over TLS against your directory. */
  public static ldap(options: RabbitMqLdapOptions): RabbitMqAuthentication {
    return new RabbitMqAuthentication('ldap', { ldap: options });
  }

  /**
   * Client certificates (RabbitMQ 4+): users of the internal database sign in with a certificate their CA signed.
   * The admin user is kept.
   */
  public static certificate(options: RabbitMqCertificateOptions): RabbitMqAuthentication {
    return new RabbitMqAuthentication('certificate', { certificate: options });
  }

  /** An HTTP service of yours (RabbitMQ 4+). */
  public static http(options: RabbitMqHttpOptions): RabbitMqAuthentication {
    return new RabbitMqAuthentication('http', { http: options });
  }

  /** `SIMPLE`, or `CONFIG_MANAGED` for the methods set in the configuration. */
  public readonly strategy: string;
  /** Whether internal users (the admin user among them) can sign in. */
  public readonly internalUsers: boolean;

  private constructor(
    /** `simple`, `oauth2`, `iam`, `ldap`, `http` or `certificate`. */
    public readonly method: string,
    private readonly options: {
      oauth2?: RabbitMqOAuth2Options; ldap?: RabbitMqLdapOptions; http?: RabbitMqHttpOptions; certificate?: RabbitMqCertificateOptions;
    },
  ) {
    this.strategy = method === 'simple' ? 'SIMPLE' : 'CONFIG_MANAGED';
    // Certificates name internal users: the internal database stays the backend.
    this.internalUsers = method === 'simple' || method === 'certificate' || (this.oauth2Options ?? this.ldapOptions ?? this.httpOptions)?.internalUsers === true;
  }

  /**
   * Whether the method lives in the broker's configuration (CONFIG_MANAGED): the broker makes a configuration for
   * it when none is given. @internal
   */
  public get _livesInConfiguration(): boolean {
    return this.strategy === 'CONFIG_MANAGED';
  }

  /** The OAuth 2.0 options, for `oauth2()` and `iam()`. */
  public get oauth2Options(): RabbitMqOAuth2Options | undefined {
    return this.options.oauth2;
  }

  /** The LDAP options, for `ldap()`. */
  public get ldapOptions(): RabbitMqLdapOptions | undefined {
    return this.options.ldap;
  }

  /** Whether clients may sign in with a user name and password (PLAIN): all methods but certificate-only. */
  public get acceptsPasswords(): boolean {
    return this.method !== 'certificate' || this.certificateOptions?.passwords === true;
  }

  /** The client certificate options, for `certificate()`. */
  public get certificateOptions(): RabbitMqCertificateOptions | undefined {
    return this.options.certificate;
  }

  /** The HTTP options, for `http()`. */
  public get httpOptions(): RabbitMqHttpOptions | undefined {
    return this.options.http;
  }
}
