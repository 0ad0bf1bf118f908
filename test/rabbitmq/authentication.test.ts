import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  RabbitMqAuthentication, RabbitMqBroker, RabbitMqConfiguration, RabbitMqConfigurationData, RabbitMqDeploymentMode, RabbitMqEngineVersion,
  RabbitMqLdapPermissions,
} from '../../src';
import { stackWithVpc } from '../util/stacks';

const RMQ = { engineVersion: RabbitMqEngineVersion.V4_2, deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE, brokerName: 'events' };
const OAUTH2 = { resourceServerId: 'rabbitmq', issuer: 'https://idp.example.com/realms/mq', preferredUsernameClaims: ['preferred_username'] };

function decodedConfiguration(template: Template): string {
  const [configuration] = Object.values(template.findResources('AWS::AmazonMQ::Configuration'));
  return Buffer.from(configuration.Properties.Data, 'base64').toString('utf-8');
}

test('OAuth 2.0: a CONFIG_MANAGED broker with its own configuration, no user and no admin secret by default', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, authentication: RabbitMqAuthentication.oauth2(OAUTH2) });
  const template = Template.fromStack(stack);
  const [configurationId] = Object.keys(template.findResources('AWS::AmazonMQ::Configuration'));
  template.hasResourceProperties('AWS::AmazonMQ::Configuration', { AuthenticationStrategy: 'CONFIG_MANAGED', EngineVersion: '4.2' });
  const broker0 = Object.values(template.findResources('AWS::AmazonMQ::Broker'))[0].Properties;
  expect(broker0.AuthenticationStrategy).toBe('CONFIG_MANAGED');
  expect(broker0.Users).toBeUndefined();
  expect(broker0.Configuration).toEqual({ Id: { 'Fn::GetAtt': [configurationId, 'Id'] }, Revision: { 'Fn::GetAtt': [configurationId, 'Revision'] } });
  expect(broker.adminSecret).toBeUndefined();
  template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  expect(decodedConfiguration(template).split('\n').filter(Boolean)).toEqual([
    'auth_backends.1 = rabbit_auth_backend_oauth2',
    'auth_oauth2.resource_server_id = rabbitmq',
    'auth_oauth2.issuer = https://idp.example.com/realms/mq',
    'auth_oauth2.preferred_username_claims.1 = preferred_username',
  ]);
  expect(() => broker.addVirtualHost('app')).toThrow(
    "RabbitMqBroker validation failed:\n  - 'adminUser' is missing: virtual hosts and their objects are applied through the management API as the admin user, and the queue metrics collector reads it as that user; allowed: an authentication with internalUsers: true, or an adminUser [RabbitMqManagementAdminUser]");
});

test('OAuth 2.0 with internal users keeps the admin user, and the console signs in through the provider', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', {
    vpc, ...RMQ, authentication: RabbitMqAuthentication.oauth2({ ...OAUTH2, internalUsers: true, managementClientId: 'rabbitmq-console' }),
  });
  const template = Template.fromStack(stack);
  expect(broker.adminUsername).toBe('admin');
  expect(Object.values(template.findResources('AWS::AmazonMQ::Broker'))[0].Properties.Users).toHaveLength(1);
  expect(decodedConfiguration(template)).toContain([
    'auth_backends.1 = rabbit_auth_backend_oauth2', 'auth_backends.2 = internal',
  ].join('\n'));
  expect(decodedConfiguration(template)).toContain([
    'management.oauth_enabled = true',
    'management.oauth_client_id = rabbitmq-console',
    'management.oauth_provider_url = https://idp.example.com/realms/mq',
  ].join('\n'));
});

