import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import { cloudFormationFindings } from './cfn-validate';

// The validator must be able to fail, or "every template passes" proves nothing.
test('the CloudFormation validator flags a broken broker and the setup hook refuses its template', () => {
  const stack = new Stack(new App(), 'Broken');
  new CfnBroker(stack, 'Broker', {
    brokerName: 'has spaces',
    engineType: 'ACTIVEMQ',
    deploymentMode: 'SOMETIMES',
    hostInstanceType: 'mq.m5.large',
    publiclyAccessible: false,
    users: [{ username: 'a', password: 'short' }],
  });
  const findings = cloudFormationFindings(stack.node.root instanceof App ? (stack.node.root as App).synth({ validateOnSynthesis: false } as any).getStackByName('Broken').template : {});
  expect(findings.join('\n')).toMatch(/F3031/); // BrokerName / Username patterns
  expect(findings.join('\n')).toMatch(/F3033/); // password shorter than 12
  expect(() => Template.fromStack(stack)).toThrow(/CloudFormation validator findings/);
});
