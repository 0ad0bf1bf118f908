import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EXAMPLES } from '../../examples/index';
import { plaintextPasswords } from '../util/plaintext-passwords';

describe.each(EXAMPLES)('example $file', ({ stack, stackName }) => {
  const template = Template.fromStack(new stack(new App(), stackName)).toJSON();

  // Fails on any unintended change; a changed broker logical ID would replace the broker and lose its messages.
  test('template matches its snapshot', () => {
    expect(template).toMatchSnapshot();
  });

  test('holds no plaintext password', () => {
    expect(plaintextPasswords(template)).toEqual([]);
  });
});
