import { Rule } from '../../private/rules';

/** What the escape hatch's rules read. */
export interface ManagementObjectSpec {
  readonly pathSegments: string[];
  readonly method?: string;
}

/** The escape hatch (`RabbitMqManagementObject`): a path the management API can have, and a method it takes. */
export const MANAGEMENT_OBJECT_RULES: ReadonlyArray<Rule<ManagementObjectSpec>> = [
  {
    id: 'RabbitMqObjectPath',
    fact: 'F-AU02',
    summary: '`RabbitMqManagementObject` `pathSegments`: one or more, none empty, `.` or `..` (a URL resolves them away, and RabbitMQ answers an empty 405)',
    check: ({ pathSegments }) => pathSegments.length === 0 || pathSegments.some((s) => s === '' || s === '.' || s === '..')
      ? `'pathSegments' [${pathSegments.map((s) => `'${s}'`).join(', ')}] is not allowed; allowed: segments of a management API path, none empty, '.' or '..'`
      : undefined,
  },
  {
    id: 'RabbitMqObjectMethod',
    fact: 'F-AU02',
    summary: '`RabbitMqManagementObject` `method`: `PUT` (objects the path names) or `POST` (bindings)',
    check: ({ method }) => method !== undefined && method !== 'PUT' && method !== 'POST'
      ? `'method' '${method}' is not allowed; allowed: PUT, POST`
      : undefined,
  },
];
