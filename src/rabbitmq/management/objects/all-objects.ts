import { BINDING } from './binding';
import { EXCHANGE } from './exchange';
import { FEDERATION_UPSTREAM } from './federation-upstream';
import { USER_LIMIT, VIRTUAL_HOST_LIMIT } from './limit';
import { OBJECT_PROP_KINDS_RULE, OBJECT_RULES, ObjectDescriptor } from './object-descriptor';
import { PERMISSIONS } from './permission';
import { OPERATOR_POLICY, POLICY } from './policy';
import { QUEUE } from './queue';
import { SHOVEL } from './shovel';
import { TOPIC_PERMISSIONS } from './topic-permission';
import { USER } from './user';
import { VIRTUAL_HOST } from './virtual-host';
import { Rule } from '../../../private/rules';

/** Every object type the typed API applies. A new type is one file here, added to this list. */
export const OBJECT_DESCRIPTORS: ReadonlyArray<ObjectDescriptor<any>> = [
  VIRTUAL_HOST, VIRTUAL_HOST_LIMIT, USER, USER_LIMIT, PERMISSIONS, TOPIC_PERMISSIONS, QUEUE, EXCHANGE, BINDING, POLICY, OPERATOR_POLICY,
  SHOVEL, FEDERATION_UPSTREAM,
];

/** Every management rule once: the ones all objects have, then each type's. */
export const MANAGEMENT_RULES: ReadonlyArray<Rule<any>> = [
  ...new Map([OBJECT_PROP_KINDS_RULE as Rule<any>, ...OBJECT_RULES, ...OBJECT_DESCRIPTORS.flatMap((d) => d.rules)].map((r) => [r.id, r])).values(),
];
