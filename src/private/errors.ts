import { IConstruct } from 'constructs';

/**
 * A synth-time error raised by a cdk-amazon-mq construct. Its message starts with the construct path,
 * so users find the offending construct in a large app. Not exported: users see it as an `Error`.
 */
export class MqValidationError extends Error {
  constructor(scope: IConstruct, message: string) {
    super(`${scope.node.path}: ${message}`);
    this.name = 'MqValidationError';
  }
}
