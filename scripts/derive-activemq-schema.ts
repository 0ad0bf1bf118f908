/**
 * Derives the permitted-XML tables from the XSDs Amazon MQ publishes for ActiveMQ configurations
 * (schemas/activemq/amazon-mq-active-mq-<version>.xsd) and writes src/activemq/configuration/amazon-mq-xsd.generated.ts.
 * Run with `npx projen derive:activemq-schema`; test/activemq/configuration/xsd-derivation.test.ts fails when the
 * committed file and the XSDs disagree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, Element } from '@xmldom/xmldom';
import { AttributeType, ChildDecl, ElementDecl, XmlSchemaData } from '../src/private/xml/xml-schema';

const XS = 'http://www.w3.org/2001/XMLSchema';
export const SCHEMA_DIR = path.join(__dirname, '..', 'schemas', 'activemq');
export const GENERATED_FILE = path.join(__dirname, '..', 'src', 'activemq', 'configuration', 'amazon-mq-xsd.generated.ts');

/** The XSD files by ActiveMQ minor version. */
export function xsdFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(SCHEMA_DIR).sort()) {
    const match = /^amazon-mq-active-mq-(\d+\.\d+)\.\d+\.xsd$/.exec(file);
    if (match) {
      files[match[1]] = path.join(SCHEMA_DIR, file);
    }
  }
  return files;
}

function xsChildren(el: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    const e = n as Element;
    if (n.nodeType === 1 && e.namespaceURI === XS && (!localName || e.localName === localName)) {
      out.push(e);
    }
  }
  return out;
}

function occurs(el: Element): number {
  const max = el.getAttribute('maxOccurs');
  return max === 'unbounded' ? -1 : Number(max ?? '1');
}

function stripPrefix(qname: string): string {
  return qname.includes(':') ? qname.split(':')[1] : qname;
}

/** Parses one XSD into the validator's tables. */
export function deriveSchema(xsd: string): XmlSchemaData {
  const doc = new DOMParser().parseFromString(xsd, 'text/xml');
  const schema = doc.documentElement!;
  const simpleTypes: Record<string, AttributeType> = {};
  for (const st of xsChildren(schema, 'simpleType')) {
    simpleTypes[st.getAttribute('name')!] = simpleType(st);
  }

  function simpleType(st: Element): AttributeType {
    const restriction = xsChildren(st, 'restriction')[0];
    const base = stripPrefix(restriction.getAttribute('base')!);
    const facet = (name: string) => xsChildren(restriction, name).map((f) => f.getAttribute('value')!);
    const values = facet('enumeration');
    const min = facet('minInclusive')[0];
    const max = facet('maxInclusive')[0];
    return {
      base,
      ...(min !== undefined ? { min: Number(min) } : {}),
      ...(max !== undefined ? { max: Number(max) } : {}),
      ...(values.length > 0 ? { values } : {}),
    };
  }

  function attributeType(attr: Element): AttributeType {
    const type = attr.getAttribute('type');
    if (type) {
      return type.startsWith('xs:') ? { base: type.slice(3) } : simpleTypes[stripPrefix(type)];
    }
    return simpleType(xsChildren(attr, 'simpleType')[0]);
  }

  function elementDecl(el: Element): ElementDecl {
    const attributes: Record<string, AttributeType> = {};
    const children: Record<string, ChildDecl> = {};
    let anyContent = false;
    const complexType = xsChildren(el, 'complexType')[0];

    // Walks the particles; an enclosing repeatable group makes every element in it repeatable.
    function particles(group: Element, repeatable: boolean): void {
      for (const p of xsChildren(group)) {
        switch (p.localName) {
          case 'attribute':
            attributes[p.getAttribute('name')!] = attributeType(p);
            break;
          case 'choice':
          case 'sequence':
            particles(p, repeatable || occurs(p) !== 1);
            break;
          case 'any':
            // `##other` slots take Spring beans, which Amazon MQ does not accept; only open `xs:any` means anything.
            if (!p.getAttribute('namespace')) {
              anyContent = true;
            }
            break;
          case 'element': {
            const maxOccurs = repeatable ? -1 : occurs(p);
            const ref = p.getAttribute('ref');
            if (ref) {
              children[stripPrefix(ref)] = { ref: stripPrefix(ref), maxOccurs };
            } else {
              children[p.getAttribute('name')!] = { local: elementDecl(p), maxOccurs };
            }
            break;
          }
        }
      }
    }
    if (complexType) {
      particles(complexType, false);
    }
    const unique = [...xsChildren(el, 'unique'), ...xsChildren(el, 'key')].map((u) => {
      const xpath = xsChildren(u, 'selector')[0].getAttribute('xpath')!;
      return {
        selector: stripPrefix(xpath.replace(/^\.\/\//, '')),
        field: xsChildren(u, 'field')[0].getAttribute('xpath')!.replace(/^@/, ''),
        descendants: xpath.startsWith('.//'),
      };
    });
    return {
      attributes,
      children,
      ...(anyContent ? { anyContent } : {}),
      ...(unique.length > 0 ? { unique } : {}),
    };
  }

  const elements: Record<string, ElementDecl> = {};
  for (const el of xsChildren(schema, 'element')) {
    elements[el.getAttribute('name')!] = elementDecl(el);
  }
  return { root: 'broker', elements };
}

/** The generated module's text. */
export function renderGeneratedModule(): string {
  const lines = [
    '// Generated by scripts/derive-activemq-schema.ts from schemas/activemq/*.xsd (the XSDs Amazon MQ publishes). Do not edit.',
    '/* eslint-disable */',
    "import { XmlSchemaData } from '../../private/xml/xml-schema';",
    '',
    '/** What Amazon MQ permits in an ActiveMQ configuration, by ActiveMQ minor version (mq-facts F-X01). */',
    'export const AMAZON_MQ_XSD: Record<string, XmlSchemaData> = {',
  ];
  for (const [version, file] of Object.entries(xsdFiles())) {
    lines.push(`  '${version}': ${JSON.stringify(deriveSchema(fs.readFileSync(file, 'utf-8')))},`);
  }
  lines.push('};', '');
  return lines.join('\n');
}

if (require.main === module) {
  fs.writeFileSync(GENERATED_FILE, renderGeneratedModule());
  console.log(`wrote ${path.relative(process.cwd(), GENERATED_FILE)}`);
}
