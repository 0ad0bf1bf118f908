import { Token } from 'aws-cdk-lib';
import { XmlNode } from './xml-node';
import { AttributeType, ElementDecl, XmlSchemaData } from './xml-schema';

const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Integer ranges of the XSD built-in types (long is checked as a safe JS integer). */
const INTEGER_RANGES: Record<string, [number, number]> = {
  short: [-32768, 32767],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  integer: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Checks an element tree against what an XSD permits. Each problem names the element path
 * (`/broker/plugins/authorizationPlugin`), the bad element, attribute or value, and what is allowed.
 * Values that are tokens are not checked: they are known only at deploy time.
 */
export function validateXml(root: XmlNode, schema: XmlSchemaData): string[] {
  const problems: string[] = [];
  if (root.name !== schema.root) {
    return [`the root element is <${root.name}>; allowed: <${schema.root}>`];
  }
  walk(root, schema.elements[schema.root], `/${root.name}`, schema, problems);
  return problems;
}

function walk(node: XmlNode, decl: ElementDecl, path: string, schema: XmlSchemaData, problems: string[]): void {
  for (const [name, value] of Object.entries(node.attributes)) {
    const type = decl.attributes[name];
    if (!type) {
      problems.push(`${path}: attribute '${name}' is not allowed; allowed: ${list(Object.keys(decl.attributes))}`);
    } else if (!Token.isUnresolved(value)) {
      const problem = checkValue(value, type);
      if (problem) {
        problems.push(`${path}@${name}: '${value}' ${problem}`);
      }
    }
  }
  if (decl.anyContent) {
    return;
  }
  if (node.text !== undefined && !Token.isUnresolved(node.text)) {
    problems.push(`${path}: text content is not allowed ('${node.text.slice(0, 40)}')`);
  }
  const seen: Record<string, number> = {};
  const totals = countByName(node.children);
  for (const child of node.children) {
    const index = seen[child.name] = (seen[child.name] ?? 0) + 1;
    const childPath = totals[child.name] > 1 ? `${path}/${child.name}[${index}]` : `${path}/${child.name}`;
    const slot = decl.children[child.name];
    if (!slot) {
      problems.push(`${path}: element <${child.name}> is not allowed here; allowed: ${list(Object.keys(decl.children).map((c) => `<${c}>`))}`);
      continue;
    }
    if (slot.maxOccurs >= 0 && index === slot.maxOccurs + 1) {
      problems.push(`${path}: <${child.name}> occurs ${totals[child.name]} times; allowed: at most ${slot.maxOccurs}`);
    }
    walk(child, slot.local ?? schema.elements[slot.ref!], childPath, schema, problems);
  }
  for (const unique of decl.unique ?? []) {
    const values = selectAll(node, unique.selector, unique.descendants)
      .map((n) => n.attributes[unique.field])
      .filter((v) => v !== undefined && !Token.isUnresolved(v));
    const duplicates = [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
    if (duplicates.length > 0) {
      problems.push(`${path}: <${unique.selector}> ${unique.field}=${list(duplicates.map((d) => `'${d}'`))} appears more than once; allowed: each ${unique.field} once`);
    }
  }
}

function checkValue(value: string, type: AttributeType): string | undefined {
  if (type.values) {
    return type.values.includes(value) ? undefined : `is not allowed; allowed: ${list(type.values)}`;
  }
  switch (type.base) {
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(value) ? undefined : 'is not a boolean; allowed: true, false';
    case 'double':
      return DOUBLE.test(value) ? undefined : 'is not a number';
    case 'string':
      return undefined;
    default: {
      if (!INTEGER.test(value)) {
        return `is not an integer (${type.base})`;
      }
      const [lo, hi] = INTEGER_RANGES[type.base] ?? INTEGER_RANGES.long;
      const min = type.min ?? lo;
      const max = type.max ?? hi;
      const n = Number(value);
      return n < min || n > max ? `is out of range; allowed: ${min} to ${max}` : undefined;
    }
  }
}

function selectAll(node: XmlNode, name: string, descendants: boolean): XmlNode[] {
  const found: XmlNode[] = [];
  for (const child of node.children) {
    if (child.name === name) {
      found.push(child);
    }
    if (descendants) {
      found.push(...selectAll(child, name, true));
    }
  }
  return found;
}

function countByName(nodes: XmlNode[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of nodes) {
    counts[n.name] = (counts[n.name] ?? 0) + 1;
  }
  return counts;
}

function list(items: string[]): string {
  return items.length > 0 ? [...items].sort().join(', ') : '(none)';
}
