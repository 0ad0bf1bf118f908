import { App, Validations } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { Construct, IConstruct } from 'constructs';
import * as library from '../../src';
import { ScopedProvider } from '../../src/private/scoped-provider';

/** One cdk-nag finding (unacknowledged: what fails synth, or warns), and whose resource it is on. */
export interface NagFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  /** On a resource this library creates (under one of its constructs), not on the app's own. */
  readonly library: boolean;
}

/** Every construct class of the library: its exports, and the base of its stack-level and per-broker providers. */
const LIBRARY_CLASSES: Function[] = [
  ...Object.values(library as Record<string, unknown>).filter((v): v is Function => typeof v === 'function' && v.prototype instanceof Construct),
  ScopedProvider,
];

/** Whether `construct` is the library's: it, or one of its scopes, is an instance of a library construct class. */
export function isLibraryConstruct(construct: IConstruct): boolean {
  return construct.node.scopes.some((c) => LIBRARY_CLASSES.some((cls) => c instanceof cls));
}

/** The findings of one pack on a synthesized app (aspects and lazy values done), without throwing on them. */
export function nagFindings(app: App, pack: NagPack): NagFinding[] {
  const byPath = new Map(app.node.findAll().map((c) => [c.node.path, c]));
  return pack.validateScope(app).violations.flatMap((v) => v.violatingResources.map((r) => ({
    ruleId: v.ruleName,
    severity: v.severity === 'error' ? 'error' as const : 'warning' as const,
    path: r.constructPath!,
    library: isLibraryConstruct(byPath.get(r.constructPath!)!),
  })));
}

/** One acknowledgement recorded with `Validations.of(construct).acknowledge()`. */
export interface NagAcknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: unknown;
  readonly library: boolean;
}

/** Every acknowledgement recorded in the app's construct tree. */
export function acknowledgements(app: App): NagAcknowledgement[] {
  return app.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && m.data)
    .flatMap((m) => Object.entries(m.data as Record<string, unknown>).map(([qualified, reason]) => ({
      path: c.node.path,
      // aws-cdk-lib records the ID with a plugin prefix (`Annotation::`), as cdk-nag reads it.
      id: qualified.replace(/^annotation::/i, ''),
      reason,
      library: isLibraryConstruct(c),
    }))));
}
