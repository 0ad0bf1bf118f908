/** `a, b or c`-style list of quoted values for error messages. */
export function quoteList(values: ReadonlyArray<string>): string {
  return values.map((v) => `'${v}'`).join(', ');
}
