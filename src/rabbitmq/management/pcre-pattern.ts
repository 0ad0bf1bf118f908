import { Token } from 'aws-cdk-lib';

/**
 * Why RabbitMQ refuses a permission or policy pattern, or `undefined` when it compiles it (or when the pattern is a
 * token, unknown until deployment).
 *
 * RabbitMQ compiles these patterns with Erlang's `re`, which is PCRE 8.45 (Erlang/OTP 27), without options: the
 * pattern's UTF-8 bytes are its characters, unless it starts with (*UTF8) or (*UTF). PCRE is not JavaScript's
 * dialect: it takes `(?i)`, `a++`, `(?>a)`, `\Q...\E` and `(?P<n>a)`, which RegExp refuses, and refuses a
 * variable-length lookbehind, `[^]` and `\u0041`, which RegExp takes. So this follows PCRE's own compiler, rule by
 * rule (the messages are PCRE's), checked against RabbitMQ 4.0.5. What it does not work out, it accepts, so it never
 * refuses a pattern RabbitMQ takes: a recursion that could loop forever (`(?R)` first), a subroutine call's length in
 * a lookbehind, and a pattern too large or too deeply nested for PCRE to compile.
 */
export function pcrePatternProblem(pattern: string): string | undefined {
  if (Token.isUnresolved(pattern)) {
    return undefined;
  }
  try {
    new PcreChecker(pattern).check();
    return undefined;
  } catch (e) {
    if (e instanceof PcreError) {
      return e.message;
    }
    if (e === TOO_DEEP) {
      return undefined;
    }
    throw e;
  }
}

class PcreError extends Error {}

/**
 * Groups nested deeper than this are not judged (each level takes stack here): PCRE itself gives up between 800 and
 * 1,400 levels ("regular expression is too complicated"), and no permission or policy pattern comes near.
 */
const MAX_DEPTH = 400;
const TOO_DEEP = new Error('too deeply nested to judge');

/** What a lookbehind needs to know of an item: its length in characters, 'var' if that varies, '?' if not worked out. */
type Len = number | 'var' | '?';

interface Options {
  /** (?x): white space and # comments between items are ignored. */
  readonly extended: boolean;
  /** (?J): groups may share a name. */
  readonly dupnames: boolean;
  /** (?X): an escaped letter without a meaning is an error, not the letter. */
  readonly extra: boolean;
}

interface Item {
  readonly len: Len;
  /** Whether a quantifier may follow: PCRE refuses one after ^, $, \b, \K, an option setting, a verb or a callout. */
  readonly repeatable: boolean;
  /** A group (or assertion, or call): repeated {0}, PCRE still measures it, as variable. */
  readonly group?: boolean;
  /** A lookahead or lookbehind: PCRE ignores a quantifier on it whose minimum is 1 or more. */
  readonly assertion?: boolean;
  /** \R or \X: variable, but PCRE counts it as fixed when repeated {0} or {2} or more times. */
  readonly countedFixed?: boolean;
  /** (*ACCEPT): PCRE measures a lookbehind's branch only up to it. */
  readonly accept?: boolean;
  /** An option setting such as (?i): the options of the rest of the group. */
  readonly options?: Options;
}

const ATOM: Item = { len: 1, repeatable: true };
const VARIABLE: Item = { len: 'var', repeatable: true }; // back references
const NEWLINE_OR_CLUSTER: Item = { len: 'var', repeatable: true, countedFixed: true }; // \R, \X
const CALL: Item = { len: '?', repeatable: true, group: true };
const ANCHOR: Item = { len: 0, repeatable: false };
const ASSERTION: Item = { len: 0, repeatable: true, group: true, assertion: true };

/** Verbs that may only open the pattern; (*UTF8) and (*UTF) make its characters code points instead of bytes. */
const START_VERBS = /^(?:\(\*(?:UTF8?|UCP|NO_AUTO_POSSESS|NO_START_OPT|CR|LF|CRLF|ANYCRLF|ANY|BSR_ANYCRLF|BSR_UNICODE|LIMIT_MATCH=\d*|LIMIT_RECURSION=\d*)\))*/;
/** The other verbs: whether each may go without an argument, and whether it takes one. */
const VERBS = new Map([['', [false, true]], ['MARK', [false, true]], ['ACCEPT', [true, false]], ['COMMIT', [true, false]], ['F', [true, false]],
  ['FAIL', [true, false]], ['PRUNE', [true, true]], ['SKIP', [true, true]], ['THEN', [true, true]]]);