test('LDAP: the bind password only by ARN, read by a role Amazon MQ alone may assume for this account\'s brokers', () => {
  const { stack, vpc } = stackWithVpc();
  const password = new secretsmanager.Secret(stack, 'BindPassword');
  new RabbitMqBroker(stack, 'Broker', {
    vpc,
    ...RMQ,
    authentication: RabbitMqAuthentication.ldap({
      servers: ['ldap1.example.com', 'ldap2.example.com'],
      dnLookupBase: 'ou=users,dc=example,dc=com',
      dnLookupAttribute: 'uid',
      lookupBindDn: 'cn=rabbitmq,ou=services,dc=example,dc=com',
      lookupBindPassword: password,
    }),
  });
  const template = Template.fromStack(stack);
  const [roleId] = Object.keys(template.findResources('AWS::IAM::Role', { Properties: { Description: Match_ServiceRole } }));
  const [secretId] = Object.keys(template.findResources('AWS::SecretsManager::Secret'));
  const data = Object.values(template.findResources('AWS::AmazonMQ::Configuration'))[0].Properties.Data;
  // The text holds the secret's and the role's ARNs as deploy-time values: Fn::Base64 over a join.
  const joined = JSON.stringify(data);
  expect(joined).toContain('auth_ldap.servers.1 = ldap1.example.com\\nauth_ldap.servers.2 = ldap2.example.com\\nauth_ldap.port = 636\\nauth_ldap.use_ssl = true');
  expect(joined).toContain(`aws.arns.auth_ldap.dn_lookup_bind.password = ",{"Ref":"${secretId}"}`);
  expect(joined).toContain(`aws.arns.assume_role_arn = ",{"Fn::GetAtt":["${roleId}","Arn"]}`);
  expect(joined).not.toMatch(/dn_lookup_bind\.password = [^",]/);
  template.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: {
      Statement: [{
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'mq.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': '123456789012' },
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':mq:us-east-1:123456789012:broker:*']] } },
        },
      }],
    },
  });
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
  expect(statements).toEqual([expect.objectContaining({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: { Ref: secretId } })]);
});
const Match_ServiceRole = 'Amazon MQ reads the secrets of configuration Test/Broker/Configuration';

test('HTTP (RabbitMQ 4): the four https paths, posted', () => {
  const configuration = new RabbitMqConfiguration(stackWithVpc().stack, 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromText('consumer_timeout = 1800000'),
    authentication: RabbitMqAuthentication.http({
      userPath: 'https://auth.example.com/user',
      vhostPath: 'https://auth.example.com/vhost',
      resourcePath: 'https://auth.example.com/resource',
      topicPath: 'https://auth.example.com/topic',
    }),
  });
  expect(configuration.authenticationStrategy).toBe('CONFIG_MANAGED');
  expect(configuration.renderText().split('\n').filter(Boolean)).toEqual([
    'consumer_timeout = 1800000',
    'auth_backends.1 = http',
    'auth_http.http_method = post',
    'auth_http.user_path = https://auth.example.com/user',
    'auth_http.vhost_path = https://auth.example.com/vhost',
    'auth_http.resource_path = https://auth.example.com/resource',
    'auth_http.topic_path = https://auth.example.com/topic',
  ]);
});

test('keys written by hand make the configuration CONFIG_MANAGED, and a SIMPLE broker refuses it', () => {
  const { stack, vpc } = stackWithVpc();
  const configuration = new RabbitMqConfiguration(stack, 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromText('auth_backends.1 = oauth2\nauth_oauth2.resource_server_id = rabbitmq\nauth_oauth2.jwks_url = https://idp.example.com/jwks'),
  });
  expect(configuration.authenticationStrategy).toBe('CONFIG_MANAGED');
  expect(() => new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, configuration }))
    .toThrow("'configuration' has authenticationStrategy CONFIG_MANAGED; allowed: SIMPLE, the broker's [ConfigurationAuthentication]");
});

test('the same authentication in the broker and its given configuration is accepted', () => {
  const { stack, vpc } = stackWithVpc();
  const authentication = RabbitMqAuthentication.oauth2({ ...OAUTH2, internalUsers: true });
  const configuration = new RabbitMqConfiguration(stack, 'Configuration', { engineVersion: RabbitMqEngineVersion.V4_2, data: RabbitMqConfigurationData.fromText(''), authentication });
  new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, authentication, configuration });
  Template.fromStack(stack).resourceCountIs('AWS::AmazonMQ::Configuration', 1);
});

test.each([
  [{ resourceServerId: 'rabbitmq' }, "'issuer' and 'jwksUrl' are both missing; allowed: at least one"],
  [{ resourceServerId: ' ', jwksUrl: 'https://idp.example.com/jwks' }, "'resourceServerId' is empty"],
  [{ resourceServerId: 'rabbitmq', jwksUrl: 'https://idp.example.com/jwks', managementClientId: 'console' }, "'managementClientId' needs 'issuer'"],
])('OAuth 2.0 options %j are refused', (options, message) => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new RabbitMqBroker(stack, 'Broker', { vpc, ...RMQ, authentication: RabbitMqAuthentication.oauth2(options) })).toThrow(message);
  // Nothing half-built: the broker made no configuration before refusing.
  expect(stack.node.tryFindChild('Broker')?.node.tryFindChild('Configuration')).toBeUndefined();
});

