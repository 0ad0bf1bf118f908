/** Property names that carry passwords in AWS::AmazonMQ::Broker (Users[].Password, LDAP ServiceAccountPassword). */
const PASSWORD_KEYS = /password$/i;

/** A value is safe when it is a Secrets Manager dynamic reference (plain, or built with Fn::Join). */
function isDynamicReference(value: unknown): boolean {
  const text = JSON.stringify(value);
  return /^"?\{\{resolve:secretsmanager:/.test(text) || /\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:/.test(text);
}

/** JSON paths of every password-like property whose value is not a Secrets Manager reference. */
export function plaintextPasswords(node: unknown, path = ''): string[] {
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
