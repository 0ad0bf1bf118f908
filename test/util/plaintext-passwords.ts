/** Property names that carry passwords in AWS::AmazonMQ::Broker (Users[].Password, LDAP ServiceAccountPassword). */
const PASSWORD_KEYS = /password$/i;

/** A value is safe when it is a Secrets Manager dynamic reference (plain, or built with Fn::Join). */
function isDynamicReference(value: unknown): boolean {
  const text = JSON.stringify(value);
  return /^"?\{\{resolve:secretsmanager:/.test(text) || /\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:/.test(text);
}

/** A configuration's Data, decoded: a base64 string, or Fn::Base64 of a string. Undefined when built from tokens. */
function configurationText(data: unknown): string | undefined {
  if (typeof data === 'string') {
    return Buffer.from(data, 'base64').toString('utf-8');
  }
  const inner = (data as { 'Fn::Base64'?: unknown } | undefined)?.['Fn::Base64'];
  return typeof inner === 'string' ? inner : undefined;
}

/**
 * Secrets inside a configuration's text: rabbitmq.conf keys that hold a password or key (a value that is not an
 * ARN), or XML attributes named like a password.
 */
const SECRET_SETTING = /^[ \t]*([\w.]*(?:password|passphrase|secret|keyfile))[ \t]*=[ \t]*(?!arn:)\S/gim;
const SECRET_ATTRIBUTE = /\b(\w*password\w*)\s*=\s*"[^"]+"/gi;

function secretsInConfiguration(text: string): string[] {
  return [...text.matchAll(SECRET_SETTING), ...text.matchAll(SECRET_ATTRIBUTE)].map((m) => m[1]);
}

/**
 * JSON paths of every password-like property whose value is not a Secrets Manager reference, and of every
 * secret inside an AWS::AmazonMQ::Configuration's decoded Data (as `...Data:<key>`).
 */
export function plaintextPasswords(node: unknown, path = ''): string[] {
  const data = (node as { Type?: string; Properties?: { Data?: unknown } } | undefined);
  if (data?.Type === 'AWS::AmazonMQ::Configuration') {
    const text = configurationText(data.Properties?.Data);
    const inData = text ? secretsInConfiguration(text).map((key) => `${path}.Properties.Data:${key}`) : [];
    return [...inData, ...plaintextPasswords(data.Properties, `${path}.Properties`)];
  }
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => plaintextPasswords(item, `${path}[${i}]`));
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => {
      const here = path ? `${path}.${key}` : key;
      if (PASSWORD_KEYS.test(key) && typeof value !== 'object') {
        return isDynamicReference(value) ? [] : [here];
      }
      if (PASSWORD_KEYS.test(key) && value && typeof value === 'object' && !isDynamicReference(value)) {
        return [here];
      }
      return plaintextPasswords(value, here);
    });
  }
  return [];
}