test('LDAP needs a way to find DNs, and a bind DN with its password', () => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new RabbitMqBroker(stack, 'A', { vpc, ...RMQ, brokerName: 'a', authentication: RabbitMqAuthentication.ldap({ servers: ['ldap.example.com'] }) }))
    .toThrow("'userDnPattern' and 'dnLookupBase' are both missing");
  expect(() => new RabbitMqBroker(stack, 'B', {
    vpc, ...RMQ, brokerName: 'b', authentication: RabbitMqAuthentication.ldap({ servers: ['ldap.example.com'], dnLookupBase: 'dc=example', lookupBindDn: 'cn=svc', port: 70000 }),
  })).toThrow(/'port' 70000 is not allowed; allowed: 1-65535[\s\S]*'lookupBindDn' and 'lookupBindPassword' go together/);
});

test('IAM renders OAuth 2.0 as the Developer Guide\'s IAM tutorial: JWKS under the STS issuer, role ARNs as scope aliases', () => {
  const configuration = new RabbitMqConfiguration(stackWithVpc().stack, 'Configuration', {
    engineVersion: RabbitMqEngineVersion.V3_13,
    data: RabbitMqConfigurationData.fromText(''),
    authentication: RabbitMqAuthentication.iam({
      issuer: 'https://abc123.tokens.sts.global.api.aws',
      resourceServerId: 'rabbitmq',
      internalUsers: true,
      roleScopes: [{ alias: 'arn:aws:iam::123456789012:role/RabbitMqAdminRole', scopes: ['rabbitmq/tag:administrator', 'rabbitmq/read:*/*'] }],
    }),
  });
  expect(configuration.renderText().split('\n')).toEqual([
    'auth_backends.1 = rabbit_auth_backend_oauth2',
    'auth_backends.2 = internal',
    'auth_oauth2.resource_server_id = rabbitmq',
    'auth_oauth2.jwks_url = https://abc123.tokens.sts.global.api.aws/.well-known/jwks.json',
    'auth_oauth2.scope_prefix = rabbitmq/',
    'auth_oauth2.additional_scopes_key = sub',
    'auth_oauth2.scope_aliases.1.alias = arn:aws:iam::123456789012:role/RabbitMqAdminRole',
    'auth_oauth2.scope_aliases.1.scope = rabbitmq/tag:administrator rabbitmq/read:*/*',
    'auth_oauth2.https.hostname_verification = wildcard',
  ]);
});

test('IAM is not on RabbitMQ 4.0 or 4.1; LDAP with internal permissions splits authentication from authorization', () => {
  const { stack, vpc } = stackWithVpc();
  const iam = RabbitMqAuthentication.iam({ issuer: 'https://abc123.tokens.sts.global.api.aws', resourceServerId: 'rabbitmq', roleScopes: [] });
  expect(() => new RabbitMqBroker(stack, 'Old', { vpc, ...RMQ, brokerName: 'old', engineVersion: RabbitMqEngineVersion.of('4.1'), authentication: iam }))
    .toThrow("'authentication' iam is not allowed with engineVersion '4.1'; allowed: RabbitMQ 3.13, or 4.2 and later");
  const ldap = new RabbitMqConfiguration(stack, 'Ldap', {
    engineVersion: RabbitMqEngineVersion.V4_2,
    data: RabbitMqConfigurationData.fromText(''),
    authentication: RabbitMqAuthentication.ldap({ servers: ['ldap.example.com'], userDnPattern: 'uid=${username},ou=users,dc=example,dc=com', permissions: RabbitMqLdapPermissions.INTERNAL }),
  });
  expect(ldap.renderText().split('\n').slice(0, 2)).toEqual(['auth_backends.1.authn = ldap', 'auth_backends.1.authz = internal']);
});

