import { pcrePatternProblem } from './pcre-pattern';
import { isKnown } from '../../private/rules';

/**
 * Whether RabbitMQ finds `pattern` in `name`, as it matches policy patterns (Erlang's `re:run` over the UTF-8 bytes of
 * both, no options, not anchored unless the pattern is), or `undefined` when this cannot tell: a token, a pattern
 * RabbitMQ refuses, or one outside the subset where PCRE 8.45 and JavaScript's RegExp match alike.
 *
 * The subset: literal characters; `.`, `^`, `$`, `|`, `*`, `+`, `?` (lazy too), `{n}`, `{n,}`, `{n,m}`; groups `(...)` and
 * `(?:...)`; `\d`, `\D` and a backslash before ASCII punctuation or a space; classes `[...]` and `[^...]` of characters, ranges
 * and escaped punctuation (or space). Both read them the same way over bytes: `.` and `$` differ only at line breaks, which
 * names never hold. Outside it (`(?i)`, `\w`, whose Latin-1 tables differ, `[[:alpha:]]`, `\Q...\E`, back references,
 * lookarounds, possessive quantifiers), the answer is `undefined`, never a guess.
 */
export function pcreMatches(pattern: string, name: string): boolean | undefined {
  if (!isKnown(pattern) || !isKnown(name) || pcrePatternProblem(pattern) !== undefined || !inCommonSubset(pattern)) {
    return undefined;
  }
  // PCRE without (*UTF8) reads bytes: so does a RegExp without the u flag over the bytes as Latin-1 characters.
  const bytes = (s: string) => Buffer.from(s, 'utf-8').toString('latin1');
  try {
    return new RegExp(bytes(pattern)).test(bytes(name));
  } catch {
    return undefined;
  }
}

const PUNCTUATION = /^[ -/:-@[-`{-~]$/;
const QUANTIFIER = /^\{\d+(,\d*)?\}/;

/** Whether the pattern uses only constructs PCRE and JavaScript read alike (see `pcreMatches`). */
function inCommonSubset(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[++i];
      if (next === undefined || !(PUNCTUATION.test(next) || (!inClass && (next === 'd' || next === 'D')))) {
        return false;
      }
    } else if (inClass) {
      if (c === '[') {
        return false; // POSIX classes such as [[:alpha:]] in PCRE; a literal in JavaScript
      }
      inClass = c !== ']';
    } else if (c === '[') {
      // PCRE reads []a] and [^]a] as classes holding ']'; JavaScript as an empty class.
      const start = pattern[i + 1] === '^' ? i + 2 : i + 1;
      if (pattern[start] === ']') {
        return false;
      }
      inClass = true;
      i = start - 1;
    } else if (c === '(') {
      if (pattern[i + 1] === '*' || (pattern[i + 1] === '?' && pattern[i + 2] !== ':')) {
        return false; // verbs, options, lookarounds, named groups, comments
      }
    } else if (c === '{' && !QUANTIFIER.test(pattern.slice(i))) {
      return false;
    }
  }
  return !inClass;
}
