import { IConstruct } from 'constructs';
import { MqValidationError } from './errors';

/**
 * JavaScript callers can omit what jsii marks required: the library's error instead of a TypeError from inside it.
 * A construct that was just created (`construct`) is taken out of the tree first, so nothing half-built is left.
 */
export function requireObject(scope: IConstruct, what: string, name: string, value: unknown, allowed: string, construct?: IConstruct): void {
  if (typeof value === 'object' && value !== null) {
    return;
  }
  const error = new MqValidationError(scope, `${what}: '${name}' is missing; allowed: ${allowed}`);
  if (construct) {
    construct.node.scope?.node.tryRemoveChild(construct.node.id);
  }
  throw error;
}

/** `requireObject` for a construct's props, right after `super()`. */
export function requireProps(construct: IConstruct, props: unknown): void {
  requireObject(construct, construct.constructor.name, 'props', props, 'an object with the required props', construct);
}
