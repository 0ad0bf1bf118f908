/**
 * The values a synthesized template leaves to deploy time (`Ref`, `Fn::GetAtt`, `Fn::Join`, ...), resolved against the
 * deployed stack. Pure: what the stack holds comes through `DeployedValues`, so tests resolve templates without AWS.
 */

/** What the deployed stack says about its resources. */
export interface DeployedValues {
  /** The physical ID of a resource of the stack: what `Ref` gives for most types (a secret's ARN, a broker's ID). */
  physicalId(logicalId: string): Promise<string | undefined>;
  /** An attribute of a resource of the stack; undefined when this check does not read that attribute. */
  attribute(logicalId: string, attribute: string): Promise<unknown>;
  /** `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::URLSuffix`, `AWS::StackName`; undefined for others. */
  pseudo(name: string): Promise<string | undefined>;
}

/** A value the check cannot resolve (an import from another stack, a parameter, an attribute it does not read). */
export class UnresolvedValueError extends Error {}

/** The value with every intrinsic function resolved; throws UnresolvedValueError naming what it could not resolve. */
export async function resolveValue(value: unknown, deployed: DeployedValues): Promise<unknown> {
  if (Array.isArray(value)) {
    return Promise.all(value.map((v) => resolveValue(v, deployed)));
  }
  if (!value || typeof value !== 'object') {
    return value;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1 || !(entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
    return Object.fromEntries(await Promise.all(entries.map(async ([k, v]) => [k, await resolveValue(v, deployed)])));
  }
  const [fn, raw] = entries[0];
  const args = await resolveValue(raw, deployed);
  switch (fn) {
    case 'Ref': return ref(String(args), deployed);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(args) ? args.map(String) : String(args).split('.');
      const found = await deployed.attribute(logicalId, attribute);
      if (found === undefined) {
        throw new UnresolvedValueError(`Fn::GetAtt ${logicalId}.${attribute} (not an attribute this check reads)`);
      }
      return found;
    }
    case 'Fn::Select': {
      const [index, list] = args as [unknown, unknown[]];
      return list[Number(index)];
    }
    case 'Fn::Join': {
      const [separator, parts] = args as [string, unknown[]];
      return parts.map(String).join(separator);
    }
    case 'Fn::Split': {
      const [separator, text] = args as [string, string];
      return text.split(separator);
    }
    case 'Fn::Sub': return sub(args, deployed);
    default:
      throw new UnresolvedValueError(`${fn} ${JSON.stringify(raw)}`);
  }
}

async function ref(name: string, deployed: DeployedValues): Promise<string> {
  const found = name.startsWith('AWS::') ? await deployed.pseudo(name) : await deployed.physicalId(name);
  if (found === undefined) {
    throw new UnresolvedValueError(`Ref ${name} (${name.startsWith('AWS::') ? 'a pseudo parameter this check does not know' : 'not a resource of the deployed stack: a parameter, or not deployed'})`);
  }
  return found;
}

/** `Fn::Sub`: `${Name}`, `${Name.Attribute}`, its own variables, and `${!Literal}`. */
async function sub(args: unknown, deployed: DeployedValues): Promise<string> {
  const [text, variables] = (Array.isArray(args) ? args : [args, {}]) as [string, Record<string, unknown>];
  const parts = text.split(/(\$\{[^}]+\})/);
  const out: string[] = [];
  for (const part of parts) {
    const name = /^\$\{([^}]+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      out.push(part);
    } else if (name.startsWith('!')) {
      out.push(`\${${name.slice(1)}}`);
    } else if (name in variables) {
      out.push(String(variables[name]));
    } else if (name.includes('.') && !name.startsWith('AWS::')) {
      const [logicalId, ...attribute] = name.split('.');
      out.push(String(await resolveValue({ 'Fn::GetAtt': [logicalId, attribute.join('.')] }, deployed)));
    } else {
      out.push(await ref(name, deployed));
    }
  }
  return out.join('');
}
