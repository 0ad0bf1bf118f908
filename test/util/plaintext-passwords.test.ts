import { plaintextPasswords } from './plaintext-passwords';

test('the password scan finds plaintext and accepts dynamic references', () => {
  expect(plaintextPasswords({
    Resources: {
      A: { Properties: { Users: [{ Username: 'u', Password: 'hunter2-hunter2' }] } },
      B: { Properties: { Users: [{ Username: 'v', Password: '{{resolve:secretsmanager:arn:SecretString:password::}}' }] } },
      C: { Properties: { Users: [{ Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'S' }, ':SecretString:password::}}']] } }] } },
      D: { Properties: { LdapServerMetadata: { ServiceAccountPassword: { Ref: 'PlainParameter' } } } },
    },
  })).toEqual(['Resources.A.Properties.Users[0].Password', 'Resources.D.Properties.LdapServerMetadata.ServiceAccountPassword']);
});

test('the password scan decodes configuration Data and finds secrets in it', () => {
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  expect(plaintextPasswords({
    Resources: {
      Conf: { Type: 'AWS::AmazonMQ::Configuration', Properties: { Data: base64('heartbeat = 60\nauth_ldap.dn_lookup_bind.password = hunter2\n') } },
      ByArn: { Type: 'AWS::AmazonMQ::Configuration', Properties: { Data: base64('aws.arns.auth_ldap.dn_lookup_bind.password = arn:aws:secretsmanager:us-east-1:123456789012:secret:x\n') } },
      Xml: { Type: 'AWS::AmazonMQ::Configuration', Properties: { Data: { 'Fn::Base64': '<broker><networkConnectors><networkConnector password="hunter2"/></networkConnectors></broker>' } } },
    },
  })).toEqual(['Resources.Conf.Properties.Data:auth_ldap.dn_lookup_bind.password', 'Resources.Xml.Properties.Data:password']);
});
