import { ActiveMqDestination } from './activemq-destination';
import { ActiveMqRenderContext, isKnownString } from './activemq-render-context';
import { element, wrapper, XmlNode } from '../../private/xml/xml-node';

/**
 * Which groups may read, write and administer (create) the destinations a pattern matches
 * (`<authorizationEntry>`). Groups come from the broker's users (simple authentication) or LDAP.
 */
export interface ActiveMqAuthorizationEntry {
  /** The destinations (patterns allowed). */
  readonly destination: ActiveMqDestination;
  /**
   * Groups that may consume and browse.
   * @default - none
   */
  readonly read?: string[];
  /**
   * Groups that may send.
   * @default - none
   */
  readonly write?: string[];
  /**
   * Groups that may create the destination (needed for auto-creation on first use).
   * @default - none
   */
  readonly admin?: string[];
}

/** Which groups may use temporary destinations (`<tempDestinationAuthorizationEntry>`). */
export interface ActiveMqTempDestinationAuthorization {
  /** @default - none */
  readonly read?: string[];
  /** @default - none */
  readonly write?: string[];
  /** @default - none */
  readonly admin?: string[];
}

/** Renders the `<authorizationPlugin>`, or nothing when there are no entries. */
export function renderAuthorization(
  model: {
    readonly authorizationEntries?: ActiveMqAuthorizationEntry[];
    readonly tempDestinationAuthorization?: ActiveMqTempDestinationAuthorization;
  },
  context: ActiveMqRenderContext,
): XmlNode | undefined {
  const groups = (g: string[] | undefined, where: string) => {
    for (const name of g ?? []) {
      if (isKnownString(name) && !/^[^,\s]+$/.test(name)) {
        context.problems.push(`${where}: group '${name}' is not allowed; allowed: a non-empty group name without commas or spaces`);
      }
    }
    return g && g.length > 0 ? g.join(',') : undefined;
  };
  const temp = model.tempDestinationAuthorization;
  const rendered = (model.authorizationEntries ?? []).map((e, i) => element('authorizationEntry', {
    ...context.destination(e.destination, `authorizationEntries[${i}].destination`),
    read: groups(e.read, `authorizationEntries[${i}].read`),
    write: groups(e.write, `authorizationEntries[${i}].write`),
    admin: groups(e.admin, `authorizationEntries[${i}].admin`),
  }));
  const tempEntry = temp && element('tempDestinationAuthorizationEntry', {}, [element('tempDestinationAuthorizationEntry', {
    read: groups(temp.read, 'tempDestinationAuthorization.read'),
    write: groups(temp.write, 'tempDestinationAuthorization.write'),
    admin: groups(temp.admin, 'tempDestinationAuthorization.admin'),
  })]);
  if (rendered.length === 0 && !tempEntry) {
    return undefined;
  }
  return element('authorizationPlugin', {}, [element('map', {}, [element('authorizationMap', {}, [
    wrapper('authorizationEntries', rendered),
    tempEntry,
  ])])]);
}
