import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { RabbitMqAuthentication, RabbitMqLdapPermissions, RabbitMqTlsFiles } from './rabbitmq-authentication';

/** The `rabbitmq.conf` lines of an authentication method, and what they name by ARN for Amazon MQ to read. */
export interface AuthenticationSettings {
  readonly lines: string[];
  readonly secrets: secretsmanager.ISecret[];
  /** S3 object or Secrets Manager ARNs of TLS files. */
  readonly files: string[];
}

/** `aws.arns.<prefix>.ssl_options.*` lines for TLS files (Developer Guide, ARN support: cacertfile, certfile, keyfile). */
function tlsLines(prefix: string, tls: RabbitMqTlsFiles | undefined): string[] {
  return Object.entries({ cacertfile: tls?.caCertificateArn, certfile: tls?.clientCertificateArn, keyfile: tls?.clientKeyArn })
    .filter(([, arn]) => arn !== undefined)
    .map(([file, arn]) => `aws.arns.${prefix}.ssl_options.${file} = ${arn}`);
}

/** The TLS file ARNs of a method, for the role's grants. */
function tlsFileArns(tls: RabbitMqTlsFiles | undefined): string[] {
  return [tls?.caCertificateArn, tls?.clientCertificateArn, tls?.clientKeyArn].filter((arn): arn is string => arn !== undefined);
}

/**
 * The `auth_backends` value of each method. OAuth 2.0 by its module name: RabbitMQ 3.10 has no `oauth2` alias (the
 * real-engine test found `undef` there), and every version takes the module name.
 */
const BACKENDS: Record<string, string> = { oauth2: 'rabbit_auth_backend_oauth2', iam: 'rabbit_auth_backend_oauth2', ldap: 'ldap', http: 'http' };

/**
 * The keys Amazon MQ documents for each method (Developer Guide, configure OAuth 2.0 / LDAP / HTTP; mq-facts F-Q07):
 * the backend order in `auth_backends.*`, the method's keys, secrets only as `aws.arns.*` (F-AU10).
 */
export function authenticationSettings(authentication: RabbitMqAuthentication): AuthenticationSettings {
  if (authentication.method === 'simple') {
    return { lines: [], secrets: [], files: [] };
  }
  const certificate = authentication.certificateOptions;
  if (certificate) {
    // The SSL mechanism plugin: EXTERNAL takes the user from the verified client certificate (Developer Guide, SSL
    // certificate authentication: the CA only by ARN, ssl_cert_login_from).
    return {
      lines: [
        'auth_mechanisms.1 = EXTERNAL',
        ...certificate.passwords ? ['auth_mechanisms.2 = PLAIN'] : [],
        'ssl_options.verify = verify_peer',
        `ssl_options.fail_if_no_peer_cert = ${!certificate.passwords}`,
        ...certificate.loginFrom ? [`ssl_cert_login_from = ${certificate.loginFrom}`] : [],
        `aws.arns.ssl_options.cacertfile = ${certificate.caCertificateArn}`,
      ],
      secrets: [],
      files: [certificate.caCertificateArn],
    };
  }
  const internalPermissions = authentication.ldapOptions?.permissions === RabbitMqLdapPermissions.INTERNAL;
  const lines = [
    // The directory authenticates and the internal database authorizes, or one backend does both.
    ...internalPermissions ? ['auth_backends.1.authn = ldap', 'auth_backends.1.authz = internal'] : [`auth_backends.1 = ${BACKENDS[authentication.method]}`],
    ...authentication.internalUsers ? ['auth_backends.2 = internal'] : [],
  ];
  const set = (key: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) {
      lines.push(`${key} = ${value}`);
    }
  };
  const secrets: secretsmanager.ISecret[] = [];
  const oauth2 = authentication.oauth2Options;
  if (oauth2) {
    const viaIam = authentication.method === 'iam';
    set('auth_oauth2.resource_server_id', oauth2.resourceServerId);
    // IAM: the tutorial names the JWKS URL under the issuer, and no issuer key.
    set('auth_oauth2.issuer', viaIam ? undefined : oauth2.issuer);
    set('auth_oauth2.jwks_url', oauth2.jwksUrl);
    set('auth_oauth2.scope_prefix', oauth2.scopePrefix);
    set('auth_oauth2.additional_scopes_key', oauth2.additionalScopesKey);
    (oauth2.preferredUsernameClaims ?? []).forEach((claim, i) => set(`auth_oauth2.preferred_username_claims.${i + 1}`, claim));
    set('auth_oauth2.verify_aud', oauth2.verifyAudience === false ? false : undefined);
    (oauth2.scopeAliases ?? []).forEach((alias, i) => {
      set(`auth_oauth2.scope_aliases.${i + 1}.alias`, alias.alias);
      set(`auth_oauth2.scope_aliases.${i + 1}.scope`, alias.scopes.join(' '));
    });
    // STS serves its keys under a wildcard certificate.
    set('auth_oauth2.https.hostname_verification', viaIam ? 'wildcard' : undefined);
    if (oauth2.managementClientId !== undefined) {
      set('management.oauth_enabled', true);
      set('management.oauth_client_id', oauth2.managementClientId);
      set('management.oauth_provider_url', oauth2.issuer);
    }
  }
  const ldap = authentication.ldapOptions;
  if (ldap) {
    ldap.servers.forEach((server, i) => set(`auth_ldap.servers.${i + 1}`, server));
    set('auth_ldap.port', ldap.port ?? 636);
    set('auth_ldap.use_ssl', true);
    set('auth_ldap.user_dn_pattern', ldap.userDnPattern);
    set('auth_ldap.dn_lookup_base', ldap.dnLookupBase);
    set('auth_ldap.dn_lookup_attribute', ldap.dnLookupAttribute);
    set('auth_ldap.dn_lookup_bind.user_dn', ldap.lookupBindDn);
    if (ldap.lookupBindPassword) {
      set('aws.arns.auth_ldap.dn_lookup_bind.password', ldap.lookupBindPassword.secretArn);
      secrets.push(ldap.lookupBindPassword);
    }
    lines.push(...tlsLines('auth_ldap', ldap.tls));
  }
  const http = authentication.httpOptions;
  if (http) {
    set('auth_http.http_method', 'post');
    set('auth_http.user_path', http.userPath);
    set('auth_http.vhost_path', http.vhostPath);
    set('auth_http.resource_path', http.resourcePath);
    set('auth_http.topic_path', http.topicPath);
    lines.push(...tlsLines('auth_http', http.tls));
  }
  return { lines, secrets, files: tlsFileArns(ldap?.tls ?? http?.tls) };
}

/**
 * The role Amazon MQ assumes to read the `aws.arns.*` secrets and files (mq-facts F-AU11): trusted by
 * `mq.amazonaws.com` only for brokers of this account (`aws:SourceAccount`, `aws:SourceArn`), allowed to read exactly
 * these secrets and files.
 */
export function secretsRole(scope: Construct, secrets: secretsmanager.ISecret[], files: string[]): iam.Role {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, 'SecretsRole', {
    description: `Amazon MQ reads the secrets of configuration ${scope.node.path}`,
    assumedBy: new iam.ServicePrincipal('mq.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'mq', resource: 'broker', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
    }),
  });
  for (const secret of secrets) {
    secret.grantRead(role);
  }
  const s3Files = files.filter((arn) => arn.split(':')[2] === 's3');
  const secretFiles = files.filter((arn) => arn.split(':')[2] === 'secretsmanager');
  if (s3Files.length > 0) {
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: s3Files }));
  }
  if (secretFiles.length > 0) {
    role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secretFiles }));
  }
  return role;
}
