import { Token } from 'aws-cdk-lib';
import { isKnown, Rule } from '../../private/rules';
import { versionAtLeast } from '../../private/versions';
import { authenticationSettings } from '../authentication/authentication-settings';
import { RabbitMqAuthentication } from '../authentication/rabbitmq-authentication';

/** What the authentication rules read. */
export interface RabbitMqAuthenticationSpec {
  readonly authentication: RabbitMqAuthentication;
  readonly engineVersion: string;
  /** The region of the configuration's stack (a token when the stack is environment-agnostic). */
  readonly region: string;
}

/** The first RabbitMQ version on Amazon MQ with each method (mq-facts F-AU06, F-Q07). */
const SINCE: Record<string, string> = { oauth2: '3.13', iam: '3.13', http: '4', certificate: '4' };

const notHttps = (value: string | undefined) => value !== undefined && isKnown(value) && !/^https:\/\/[^\s/]+/.test(value);
const blank = (value: string | undefined) => value === undefined || (isKnown(value) && value.trim() === '');

export const RABBITMQ_AUTHENTICATION_RULES: Rule<RabbitMqAuthenticationSpec>[] = [
  {
    id: 'RabbitMqConfValueCharacters',
    fact: 'F-C05',
    summary: 'values the authentication renders into rabbitmq.conf (issuer, resource server ID, LDAP and HTTP settings, ...) hold no control characters: a newline would add keys of its own (`auth_backends.2 = internal`)',
    check: (s) => authenticationSettings(s.authentication).lines
      // eslint-disable-next-line no-control-regex
      .filter((line) => /[\u0000-\u001f\u007f]/.test(line))
      .map((line) => `'authentication' value of '${line.split(' = ')[0]}' holds a control character (${JSON.stringify(line.slice(line.indexOf(' = ') + 3))}); allowed: one line of printable characters`),
  },
  {
    id: 'RabbitMqTlsFileArns',
    fact: 'F-AU10, F-AU11',
    summary: 'TLS files (LDAP, HTTP, client certificate CA): S3 object or Secrets Manager ARNs, a Secrets Manager ARN in the broker\'s region',
    check: (s) => authenticationSettings(s.authentication).files.filter(isKnown).flatMap((arn) => {
      const [, , service, region] = arn.split(':');
      if (!arn.startsWith('arn:') || !['s3', 'secretsmanager'].includes(service) || (service === 's3' && !/^arn:[^:]+:s3:::[^/]+\/.+/.test(arn))) {
        return [`'tls' file '${arn}' is not allowed; allowed: an S3 object ARN (arn:<partition>:s3:::<bucket>/<key>) or a Secrets Manager secret ARN`];
      }
      return service === 'secretsmanager' && isKnown(s.region) && region !== s.region
        ? [`'tls' file '${arn}' is in ${region}; allowed: a secret in the broker's region ${s.region} (Amazon MQ resolves ARNs in its own region)`]
        : [];
    }),
  },
  {
    id: 'RabbitMqAuthenticationVersion',
    fact: 'F-AU06, F-Q07',
    summary: 'authentication: OAuth 2.0 and IAM on RabbitMQ 3.13 or later, HTTP and client certificates on RabbitMQ 4 or later',
    check: (s) => {
      const since = SINCE[s.authentication.method];
      return since && isKnown(s.engineVersion) && !versionAtLeast(s.engineVersion, since)
        ? `'authentication' ${s.authentication.method} is not allowed with engineVersion '${s.engineVersion}'; allowed: RabbitMQ ${since} or later`
        : undefined;
    },
  },
  {
    id: 'RabbitMqOAuth2Provider',
    fact: 'F-Q07, F-AU09',
    summary: 'OAuth 2.0: a resource server ID; an issuer or a JWKS URL; every URL https',
    check: (s) => {
      const o = s.authentication.oauth2Options;
      if (!o) {
        return undefined;
      }
      return [
        ...blank(o.resourceServerId) ? ['\'resourceServerId\' is empty; allowed: the audience your tokens carry'] : [],
        ...o.issuer === undefined && o.jwksUrl === undefined ? ['\'issuer\' and \'jwksUrl\' are both missing; allowed: at least one, so RabbitMQ finds the signing keys'] : [],
        ...(['issuer', 'jwksUrl'] as const).filter((k) => notHttps(o[k])).map((k) => `'${k}' '${o[k]}' is not allowed; allowed: an https:// URL`),
        ...o.managementClientId !== undefined && o.issuer === undefined ? ['\'managementClientId\' needs \'issuer\': the console signs in through the provider at that URL'] : [],
        ...(o.scopeAliases ?? []).filter((a) => blank(a.alias) || a.scopes.length === 0 || a.scopes.some((scope) => isKnown(scope) && /\s/.test(scope)))
          .map((a) => `'scopeAliases' entry '${a.alias}' is not allowed; allowed: a non-empty alias and one or more scopes without spaces`),
      ];
    },
  },
  {
    id: 'RabbitMqIamIssuer',
    fact: 'DG iam-for-amq-for-rabbitmq',
    summary: 'IAM: the issuer is the account\'s STS token issuer, `https://<id>.tokens.sts.global.api.aws`; not on RabbitMQ 4.0 or 4.1',
    check: (s) => {
      if (s.authentication.method !== 'iam') {
        return undefined;
      }
      const issuer = s.authentication.oauth2Options!.issuer!;
      return [
        ...isKnown(issuer) && !/^https:\/\/[A-Za-z0-9-]+\.tokens\.sts\.global\.api\.aws$/.test(issuer)
          ? [`'issuer' '${issuer}' is not allowed; allowed: the account's STS issuer, https://<id>.tokens.sts.global.api.aws (aws iam enable-outbound-web-identity-federation)`] : [],
        ...isKnown(s.engineVersion) && versionAtLeast(s.engineVersion, '4') && !versionAtLeast(s.engineVersion, '4.2')
          ? [`'authentication' iam is not allowed with engineVersion '${s.engineVersion}'; allowed: RabbitMQ 3.13, or 4.2 and later`] : [],
      ];
    },
  },
  {
    id: 'RabbitMqLdapServers',
    fact: 'F-AU06, F-AU10',
    summary: 'LDAP: 1 or more server host names (no scheme or port), a port 1-65535, a user DN pattern (with `${username}`) or a lookup base, a bind DN and its password secret together',
    check: (s) => {
      const o = s.authentication.ldapOptions;
      if (!o) {
        return undefined;
      }
      return [
        ...o.servers.length === 0 ? ['\'servers\' is empty; allowed: one or more host names'] : [],
        ...o.servers.filter((h) => isKnown(h) && !/^[A-Za-z0-9.-]+$/.test(h)).map((h) => `'servers' entry '${h}' is not allowed; allowed: a host name, without scheme or port`),
        ...o.port !== undefined && !Token.isUnresolved(o.port) && !(Number.isInteger(o.port) && o.port >= 1 && o.port <= 65535)
          ? [`'port' ${o.port} is not allowed; allowed: 1-65535`] : [],
        ...o.userDnPattern === undefined && o.dnLookupBase === undefined
          ? ['\'userDnPattern\' and \'dnLookupBase\' are both missing; allowed: one of them, so RabbitMQ can find a user\'s DN'] : [],
        // Without the placeholder every user maps to one DN: any directory password of it signs in as anyone.
        ...o.userDnPattern !== undefined && isKnown(o.userDnPattern) && !o.userDnPattern.includes('${username}')
          ? [`'userDnPattern' '${o.userDnPattern}' has no \${username}; allowed: a DN pattern with \${username}, such as 'cn=\${username},ou=People,dc=example,dc=com'`] : [],
        ...(o.lookupBindDn === undefined) !== (o.lookupBindPassword === undefined)
          ? ['\'lookupBindDn\' and \'lookupBindPassword\' go together; allowed: both, or neither (bind as the user)'] : [],
      ];
    },
  },
  {
    id: 'RabbitMqHttpPaths',
    fact: 'F-AU06',
    summary: 'HTTP: user, vhost, resource and topic paths are https URLs',
    check: (s) => {
      const o = s.authentication.httpOptions;
      return o
        ? (['userPath', 'vhostPath', 'resourcePath', 'topicPath'] as const).filter((k) => notHttps(o[k]) || blank(o[k]))
          .map((k) => `'${k}' '${o[k]}' is not allowed; allowed: an https:// URL`)
        : undefined;
    },
  },
];
