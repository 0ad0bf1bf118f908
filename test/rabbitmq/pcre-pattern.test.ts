import { Lazy, Token } from 'aws-cdk-lib';
import { NOT_JUDGED, PCRE_PATTERNS } from './pcre-pattern-table';
import { POLICY } from '../../src/rabbitmq/management/objects/policy';
import { USER } from '../../src/rabbitmq/management/objects/user';
import { pcrePatternProblem } from '../../src/rabbitmq/management/pcre-pattern';

const regExpAccepts = (pattern: string) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

describe.each(PCRE_PATTERNS)('pattern $pattern ($what)', ({ pattern, accepted }) => {
  test(`is ${accepted ? 'accepted' : 'refused'}, as RabbitMQ 4.0.5 does`, () => {
    const problem = pcrePatternProblem(pattern);
    expect(problem === undefined ? 'accepted' : `refused: ${problem}`).toEqual(accepted ? 'accepted' : expect.stringMatching(/^refused: /));
  });
});

test('the table tries both ways JavaScript\'s RegExp judges otherwise than PCRE', () => {
  expect(PCRE_PATTERNS.filter((r) => r.accepted && !regExpAccepts(r.pattern)).length).toBeGreaterThan(15);
  expect(PCRE_PATTERNS.filter((r) => !r.accepted && regExpAccepts(r.pattern)).length).toBeGreaterThan(15);
});

test('refusals carry PCRE\'s own message', () => {
  expect(pcrePatternProblem('(?<=a+)b')).toBe('lookbehind assertion is not fixed length');
  expect(pcrePatternProblem('([')).toBe('missing terminating ] for character class');
  expect(pcrePatternProblem('*a')).toBe('nothing to repeat');
  expect(pcrePatternProblem('\\u0041')).toBe('PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u');
  expect(pcrePatternProblem('(?<n>a)\\k<m>')).toBe('reference to non-existent subpattern');
});

test('what the check does not work out is accepted, never refused', () => {
  expect(NOT_JUDGED.map(pcrePatternProblem)).toEqual(NOT_JUDGED.map(() => undefined));
  expect(pcrePatternProblem('('.repeat(1000) + ')'.repeat(1000))).toBeUndefined();
});

test('tokens are never refused', () => {
  expect(pcrePatternProblem(Lazy.string({ produce: () => '([' }))).toBeUndefined();
  expect(pcrePatternProblem(`^${Token.asString({ Ref: 'Prefix' })}(`)).toBeUndefined();
});

test('PCRE reads a pattern up to its first NUL, as Erlang passes it', () => {
  expect(pcrePatternProblem('a\u0000(')).toBeUndefined();
  expect(pcrePatternProblem('[a\u0000]')).toBe('missing terminating ] for character class');
});

describe('the rules judge patterns as PCRE', () => {
  const broker = { reservedUsernames: [] };
  const permissions = (read: string) => [USER.rules.find((r) => r.id === 'RabbitMqPermissionPatterns')!.check({
    kind: 'user', name: 'app-user', taken: false, broker, options: { permissions: { configure: '^$', write: '^$', read } },
  }) ?? []].flat();
  const policy = (pattern: string) => [POLICY.rules.find((r) => r.id === 'RabbitMqPolicyDefinition')!.check({
    kind: 'policy', name: 'ttl', taken: false, broker, options: { pattern, definition: { 'message-ttl': 1000 } },
  }) ?? []].flat();

  test('(?i)^orders, an inline option RegExp refuses, is accepted in permissions and policies', () => {
    expect(permissions('(?i)^orders')).toEqual([]);
    expect(policy('(?i)^orders')).toEqual([]);
  });

  test('(?<=a+)b, a variable-length lookbehind RegExp accepts, is refused in permissions and policies', () => {
    const allowed = 'allowed: a PCRE regular expression (RabbitMQ\'s dialect), such as \'^orders\\\\..*\' or \'.*\' (\'^$\' grants nothing)';
    expect(permissions('(?<=a+)b')).toEqual([
      `'permissions.read' '(?<=a+)b' is not a regular expression (lookbehind assertion is not fixed length); ${allowed}`,
    ]);
    expect(policy('(?<=a+)b')).toEqual([
      `'policy 'ttl' pattern' '(?<=a+)b' is not a regular expression (lookbehind assertion is not fixed length); ${allowed}`,
    ]);
  });
});
