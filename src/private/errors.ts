import { ValidationError } from 'aws-cdk-lib/core/lib/errors';
import { IConstruct } from 'constructs';

/** Where users read every synth-time rule: the README's rule table. */
export const RULES_URL = 'https://github.com/cdk-amazon-mq/cdk-amazon-mq#synth-time-rules';

/**
 * A synth-time error raised by a cdk-amazon-mq construct, as aws-cdk-lib raises its own: the message starts with
 * the construct path, and the stack shows the user's code only (frames inside installed packages, this one
 * included, are collapsed), followed by where the construct sits in the tree. `Errors.isValidationError` holds.
 */
export class MqValidationError extends ValidationError {
  constructor(scope: IConstruct, message: string) {
    super('MqValidationError', `${scope.node.path}: ${message}`, scope);
  }
}