/** Escaped letters with a meaning beyond one character (\d, \b, \Q, \k, ...): the rest stand for a character. */
const SPECIAL_ESCAPES = 'ABCDEGHKNPQRSVWXZbdhkpsvwz';
const POSIX_CLASSES = ['alpha', 'lower', 'upper', 'alnum', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'print', 'punct', 'space', 'word', 'xdigit'];
/** The \p{...} names of Erlang/OTP 27's PCRE (its table, read from the runtime; names are case-sensitive). */
const PROPERTIES = new Set(('Any Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bopomofo Brahmi Braille Buginese Buhid C '
  + 'Canadian_Aboriginal Carian Caucasian_Albanian Cc Cf Chakma Cham Cherokee Cn Co Common Coptic Cs Cuneiform Cypriot Cyrillic Deseret '
  + 'Devanagari Duployan Egyptian_Hieroglyphs Elbasan Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo '
  + 'Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kayah_Li '
  + 'Kharoshthi Khmer Khojki Khudawadi L L& Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Ll Lm Lo Lt Lu Lycian Lydian M Mahajani Malayalam '
  + 'Mandaic Manichaean Mc Me Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Mn Modi Mongolian Mro Myanmar N Nabataean '
  + 'Nd New_Tai_Lue Nko Nl No Ogham Ol_Chiki Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_South_Arabian Old_Turkic Oriya Osmanya P '
  + 'Pahawh_Hmong Palmyrene Pau_Cin_Hau Pc Pd Pe Pf Phags_Pa Phoenician Pi Po Ps Psalter_Pahlavi Rejang Runic S Samaritan Saurashtra Sc Sharada '
  + 'Shavian Siddham Sinhala Sk Sm So Sora_Sompeng Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Telugu '
  + 'Thaana Thai Tibetan Tifinagh Tirhuta Ugaritic Vai Warang_Citi Xan Xps Xsp Xuc Xwd Yi Z Zl Zp Zs').split(' '));

const NO_SUCH_GROUP = 'reference to non-existent subpattern';
const NAME_TERMINATOR = 'syntax error in subpattern name (missing terminator)';
const MALFORMED_CONDITION = 'malformed number or name after (?(';
const MALFORMED_PROPERTY = 'malformed \\P or \\p sequence';
const INVALID_RANGE = 'invalid range in character class';

const isDigit = (c: string) => c >= '0' && c <= '9' && c.length === 1;
/** Bytes PCRE takes in group names: its tables' word characters, which Erlang builds for Latin-1 (so 0xAA, 0xC0...). */
const isWordByte = (b: number) => (b < 0x80 ? /^[A-Za-z0-9_]$/.test(String.fromCharCode(b)) : b === 0xaa || b === 0xb5 || b === 0xba || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7));
const code = (c: string) => c.codePointAt(0)!;

function add(a: Len, b: Len): Len {
  return a === 'var' || b === 'var' ? 'var' : a === '?' || b === '?' ? '?' : a + b;
}

/** A group's length: its branches' when they all have the same. */
function groupLen(branches: Len[]): Len {
  if (branches.includes('var')) {
    return 'var';
  }
  return branches.includes('?') ? '?' : branches.every((b) => b === branches[0]) ? branches[0] : 'var';
}

/** An item's length under a quantifier, as PCRE 8.45 measures it in a lookbehind (quirks included, seen on RabbitMQ). */
function repeated(item: Item, min: number, max: number): Len {
  if (max === 0) {
    return item.group ? 'var' : 0; // PCRE drops a single item repeated {0}, but not a group
  }
  if (min !== max) {
    return item.assertion && min > 0 ? 0 : 'var';
  }
  if (item.countedFixed) {
    return min === 1 ? 'var' : min;
  }
  return typeof item.len === 'number' ? item.len * min : item.len;
}

class PcreChecker {
  /** The pattern's characters as PCRE reads them: bytes, or code points after (*UTF8). */
  private readonly units: string[];
  private readonly utf: boolean;
  private pos: number;
  /** Capturing groups opened so far: relative references count back from here. */
  private groups = 0;
  private readonly names = new Map<string, number[]>();
  private readonly groupNames = new Map<number, string>();
  /** Checks of references, run once the whole pattern is read: a reference may name a later group. */
  private readonly atEnd: Array<() => void> = [];
  private lookbehinds = 0;
  private depth = 0;

  constructor(pattern: string) {
    // Erlang hands PCRE a NUL-terminated copy: PCRE reads up to the first NUL.
    const text = pattern.split('\0')[0];
    const start = START_VERBS.exec(text)![0];
    this.utf = /\(\*UTF8?\)/.test(start);
    this.units = this.utf ? Array.from(text) : Array.from(Buffer.from(text, 'utf-8').toString('latin1'));
    this.pos = start.length;
  }

