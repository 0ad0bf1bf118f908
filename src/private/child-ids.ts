import { createHash } from 'crypto';
import { IConstruct } from 'constructs';

/**
 * `prefix + name` as a construct ID, unless a sibling already has that ID: then a hash of the name is appended.
 * Object names become IDs, and legal names can meet: constructs turn `/` into `--` (queues `a/b` and `a--b`), the
 * default virtual host `/` is `Default`, a user `a`'s secret is `UseraSecret`. IDs in use stay as they were.
 * `identity` (default `name`) is what the hash tells apart, when the ID drops part of it.
 */
export function uniqueChildId(scope: IConstruct, prefix: string, name: string, identity: string = name): string {
  const id = `${prefix}${name}`;
  return scope.node.tryFindChild(id) === undefined ? id : `${id}-${createHash('sha256').update(identity).digest('hex').slice(0, 8)}`;
}
