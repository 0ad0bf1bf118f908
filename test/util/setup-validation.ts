import { Template } from 'aws-cdk-lib/assertions';
import { cloudFormationFindings } from './cfn-validate';
import { plaintextPasswords } from './plaintext-passwords';

// Every template a test synthesizes through Template.fromStack also goes through AWS's CloudFormation
// validator (a finding of severity WARN or above fails the test that synthesized it) and a scan for
// plaintext passwords.
const fromStack = Template.fromStack.bind(Template);
Template.fromStack = (...args: Parameters<typeof Template.fromStack>): Template => {
  const template = fromStack(...args);
  const findings = cloudFormationFindings(template.toJSON());
  if (findings.length > 0) {
    throw new Error(`CloudFormation validator findings in ${args[0].node.path}:\n${findings.join('\n')}`);
  }
  const passwords = plaintextPasswords(template.toJSON());
  if (passwords.length > 0) {
    throw new Error(`Plaintext passwords in ${args[0].node.path}: ${passwords.join(', ')}`);
  }
  return template;
};
