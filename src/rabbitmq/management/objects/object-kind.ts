/**
 * Every kind of object the typed API applies through the management API: the custom resource's `Kind` (shared by
 * the constructs and the handler), and the word the rules' messages use.
 */
export type RabbitMqObjectKind = 'virtual host' | 'virtual host limit' | 'user' | 'user limit' | 'permissions'
| 'topic permissions' | 'queue' | 'exchange' | 'binding' | 'policy' | 'operator policy' | 'shovel' | 'federation upstream';

/**
 * How the handler tells objects apart. `path`: the API path names the object (PUT to it, DELETE it). `binding`:
 * RabbitMQ names the object itself (POST to its collection), so it is known by its routing key and arguments too,
 * and deleted by finding it in the collection.
 */
export type ObjectIdentity = 'path' | 'binding';

/** The identity of each kind: the handler reads it from `Kind`, not from the HTTP method. */
export const OBJECT_IDENTITY: Readonly<Record<RabbitMqObjectKind, ObjectIdentity>> = {
  'virtual host': 'path',
  'virtual host limit': 'path',
  'user': 'path',
  'user limit': 'path',
  'permissions': 'path',
  'topic permissions': 'path',
  'queue': 'path',
  'exchange': 'path',
  'binding': 'binding',
  'policy': 'path',
  'operator policy': 'path',
  'shovel': 'path',
  'federation upstream': 'path',
};

/**
 * The identity of an object of any kind. The escape hatch's `kind` is free text for messages: there `POST`
 * (the only way to create a binding) says it is a binding.
 */
export function objectIdentity(kind: string, method: string | undefined): ObjectIdentity {
  return OBJECT_IDENTITY[kind as RabbitMqObjectKind] ?? (method === 'POST' ? 'binding' : 'path');
}
