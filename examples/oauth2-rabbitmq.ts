// A RabbitMQ broker whose clients sign in with OAuth 2.0 tokens from an Amazon Cognito user pool: services use the
// client credentials grant and get RabbitMQ scopes from the pool's `rabbitmq` resource server. The admin user stays
// (internalUsers) for the management API.
import { RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { exampleApp } from './app';
import { exampleVpc } from './network';
import { BrokerInstanceType, RabbitMqAuthentication, RabbitMqBroker, RabbitMqDeploymentMode, RabbitMqEngineVersion } from '../src';

export class OAuth2RabbitMqStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const pool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Cognito scope names cannot hold `*` or `/`: `rabbitmq/read:all` in the token stands for RabbitMQ's
    // `rabbitmq/read:*/*` through a scope alias (as the Amazon MQ Cognito sample configures it).
    const permissions = ['read', 'write', 'configure'];
    const scopes = permissions.map((p) => new cognito.ResourceServerScope({ scopeName: `${p}:all`, scopeDescription: `RabbitMQ ${p} on every resource` }));
    const server = pool.addResourceServer('RabbitMq', { identifier: 'rabbitmq', scopes });
    pool.addDomain('Domain', { cognitoDomain: { domainPrefix: `orders-mq-${this.node.addr.slice(0, 8)}` } });
    pool.addClient('OrdersService', {
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: scopes.map((scope) => cognito.OAuthScope.resourceServer(server, scope)) },
    });

    new RabbitMqBroker(this, 'Broker', {
      vpc: exampleVpc(this, 1),
      brokerName: 'orders-oauth2',
      engineVersion: RabbitMqEngineVersion.V4_2,
      deploymentMode: RabbitMqDeploymentMode.SINGLE_INSTANCE,
      instanceType: BrokerInstanceType.M7G_MEDIUM,
      removalPolicy: RemovalPolicy.DESTROY,
      authentication: RabbitMqAuthentication.oauth2({
        resourceServerId: 'rabbitmq',
        issuer: pool.userPoolProviderUrl,
        scopePrefix: 'rabbitmq/',
        scopeAliases: permissions.map((p) => ({ alias: `rabbitmq/${p}:all`, scopes: [`rabbitmq/${p}:*/*`] })),
        verifyAudience: false,   // Cognito access tokens carry no audience
        preferredUsernameClaims: ['client_id'],
        internalUsers: true,
      }),
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is required for people; the services in this pool use the client credentials grant, which has no MFA.',
    });
  }
}

if (require.main === module) {
  exampleApp(OAuth2RabbitMqStack, 'OAuth2RabbitMq');
}
