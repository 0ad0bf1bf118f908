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
