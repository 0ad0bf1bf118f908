import { Duration } from 'aws-cdk-lib';
import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqRenderContext } from './activemq-render-context';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/** How the broker redelivers a message a consumer rejected (`<redeliveryPolicy>`). */
export interface ActiveMqRedeliveryPolicy {
  /**
   * Redeliveries before the message goes to the dead-letter queue, or `-1` for no limit.
   * @default 6
   */
  readonly maximumRedeliveries?: number;
  /** @default Duration.seconds(1) */
  readonly initialRedeliveryDelay?: Duration;
  /** @default Duration.seconds(1) */
  readonly redeliveryDelay?: Duration;
  /** @default false */
  readonly useExponentialBackOff?: boolean;
  /** @default 5 */
  readonly backOffMultiplier?: number;
  /** @default - no maximum */
  readonly maximumRedeliveryDelay?: Duration;
  /** @default false */
  readonly useCollisionAvoidance?: boolean;
  /** @default 15 */
  readonly collisionAvoidancePercent?: number;
}

/** A redelivery policy for the destinations a pattern matches. */
export interface ActiveMqDestinationRedeliveryPolicy extends ActiveMqRedeliveryPolicy {
  /** The destinations (patterns allowed). */
  readonly destination: ActiveMqDestination;
}

/**
 * Broker-side redelivery (`<redeliveryPlugin>`): a rejected message is scheduled again after a delay instead of
 * going straight to the dead-letter queue. It needs the scheduler, so the rendered `<broker>` gets
 * `schedulerSupport="true"` unless you set it.
 */
export interface ActiveMqRedeliveryOptions {
  /**
   * The policy of destinations no `destinationPolicies` entry matches.
   * @default - ActiveMQ's defaults
   */
  readonly defaultPolicy?: ActiveMqRedeliveryPolicy;
  /** @default - none */
  readonly destinationPolicies?: ActiveMqDestinationRedeliveryPolicy[];
  /**
   * Whether a message no policy matches goes to the dead-letter queue.
   * @default true
   */
  readonly fallbackToDeadLetter?: boolean;
  /**
   * Whether a message goes to the dead-letter queue after its last redelivery.
   * @default true
   */
  readonly sendToDlqIfMaxRetriesExceeded?: boolean;
}

/**
 * Renders the `<redeliveryPlugin>`, or nothing without redelivery options. The `<broker>` turns `schedulerSupport`
 * on for it; turning it off explicitly is a problem.
 */
export function renderRedelivery(
  model: { readonly redelivery?: ActiveMqRedeliveryOptions; readonly schedulerSupport?: boolean },
  context: ActiveMqRenderContext,
): XmlNode | undefined {
  const options = model.redelivery;
  if (!options) {
    return undefined;
  }
  const policy = (p: ActiveMqRedeliveryPolicy, target: Record<string, string>) => element('redeliveryPolicy', {
    ...target,
    maximumRedeliveries: p.maximumRedeliveries,
    initialRedeliveryDelay: p.initialRedeliveryDelay?.toMilliseconds(),
    redeliveryDelay: p.redeliveryDelay?.toMilliseconds(),
    useExponentialBackOff: p.useExponentialBackOff,
    backOffMultiplier: p.backOffMultiplier,
    maximumRedeliveryDelay: p.maximumRedeliveryDelay?.toMilliseconds(),
    useCollisionAvoidance: p.useCollisionAvoidance,
    collisionAvoidancePercent: p.collisionAvoidancePercent,
  });
  const rendered = element('redeliveryPlugin', {
    fallbackToDeadLetter: options.fallbackToDeadLetter,
    sendToDlqIfMaxRetriesExceeded: options.sendToDlqIfMaxRetriesExceeded,
  }, [element('redeliveryPolicyMap', {}, [element('redeliveryPolicyMap', {}, [
    wrapper('redeliveryPolicyEntries', (options.destinationPolicies ?? []).map((p, i) =>
      policy(p, context.destination(p.destination, `redelivery.destinationPolicies[${i}].destination`)))),
    options.defaultPolicy && element('defaultEntry', {}, [policy(options.defaultPolicy, {})]),
  ])])]);
  if (model.schedulerSupport === false) {
    context.problems.push("redelivery: the redelivery plugin needs 'schedulerSupport'; allowed: schedulerSupport true or unset");
  }
  return rendered;
}