  public check(): void {
    this.branches(true, { extended: false, dupnames: false, extra: false });
    this.atEnd.forEach((check) => check());
  }

  private peek(ahead = 0): string {
    return this.units[this.pos + ahead] ?? '';
  }

  private next(): string {
    return this.units[this.pos++] ?? '';
  }

  private at(text: string): boolean {
    return this.units.slice(this.pos, this.pos + text.length).join('') === text;
  }

  /** A text's length in bytes, as PCRE counts names even after (*UTF8). */
  private bytes(text: string): number {
    return this.utf ? Buffer.byteLength(text, 'utf-8') : text.length;
  }

  private isWord(c: string): boolean {
    return c !== '' && (this.utf ? [...Buffer.from(c, 'utf-8')] : [code(c)]).every(isWordByte);
  }

  private fail(message: string): never {
    throw new PcreError(message);
  }

  /** Reads the branches of a group up to its `)` (or the top level's end), and returns each one's length. */
  private branches(top: boolean, inherited: Options, branchReset = false): Len[] {
    let options = inherited;
    const lengths: Len[] = [];
    const groupsBefore = this.groups;
    let groupsAfter = this.groups;
    let done: Len = 0; // the branch before its last item, which a quantifier may still change
    let last: Item = ANCHOR;
    let accepted: Len | undefined;
    let quoted = false;
    const push = (item: Item) => {
      done = add(done, last.len);
      last = item;
      if (item.accept && accepted === undefined) {
        accepted = done === 'var' ? 'var' : '?';
      }
    };
    for (;;) {
      if (quoted) { // \Q...\E: literal characters
        if (this.at('\\E')) {
          this.pos += 2;
          quoted = false;
        } else if (this.peek() === '') {
          quoted = false;
        } else {
          this.pos++;
          push(ATOM);
        }
        continue;
      }
      this.skipIgnored(options);
      const c = this.peek();
      if (c === '' || c === '|' || c === ')') {
        lengths.push(accepted ?? add(done, last.len));
        if (c === '') {
          return top ? lengths : this.fail('missing )');
        }
        this.pos++;
        if (c === ')') {
          this.groups = Math.max(groupsAfter, this.groups);
          return top ? this.fail('unmatched parentheses') : lengths;
        }
        if (branchReset) { // (?|...): each branch numbers its groups from the same start
          groupsAfter = Math.max(groupsAfter, this.groups);
          this.groups = groupsBefore;
        }
        [done, last, accepted] = [0, ANCHOR, undefined];
        continue;
      }
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.countedRepeat())) {
        const len = this.quantifier(options, last); // PCRE reads the counts first: {2,1} is out of order before it is misplaced
        if (!last.repeatable) {
          this.fail('nothing to repeat');
        }
        last = { len, repeatable: false };
        continue;
      }
      const item = this.item(options);
      if (item === 'quote') {
        quoted = true;
      } else if (item !== undefined) {
        options = item.options ?? options;
        push(item);
      }
    }
  }

  /** Skips what PCRE ignores between items: (?#...) comments and, with (?x), white space and # comments. */
  private skipIgnored(options: Options): void {
    for (;;) {
      if (options.extended && /^[\t\n\v\f\r ]$/.test(this.peek())) {
        this.pos++;
      } else if (options.extended && this.peek() === '#') {
        while (this.peek() !== '' && this.next() !== '\n') {
          // to the end of the line
        }
      } else if (this.at('(?#')) {
        while (this.peek() !== ')') {
          if (this.next() === '') {
            this.fail('missing ) after comment');
          }
        }
        this.pos++;
      } else {
        return;
      }
    }
  }

  /** Whether the `{` here starts {n}, {n,} or {n,m}; any other `{` is a literal. */
  private countedRepeat(): boolean {
    let k = this.pos + 1;
    const digits = () => {
      const from = k;
      while (isDigit(this.units[k] ?? '')) {
        k++;
      }
      return k > from;
    };
    if (!digits()) {
      return false;
    }
    if (this.units[k] === ',') {
      k++;
      digits();
    }
    return this.units[k] === '}';
  }

  /** Reads a quantifier (with its lazy ? or possessive +) and returns the repeated item's length. */
  private quantifier(options: Options, item: Item): Len {
    const c = this.next();
    let [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    if (c === '{') {
      min = max = this.count();
      if (this.next() === ',') {
        max = this.peek() === '}' ? Infinity : this.count();
        if (max < min) {
          this.fail('numbers out of order in {} quantifier');
        }
        this.pos++;
      }
    }
    // PCRE looks past comments (and, with (?x), white space) for the ? or + after a quantifier.
    this.skipIgnored(options);
    if (this.peek() === '+' || this.peek() === '?') {
      this.pos++;
    }
    return repeated(item, min, max);
  }

  private count(): number {
    let n = 0;
    while (isDigit(this.peek())) {
      n = n * 10 + Number(this.next());
      if (n > 65535) {
        this.fail('number too big in {} quantifier');
      }
    }
    return n;
  }

  /** A decimal number, as PCRE reads group numbers. */
  private number(): number {
    let n = 0;
    while (isDigit(this.peek())) {
      if (n > 214748363) {
        this.fail('number is too big');
      }
      n = n * 10 + Number(this.next());
    }
    return n;
  }

  /** One item: `undefined` for what matches nothing and changes nothing (\E), 'quote' for \Q. */
  private item(options: Options): Item | 'quote' | undefined {
    switch (this.peek()) {
      case '^':
      case '$':
        this.pos++;
        return ANCHOR;
      case '[':
        if (this.at('[[:<:]]') || this.at('[[:>:]]')) { // PCRE's start and end of word: \b(?=\w) and \b(?<=\w)
          this.pos += 7;
          return ASSERTION;
        }
        this.charClass(options);
        return ATOM;
      case '(':
        return this.group(options);
      case '\\':
        return this.escape(options);
      default:
        this.pos++;
        return ATOM;
    }
  }

  private group(options: Options): Item {
    if (++this.depth > MAX_DEPTH) {
      throw TOO_DEEP;
    }
    try {
      return this.groupBody(options);
    } finally {
      this.depth--;
    }
  }

  /** What follows a `(`. */
  private groupBody(options: Options): Item {
    this.pos++;
    if (this.peek() === '*' && /^[A-Za-z:]$/.test(this.peek(1))) {
      return this.verb();
    }
    if (this.peek() !== '?') {
      this.groups++;
      return this.groupItem(this.branches(false, options));
    }
    this.pos++;
    const [c, c1] = [this.peek(), this.peek(1)];
    switch (c) {
      case ':':
      case '>':
        this.pos++;
        return this.groupItem(this.branches(false, options));
      case '|':
        this.pos++;
        return this.groupItem(this.branches(false, options, true));
      case '=':
      case '!':
        this.pos++;
        this.branches(false, options);
        return ASSERTION;
      case '<':
        if (c1 === '=' || c1 === '!') {
          this.pos += 2;
          return this.lookbehind(options);
        }
        if (!this.isWord(c1)) {
          this.fail('unrecognized character after (?<');
        }
        this.pos++;
        return this.namedGroup('>', options);
      case '\'':
        this.pos++;
        return this.namedGroup('\'', options);
      case 'P':
        this.pos += 2;
        if (c1 === '<') {
          return this.namedGroup('>', options);
        }
        if (c1 === '=' || c1 === '>') { // (?P=name) back reference, (?P>name) call
          this.nameReference(')');
          return c1 === '=' ? VARIABLE : CALL;
        }
        return this.fail('unrecognized character after (?P');
      case '&':
        this.pos++;
        this.nameReference(')');
        return CALL;
      case '(':
        return this.conditional(options);
      case 'C':
        return this.callout();
      default:
        if (c === 'R' || isDigit(c) || c === '+' || (c === '-' && isDigit(c1))) {
          return this.numberedCall(')');
        }
        return this.optionSetting(options);
    }
  }

  private groupItem(branches: Len[]): Item {
    return { len: groupLen(branches), repeatable: true, group: true };
  }

  /** (?<=...) and (?<!...): PCRE needs each branch to have a fixed length (branches may differ). */
  private lookbehind(options: Options): Item {
    this.lookbehinds++;
    const branches = this.branches(false, options);
    this.lookbehinds--;
    if (branches.includes('var')) {
      this.fail('lookbehind assertion is not fixed length');
    }
    return ASSERTION;
  }

  /** (?<name>...), (?'name'...), (?P<name>...); the position is on the name. */
  private namedGroup(terminator: string, options: Options): Item {
    const name = this.name();
    if (this.peek() !== terminator) {
      this.fail(NAME_TERMINATOR);
    }
    if (this.bytes(name) > 32) {
      this.fail('subpattern name is too long (maximum 32 characters)');
    }
    this.pos++;
    const number = this.groups + 1;
    const numbers = this.names.get(name) ?? [];
    if (!numbers.includes(number)) { // a branch reset may name the same group twice
      if (numbers.length > 0 && !options.dupnames) {
        this.fail('two named subpatterns have the same name');
      }
      if ((this.groupNames.get(number) ?? name) !== name) {
        this.fail('different names for subpatterns of the same number are not allowed');
      }
      this.names.set(name, [...numbers, number]);
      this.groupNames.set(number, name);
    }
    this.groups++;
    return this.groupItem(this.branches(false, options));
  }

  private name(): string {
    if (isDigit(this.peek())) {
      this.fail('group name must start with a non-digit');
    }
    let name = '';
    while (this.isWord(this.peek())) {
      name += this.next();
    }
    return name;
  }

  /** A reference by name (\k<name>, (?P=name), (?&name), \g<name>, ...) and its terminator. */
  private nameReference(terminator: string): void {
    const name = this.name();
    if (name === '') {
      this.fail('subpattern name expected');
    }
    if (this.next() !== terminator) {
      this.fail(NAME_TERMINATOR);
    }
    if (this.bytes(name) > 32) {
      this.fail('subpattern name is too long (maximum 32 characters)');
    }
    this.atEnd.push(() => this.names.has(name) || this.fail(NO_SUCH_GROUP));
  }

  /** A group number that must exist once the pattern is read. */
  private reference(group: number): void {
    this.atEnd.push(() => group <= this.groups || this.fail(NO_SUCH_GROUP));
  }

  /** (?R), (?n), (?+n), (?-n), and \g<n> with its terminator: a call of a group by number. */
  private numberedCall(terminator: string): Item {
    const sign = this.peek() === '+' || this.peek() === '-' ? this.next() : '';
    if (sign === '+' && !isDigit(this.peek())) {
      this.fail('digit expected after (?+');
    }
    let n = 0;
    if (terminator === ')' && sign === '' && this.peek() === 'R') {
      this.pos++; // (?R): the whole pattern, group 0
    } else {
      n = this.number();
    }
    if (this.next() !== terminator) {
      this.fail(terminator === ')' ? '(?R or (?[+-]digits must be followed by )'
        : '\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number');
    }
    if (sign !== '' && n === 0) {
      this.fail('a numbered reference must not be zero');
    }
    const group = sign === '-' ? this.groups - n + 1 : sign === '+' ? this.groups + n : n;
    if (group <= 0 && sign === '-') {
      this.fail(NO_SUCH_GROUP);
    }
    this.reference(group);
    return CALL;
  }

  /** (?(condition)yes|no); the position is on the condition's `(`. */
  private conditional(options: Options): Item {
    let define = false;
    const [c1, c2, c3] = [this.peek(1), this.peek(2), this.peek(3)];
    if (c1 === '?' && (c2 === '=' || c2 === '!' || (c2 === '<' && (c3 === '=' || c3 === '!')))) {
      this.group(options); // the condition is an assertion
    } else {
      this.pos++;
      define = this.condition();
    }
    const branches = this.branches(false, options);
    if (branches.length > 2) {
      this.fail('conditional group contains more than two branches');
    }
    if (define && branches.length > 1) {
      this.atEnd.push(() => this.names.has('DEFINE') || this.fail('DEFINE group contains more than one branch'));
    }
    return this.groupItem(branches);
  }

  /** A condition's group: (n), (+n), (-n), (<name>), ('name'), (R&name), (name), (R), (Rn), (DEFINE); true for (DEFINE). */
  private condition(): boolean {
    let terminator = ')';
    let bare = false;
    if (this.at('R&')) {
      this.pos += 2;
    } else if (this.peek() === '<' || this.peek() === '\'') {
      terminator = this.next() === '<' ? '>' : '\'';
    } else {
      bare = true;
    }
    const sign = bare && (this.peek() === '+' || this.peek() === '-') ? this.next() : '';
    if (bare && isDigit(this.peek())) {
      const n = this.number();
      if (this.next() !== ')') {
        this.fail(MALFORMED_CONDITION);
      }
      if (n === 0) {
        this.fail('invalid condition (?(0)');
      }
      const group = sign === '-' ? this.groups - n + 1 : sign === '+' ? this.groups + n : n;
      if (group <= 0) {
        this.fail(NO_SUCH_GROUP);
      }
      this.reference(group);
      return false;
    }
    if (sign !== '') {
      this.fail(MALFORMED_CONDITION);
    }
    if (!this.isWord(this.peek())) {
      this.fail('assertion expected after (?( or (?(?C)');
    }
    const name = this.name();
    if ((terminator !== ')' && this.next() !== terminator) || this.next() !== ')') {
      this.fail(MALFORMED_CONDITION);
    }
    // A bare name that no group has may test recursion (R, R2) or be DEFINE.
    const special = bare && /^(?:R\d*|DEFINE)$/.test(name);
    this.atEnd.push(() => this.names.has(name) || special || this.fail(NO_SUCH_GROUP));
    return bare && name === 'DEFINE';
  }

  /** (?C) or (?Cn): a callout, n up to 255. */
  private callout(): Item {
    this.pos++;
    let n = 0;
    while (isDigit(this.peek())) {
      n = n * 10 + Number(this.next());
      if (n > 255) {
        this.fail('number after (?C is > 255');
      }
    }
    if (this.next() !== ')') {
      this.fail('closing ) for (?C expected');
    }
    return ANCHOR;
  }

  /** (?imsxJUX-imsxJUX) for the rest of the group, or (?imsx-imsx:...) for a group. */
  private optionSetting(inherited: Options): Item {
    let { extended, dupnames, extra } = inherited;
    let on = true;
    for (;;) {
      const c = this.next();
      if (c === ')' || c === ':') {
        const options = { extended, dupnames, extra };
        return c === ')' ? { ...ANCHOR, options } : this.groupItem(this.branches(false, options));
      }
      if (c === '-') {
        on = false;
      } else if (c === 'x') {
        extended = on;
      } else if (c === 'J') {
        dupnames = on;
      } else if (c === 'X') {
        extra = on;
      } else if (!'imsU'.includes(c) || c === '') {
        this.fail('unrecognized character after (? or (?-');
      }
    }
  }

  /** (*VERB) or (*VERB:argument); the position is on the `*`. */
  private verb(): Item {
    this.pos++;
    let name = '';
    while (/^[A-Za-z]$/.test(this.peek())) {
      name += this.next();
    }
    let argument = '';
    if (this.peek() === ':') {
      this.pos++;
      while (this.peek() !== '' && this.peek() !== ')') {
        argument += this.next();
      }
      if (this.bytes(argument) > 255) {
        this.fail('name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)');
      }
    }
    const verb = VERBS.get(name);
    if (this.next() !== ')' || verb === undefined) {
      this.fail('(*VERB) not recognized or malformed');
    }
    const [bare, takesArgument] = verb;
    if (argument === '' && !bare) {
      this.fail('(*MARK) must have an argument');
    }
    if (argument !== '' && !takesArgument) {
      this.fail('an argument is not allowed for (*ACCEPT), (*FAIL), or (*COMMIT)');
    }
    return { ...ANCHOR, accept: name === 'ACCEPT' };
  }

  /** An escape outside a class; the position is on the backslash. */
  private escape(options: Options): Item | 'quote' | undefined {
    this.pos++;
    const e = this.escapeValue(false, options);
    switch (e) {
      case 'Q':
        return 'quote';
      case 'E': // an \E without \Q is ignored
        return undefined;
      case 'b': case 'B': case 'A': case 'Z': case 'z': case 'G': case 'K':
        return ANCHOR;
      case 'R': case 'X':
        return NEWLINE_OR_CLUSTER;
      case 'ref':
        return VARIABLE;
      case 'C':
        if (this.utf && this.lookbehinds > 0) {
          this.fail('\\C not allowed in lookbehind assertion');
        }
        return ATOM;
      case 'p': case 'P':
        this.property();
        return ATOM;
      case 'k': {
        const terminator = ({ '<': '>', '\'': '\'', '{': '}' } as Record<string, string>)[this.next()];
        if (terminator === undefined) {
          this.fail('\\k is not followed by a braced, angle-bracketed, or quoted name');
        }
        this.nameReference(terminator);
        return VARIABLE;
      }
      case 'g':
        return this.gEscape();
      default: // a character, or \d \D \s \S \w \W \h \H \v \V \N
        return ATOM;
    }
  }

  /** \g<n>, \g'name' (calls), \gn, \g{n}, \g{-n}, \g{name} (back references); the position is after the g. */
  private gEscape(): Item {
    const open = this.peek();
    if (open === '<' || open === '\'') {
      const terminator = open === '<' ? '>' : '\'';
      this.pos++;
      const c = this.peek();
      if (c === '+' || c === '-' || isDigit(c)) {
        return this.numberedCall(terminator);
      }
      this.nameReference(terminator);
      return CALL;
    }
    if (open === '{') { // a name unless only digits and - come before the }
      let k = this.pos + 1;
      while (this.units[k] === '-' || isDigit(this.units[k] ?? '')) {
        k++;
      }
      if (k < this.units.length && this.units[k] !== '}') {
        this.pos++;
        this.nameReference('}');
        return VARIABLE;
      }
      this.pos++;
    }
    const negative = this.peek() === '-';
    if (negative) {
      this.pos++;
    }
    const n = this.number();
    if (open === '{' && this.next() !== '}') {
      this.fail('\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number');
    }
    if (n === 0) {
      this.fail('a numbered reference must not be zero');
    }
    if (negative && n > this.groups) {
      this.fail(NO_SUCH_GROUP);
    }
    this.reference(negative ? this.groups - n + 1 : n);
    return VARIABLE;
  }

  /**
   * Reads an escape after its backslash: the character's value, the letter of a special escape (\d, \b, \Q, ...), or
   * 'ref' for a back reference \1 to \9... (outside a class; inside one, digits are octal).
   */
  private escapeValue(inClass: boolean, options: Options): number | string {
    const c = this.next();
    if (c === '') {
      this.fail('\\ at end of pattern');
    }
    if (SPECIAL_ESCAPES.includes(c)) {
      if (c === 'N' && this.peek() === '{' && !this.countedRepeat()) {
        this.fail('PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u');
      }
      return c;
    }
    if ('aefnrt'.includes(c)) {
      return [7, 27, 12, 10, 13, 9]['aefnrt'.indexOf(c)];
    }
    switch (c) {
      case 'l': case 'L': case 'u': case 'U':
        return this.fail('PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u');
      case 'g':
        return inClass ? code(c) : c;
      case 'c': {
        const d = this.next();
        if (d === '') {
          this.fail('\\c at end of pattern');
        }
        if (code(d) > 127) {
          this.fail('\\c must be followed by an ASCII character');
        }
        const upper = code(d.toUpperCase()); // \cX flips bit 6 of X, uppercased
        return upper >= 0x40 ? upper - 0x40 : upper + 0x40;
      }
      case 'x':
        if (this.peek() !== '{') {
          let value = 0;
          for (let k = 0; k < 2 && /^[0-9A-Fa-f]$/.test(this.peek()); k++) {
            value = value * 16 + parseInt(this.next(), 16);
          }
          return value;
        }
        this.pos++;
        return this.bracedValue(16);
      case 'o':
        if (this.next() !== '{') {
          this.fail('missing opening brace after \\o');
        }
        return this.bracedValue(8);
      default:
    }
    if (isDigit(c)) {
      // \1 to \7, or more if that many groups are open, is a back reference; otherwise \8 and \9 are the digits,
      // and other digits octal.
      if (!inClass && c !== '0') {
        this.pos--;
        const n = this.number();
        if (n < 8 || n <= this.groups) {
          this.reference(n);
          return 'ref';
        }
        this.pos -= String(n).length - 1;
      }
      return c >= '8' ? code(c) : this.octal(c);
    }
    if (/^[A-Za-z]$/.test(c) && options.extra) {
      this.fail('unrecognized character follows \\');
    }
    return code(c); // an escaped character without a meaning is the character
  }

  /** \ddd: up to three octal digits; the first is read. */
  private octal(first: string): number {
    let value = Number(first);
    for (let k = 0; k < 2 && /^[0-7]$/.test(this.peek()); k++) {
      value = value * 8 + Number(this.next());
    }
    if (!this.utf && value > 0xff) {
      this.fail('octal value is greater than \\377 in 8-bit non-UTF-8 mode');
    }
    return value;
  }

  /** \x{...} or \o{...}, after the brace: up to 0xff, or a code point after (*UTF8). */
  private bracedValue(radix: 8 | 16): number {
    if (this.peek() === '}') {
      this.fail('digits missing in \\x{} or \\o{}');
    }
    const digit = radix === 16 ? /^[0-9A-Fa-f]$/ : /^[0-7]$/;
    let value = 0;
    while (digit.test(this.peek())) {
      value = value * radix + parseInt(this.next(), radix);
    }
    if (value > (this.utf ? 0x10ffff : 0xff)) {
      this.fail('character value in \\x{} or \\o{} is too large');
    }
    if (this.next() !== '}') {
      this.fail(radix === 16 ? 'non-hex character in \\x{} (closing brace missing?)' : 'non-octal character in \\o{} (closing brace missing?)');
    }
    if (this.utf && value >= 0xd800 && value <= 0xdfff) {
      this.fail('disallowed Unicode code point (>= 0xd800 && <= 0xdfff)');
    }
    return value;
  }

  /** \pX, \p{Name} or \p{^Name}, after the p. */
  private property(): void {
    let name = this.next();
    if (name === '') {
      this.fail(MALFORMED_PROPERTY);
    }
    if (name === '{') {
      if (this.peek() === '^') {
        this.pos++;
      }
      name = '';
      while (this.peek() !== '}') {
        if (this.peek() === '') {
          this.fail(MALFORMED_PROPERTY);
        }
        name += this.next();
      }
      this.pos++;
    }
    if (!PROPERTIES.has(name)) {
      this.fail('unknown property name after \\P or \\p');
    }
  }

  /** Whether a POSIX class such as [:alpha:] (or [.a.], [=a=]) starts at `k`, as PCRE's check_posix_syntax finds it. */
  private posixEnd(k: number): number | undefined {
    const terminator = this.units[k + 1];
    if (this.units[k] !== '[' || (terminator !== ':' && terminator !== '.' && terminator !== '=')) {
      return undefined;
    }
    for (let j = k + 2; j < this.units.length; j++) {
      const c = this.units[j];
      if (c === '\\' && (this.units[j + 1] === ']' || this.units[j + 1] === '\\')) {
        j++;
      } else if ((c === '[' && this.units[j + 1] === terminator) || c === ']') {
        return undefined;
      } else if (c === terminator && this.units[j + 1] === ']') {
        return j;
      }
    }
    return undefined;
  }

  /** [...]; the position is on the `[`. */
  private charClass(options: Options): void {
    if (this.posixEnd(this.pos) !== undefined) {
      this.fail(this.peek(1) === ':' ? 'POSIX named classes are supported only within a class' : 'POSIX collating elements are not supported');
    }
    this.pos++;
    // A ^, and \E or \Q\E, may come before the first character, which is a literal even if it is ].
    let negated = false;
    for (;;) {
      if (this.at('\\E')) {
        this.pos += 2;
      } else if (this.at('\\Q\\E')) {
        this.pos += 4;
      } else if (!negated && this.peek() === '^') {
        negated = true;
        this.pos++;
      } else {
        break;
      }
    }
    let quoted = false;
    for (let first = true; ; first = false) {
      const c = this.peek();
      if (c === '') {
        this.fail('missing terminating ] for character class');
      }
      if (c === ']' && !quoted && !first) {
        this.pos++;
        return;
      }
      let value: number; // the member's character, which may start a range
      const posix = quoted ? undefined : this.posixEnd(this.pos);
      if (quoted && this.at('\\E')) {
        this.pos += 2;
        quoted = false;
        continue;
      } else if (posix !== undefined) {
        if (this.peek(1) !== ':') {
          this.fail('POSIX collating elements are not supported');
        }
        if (!POSIX_CLASSES.includes(this.units.slice(this.pos + 2, posix).join('').replace(/^\^/, ''))) {
          this.fail('unknown POSIX class name');
        }
        this.pos = posix + 2;
        continue; // a - after it is a literal
      } else if (c === '\\' && !quoted) {
        this.pos++;
        const e = this.escapeValue(true, options);
        if (e === 'Q') {
          quoted = true;
          continue;
        } else if (e === 'E') {
          continue;
        } else if (e === 'N') {
          this.fail('\\N is not supported in a class');
        } else if (e === 'p' || e === 'P') {
          this.property();
          continue; // a - after a set of characters is a literal
        } else if (typeof e === 'string' && 'dDsSwWhHvV'.includes(e)) {
          continue;
        } else if (typeof e === 'string' && e !== 'b' && options.extra) {
          this.fail('invalid escape sequence in character class');
        }
        // \b is a backspace in a class; other special escapes (\B, \R, \X, \k, ...) are their letter.
        value = typeof e === 'number' ? e : e === 'b' ? 8 : code(e);
      } else {
        value = code(this.next());
      }
      while (this.at('\\E')) {
        this.pos += 2;
        quoted = false;
      }
      if (quoted || this.peek() !== '-') {
        continue;
      }
      const hyphen = this.pos++;
      while (this.at('\\E')) {
        this.pos += 2;
      }
      while (this.at('\\Q')) {
        this.pos += 2;
        if (!this.at('\\E')) {
          quoted = true;
          break;
        }
        this.pos += 2;
      }
      const d = this.peek();
      if (d === '' || (d === ']' && !quoted)) { // a - before the closing ] is a literal
        this.pos = hyphen;
        continue;
      }
      let end: number;
      if (d === '\\' && !quoted) {
        this.pos++;
        const e = this.escapeValue(true, options);
        if (typeof e === 'string' && e !== 'b') {
          this.fail(INVALID_RANGE); // a range cannot end with \d, \p{L}, \R, ...
        }
        end = typeof e === 'number' ? e : 8;
      } else if (!quoted && this.posixEnd(this.pos) !== undefined) {
        this.fail(INVALID_RANGE);
      } else {
        end = code(this.next());
      }
      if (end < value) {
        this.fail('range out of order in character class');
      }
    }
  }
}
