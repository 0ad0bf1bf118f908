/**
 * Patterns and whether RabbitMQ 4.0.5 takes them as a permission or policy pattern (PCRE 8.45, through Erlang's `re`),
 * as seen on the engine: shared by the unit test (test/rabbitmq/pcre-pattern.test.ts) and the engine test
 * (test/engines/rabbitmq-pcre.engine.test.ts), which proves each verdict on real RabbitMQ. Most rows are where
 * JavaScript's RegExp, the check this replaced, judges otherwise.
 */
export interface PcreRow {
  readonly pattern: string;
  /** RabbitMQ 4.0.5's verdict. */
  readonly accepted: boolean;
  readonly what: string;
}

const row = (pattern: string, accepted: boolean, what: string): PcreRow => ({ pattern, accepted, what });

export const PCRE_PATTERNS: PcreRow[] = [
  // Inline options: PCRE takes them, RegExp has no (?i).
  row('(?i)^orders', true, 'inline caseless option'),
  row('(?s)^a.b$', true, 'inline dotall option'),
  row('(?x) ^ orders \\. # a comment', true, 'inline extended option, with a comment'),
  row('(?i:orders)\\..*', true, 'option group'),
  row('(?im-sx)^a', true, 'options set and unset'),
  row('(?^)a', false, 'Perl\'s (?^), not PCRE 8\'s'),
  row('(?z)a', false, 'unknown option'),
  // Lookbehinds: PCRE needs a fixed length per branch, RegExp takes any.
  row('(?<=a+)b', false, 'variable-length lookbehind'),
  row('(?<=\\w+)b', false, 'variable-length lookbehind (class)'),
  row('(?<=a{1,2})b', false, 'lookbehind with a range quantifier'),
  row('(?<=(a|bc))d', false, 'lookbehind over a group with branches of different lengths'),
  row('(?<=a)b', true, 'fixed-length lookbehind'),
  row('(?<=a|bc)d', true, 'lookbehind whose top-level branches differ in length'),
  row('(?<=a{2})b', true, 'lookbehind with a counted quantifier'),
  row('(?<!\\d)x', true, 'negative lookbehind'),
  row('(?<=\\R)a', false, 'lookbehind on \\R (one or two characters)'),
  // \Q...\E
  row('\\Qorders.*\\E', true, 'quoted literal'),
  row('^\\Qa(b', true, 'quoted literal to the end'),
  row('\\Q\\E*', false, 'empty quote, then a quantifier with nothing to repeat'),
  // Possessive quantifiers and atomic groups
  row('a++', true, 'possessive quantifier'),
  row('a*+b', true, 'possessive star'),
  row('a{2}+', true, 'possessive counted quantifier'),
  row('a+?+', false, 'lazy then possessive'),
  row('a**', false, 'quantifier of a quantifier'),
  row('(?>a|ab)c', true, 'atomic group'),
  // Named groups and references
  row('(?<n>a)', true, 'named group'),
  row('(?P<n>a)(?P=n)', true, 'Python-style named group and back reference'),
  row('(?\'n\'a)\\k\'n\'', true, 'quoted group name'),
  row('(?<n>a)\\k<n>', true, 'named back reference'),
  row('(?<n>a)(?<n>b)', false, 'duplicate group name'),
  row('(?J)(?<n>a)|(?<n>b)', true, 'duplicate group name allowed by (?J)'),
  row('(?<1n>a)', false, 'group name starting with a digit'),
  row('(?<n>a)\\k<m>', false, 'reference to a name no group has'),
  row('\\k<n>', false, 'named reference without groups (RegExp: the letters k<n>)'),
  row('\\1', false, 'back reference without groups (RegExp: octal)'),
  row('(a)\\1', true, 'back reference'),
  row('\\8', true, '\\8 without 8 groups is the digit'),
  row('(?1)(a)', true, 'subroutine call'),
  row('(a)(?(1)b|c)', true, 'conditional group'),
  row('(a)(?(1)b|c|d)', false, 'conditional group with three branches'),
  // Anchors
  row('^orders\\z', true, 'end of subject'),
  row('\\Aorders\\Z', true, 'start of subject, end or before final newline'),
  row('\\A*', false, 'quantified anchor'),
  // Unicode properties (PCRE 8.45's table; RegExp without the u flag reads \p as p)
  row('\\p{L}', true, 'Unicode property'),
  row('\\P{Lu}\\pN', true, 'negated and one-letter properties'),
  row('[\\p{Greek}\\d]', true, 'script in a class'),
  row('\\p{Foo}', false, 'unknown property'),
  row('\\p{l}', false, 'property names are case-sensitive'),
  row('\\p{', false, 'unterminated property'),
  // RegExp-only syntax
  row('[^]', false, 'RegExp\'s any character: PCRE reads ] as a member, unterminated'),
  row('[]', false, 'RegExp\'s empty class: unterminated for PCRE'),
  row('a[^]b', false, 'RegExp\'s any character inside a pattern'),
  row('[]a]', true, '] first in a class is a member'),
  row('\\u0041', false, 'RegExp\'s \\u escape'),
  row('[\\u0041]', false, 'RegExp\'s \\u escape in a class'),
  row('\\x{41}', true, 'PCRE\'s braced hexadecimal'),
  row('\\x{100}', false, 'a character above 0xff without (*UTF8)'),
  row('(*UTF8)\\x{100}', true, 'a code point after (*UTF8)'),
  row('[a-\\d]', false, 'range ending in a class escape'),
  row('[\\d-z]', true, 'a - after a class escape is a member'),
  row('[[:alpha:]_]', true, 'POSIX class'),
  row('[[:foo:]]', false, 'unknown POSIX class'),
  row('[:alpha:]', false, 'POSIX class outside a class'),
  row('\\c', false, '\\c at the end'),
  row('[é-z]', false, 'bytes: é is 0xC3 0xA9, and 0xA9-z is out of order'),
  row('(?#comment)^orders', true, 'comment group'),
  // Both dialects agree
  row('^orders\\..*', true, 'plain'),
  row('.*', true, 'everything'),
  row('^$', true, 'nothing'),
  row('^(orders|billing)\\.[a-z0-9-]+$', true, 'alternation and classes'),
  row('([', false, 'unterminated class in a group'),
  row('*a', false, 'nothing to repeat'),
  row('(', false, 'missing )'),
  row(')', false, 'unmatched )'),
  row('a{2,1}', false, 'quantifier out of order'),
  row('[z-a]', false, 'range out of order'),
  row('a\\', false, 'trailing backslash'),
];

/**
 * What the check accepts on purpose without judging (so it never refuses what RabbitMQ takes), though RabbitMQ
 * refuses: recursion that could loop forever, a subroutine call's length in a lookbehind, patterns too large.
 */
export const NOT_JUDGED: string[] = ['(?R)', '(a|(?1))', '(?<=(?1))(a+)', '(?:ab){30000}'];
