/**
 * JSON with every object's keys sorted, recursively: how RabbitMQ tells arguments apart (whatever their order), so
 * a binding's identity, in the uniqueness rule and in its physical ID, is the same for the same binding.
 */
export function canonicalJson(value: unknown): string {
  const sorted = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(sorted);
    }
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.keys(node).sort().map((k) => [k, sorted((node as Record<string, unknown>)[k])]));
    }
    return node;
  };
  return JSON.stringify(sorted(value));
}
