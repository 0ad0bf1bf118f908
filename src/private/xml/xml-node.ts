/** An XML element as the configuration model builds and validates it (no text content: the schemas have none). */
export interface XmlNode {
  readonly name: string;
  /** Attribute values in document order; undefined values are left out when rendered. */
  readonly attributes: Record<string, string>;
  readonly children: XmlNode[];
  /** Non-whitespace text found inside the element (only from parsed XML); the schemas allow none. */
  readonly text?: string;
}

type AttributeValue = string | number | boolean | undefined;

/** Builds an element, dropping undefined attributes and empty child slots. */
export function element(name: string, attributes: Record<string, AttributeValue> = {}, children: Array<XmlNode | undefined> = []): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) {
      attrs[key] = String(value);
    }
  }
  return { name, attributes: attrs, children: children.filter((c): c is XmlNode => c !== undefined) };
}

/** An element that exists only when it has children (ActiveMQ property elements such as `<plugins>`). */
export function wrapper(name: string, children: Array<XmlNode | undefined>): XmlNode | undefined {
  const present = children.filter((c): c is XmlNode => c !== undefined);
  return present.length > 0 ? element(name, {}, present) : undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/**
 * Escapes a double-quoted attribute value. `>` stays as is (legal there, and ActiveMQ's wildcard); whitespace
 * characters are escaped so XML attribute normalization keeps them. Token markers (`${Token[...]}`) contain no
 * escapable character and pass through.
 */
function escapeXml(value: string): string {
  return value.replace(/[&<"\n\r\t]/g, (c) => ESCAPES[c]);
}

/** Renders an element tree as indented XML. */
export function renderXml(node: XmlNode, indent = ''): string {
  const attrs = Object.entries(node.attributes).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (node.children.length === 0) {
    return `${indent}<${node.name}${attrs}/>`;
  }
  const inner = node.children.map((c) => renderXml(c, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}
