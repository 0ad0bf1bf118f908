/**
 * What an XSD permits, reduced to what the configuration validator checks: for each element, its attributes
 * with their value types, and the child elements it may contain. Derived from the XSDs Amazon MQ publishes
 * by scripts/derive-activemq-schema.ts.
 */
export interface XmlSchemaData {
  /** The document's root element. */
  readonly root: string;
  /** Global element declarations, by name. */
  readonly elements: Record<string, ElementDecl>;
}

/** One element's content model. */
export interface ElementDecl {
  readonly attributes: Record<string, AttributeType>;
  /** Child elements by name. */
  readonly children: Record<string, ChildDecl>;
  /** `xs:any` content: anything goes inside (network connector URIs and filters). */
  readonly anyContent?: boolean;
  /** `xs:unique`/`xs:key` constraints: no two `selector` elements (descendants or children) share `field`. */
  readonly unique?: UniqueDecl[];
}

/** A child slot: a reference to a global element, or a local declaration. */
export interface ChildDecl {
  readonly ref?: string;
  readonly local?: ElementDecl;
  /** The most occurrences allowed; -1 for unbounded. */
  readonly maxOccurs: number;
}

/** An attribute's value type. */
export interface AttributeType {
  /** `boolean`, `integer`, `long`, `short`, `double` or `string`. */
  readonly base: string;
  readonly min?: number;
  readonly max?: number;
  /** The allowed values, for enumerations. */
  readonly values?: string[];
}

/** A uniqueness constraint. */
export interface UniqueDecl {
  readonly selector: string;
  readonly field: string;
  readonly descendants: boolean;
}