test('mutual TLS to the HTTP service: files by ARN, read by the role (S3 objects and secrets), and a wrong kind of ARN refused', () => {
  const { stack, vpc } = stackWithVpc();
  const paths = { userPath: 'https://a.example.com/u', vhostPath: 'https://a.example.com/v', resourcePath: 'https://a.example.com/r', topicPath: 'https://a.example.com/t' };
  new RabbitMqBroker(stack, 'Broker', {
    vpc,
    ...RMQ,
    authentication: RabbitMqAuthentication.http({
      ...paths,
      tls: {
        caCertificateArn: 'arn:aws:s3:::mq-tls/ca.pem',
        clientCertificateArn: 'arn:aws:s3:::mq-tls/client.pem',
        clientKeyArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq-client-key-AbCdEf',
      },
    }),
  });
  const template = Template.fromStack(stack);
  const text = JSON.stringify(Object.values(template.findResources('AWS::AmazonMQ::Configuration'))[0].Properties.Data);
  expect(text).toContain('aws.arns.auth_http.ssl_options.cacertfile = arn:aws:s3:::mq-tls/ca.pem\\naws.arns.auth_http.ssl_options.certfile = arn:aws:s3:::mq-tls/client.pem\\naws.arns.auth_http.ssl_options.keyfile = arn:aws:secretsmanager:us-east-1:123456789012:secret:mq-client-key-AbCdEf\\naws.arns.assume_role_arn = ');
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [
        { Action: 's3:GetObject', Effect: 'Allow', Resource: ['arn:aws:s3:::mq-tls/ca.pem', 'arn:aws:s3:::mq-tls/client.pem'] },
        { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq-client-key-AbCdEf' },
      ],
    },
  });
  expect(() => new RabbitMqBroker(stack, 'Bad', {
    vpc, ...RMQ, brokerName: 'bad', authentication: RabbitMqAuthentication.http({ ...paths, tls: { caCertificateArn: 'arn:aws:s3:::bucket-only' } }),
  })).toThrow("'tls' file 'arn:aws:s3:::bucket-only' is not allowed; allowed: an S3 object ARN");
});

test('client certificates (RabbitMQ 4): EXTERNAL first, the CA by ARN, the admin kept, passwords only when asked', () => {
  const { stack, vpc } = stackWithVpc();
  const broker = new RabbitMqBroker(stack, 'Broker', {
    vpc,
    ...RMQ,
    authentication: RabbitMqAuthentication.certificate({ caCertificateArn: 'arn:aws:s3:::mq-tls/clients-ca.pem', passwords: true }),
  });
  expect(broker.adminUsername).toBe('admin');
  const template = Template.fromStack(stack);
  const text = JSON.stringify(Object.values(template.findResources('AWS::AmazonMQ::Configuration'))[0].Properties.Data);
  expect(text).toContain([
    'auth_mechanisms.1 = EXTERNAL', 'auth_mechanisms.2 = PLAIN', 'ssl_options.verify = verify_peer', 'ssl_options.fail_if_no_peer_cert = false',
    'aws.arns.ssl_options.cacertfile = arn:aws:s3:::mq-tls/clients-ca.pem', 'aws.arns.assume_role_arn = ',
  ].join('\\n'));
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: 'arn:aws:s3:::mq-tls/clients-ca.pem' }] },
  });
  expect(() => new RabbitMqBroker(stack, 'Old', {
    vpc,
    ...RMQ,
    brokerName: 'old',
    engineVersion: RabbitMqEngineVersion.V3_13,
    authentication: RabbitMqAuthentication.certificate({ caCertificateArn: 'arn:aws:s3:::mq-tls/clients-ca.pem' }),
  })).toThrow("'authentication' certificate is not allowed with engineVersion '3.13'; allowed: RabbitMQ 4 or later");
});

test('a newline in a rendered value cannot add rabbitmq.conf keys [RabbitMqConfValueCharacters]', () => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new RabbitMqBroker(stack, 'Broker', {
    vpc,
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
    authentication: RabbitMqAuthentication.oauth2({ resourceServerId: 'rabbitmq', issuer: 'https://idp.example.com\nauth_backends.2 = internal' }),
  })).toThrow("'authentication' value of 'auth_oauth2.issuer' holds a control character (\"https://idp.example.com\\nauth_backends.2 = internal\"); allowed: one line of printable characters");
});

test('an LDAP user DN pattern without ${username} is refused (every user would map to one DN)', () => {
  const { stack, vpc } = stackWithVpc();
  expect(() => new RabbitMqBroker(stack, 'Broker', {
    vpc,
    engineVersion: RabbitMqEngineVersion.V4_2,
    deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
    authentication: RabbitMqAuthentication.ldap({ servers: ['ldap.example.com'], userDnPattern: 'cn=admin,dc=example,dc=com' }),
  })).toThrow("'userDnPattern' 'cn=admin,dc=example,dc=com' has no ${username}; allowed: a DN pattern with ${username}");
});
