import * as path from 'path';
import { IConstruct } from 'constructs';

/** Where users read every synth-time rule: the README's rule table. */
export const RULES_URL = 'https://github.com/cdk-amazon-mq/cdk-amazon-mq#synth-time-rules';

/** This package's compiled and source code: frames from here say nothing to a user. */
const OWN_CODE = [path.join(__dirname, '..', path.sep), path.join('node_modules', 'cdk-amazon-mq', path.sep)];
const NOT_USER_CODE = /node:internal|\(node:|[\\/]node_modules[\\/](aws-cdk-lib|constructs|ts-node|jest|@jest)[\\/]/;

/**
 * A synth-time error raised by a cdk-amazon-mq construct, shown as aws-cdk-lib shows its validation errors: the
 * message starts with the construct path, the stack lists only the user's frames (none from this package or
 * aws-cdk-lib), then where the construct sits in the tree. `Errors.isValidationError()` is true for it (the
 * same global symbols aws-cdk-lib marks its own errors with).
 */
export class MqValidationError extends Error {
  constructor(scope: IConstruct, message: string) {
    // Deep enough to reach the user's frames below this package's and aws-cdk-lib's.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    super(`${scope.node.path}: ${message}`);
    Error.stackTraceLimit = limit;
    this.name = 'MqValidationError';
    Object.defineProperty(this, Symbol.for('@aws-cdk/core.SynthesisError'), { value: true });
    Object.defineProperty(this, Symbol.for('@aws-cdk/core.ValidationError'), { value: true });
    const userFrames = (this.stack ?? '').split('\n')
      .filter((line) => line.startsWith('    at ') && !OWN_CODE.some((dir) => line.includes(dir)) && !NOT_USER_CODE.test(line));
    const tree = scope.node.scopes.map((c, i) => `${'  '.repeat(i)}${i === 0 ? '<.>' : `└─ ${c.node.id}`} (${c.constructor.name})`);
    this.stack = [`«${this.name}» ${this.message}`, ...userFrames, 'Relates to construct:', ...tree.map((t) => `    ${t}`)].join('\n');
  }
}
