import { DOMParser, Element, Node } from '@xmldom/xmldom';
import { XmlNode } from './xml-node';

/** A parsed document: its root element and the namespace of every element that is not in `namespace`. */
export interface ParsedXml {
  readonly root: XmlNode;
  /** Paths of elements outside the expected namespace, for the error message. */
  readonly foreignElements: string[];
}

/**
 * Parses XML text into an element tree, throwing on malformed XML with the parser's line and column.
 * Comments and processing instructions are dropped; only elements, attributes and text remain.
 */
export function parseXml(text: string, namespace: string): ParsedXml {
  const parser = new DOMParser({
    onError: (level, message) => {
      // Warnings (such as a missing XML declaration) are harmless; errors are not.
      if (level !== 'warning') {
        throw new Error(`malformed XML: ${message.trim()}`);
      }
    },
  });
  const doc = parser.parseFromString(text, 'text/xml');
  const root = doc.documentElement;
  if (!root) {
    throw new Error('malformed XML: no root element');
  }
  const depth = maxDepth(root);
  if (depth > MAX_DEPTH) {
    throw new Error(`XML nests elements ${depth} levels deep; allowed: at most ${MAX_DEPTH} (Amazon MQ's schemas need fewer than 10)`);
  }
  const foreignElements: string[] = [];
  return { root: toNode(root, '', namespace, foreignElements), foreignElements };
}

/** Deeper documents are refused before the recursive walks below could overflow the call stack. */
const MAX_DEPTH = 64;

/** The nesting depth of an element tree, measured without recursion. */
function maxDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return deepest;
}

function toNode(el: Element, parentPath: string, namespace: string, foreign: string[]): XmlNode {
  const name = el.localName ?? el.nodeName;
  const path = `${parentPath}/${name}`;
  if (el.namespaceURI !== namespace) {
    foreign.push(`${path} (namespace ${el.namespaceURI ?? 'none'})`);
  }
  const attributes: Record<string, string> = {};
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes.item(i)!;
    if (attr.name === 'xmlns' || attr.prefix === 'xmlns') {
      continue;
    }
    attributes[attr.localName ?? attr.name] = attr.value;
  }
  const children: XmlNode[] = [];
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      children.push(toNode(child as Element, path, namespace, foreign));
    } else if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) {
      text += child.nodeValue ?? '';
    }
  }
  return { name, attributes, children, text: text.trim() || undefined };
}
