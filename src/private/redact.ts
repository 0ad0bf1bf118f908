/** The message without any of the secrets (raw, URI-encoded or HTML-escaped) nor a URI's `user:password@`. */
export function redact(message: string, secrets: string[]): string {
  let text = message.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
  const forms = secrets.flatMap((s) => [s, encodeURIComponent(s)]).sort((a, b) => b.length - a.length);
  for (const form of forms) {
    text = text.split(form).join('***');
  }
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi, '$1***:***@');
}
